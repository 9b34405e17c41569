import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditService } from './audit.service';
import { RefusedWriteAuditInterceptor } from './refused-writes';

@Global()
@Module({
  providers: [AuditService, { provide: APP_INTERCEPTOR, useClass: RefusedWriteAuditInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
