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

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
