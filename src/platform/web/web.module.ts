import { Global, Module } from '@nestjs/common';
import { AssetsController } from './assets.controller';
import { StaffLoginController, StaffSession } from './staff-session';
import { WebSecurity } from './web-security';

/** Shared by every module that has pages: cookies, CSRF, the stylesheet (layout and components are plain imports). */
@Global()
@Module({
  controllers: [AssetsController, StaffLoginController],
  providers: [WebSecurity, StaffSession],
  exports: [WebSecurity, StaffSession],
})
export class WebModule {}
