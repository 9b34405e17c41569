import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Commune } from '../../referentials/entities/commune.entity';
import { Collective } from '../../structures/entities/collective.entity';
import { eventKinds, eventStatuses, sqlList, type EventKind, type EventStatus } from '../events-vocabulary';

/** A time window of the day, local time in France (`HH:MM`). */
export interface TimeWindow {
  start: string;
  end: string;
}

/**
 * An event organised by a collective: a job dating (or a company visit, a forum, an information session with the same
 * registration machinery). Its slots are derived from the windows, slot length and changeover and stored
 * (`event_slot`), so bookings and the planning refer to rows, not to times recomputed differently by each reader.
 * Each status has the date it was entered; `event_status_change` keeps every move.
 */
@Entity('event')
@Index('IDX_event_collective_date', ['collectiveId', 'eventDate'])
@Check('CK_event_kind', `kind IN (${sqlList(eventKinds)})`)
@Check('CK_event_status', `status IN (${sqlList(eventStatuses)})`)
@Check('CK_event_slot_minutes', `slot_minutes BETWEEN 5 AND 120`)
@Check('CK_event_changeover_minutes', `changeover_minutes BETWEEN 0 AND 60`)
@Check('CK_event_table_count', `table_count BETWEEN 1 AND 500`)
@Check('CK_event_default_quota', `default_siae_quota BETWEEN 0 AND 1000`)
@Check('CK_event_title', `length(btrim(title)) > 0`)
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_event_collective' })
  collective?: Collective;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  kind: EventKind;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: EventStatus;

  @Column({ type: 'varchar', length: 300 })
  address: string;

  @Column({ name: 'commune_code', type: 'varchar', length: 5 })
  communeCode: string;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_event_commune' })
  commune?: Commune;

  @Column({ name: 'access_notes', type: 'varchar', length: 1000, nullable: true })
  accessNotes: string | null;

  @Column({ name: 'event_date', type: 'date' })
  eventDate: string;

  @Column({ name: 'time_windows', type: 'jsonb' })
  timeWindows: TimeWindow[];

  @Column({ name: 'slot_minutes', type: 'int' })
  slotMinutes: number;

  @Column({ name: 'changeover_minutes', type: 'int' })
  changeoverMinutes: number;

  @Column({ name: 'table_count', type: 'int' })
  tableCount: number;

  /** Places each member SIAE gets when the event opens; a coordinator may then move unused places between SIAE. */
  @Column({ name: 'default_siae_quota', type: 'int' })
  defaultSiaeQuota: number;

  @Column({ name: 'employer_deadline', type: 'timestamptz', nullable: true })
  employerDeadline: Date | null;

  @Column({ name: 'candidate_deadline', type: 'timestamptz', nullable: true })
  candidateDeadline: Date | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'planning_at', type: 'timestamptz', nullable: true })
  planningAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'running_at', type: 'timestamptz', nullable: true })
  runningAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
