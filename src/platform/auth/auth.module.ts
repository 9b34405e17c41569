import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { GRANT_READER, GrantReader } from './principal';
import { TokenHasher } from './token-hasher';

/** `grantReader` comes from the module that owns memberships (structures), imported through `grantModule`. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(grantModule: Type<unknown>, grantReader: Type<GrantReader>): DynamicModule {
    return {
      module: AuthModule,
      imports: [grantModule],
      controllers: [AuthController],
      providers: [
        AuthService,
        TokenHasher,
        LoginRateLimiter,
        { provide: GRANT_READER, useExisting: grantReader },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService, TokenHasher],
    };
  }
}
