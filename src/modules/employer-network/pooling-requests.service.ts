import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../platform/queue/outbox.service';
import { PoolingRun } from './entities';

/**
 * Asks for a pooling of a collective, in the caller's transaction (outbox). A burst of changes makes one run: while a
 * run of the collective is still queued, later requests join it.
 */
@Injectable()
export class PoolingRequests {
  constructor(private readonly outbox: OutboxService) {}

  /** `full`: re-link every record and count the statistics again, instead of re-linking what changed (see PoolingService). */
  async requestForCollective(
    manager: EntityManager,
    collectiveId: string,
    userId: string | null,
    full = false,
  ): Promise<PoolingRun> {
    // the collective row serialises two requests racing to create the queued run
    await manager.query(`SELECT 1 FROM collective WHERE id = $1 FOR UPDATE`, [collectiveId]);
    const queued = await manager.findOne(PoolingRun, {
      where: { collectiveId, status: 'queued' },
      order: { createdAt: 'DESC' },
    });
    if (queued) {
      if (full && !queued.fullRequested) await manager.update(PoolingRun, { id: queued.id }, { fullRequested: true });
      return full ? { ...queued, fullRequested: true } : queued;
    }
    const run = await manager.save(
      PoolingRun,
      manager.create(PoolingRun, { collectiveId, status: 'queued', requestedByUserId: userId, fullRequested: full }),
    );
    await this.outbox.enqueue(manager, 'employer-network.pool', { v: 1, collectiveId, runId: run.id });
    return run;
  }

  /** Every collective the company is (or was just) shared with. */
  async requestForCompany(manager: EntityManager, companyId: string, userId: string | null): Promise<void> {
    const rows: Array<{ collective_id: string }> = await manager.query(
      `SELECT DISTINCT collective_id FROM company_share WHERE company_id = $1 AND withdrawn_at IS NULL ORDER BY collective_id`,
      [companyId],
    );
    for (const r of rows) await this.requestForCollective(manager, r.collective_id, userId);
  }
}
