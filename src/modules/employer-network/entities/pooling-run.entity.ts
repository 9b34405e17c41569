import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Collective } from '../../structures/entities/collective.entity';

export type PoolingRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One pooling of a collective: what the progress endpoint shows while the job runs, and its figures afterwards. */
@Entity('pooling_run')
@Index('IDX_pooling_run_collective', ['collectiveId', 'createdAt'])
@Check('CK_pooling_run_status', `status IN ('queued', 'running', 'done', 'failed')`)
export class PoolingRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_pooling_run_collective' })
  collective?: Collective;

  @Column({ type: 'varchar', length: 8 })
  status: PoolingRunStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phase: string | null;

  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'jsonb', nullable: true })
  stats: Record<string, unknown> | null;

  /** full: every record re-linked; incremental: only what the changes reach; unchanged: nothing to re-link. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  mode: 'full' | 'incremental' | 'unchanged' | null;

  /** A coordinator asked for a full re-link (statistics counted again). */
  @Column({ name: 'full_requested', type: 'boolean', default: false })
  fullRequested: boolean;

  /** Digest of the linking engine and commune referential it ran with: a different one calls for a full re-link. */
  @Column({ name: 'engine_version', type: 'varchar', length: 64, nullable: true })
  engineVersion: string | null;

  /** Name-word statistics counted by this (full) run, which later incremental runs reuse. */
  @Column({ name: 'linking_statistics', type: 'jsonb', nullable: true })
  linkingStatistics: { records: number; documentFrequency: Array<[string, number]> } | null;

  /** The run whose statistics this one linked with (itself for a full run). */
  @Column({ name: 'statistics_run_id', type: 'uuid', nullable: true })
  statisticsRunId: string | null;

  /** The human corrections it respected (`kind|a|b`), to see which ones the next run must apply. */
  @Column({ type: 'jsonb', nullable: true })
  corrections: string[] | null;

  /** Records changed since the statistics were counted. */
  @Column({ type: 'int', default: 0 })
  drift: number;

  /** Attempts that failed (BullMQ retries the job with a backoff); after the last one the run is `failed`. */
  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts: number;

  /** The error of the last failed attempt, as the worker saw it (shown to coordinators in the progress). */
  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
