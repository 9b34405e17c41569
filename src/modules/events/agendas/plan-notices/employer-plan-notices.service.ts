import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../../../platform/clock/clock';
import { LinksService } from '../../../../platform/links/links.service';
import type { PlanChangePayload } from '../../../../platform/queue/job-catalogue';
import type { JobOutcome } from '../../../../platform/queue/job-handler';
import { MailService } from '../../../notifications/mail.service';
import type { PlanMailLine } from '../../../notifications/templates/plan';
import { eventCompanyLink, invitationRevokedAtSql } from '../../booking/employer-link';
import { linkExpiry } from '../../invitations/invitations.service';
import { frenchDay, slotLabel } from '../../pages/page-format';
import { EventPlanNotice } from '../../planning/entities';
import { claimPlanNotice } from '../../planning/plan-notice';
import { employerIcs, icsAttachment } from '../agenda-ics';
import { AgendasService } from '../agendas.service';

const live = new Set(['planned', 'announced', 'done']);

/**
 * The employers' side of a change of the plan (`events.plan.employers-notify`, emitted by events/planning beside the
 * CIPs' `events.plan.notify` and the candidates' notices): one e-mail per employer concerned whose link is not revoked,
 * with its meetings as they stand (the cancelled ones of this change marked), a fresh event link, and its agenda as ICS
 * — the file of the download and of the reminders, so a calendar that imported it updates (moved meetings with a raised
 * SEQUENCE, cancelled ones CANCELLED). Here and not in planning because the agendas read the plan (no module cycle).
 * Once per job: the notice row keyed by the job id is written in the same transaction as the e-mails (their attachment
 * kept in `mail_message`, so a retried delivery sends the same file).
 */
@Injectable()
export class EmployerPlanNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agendas: AgendasService,
    private readonly mail: MailService,
    private readonly links: LinksService,
    private readonly clock: Clock,
  ) {}

  async notify(jobId: string, payload: PlanChangePayload): Promise<JobOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const event = await claimPlanNotice(manager, jobId, payload);
      if (!event) return 'skipped';
      // The link's expiry and revocation live on the platform links only (event_invitation keeps no copy).
      const employers: Array<{ id: string; pooled_company_id: string; email: string | null }> = await manager.query(
        `SELECT i.id, i.pooled_company_id, c.email FROM event_invitation i
           LEFT JOIN company_contact c ON c.id = i.contact_id
          WHERE i.id IN (SELECT invitation_id FROM event_meeting WHERE id = ANY($1::uuid[]) AND event_id = $2)
            AND ${invitationRevokedAtSql('i')} IS NULL
          ORDER BY i.id`,
        [payload.meetingIds, event.id],
      );
      const changed = new Set(payload.meetingIds);
      const expires = await linkExpiry(manager, event);
      const date = frenchDay(event.eventDate);
      const stamp = this.clock.now();
      let messages = 0;
      for (const employer of employers) {
        if (!employer.email) continue;
        const agenda = await this.agendas.employerAgenda(manager, event, {
          id: employer.id,
          pooledCompanyId: employer.pooled_company_id,
        });
        const meetings: PlanMailLine[] = agenda.meetings
          .filter((m) => live.has(m.status) || changed.has(m.id))
          .map((m) => ({
            time: slotLabel(m),
            table: m.tableNumber,
            who: m.pseudonym,
            cancelled: m.status === 'cancelled' || m.status === 'no_show',
          }));
        const link = await this.links.issue(
          eventCompanyLink,
          { eventId: event.id, pooledCompanyId: employer.pooled_company_id },
          expires,
          manager,
        );
        await this.mail.send(
          manager,
          employer.email,
          'event-plan-employer',
          { change: payload.change, event: event.title, date, place: event.address, meetings, url: link.url },
          [icsAttachment('agenda.ics', employerIcs(agenda, stamp))],
        );
        messages++;
      }
      await manager.update(EventPlanNotice, { id: jobId }, { messages });
      return 'done';
    });
  }
}
