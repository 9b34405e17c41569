import { DynamicModule, Module, Type } from '@nestjs/common';
import { serviceModules } from './app.module';
import { Clock } from './platform/clock/clock';
import { AppConfig } from './platform/config/app-config';
import { WithoutHttp } from './platform/queue/without-http';

/**
 * The worker's module: the service's modules without controllers, guards, request enhancers or the HTTP-only health
 * module (src/platform/queue/without-http.ts). Job handlers are providers of the domain modules (`@HandlesJob`), so a
 * module listed in domain-modules.ts brings its handlers here by itself; `JobRunner` finds them by their metadata.
 */
@Module({})
export class WorkerModule {
  /** What was stripped, by the last `forRoot` (the worker logs it at boot; its test reads it). */
  static removed: WithoutHttp['removed'] = { controllers: [], providers: [] };

  static forRoot(config: AppConfig, clock?: Clock, extraModules: Type<unknown>[] = []): DynamicModule {
    const strip = new WithoutHttp();
    const { all, httpOnly } = serviceModules(config, clock, extraModules);
    const imports = all.filter((m) => !httpOnly.includes(m as Type<unknown>)).map((m) => strip.module(m));
    WorkerModule.removed = strip.removed;
    return { module: WorkerModule, imports };
  }
}
