import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which record, and when. Append-only: reads of personal data and sharing decisions are written here
 * so that a person can be told who saw their data.
 */
@Entity('audit_entry')
@Index('IDX_audit_entry_subject', ['subjectType', 'subjectId', 'at'])
@Index('IDX_audit_entry_actor', ['actorUserId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** Null for the system (jobs) and for employers acting through a link (see `actorLabel`). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_label', type: 'varchar', length: 120, nullable: true })
  actorLabel: string | null;

  /** e.g. `candidate.identity.read`, `company.shared`, `solicitation.override`. */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 60 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  /** Ids and reasons only, never the personal data itself. */
  @Column({ type: 'jsonb' })
  context: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
