import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../../platform/audit/audit.service';
import type { Principal } from '../../../../platform/auth/principal';
import { Clock } from '../../../../platform/clock/clock';
import { AppConfig, reminderDays } from '../../../../platform/config/app-config';
import { LinksService } from '../../../../platform/links/links.service';
import type { JobOutcome } from '../../../../platform/queue/job-handler';
import { OutboxService } from '../../../../platform/queue/outbox.service';
import { DispatchService } from '../../../notifications/dispatch/dispatch.service';
import { MailService } from '../../../notifications/mail.service';
import { SmsService } from '../../../notifications/sms/sms.service';
import { eventCompanyLink, invitationRevokedAtSql } from '../../booking/employer-link';
import { Event } from '../../entities/event.entity';
import { accessAsOrganiser } from '../../events-access';
import { linkExpiry } from '../../invitations/invitations.service';
import { frenchDay, hhmm } from '../../pages/page-format';
import { employerIcs, icsAttachment } from '../agenda-ics';
import { readAgendaMeetings } from '../agenda-reader';
import { AgendasService } from '../agendas.service';
import type { ReminderLogRowDto } from '../dto/reminder.dto';
import {
  dueReminders,
  reminderKind,
  reminderPersonTypes,
  type ReminderPersonType,
  type ReminderSkipReason,
  whenLabel,
} from './reminder-rules';

/** Live meetings: a person without one is not reminded (nothing to come to). */
const LIVE = `('planned', 'announced', 'done')`;

/**
 * Who may be reminded of an event: accepted candidates and confirmed employers with at least one live meeting. `$1` =
 * event id.
 */
const peopleSql = `
  SELECT '${reminderPersonTypes.candidate}' AS person_type, r.id AS person_id FROM event_registration r
   WHERE r.event_id = $1 AND r.status = 'accepted'
     AND EXISTS (SELECT 1 FROM event_meeting m WHERE m.registration_id = r.id AND m.status IN ${LIVE})
  UNION ALL
  SELECT '${reminderPersonTypes.employer}', i.id FROM event_invitation i
   WHERE i.event_id = $1 AND i.status = 'confirmed'
     AND EXISTS (SELECT 1 FROM event_meeting m WHERE m.invitation_id = i.id AND m.status IN ${LIVE})
  ORDER BY 1, 2`;

