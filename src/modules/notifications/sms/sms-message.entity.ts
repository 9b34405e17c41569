import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SMS_MAX_LENGTH, SMS_MAX_SEGMENTS } from './sms-body';
import type { SmsEncoding } from './sms-encoding';

export type SmsStatus = 'pending' | 'sent' | 'failed';

/**
 * The SMS delivery log, like `mail_message` for e-mails: one row per message, written with the change that wants it
 * sent, updated by the send job (`sms.send`). The phone number is identity data of a person: it is kept only until the
 * message is sent or has failed for good, then only its masked form stays (`06 •• •• •• 78`).
 */
@Entity('sms_message')
@Index('IDX_sms_message_created', ['createdAt'])
@Check('CK_sms_message_status', `status IN ('pending', 'sent', 'failed')`)
@Check('CK_sms_message_phone_kept_while_pending', `status <> 'pending' OR recipient IS NOT NULL`)
@Check('CK_sms_message_encoding', `encoding IN ('GSM-7', 'UCS-2')`)
@Check('CK_sms_message_segments', `segments BETWEEN 1 AND ${SMS_MAX_SEGMENTS}`)
export class SmsMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The number to send to; null once the message is sent or failed (see the class comment). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  recipient: string | null;

  @Column({ name: 'recipient_masked', type: 'varchar', length: 30 })
  recipientMasked: string;

  @Column({ type: 'varchar', length: 60 })
  template: string;

  /** Brought to the bound by `SmsService` for every caller; the column refuses anything longer. */
  @Column({ type: 'varchar', length: SMS_MAX_LENGTH })
  body: string;

  /**
   * How the body is sent (`GSM-7`, or `UCS-2` when a character has no GSM spelling) and the segments it is billed, as
   * `SmsService` measured it. Null on the rows logged before it did: the migration does not recompute them (the rule
   * lives in `sms-encoding.ts`, not in SQL).
   */
  @Column({ type: 'varchar', length: 5, nullable: true })
  encoding: SmsEncoding | null;

  @Column({ type: 'smallint', nullable: true })
  segments: number | null;

  /** The provider that handled (or will handle) it: `log`… (config SMS_PROVIDER). */
  @Column({ type: 'varchar', length: 30 })
  provider: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: SmsStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 250, nullable: true })
  providerMessageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
