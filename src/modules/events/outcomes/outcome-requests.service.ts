import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { Clock } from '../../../platform/clock/clock';
import { LinksService } from '../../../platform/links/links.service';
import { OutboxService } from '../../../platform/queue/outbox.service';
import type { JobOutcome } from '../../../platform/queue/job-handler';
import { DispatchService } from '../../notifications/dispatch/dispatch.service';
import { MailService } from '../../notifications/mail.service';
import { eventCompanyLink, liveLinkOfInvitationSql } from '../booking/employer-link';
import { linkExpiry } from '../invitations/invitations.service';
import { EventInvitation } from '../entities/event-invitation.entity';
import { Event } from '../entities/event.entity';

/** Sent the day after the event, from this hour (Europe/Paris): a mail read at breakfast, not at midnight. */
const REQUEST_HOUR = '09:00';
/** The notifications dispatch row's key: one per (event, invitation, this kind). */
export const OUTCOME_REQUEST_KIND = 'event_outcome_request';
const PERSON_TYPE = 'event_invitation';

/**
 * Which employers are due an outcome request: confirmed and not revoked, their link still valid, at least one meeting
 * that took place (or was to), from the day after the event at 09:00 in France. `$1` = now.
 */
const dueSql = `
  SELECT i.id, i.event_id, ((e.event_date + 1) + time '${REQUEST_HOUR}') AT TIME ZONE 'Europe/Paris' AS due_at
    FROM event_invitation i JOIN event e ON e.id = i.event_id
   WHERE e.status IN ('published', 'running', 'closed') AND i.status = 'confirmed'
     AND ${liveLinkOfInvitationSql('i', '$1')}
     AND ((e.event_date + 1) + time '${REQUEST_HOUR}') AT TIME ZONE 'Europe/Paris' <= $1
     AND EXISTS (SELECT 1 FROM event_meeting m WHERE m.invitation_id = i.id AND m.status IN ('planned', 'announced', 'done'))`;

/**
 * The one outcome request per employer (issue 15 §6), the day after the event. A recurring sweep selects what is due
 * and not yet claimed, claims it in the notifications dispatch table (`reminder_dispatch`, one row per (event, person,
 * kind): UQ_reminder_dispatch_person_kind) and enqueues one job per claim won, in the same transaction: however often
 * the sweep runs, an employer is claimed once, so mailed once. The job re-reads at send time (revoked, expired, no
 * meeting left → skipped with its reason). A worker down for a while catches up at its next sweep.
 */
@Injectable()
export class OutcomeRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly dispatch: DispatchService,
    private readonly links: LinksService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  /** The sweep: claims each due employer not claimed yet and enqueues its job; returns how many were claimed. */
  async enqueueDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: Array<{ id: string; event_id: string; due_at: Date }> = await manager.query(
        `${dueSql}
           AND NOT EXISTS (SELECT 1 FROM reminder_dispatch d WHERE d.event_id = i.event_id AND d.person_type = '${PERSON_TYPE}'
                             AND d.person_id = i.id AND d.kind = '${OUTCOME_REQUEST_KIND}')
         ORDER BY i.id`,
        [this.clock.now()],
      );
      let claimed = 0;
      for (const row of due) {
        const key = { eventId: row.event_id, personType: PERSON_TYPE, personId: row.id, kind: OUTCOME_REQUEST_KIND };
        const dispatchId = await this.dispatch.claim(manager, key, new Date(row.due_at));
        if (!dispatchId) continue; // another sweep claimed it meanwhile
        await this.outbox.enqueue(manager, 'events.outcome.request', { v: 1, dispatchId });
        claimed++;
      }
      return claimed;
    });
  }

  /** One request: the claimed row, still queued; the employer, still due; then a fresh link by mail. */
  async send(dispatchId: string): Promise<JobOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.dispatch.lock(manager, dispatchId);
      if (!claim || claim.status !== 'queued') return 'skipped';
      const now = this.clock.now();
      const [due] = await manager.query(`${dueSql} AND i.id = $2`, [now, claim.personId]);
      if (!due) {
        await this.dispatch.markSkipped(manager, dispatchId, 'plus concernée (invitation, lien ou entretiens)');
        return 'skipped';
      }
      const invitation = await manager.findOneByOrFail(EventInvitation, { id: claim.personId });
      const event = await manager.findOneByOrFail(Event, { id: invitation.eventId });
      const [contact]: Array<{ email: string | null }> = invitation.contactId
        ? await manager.query(`SELECT email FROM company_contact WHERE id = $1`, [invitation.contactId])
        : [];
      if (!contact?.email) {
        await this.dispatch.markSkipped(manager, dispatchId, 'pas d’adresse e-mail');
        return 'skipped';
      }
      const [{ meetings }]: Array<{ meetings: number }> = await manager.query(
        `SELECT count(*)::int AS meetings FROM event_meeting WHERE invitation_id = $1 AND status IN ('planned', 'announced', 'done')`,
        [invitation.id],
      );
      const link = await this.links.issue(
        eventCompanyLink,
        { eventId: event.id, pooledCompanyId: invitation.pooledCompanyId },
        await linkExpiry(manager, event),
        manager,
      );
      const mailMessageId = await this.mail.send(manager, contact.email, 'event-outcome-request', {
        event: event.title,
        date: event.eventDate.split('-').reverse().join('/'),
        meetings,
        url: link.url,
      });
      await this.dispatch.markSent(manager, dispatchId, { mailMessageId });
      await this.audit.record(
        {
          actorLabel: 'demande de suites automatique',
          action: 'event.outcome.requested',
          subjectType: 'event',
          subjectId: event.id,
          context: { invitationId: invitation.id, dispatchId },
        },
        manager,
      );
      return 'done';
    });
  }
}
