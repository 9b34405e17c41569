import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { Clock } from '../../../platform/clock/clock';
import { AppConfig } from '../../../platform/config/app-config';
import type { CipPlanChangePayload, PlanChangePayload } from '../../../platform/queue/job-catalogue';
import { OutboxService } from '../../../platform/queue/outbox.service';
import type { JobOutcome } from '../../../platform/queue/job-handler';
import { MailService } from '../../notifications/mail.service';
import type { PlanMailLine } from '../../notifications/templates/plan';
import { Event } from '../entities/event.entity';
import { accessAsOrganiser } from '../events-access';
import { EventsService } from '../events.service';
import { frenchDay, slotLabel } from '../pages/page-format';
import type { PlanMeetingDto } from './dto/planning.dto';
import { EventMeeting, EventPlanNotice, EventPlanningRun } from './entities';
import { EventPlanService } from './event-plan.service';
import { planningErrors as errors } from './planning.errors';
import { claimPlanNotice } from './plan-notice';
import { PlanningRunsService } from './planning-runs.service';

/**
 * Publication of the plan and what follows it: announcing every planned meeting when the event moves to `published`
 * (whichever route moves it: a hook of the events status machine, in the same transaction), the organiser's explicit
 * cancellation of a meeting, and the e-mails that tell CIPs what changed (employers and candidates: events/agendas).
 */