/**
 * The reminders J-n of a published job dating (issue 15 §4). A recurring sweep (`events.reminders.sweep`) selects the
 * events whose reminders are due (from `first slot − n days` until the first slot: a worker that was down catches up
 * while the event has not started), claims one `reminder_dispatch` row per (event, person, kind) — the unique index
 * lets one claim in whatever the number of sweeps racing — and enqueues one `events.reminder.send` job per claim won,
 * in the same transaction. When an outage spans several offsets, only the closest is sent; the older ones are claimed
 * as skipped (`superseded`). The job re-reads everything at send time.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly dispatch: DispatchService,
    private readonly mail: MailService,
    private readonly sms: SmsService,
    private readonly links: LinksService,
    private readonly agendas: AgendasService,
    private readonly audit: AuditService,
  ) {}

  /** The reminder kinds of the configuration (`event_reminder_j2`, …). */
  kinds(): string[] {
    return reminderDays(this.config).map(reminderKind);
  }

  /** The sweep: returns how many reminders it claimed to send (superseded claims not counted). */
  async enqueueDue(): Promise<number> {
    const days = reminderDays(this.config);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const events: Array<{ id: string; first_start: Date }> = await manager.query(
        `SELECT e.id, min(s.starts_at) AS first_start FROM event e JOIN event_slot s ON s.event_id = e.id
          WHERE e.status = 'published' GROUP BY e.id
         HAVING min(s.starts_at) > $1 AND min(s.starts_at) - make_interval(days => $2) <= $1
          ORDER BY e.id`,
        [now, Math.max(...days)],
      );
      let claimed = 0;
      for (const event of events) {
        const due = dueReminders(days, event.first_start, now);
        if (due.length === 0) continue;
        const people: Array<{ person_type: ReminderPersonType; person_id: string }> = await manager.query(
          // people still missing one of the due kinds (each kind is then claimed on its own: a claim taken is kept)
          `SELECT p.* FROM (${peopleSql}) p
            WHERE (SELECT count(*) FROM reminder_dispatch d WHERE d.event_id = $1 AND d.person_type = p.person_type
                      AND d.person_id = p.person_id AND d.kind = ANY($2::text[])) < cardinality($2::text[])`,
          [event.id, due.map((d) => d.kind)],
        );
        for (const person of people)
          for (const reminder of due) {
            const key = {
              eventId: event.id,
              personType: person.person_type,
              personId: person.person_id,
              kind: reminder.kind,
            };
            const skip: ReminderSkipReason | null = reminder.superseded ? 'superseded' : null;
            const dispatchId = await this.dispatch.claim(manager, key, reminder.dueAt, skip);
            if (!dispatchId || skip) continue; // already claimed by another sweep, or recorded as superseded
            await this.outbox.enqueue(manager, 'events.reminder.send', { v: 1, dispatchId });
            claimed++;
          }
      }
      return claimed;
    });
  }

  /** One reminder: the claim, still queued; the event, the person and their meetings read again; then the messages. */
  async send(dispatchId: string): Promise<JobOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.dispatch.lock(manager, dispatchId);
      if (!claim || claim.status !== 'queued') return 'skipped';
      const skip = async (reason: ReminderSkipReason): Promise<JobOutcome> => {
        await this.dispatch.markSkipped(manager, dispatchId, reason);
        return 'skipped';
      };
      const event = await manager.findOneBy(Event, { id: claim.eventId });
      if (!event || event.status === 'cancelled') return skip('event_cancelled');
      if (event.status !== 'published')
        return skip(event.status === 'running' ? 'event_started' : 'event_not_published');
      const [{ first }]: Array<{ first: Date }> = await manager.query(
        `SELECT min(starts_at) AS first FROM event_slot WHERE event_id = $1`,
        [event.id],
      );
      if (first.getTime() <= this.clock.now().getTime()) return skip('event_started');
      const days = Number(/_j(\d+)$/.exec(claim.kind)?.[1] ?? 1);
      const messages =
        claim.personType === reminderPersonTypes.candidate
          ? await this.remindCandidate(manager, event, claim.personId, days)
          : await this.remindEmployer(manager, event, claim.personId, days);
      if (typeof messages === 'string') return skip(messages);
      await this.dispatch.markSent(manager, dispatchId, messages);
      await this.audit.record(
        {
          actorLabel: 'rappel automatique',
          action: 'event.reminder.sent',
          subjectType: 'event',
          subjectId: event.id,
          context: { dispatchId, kind: claim.kind, personType: claim.personType, personId: claim.personId },
        },
        manager,
      );
      return 'done';
    });
  }

  /** SMS when she has a phone, e-mail when she has an address, each with a fresh link to her agenda. */
  private async remindCandidate(
    manager: EntityManager,
    event: Event,
    registrationId: string,
    days: number,
  ): Promise<ReminderSkipReason | { smsMessageId: string | null; mailMessageId: string | null }> {
    const [person]: Array<{ status: string; phone: string | null; email: string | null }> = await manager.query(
      `SELECT r.status, c.phone, c.email FROM event_registration r JOIN candidate c ON c.id = r.candidate_id
        WHERE r.id = $1 AND r.event_id = $2 AND c.erased_at IS NULL`,
      [registrationId, event.id],
    );
    if (!person || person.status !== 'accepted') return 'registration_withdrawn';
    const agenda = await this.agendas.candidateAgenda(manager, event, registrationId);
    const live = agenda.meetings.filter((m) => !m.cancelled && m.status !== 'no_show');
    if (live.length === 0) return 'meeting_cancelled';
    if (!person.phone && !person.email) return 'no_contact';
    const link = await this.agendas.issueLink(manager, event, registrationId);
    const when = whenLabel(days);
    const date = frenchDay(event.eventDate);
    const lines = live.map((m) => `${hhmm(m.startsAt)} : ${m.employer}, table ${m.tableNumber}`);
    const smsMessageId = person.phone
      ? // The meetings may not all fit in an SMS: the SMS service cuts them (« … »), never the link to all of them.
        await this.sms.send(manager, person.phone, 'event-reminder-candidate', [
          `Rappel ${when} (${date}) : ${event.title}, ${agenda.event.place}. ${lines.join(' ; ')}. `,
          { keep: `Votre agenda : ${link.url}` },
        ])
      : null;
    const mailMessageId = person.email
      ? await this.mail.send(manager, person.email, 'event-reminder-candidate', {
          event: event.title,
          date,
          place: agenda.event.place,
          accessNotes: agenda.event.accessNotes,
          meetings: lines,
          url: link.url,
          when,
        })
      : null;
    return { smsMessageId, mailMessageId };
  }

  /** An e-mail to the invitation's contact with its meetings (pseudonyms), a fresh link to its agenda and its ICS. */
  private async remindEmployer(
    manager: EntityManager,
    event: Event,
    invitationId: string,
    days: number,
  ): Promise<ReminderSkipReason | { mailMessageId: string }> {
    const [employer]: Array<{
      status: string;
      pooled_company_id: string;
      company: string;
      email: string | null;
      revoked: Date | null;
    }> = await manager.query(
      `SELECT i.status, i.pooled_company_id, pc.display_name AS company, c.email, ${invitationRevokedAtSql('i')} AS revoked
           FROM event_invitation i JOIN pooled_company pc ON pc.id = i.pooled_company_id
           LEFT JOIN company_contact c ON c.id = i.contact_id
          WHERE i.id = $1 AND i.event_id = $2`,
      [invitationId, event.id],
    );
    if (!employer || employer.status !== 'confirmed' || employer.revoked) return 'invitation_withdrawn';
    const meetings = (
      await readAgendaMeetings(manager, event.id, 'people', `m.invitation_id = $2 AND m.status IN ${LIVE}`, [
        invitationId,
      ])
    ).map((m) => `${hhmm(m.startsAt)} : ${m.pseudonym}, table ${m.tableNumber}`);
    if (meetings.length === 0) return 'meeting_cancelled';
    if (!employer.email) return 'no_contact';
    // Its agenda as the download gives it (cancelled meetings included, so that a calendar that imported it drops them).
    const agenda = await this.agendas.employerAgenda(manager, event, {
      id: invitationId,
      pooledCompanyId: employer.pooled_company_id,
    });
    const link = await this.links.issue(
      eventCompanyLink,
      { eventId: event.id, pooledCompanyId: employer.pooled_company_id },
      await linkExpiry(manager, event),
      manager,
    );
    const mailMessageId = await this.mail.send(
      manager,
      employer.email,
      'event-reminder-employer',
      {
        event: event.title,
        date: frenchDay(event.eventDate),
        place: agenda.event.place,
        accessNotes: event.accessNotes,
        company: employer.company,
        meetings,
        url: link.url,
        when: whenLabel(days),
      },
      [icsAttachment('agenda.ics', employerIcs(agenda, this.clock.now()))],
    );
    return { mailMessageId };
  }

  /** The delivery log of the event's reminders, for its organisers: one row per dispatch and what became of it. */
  async log(principal: Principal, eventId: string): Promise<ReminderLogRowDto[]> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      const rows = await this.dispatch.log(manager, eventId, this.kinds());
      const names: Array<{ id: string; label: string }> = await manager.query(
        `SELECT r.id, COALESCE(p.pseudonym, 'Candidat·e') AS label FROM event_registration r
           LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id WHERE r.event_id = $1
         UNION ALL
         SELECT i.id, pc.display_name FROM event_invitation i JOIN pooled_company pc ON pc.id = i.pooled_company_id
          WHERE i.event_id = $1`,
        [eventId],
      );
      const label = new Map(names.map((n) => [n.id, n.label]));
      return rows.map((r) => ({
        dispatchId: r.dispatchId,
        personType: r.personType === reminderPersonTypes.candidate ? 'candidate' : 'employer',
        personId: r.personId,
        label: label.get(r.personId) ?? '—',
        kind: r.kind,
        status: r.status,
        skipReason: r.skipReason,
        dueAt: r.dueAt.toISOString(),
        processedAt: r.processedAt ? r.processedAt.toISOString() : null,
        sms: r.sms
          ? {
              status: r.sms.status,
              provider: r.sms.provider,
              to: r.sms.to,
              sentAt: r.sms.sentAt?.toISOString() ?? null,
              encoding: r.sms.encoding,
              segments: r.sms.segments,
            }
          : null,
        mail: r.mail ? { status: r.mail.status, sentAt: r.mail.sentAt?.toISOString() ?? null } : null,
      }));
    });
  }
}
