import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { Clock } from './clock/clock';
import { DatabaseModule } from './database/database.module';
import { JobRunner } from './queue/job-runner.service';
import { QueueModule } from './queue/queue.module';
import './errors/platform-constraints';

/** Shared infrastructure every process needs (API, worker, CLI). */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: PlatformModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, AuditModule, DiscoveryModule],
      providers: [{ provide: Clock, useValue: clock }, JobRunner],
      exports: [Clock, JobRunner],
    };
  }
}
