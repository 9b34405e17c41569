import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { OutboxService } from '../../platform/queue/outbox.service';
import { CandidatePrivacyService } from './candidate-privacy.service';

/** Candidates per sweep pass; a full pass queues the next one, so a large backlog is worked through in steps. */
export const RETENTION_BATCH = 500;
/** A candidate queued this long ago and still not erased (its job failed for good) is queued again. */
const REQUEUE_AFTER_HOURS = 24;

/**
 * Retention: RETENTION_MONTHS after a person left the SIAE (status left / hired elsewhere, `left_at`), their data is
 * anonymised. The sweep only selects and fans out one `candidates.anonymise` job per due candidate through the outbox;
 * each job re-reads the candidate and skips it if it was erased meanwhile.
 */
@Injectable()
export class CandidateRetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly privacy: CandidatePrivacyService,
  ) {}

  /**
   * The anonymise job: re-checks, under the row lock, that the candidate is still due (they may have been taken back
   * on, or their leaving date corrected, since the sweep), then anonymises. Erased or no longer due: skipped.
   */
  async anonymiseIfDue(candidateId: string): Promise<'done' | 'skipped'> {
    return this.dataSource.transaction(async (manager) => {
      const due: unknown[] = await manager.query(
        `SELECT 1 FROM candidate WHERE id = $1 AND erased_at IS NULL AND left_at IS NOT NULL
            AND left_at <= ($2::timestamptz - make_interval(months => $3::int))::date FOR UPDATE`,
        [candidateId, this.clock.now(), this.config.RETENTION_MONTHS],
      );
      if (due.length === 0) return 'skipped';
      return this.privacy.anonymise(manager, candidateId, 'retention', null);
    });
  }

  /** Asks for a sweep (from the daily schedule, an admin, or a test). */
  async requestSweep(): Promise<string> {
    return this.dataSource.transaction((manager) =>
      this.outbox.enqueue(manager, 'candidates.retention.sweep', { v: 1 }),
    );
  }

  /** One pass: queues up to RETENTION_BATCH due candidates, and another pass if there may be more. */
  async sweepOnce(): Promise<{ queued: number; continued: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const due: Array<{ id: string }> = await manager.query(
        `SELECT id FROM candidate
          WHERE erased_at IS NULL AND left_at IS NOT NULL
            AND left_at <= ($1::timestamptz - make_interval(months => $2::int))::date
            AND (retention_queued_at IS NULL OR retention_queued_at < $1::timestamptz - make_interval(hours => $3::int))
          ORDER BY left_at, id
          LIMIT $4
          FOR UPDATE SKIP LOCKED`,
        [now, this.config.RETENTION_MONTHS, REQUEUE_AFTER_HOURS, RETENTION_BATCH],
      );
      for (const { id } of due) await this.outbox.enqueue(manager, 'candidates.anonymise', { v: 1, candidateId: id });
      if (due.length > 0)
        await manager.query(`UPDATE candidate SET retention_queued_at = $1 WHERE id = ANY($2::uuid[])`, [
          now,
          due.map((d) => d.id),
        ]);
      const continued = due.length === RETENTION_BATCH;
      if (continued) await this.outbox.enqueue(manager, 'candidates.retention.sweep', { v: 1 });
      return { queued: due.length, continued };
    });
  }
}
