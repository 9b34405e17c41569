import { Get, Header, Param } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { commonErrors } from '../errors/app-error';
import { PageController } from './page-controller';
import { STYLESHEET, STYLESHEET_VERSION } from './styles';

@PageController('ressources')
@Public()
export class AssetsController {
  /** The address carries the content hash, so a year of caching is safe. */
  @Get('maillage.:version.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  stylesheet(@Param('version') version: string): string {
    if (version !== STYLESHEET_VERSION) throw commonErrors.notFound('La feuille de style');
    return STYLESHEET;
  }
}
