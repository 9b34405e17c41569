import { DynamicModule, Module } from '@nestjs/common';
import { domainModules } from './modules/domain-modules';
import { MembershipGrantReader } from './modules/structures/grant-reader.service';
import { StructuresModule } from './modules/structures/structures.module';
import { AuthModule } from './platform/auth/auth.module';
import { Clock } from './platform/clock/clock';
import { AppConfig } from './platform/config/app-config';
import { HealthModule } from './platform/health/health.module';
import { PlatformModule } from './platform/platform.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, clock),
        AuthModule.forRoot(StructuresModule, MembershipGrantReader),
        HealthModule,
        ...domainModules,
      ],
    };
  }
}
