import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { Clock } from './platform/clock/clock';
import { AppConfig, parseTrustProxy } from './platform/config/app-config';
import { ErrorDto, FieldProblemDto } from './platform/errors/error.dto';
import { HttpExceptionFilter } from './platform/errors/http-exception.filter';
import { createValidationPipe } from './platform/errors/validation';
import { JsonFallbackExpressAdapter } from './platform/http/json-fallback-adapter';
import { securityHeaders } from './platform/http/security-headers';
import { withStringBounds } from './platform/input/openapi-string-bounds';
import { answerClientErrorsAsJson, rejectInvalidUtf8, rejectMalformedQuery } from './platform/input/http-encoding';
import { JsonLogger } from './platform/logging/json-logger';
import { requestIdMiddleware } from './platform/logging/request-context';
import { addErrorResponses } from './platform/openapi/error-responses';
import { withNamedSchemas } from './platform/openapi/named-schemas';
import { pageRouteExclusions } from './platform/web/page-controller';

export interface CreateAppOptions {
  clock?: Clock;
  logger?: JsonLogger | false;
  /** Build the module graph without instantiating providers (no database, no Redis): for the OpenAPI export. */
  preview?: boolean;
  /** Extra modules mounted beside the app's (tests mount small pages of their own). */
  extraModules?: Type<unknown>[];
}

/** Builds the HTTP application exactly as production runs it; the tests and the OpenAPI export use it too. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.clock, options.extraModules),
    new JsonFallbackExpressAdapter(),
    {
      logger: options.logger === undefined ? new JsonLogger(config.LOG_LEVEL) : options.logger,
      bodyParser: false,
      preview: options.preview ?? false,
    },
  );
  app.use(requestIdMiddleware);
  app.use(securityHeaders({ production: config.NODE_ENV === 'production' }));
  // Bodies are small forms; a limit keeps a client from tying up a process with a huge payload.
  // `verify` is left out of Nest's option types (it sets it for rawBody) but passed through to body-parser as is
  const utf8Only = { verify: rejectInvalidUtf8 };
  app.useBodyParser('json', { limit: '256kb', ...utf8Only });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false, ...utf8Only });
  app.use(rejectMalformedQuery);
  answerClientErrorsAsJson(app.getHttpServer());
  // Unsigned: the session cookies are random tokens looked up hashed, and the CSRF cookie carries its own HMAC.
  app.use(cookieParser());
  // Pages (employer links, job dating pages) live outside /api; each page controller declares its root.
  app.setGlobalPrefix('api', { exclude: pageRouteExclusions() });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.disable('x-powered-by');
  // Default: trust no proxy, so X-Forwarded-For cannot be written by a client to dodge the per-address login limit.
  app.set('trust proxy', parseTrustProxy(config.TRUST_PROXY) ?? false);
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Maillage')
    .setDescription('API de Maillage : coopération des SIAE d’un territoire. Erreurs : `{ code, message, details? }`.')
    .setVersion('0.1.0')
    .addBearerAuth()
    // Employer routes: the HttpOnly session cookie opened from a personal link (platform/links).
    .addCookieAuth('maillage_employeur', { type: 'apiKey', in: 'cookie' }, 'employer-session')
    .build();
  return withStringBounds(
    addErrorResponses(
      withNamedSchemas(SwaggerModule.createDocument(app, config, { extraModels: [ErrorDto, FieldProblemDto] })),
    ),
  );
}