@Injectable()
export class PublicationService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly plans: EventPlanService,
    private readonly runs: PlanningRunsService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.onTransitionTo('published', (manager, event) => this.announce(manager, event));
  }

  /** planning → published: a computed plan and no run in progress, then every planned meeting becomes announced. */
  private async announce(manager: EntityManager, event: Event): Promise<void> {
    const active = await manager.query(
      `SELECT 1 FROM event_planning_run WHERE event_id = $1 AND status IN ('queued', 'running')`,
      [event.id],
    );
    if (active.length > 0) throw errors.runActive();
    const current = await manager.findOneBy(EventPlanningRun, { eventId: event.id, isCurrent: true });
    if (!current) throw errors.noCurrentPlan();
    const [rows] = (await manager.query(
      `UPDATE event_meeting SET status = 'announced', announced_at = $2, sequence = sequence + 1, updated_at = $2
        WHERE event_id = $1 AND status = 'planned' RETURNING id`,
      [event.id, this.clock.now()],
    )) as [Array<{ id: string }>, number];
    await this.plans.announceChange(
      manager,
      event.id,
      'published',
      rows.map((r) => r.id),
    );
  }

  /** Publishes through the status machine (same checks, history and audit as any move). */
  publish(principal: Principal, eventId: string) {
    return this.events.transition(principal, eventId, 'published');
  }

  /**
   * The organiser calls a meeting off: it leaves the plan (the table and the candidate's slot are free again), its
   * sequence is raised, its pair is never planned again, and the people concerned are told when it had been announced.
   */
  async cancelMeeting(
    principal: Principal,
    eventId: string,
    meetingId: string,
    reason: string,
  ): Promise<PlanMeetingDto> {
    return this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId, { lock: true });
      const meeting = await manager.findOne(EventMeeting, {
        where: { id: meetingId, eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!meeting) throw errors.meetingNotFound();
      if (meeting.status !== 'planned' && meeting.status !== 'announced')
        throw errors.meetingNotCancellable(meeting.status);
      const wasAnnounced = meeting.status === 'announced';
      const now = this.clock.now();
      await manager.update(
        EventMeeting,
        { id: meeting.id },
        {
          status: 'cancelled',
          cancelledAt: now,
          cancelReason: reason,
          cancelledByUserId: principal.userId,
          sequence: meeting.sequence + 1,
        },
      );
      if (wasAnnounced || event.status === 'published' || event.status === 'running')
        await this.plans.announceChange(manager, eventId, 'meeting-cancelled', [meeting.id]);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.meeting.cancelled',
          subjectType: 'event',
          subjectId: eventId,
          context: { meetingId, wasAnnounced },
        },
        manager,
      );
      const labels = await this.runs.labels(manager, eventId);
      const [slot] = await manager.query(`SELECT position, starts_at, ends_at FROM event_slot WHERE id = $1`, [
        meeting.slotId,
      ]);
      return {
        id: meeting.id,
        registrationId: meeting.registrationId,
        pseudonym: labels.pseudonyms.get(meeting.registrationId) ?? '—',
        invitationId: meeting.invitationId,
        employer: labels.employers.get(meeting.invitationId) ?? '—',
        slotId: meeting.slotId,
        slotPosition: slot.position as number,
        startsAt: (slot.starts_at as Date).toISOString(),
        endsAt: (slot.ends_at as Date).toISOString(),
        tableNumber: meeting.tableNumber,
        status: 'cancelled',
        sequence: meeting.sequence + 1,
      };
    });
  }

  /**
   * `events.plan.notify`: one e-mail per CIP who registered a candidate concerned (their candidates' meetings), in one
   * transaction with the job's notice row (keyed by the job id): a job that runs again sends nothing more. The
   * employers are told by `events.plan.employers-notify` (events/agendas: their ICS); a `v: 1` job, queued before that
   * split, enqueues it in the same transaction so that its employers are still told, once.
   */
  async notify(jobId: string, payload: PlanChangePayload | CipPlanChangePayload): Promise<JobOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const event = await claimPlanNotice(manager, jobId, payload);
      if (!event) return 'skipped';
      if (payload.v === 1) await this.outbox.enqueue(manager, 'events.plan.employers-notify', payload);
      const concerned: Array<{ registration_id: string }> = await manager.query(
        `SELECT registration_id FROM event_meeting WHERE id = ANY($1::uuid[]) AND event_id = $2`,
        [payload.meetingIds, event.id],
      );
      const registrationIds = [...new Set(concerned.map((c) => c.registration_id))];
      const lines = await this.meetingLines(manager, event.id, payload.meetingIds);
      const date = frenchDay(event.eventDate);
      let messages = 0;
      const cips: Array<{ user_id: string; email: string; registration_ids: string[] }> = await manager.query(
        `SELECT u.id AS user_id, u.email, array_agg(r.id) AS registration_ids FROM event_registration r
           JOIN app_user u ON u.id = r.registered_by_user_id
          WHERE r.id = ANY($1::uuid[]) GROUP BY u.id, u.email`,
        [registrationIds],
      );
      for (const cip of cips) {
        const mine = new Set(cip.registration_ids);
        await this.mail.send(manager, cip.email, 'event-plan-cip', {
          change: payload.change,
          event: event.title,
          date,
          meetings: lines.filter((l) => mine.has(l.registrationId)).map((l) => l.forCip),
          url: `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/equipe/evenements/${event.id}`,
        });
        messages++;
      }
      await manager.update(EventPlanNotice, { id: jobId }, { messages });
      return 'done';
    });
  }

  /**
   * The lines a CIP reads: the live meetings of the candidates concerned, plus the meetings of this change that were
   * cancelled (so "ANNULÉE" is said once, where it happened).
   */
  private async meetingLines(manager: EntityManager, eventId: string, changedIds: string[]) {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT m.id, m.registration_id, m.table_number, m.status, s.starts_at, s.ends_at,
              p.pseudonym, pc.display_name AS employer
         FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id
         JOIN event_registration r ON r.id = m.registration_id
         LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
         JOIN event_invitation i ON i.id = m.invitation_id JOIN pooled_company pc ON pc.id = i.pooled_company_id
        WHERE m.event_id = $1 AND (m.status IN ('planned', 'announced', 'done') OR m.id = ANY($2::uuid[]))
        ORDER BY s.position, m.table_number`,
      [eventId, changedIds],
    );
    return rows.map((r) => {
      const base = {
        time: slotLabel({ startsAt: (r.starts_at as Date).toISOString(), endsAt: (r.ends_at as Date).toISOString() }),
        table: r.table_number as number,
        cancelled: r.status === 'cancelled' || r.status === 'no_show',
      };
      const pseudonym = (r.pseudonym as string | null) ?? '—';
      return {
        registrationId: r.registration_id as string,
        forCip: { ...base, who: `${pseudonym} · ${r.employer as string}` } satisfies PlanMailLine,
      };
    });
  }
}
