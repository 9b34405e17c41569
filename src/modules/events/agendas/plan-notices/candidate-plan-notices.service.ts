import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { JobOutcome } from '../../../../platform/queue/job-handler';
import type { PlanChangePayload } from '../../../../platform/queue/job-catalogue';
import { MailService } from '../../../notifications/mail.service';
import { SmsService } from '../../../notifications/sms/sms.service';
import type { PlanMailLine } from '../../../notifications/templates/plan';
import { frenchDay, hhmm } from '../../pages/page-format';
import { EventPlanNotice } from '../../planning/entities';
import { claimPlanNotice } from '../../planning/plan-notice';
import { readAgendaEvent, readAgendaMeetings, type AgendaRow } from '../agenda-reader';
import { AgendasService } from '../agendas.service';

const smsIntro: Record<PlanChangePayload['change'], string> = {
  published: 'votre planning est prêt',
  replanned: 'votre planning a changé',
  'meeting-cancelled': 'un entretien a été annulé',
};

/**
 * The candidates' side of a change of the plan (`events.plan.candidates-notify`, emitted by events/planning with the
 * CIPs' `events.plan.notify` and the employers' `events.plan.employers-notify`): each candidate concerned gets an SMS when she has a phone and an e-mail
 * when she has an address, with her meetings as they stand, the cancelled ones of this change marked, and a fresh
 * link to her agenda. Only candidates still accepted, not erased and consenting to employers (the planning's own
 * rule). Once per job: the notice row keyed by the job id is written in the same transaction as the messages.
 */
@Injectable()
export class CandidatePlanNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agendas: AgendasService,
    private readonly mail: MailService,
    private readonly sms: SmsService,
  ) {}

  async notify(jobId: string, payload: PlanChangePayload): Promise<JobOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const event = await claimPlanNotice(manager, jobId, payload);
      if (!event) return 'skipped';
      const people: Array<{ registration_id: string; phone: string | null; email: string | null }> =
        await manager.query(
          `SELECT DISTINCT r.id AS registration_id, c.phone, c.email
             FROM event_meeting m JOIN event_registration r ON r.id = m.registration_id
             JOIN candidate c ON c.id = r.candidate_id
            WHERE m.id = ANY($1::uuid[]) AND m.event_id = $2 AND r.status = 'accepted' AND c.erased_at IS NULL
              AND EXISTS (SELECT 1 FROM candidate_consent k
                           WHERE k.candidate_id = c.id AND k.scope = 'employers' AND k.withdrawn_at IS NULL)
            ORDER BY r.id`,
          [payload.meetingIds, event.id],
        );
      const changed = new Set(payload.meetingIds);
      const agendaEvent = await readAgendaEvent(manager, event);
      const date = frenchDay(event.eventDate);
      const reached = people.filter((p) => p.phone || p.email);
      // Everybody's agenda in one read (slot then table order kept within each), not one query per candidate.
      const agendas = new Map<string, AgendaRow[]>();
      const rows = await readAgendaMeetings(manager, event.id, 'people', 'm.registration_id = ANY($2::uuid[])', [
        reached.map((p) => p.registration_id),
      ]);
      for (const m of rows) {
        const own = agendas.get(m.registrationId);
        if (own) own.push(m);
        else agendas.set(m.registrationId, [m]);
      }
      let messages = 0;
      for (const person of reached) {
        const lines: PlanMailLine[] = (agendas.get(person.registration_id) ?? [])
          .filter((m) => ['announced', 'done'].includes(m.status) || changed.has(m.id))
          .map((m) => ({
            time: `${hhmm(m.startsAt)} – ${hhmm(m.endsAt)}`,
            table: m.tableNumber,
            who: m.employer,
            cancelled: m.status === 'cancelled' || m.status === 'no_show',
          }));
        const link = await this.agendas.issueLink(manager, event, person.registration_id);
        if (person.phone) {
          const text = lines.map((l) => `${l.time} ${l.who} table ${l.table}${l.cancelled ? ' (ANNULÉ)' : ''}`);
          // The link early, whole: a long morning is cut by the SMS service at its bound, never the link.
          await this.sms.send(manager, person.phone, 'event-plan-candidate', [
            `${event.title} (${date}) : ${smsIntro[payload.change]}. `,
            { keep: `Votre agenda : ${link.url}` },
            ` — ${text.join(' ; ')}`,
          ]);
          messages++;
        }
        if (person.email) {
          await this.mail.send(manager, person.email, 'event-plan-candidate', {
            change: payload.change,
            event: event.title,
            date,
            place: agendaEvent.place,
            meetings: lines,
            url: link.url,
          });
          messages++;
        }
      }
      await manager.update(EventPlanNotice, { id: jobId }, { messages });
      return 'done';
    });
  }
}
