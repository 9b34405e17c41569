import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../platform/clock/clock';
import type { SmsEncoding } from '../sms/sms-encoding';
import { ReminderDispatch } from './reminder-dispatch.entity';

export interface DispatchKey {
  eventId: string;
  personType: string;
  personId: string;
  kind: string;
}

/** One line of the delivery log: a dispatch and what became of each message it wrote. */
export interface DispatchLogRow {
  dispatchId: string;
  personType: string;
  personId: string;
  kind: string;
  status: 'queued' | 'sent' | 'skipped';
  skipReason: string | null;
  dueAt: Date;
  processedAt: Date | null;
  sms: {
    status: 'pending' | 'sent' | 'failed';
    provider: string;
    sentAt: Date | null;
    to: string;
    encoding: SmsEncoding | null;
    segments: number | null;
  } | null;
  mail: { status: 'pending' | 'sent' | 'failed'; provider: 'smtp'; sentAt: Date | null } | null;
}

/**
 * The "one per person and kind" guard, for any module (reminders, the day-after outcome request…): `claim` inserts the
 * row or learns that someone already did (UQ_reminder_dispatch_person_kind), in the caller's transaction, so the job it
 * enqueues exists if and only if the claim won. The handler then `lock`s the row and moves it once.
 */
@Injectable()
export class DispatchService {
  constructor(private readonly clock: Clock) {}

  /** The new row's id, or null when this (event, person, kind) was already claimed. */
  async claim(
    manager: EntityManager,
    key: DispatchKey,
    dueAt: Date,
    skipReason: string | null = null,
  ): Promise<string | null> {
    const now = this.clock.now();
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO reminder_dispatch (event_id, person_type, person_id, kind, due_at, created_at, status, skip_reason,
                                      processed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (event_id, person_type, person_id, kind) DO NOTHING
       RETURNING id`,
      [
        key.eventId,
        key.personType,
        key.personId,
        key.kind,
        dueAt,
        now,
        skipReason ? 'skipped' : 'queued',
        skipReason,
        skipReason ? now : null,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** The row, locked for the handler's transaction; null when it is gone. */
  lock(manager: EntityManager, id: string): Promise<ReminderDispatch | null> {
    return manager.findOne(ReminderDispatch, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markSent(
    manager: EntityManager,
    id: string,
    messages: { mailMessageId?: string | null; smsMessageId?: string | null },
  ): Promise<void> {
    await manager.update(
      ReminderDispatch,
      { id, status: 'queued' },
      {
        status: 'sent',
        processedAt: this.clock.now(),
        mailMessageId: messages.mailMessageId ?? null,
        smsMessageId: messages.smsMessageId ?? null,
      },
    );
  }

  async markSkipped(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.update(
      ReminderDispatch,
      { id, status: 'queued' },
      { status: 'skipped', skipReason: reason.slice(0, 60), processedAt: this.clock.now() },
    );
  }

  /** The delivery log of an event's dispatches (of some kinds), oldest first. */
  async log(manager: EntityManager, eventId: string, kinds?: string[]): Promise<DispatchLogRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT d.id, d.person_type, d.person_id, d.kind, d.status, d.skip_reason, d.due_at, d.processed_at,
              s.status AS sms_status, s.provider AS sms_provider, s.sent_at AS sms_sent_at, s.recipient_masked,
              s.encoding AS sms_encoding, s.segments AS sms_segments,
              m.status AS mail_status, m.sent_at AS mail_sent_at
         FROM reminder_dispatch d
         LEFT JOIN sms_message s ON s.id = d.sms_message_id
         LEFT JOIN mail_message m ON m.id = d.mail_message_id
        WHERE d.event_id = $1 AND ($2::text[] IS NULL OR d.kind = ANY($2::text[]))
        ORDER BY d.created_at, d.kind, d.person_id`,
      [eventId, kinds ?? null],
    );
    return rows.map((r) => ({
      dispatchId: r.id as string,
      personType: r.person_type as string,
      personId: r.person_id as string,
      kind: r.kind as string,
      status: r.status as DispatchLogRow['status'],
      skipReason: r.skip_reason as string | null,
      dueAt: r.due_at as Date,
      processedAt: r.processed_at as Date | null,
      sms: r.sms_status
        ? {
            status: r.sms_status as 'pending',
            provider: r.sms_provider as string,
            sentAt: r.sms_sent_at as Date | null,
            to: r.recipient_masked as string,
            encoding: r.sms_encoding as SmsEncoding | null,
            segments: r.sms_segments as number | null,
          }
        : null,
      mail: r.mail_status
        ? { status: r.mail_status as 'pending', provider: 'smtp', sentAt: r.mail_sent_at as Date | null }
        : null,
    }));
  }
}
