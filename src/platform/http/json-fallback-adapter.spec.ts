import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import request from 'supertest';
import { HttpExceptionFilter } from '../errors/http-exception.filter';
import { JsonFallbackExpressAdapter } from './json-fallback-adapter';

@Controller('pages')
class PagesController {
  @Get('accueil')
  home(): string {
    return '<p>accueil</p>';
  }
}

@Controller('things')
class ThingsController {
  @Get()
  list(): string[] {
    return ['a'];
  }
}

@Module({ controllers: [PagesController, ThingsController] })
class PagesModule {}

describe('JsonFallbackExpressAdapter', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(PagesModule, new JsonFallbackExpressAdapter(), {
      logger: false,
    });
    // As the web pages will be: a controller outside the /api prefix, and a route mounted on Express before init().
    app.setGlobalPrefix('api', { exclude: ['pages/*path'] });
    app.useGlobalFilters(new HttpExceptionFilter());
    app.use('/raw', (_req: Request, res: Response) => res.send('raw'));
    await app.init();
  });
  afterAll(() => app.close());

  it('serves routes declared outside /api, by controllers or on Express before init', async () => {
    await request(app.getHttpServer()).get('/pages/accueil').expect(200, '<p>accueil</p>');
    await request(app.getHttpServer()).get('/raw').expect(200, 'raw');
    await request(app.getHttpServer()).get('/api/things').expect(200, ['a']);
  });

  it('answers any other path, in or out of /api, with the JSON error shape in French', async () => {
    for (const path of ['/', '/nulle-part', '/pages/absente', '/api/absente', '/apiary']) {
      const res = await request(app.getHttpServer()).get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ code: 'ROUTE_NOT_FOUND', message: "Cette adresse n'existe pas." });
    }
    const post = await request(app.getHttpServer()).post('/pages/accueil').expect(404);
    expect(post.body.code).toBe('ROUTE_NOT_FOUND');
  });
});
