import { Global, Module } from '@nestjs/common';
import { EmployerSessionGuard } from './employer-session.guard';
import { LinkRateLimiter } from './link-rate-limiter';
import { LinkPageController, LinksApiController } from './links.controller';
import { LinksService } from './links.service';

/** The one employer-link mechanism (DESIGN §3–4); modules declare their kinds with `defineLinkKind`. */
@Global()
@Module({
  controllers: [LinkPageController, LinksApiController],
  providers: [LinksService, LinkRateLimiter, EmployerSessionGuard],
  exports: [LinksService, EmployerSessionGuard],
})
export class LinksModule {}
