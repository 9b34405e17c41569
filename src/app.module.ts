import { DynamicModule, Module, Type } from '@nestjs/common';
import { domainModules } from './modules/domain-modules';
import { MembershipGrantReader } from './modules/structures/grant-reader.service';
import { StructuresModule } from './modules/structures/structures.module';
import { AuthModule } from './platform/auth/auth.module';
import { Clock } from './platform/clock/clock';
import { AppConfig } from './platform/config/app-config';
import { HealthModule } from './platform/health/health.module';
import { LinksModule } from './platform/links/links.module';
import { PlatformModule } from './platform/platform.module';
import { WebModule } from './platform/web/web.module';

/**
 * The modules of the service, for the API (`AppModule`) and, stripped of what serves HTTP, for the worker
 * (`WorkerModule`). `http` lists those that serve HTTP only (the worker leaves them out entirely).
 */
export function serviceModules(
  config: AppConfig,
  clock?: Clock,
  extraModules: Type<unknown>[] = [],
): { all: Array<Type<unknown> | DynamicModule>; httpOnly: Array<Type<unknown>> } {
  return {
    all: [
      PlatformModule.forRoot(config, clock),
      AuthModule.forRoot(StructuresModule, MembershipGrantReader),
      HealthModule,
      WebModule,
      LinksModule,
      ...domainModules,
      ...extraModules,
    ],
    httpOnly: [HealthModule],
  };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock, extraModules: Type<unknown>[] = []): DynamicModule {
    return { module: AppModule, imports: serviceModules(config, clock, extraModules).all };
  }
}
