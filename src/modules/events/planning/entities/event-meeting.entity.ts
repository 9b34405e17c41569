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
import { EventInvitation } from '../../entities/event-invitation.entity';
import { EventRegistration } from '../../entities/event-registration.entity';
import { EventSlot } from '../../entities/event-slot.entity';
import { Event } from '../../entities/event.entity';
import { meetingStatuses, sqlList, type MeetingStatus } from '../planning-vocabulary';
import { EventPlanningRun } from './event-planning-run.entity';

/** SQL of a live meeting (see `liveMeetingStatuses`): the partial unique indexes below hold only those. */
const live = `status IN ('planned', 'announced', 'done')`;

/**
 * One meeting of the event's current plan: a candidate (registration) and an employer (invitation) at a table in a
 * slot. One row per pair for the whole life of the event (UQ_event_meeting_pair): re-planning moves or cancels the
 * row rather than creating another, so its id is a stable ICS UID and `sequence` (raised on every change of slot, table
 * or status) is the ICS SEQUENCE. The two partial unique indexes are the plan's own rules: a table holds one live
 * meeting per slot, a candidate is in one place per slot.
 */
@Entity('event_meeting')
@Index('UQ_event_meeting_pair', ['eventId', 'registrationId', 'invitationId'], { unique: true })
@Index('UQ_event_meeting_table', ['eventId', 'slotId', 'invitationId', 'tableNumber'], { unique: true, where: live })
@Index('UQ_event_meeting_candidate_slot', ['eventId', 'slotId', 'registrationId'], { unique: true, where: live })
@Index('IDX_event_meeting_invitation', ['invitationId'])
@Index('IDX_event_meeting_registration', ['registrationId'])
@Check('CK_event_meeting_status', `status IN (${sqlList(meetingStatuses)})`)
@Check('CK_event_meeting_table', `table_number >= 1`)
@Check('CK_event_meeting_sequence', `sequence >= 0`)
@Check('CK_event_meeting_announced', `status <> 'announced' OR announced_at IS NOT NULL`)
@Check('CK_event_meeting_cancelled', `status <> 'cancelled' OR cancelled_at IS NOT NULL`)
export class EventMeeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_meeting_event' })
  event?: Event;

  /** The run that last placed (or cancelled) this meeting. */
  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @ManyToOne(() => EventPlanningRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_event_meeting_run' })
  run?: EventPlanningRun;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_event_meeting_registration' })
  registration?: EventRegistration;

  /** The employer: its invitation to the event. */
  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => EventInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_event_meeting_invitation' })
  invitation?: EventInvitation;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;

  @ManyToOne(() => EventSlot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'FK_event_meeting_slot' })
  slot?: EventSlot;

  /** The room's table number (1…), one the employer booked at this slot. */
  @Column({ name: 'table_number', type: 'int' })
  tableNumber: number;

  @Column({ type: 'varchar', length: 10, default: 'planned' })
  status: MeetingStatus;

  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true })
  announcedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  /**
   * Set when an organiser cancelled the meeting explicitly (null when a re-planning dropped it): such a pair is left
   * out of every later planning, so a re-run never brings back what the organiser called off.
   */
  @Column({ name: 'cancelled_by_user_id', type: 'uuid', nullable: true })
  cancelledByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
