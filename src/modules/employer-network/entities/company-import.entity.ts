import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { Siae } from '../../structures/entities/siae.entity';

export type CompanyImportStatus = 'queued' | 'running' | 'done' | 'invalid' | 'failed';
export const companyImportStatuses: readonly CompanyImportStatus[] = ['queued', 'running', 'done', 'invalid', 'failed'];

/**
 * One CSV import of an SIAE's company list, run by the worker (issue 12 §7): the request stores the file here and
 * answers 202; the job parses, matches and writes in one transaction (all or nothing), moving `phase`/`processed` on a
 * connection of its own so that the progress endpoint sees them; `result` (figures + per-line report) when `done`,
 * `errors` (the line-by-line refusal, nothing written) when `invalid`, `last_error` when `failed` after the last retry.
 * The file is dropped once the import is over.
 */
@Entity('company_import')
@Index('IDX_company_import_siae', ['siaeId', 'createdAt'])
@Check('CK_company_import_status', `status IN ('queued', 'running', 'done', 'invalid', 'failed')`)
export class CompanyImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_company_import_siae' })
  siae?: Siae;

  @Column({ type: 'varchar', length: 8 })
  status: CompanyImportStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phase: string | null;

  /** Data lines of the file (known once it is read). */
  @Column({ type: 'int', default: 0 })
  total: number;

  /** Lines through the current phase. */
  @Column({ type: 'int', default: 0 })
  processed: number;

  /** The CSV bytes as sent; null once the import is over. */
  @Column({ type: 'bytea', nullable: true })
  file: Buffer | null;

  /** The column mapping of the request (field → header), if any. */
  @Column({ type: 'jsonb', nullable: true })
  mapping: Record<string, string> | null;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  errors: Record<string, unknown> | null;

  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_user_id', foreignKeyConstraintName: 'FK_company_import_requested_by' })
  requestedBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
