import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { currentRequestId } from '../logging/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actorUserId?: string | null;
  actorLabel?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  context?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager so the audit row commits (or rolls back) with the change it describes. */
  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  async recordMany(entries: AuditRecord[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (entries.length === 0) return;
    const requestId = currentRequestId() ?? null;
    await manager.insert(
      AuditEntry,
      entries.map((e) => ({
        actorUserId: e.actorUserId ?? null,
        actorLabel: e.actorLabel ?? null,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId ?? null,
        context: (e.context ?? {}) as AuditEntry['context'] & object,
        requestId,
      })),
    );
  }
}
