import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'pending' | 'sent' | 'failed';

/**
 * A file sent with a message. Text only (an agenda's ICS), kept whole in the row: the send job, a retry or a replayed
 * outbox row sends exactly what was decided with the change, never a file read again later.
 */
export interface MailAttachment {
  filename: string;
  /** The full Content-Type, parameters included (`text/calendar; charset=utf-8; method=PUBLISH`). */
  contentType: string;
  content: string;
}

/** The delivery log: one row per message, written with the change that wants it sent, updated by the send job. */
@Entity('mail_message')
@Index('IDX_mail_message_recipient', ['recipient', 'createdAt'])
@Check('CK_mail_message_status', `status IN ('pending', 'sent', 'failed')`)
@Check('CK_mail_message_attachments_array', `jsonb_typeof(attachments) = 'array'`)
export class MailMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 60 })
  template: string;

  @Column({ type: 'varchar', length: 250 })
  subject: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  attachments: MailAttachment[];

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'smtp_message_id', type: 'varchar', length: 250, nullable: true })
  smtpMessageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
