import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MailMessage } from '../mail-message.entity';
import { SmsMessage } from '../sms/sms-message.entity';

export const dispatchStatuses = ['queued', 'sent', 'skipped'] as const;
export type DispatchStatus = (typeof dispatchStatuses)[number];

/**
 * "One message per person and kind" (a reminder J-2, J-1, the day-after outcome request…): the row is claimed before
 * anything is sent, and UQ_reminder_dispatch_person_kind lets exactly one claim in, whatever the number of sweeps,
 * workers or retries racing. The handler then moves it once: `sent` (with the messages it wrote, whose delivery is
 * logged in `mail_message` / `sms_message`) or `skipped` with the reason read at send time.
 *
 * `event_id` has no foreign key on purpose: notifications is below events in the module graph (events imports it),
 * and a dispatch row outliving a deleted event harms nobody. `person_type` says what `person_id` is (an event
 * registration, an event invitation…), chosen by the module that claims.
 */
@Entity('reminder_dispatch')
@Index('UQ_reminder_dispatch_person_kind', ['eventId', 'personType', 'personId', 'kind'], { unique: true })
@Index('IDX_reminder_dispatch_queued', ['createdAt'], { where: `status = 'queued'` })
@Check('CK_reminder_dispatch_status', `status IN ('queued', 'sent', 'skipped')`)
@Check('CK_reminder_dispatch_kind', `kind ~ '^[a-z][a-z0-9_]{1,39}$'`)
@Check('CK_reminder_dispatch_person_type', `person_type ~ '^[a-z][a-z_]{1,29}$'`)
@Check('CK_reminder_dispatch_skip_reason', `(status = 'skipped') = (skip_reason IS NOT NULL)`)
@Check('CK_reminder_dispatch_processed', `(status = 'queued') = (processed_at IS NULL)`)
export class ReminderDispatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'person_type', type: 'varchar', length: 30 })
  personType: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** e.g. `event_reminder_j2`, `event_reminder_j1`, `event_outcome_request`. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: DispatchStatus;

  /** When it became due (the sweep's window start), kept to measure lateness after an outage. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'skip_reason', type: 'varchar', length: 60, nullable: true })
  skipReason: string | null;

  @Column({ name: 'mail_message_id', type: 'uuid', nullable: true })
  mailMessageId: string | null;

  @ManyToOne(() => MailMessage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mail_message_id', foreignKeyConstraintName: 'FK_reminder_dispatch_mail' })
  mailMessage?: MailMessage;

  @Column({ name: 'sms_message_id', type: 'uuid', nullable: true })
  smsMessageId: string | null;

  @ManyToOne(() => SmsMessage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sms_message_id', foreignKeyConstraintName: 'FK_reminder_dispatch_sms' })
  smsMessage?: SmsMessage;

  // From the injected clock, like processed_at: the outage tests move time.
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
