import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../platform/clock/clock';
import type { PlanChangePayload } from '../../../platform/queue/job-catalogue';
import { OutboxService } from '../../../platform/queue/outbox.service';
import { Event } from '../entities/event.entity';
import { EventMeeting, EventPlanningRun, type PlannedMeeting } from './entities';
import { planningErrors as errors } from './planning.errors';
import type { MeetingStatus } from './planning-vocabulary';

/** A live meeting of the event's current plan with its slot's times (what agendas, the day and outcomes read). */
export interface CurrentMeeting {
  id: string;
  registrationId: string;
  invitationId: string;
  slotId: string;
  slotPosition: number;
  startsAt: Date;
  endsAt: Date;
  tableNumber: number;
  status: MeetingStatus;
  sequence: number;
  runId: string;
}

/** What applying a run changed in `event_meeting` (ids of the rows, for the notifications that follow). */
export interface AppliedRun {
  runId: string;
  eventId: string;
  added: string[];
  moved: string[];
  cancelled: string[];
  kept: string[];
}

const pairKey = (registrationId: string, invitationId: string) => `${registrationId}|${invitationId}`;

/**
 * The event's current plan: reading it, and applying a computed run to it. `event_meeting` keeps one row per pair for
 * the life of the event, so applying a run moves, revives or cancels rows rather than replacing them (stable ICS UIDs,
 * raised sequences). Everything is set-based SQL so that a day's re-planning of a 300 × 40 event stores in milliseconds.
 */
@Injectable()
export class EventPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Asks the worker for a planning run of the event, in the caller's transaction: the run row and its job (job id =
   * run id) commit together. One queued-or-running run per event (UQ_event_planning_run_active → 409
   * PLANNING_RUN_ACTIVE). The day's re-planning passes `fromSlotPosition` (earlier slots kept as they are) and the
   * meetings to keep (`lockedMeetingIds`); announced and done meetings are always kept. Status rules are the caller's.
   */
  async requestRun(
    manager: EntityManager,
    eventId: string,
    request: {
      requestedByUserId: string | null;
      timeLimitSeconds: number;
      fromSlotPosition?: number | null;
      lockedMeetingIds?: string[];
    },
  ): Promise<EventPlanningRun> {
    const run = await manager.save(
      manager.create(EventPlanningRun, {
        eventId,
        status: 'queued',
        progress: 0,
        requestedByUserId: request.requestedByUserId,
        timeLimitSeconds: request.timeLimitSeconds,
        fromSlotPosition: request.fromSlotPosition ?? null,
        lockedMeetingIds: request.lockedMeetingIds ?? [],
      }),
    );
    await this.outbox.enqueue(manager, 'events.plan.compute', { v: 1, runId: run.id }, { id: run.id });
    return run;
  }

  /**
   * Tells people that the plan changed (in the caller's transaction, so only a committed change is announced): one
   * job for the CIPs' e-mails (`events.plan.notify`), one for the candidates' side (`events.plan.candidates-notify`)
   * and one for the employers' (`events.plan.employers-notify`), the last two handled by events/agendas, which reads
   * the agendas planning cannot import (agendas imports planning). See README.md for the payload.
   */
  async announceChange(
    manager: EntityManager,
    eventId: string,
    change: PlanChangePayload['change'],
    meetingIds: string[],
  ): Promise<void> {
    const payload: PlanChangePayload = { v: 1, eventId, change, meetingIds };
    await this.outbox.enqueue(manager, 'events.plan.notify', { ...payload, v: 2 });
    await this.outbox.enqueue(manager, 'events.plan.candidates-notify', payload);
    await this.outbox.enqueue(manager, 'events.plan.employers-notify', payload);
  }

  /** Live meetings (planned, announced, done) of the event, in slot then table order. */
  async currentMeetings(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<CurrentMeeting[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT m.id, m.registration_id, m.invitation_id, m.slot_id, s.position, s.starts_at, s.ends_at, m.table_number,
              m.status, m.sequence, m.run_id
         FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id
        WHERE m.event_id = $1 AND m.status IN ('planned', 'announced', 'done')
        ORDER BY s.position, m.table_number, m.invitation_id`,
      [eventId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      registrationId: r.registration_id as string,
      invitationId: r.invitation_id as string,
      slotId: r.slot_id as string,
      slotPosition: r.position as number,
      startsAt: r.starts_at as Date,
      endsAt: r.ends_at as Date,
      tableNumber: r.table_number as number,
      status: r.status as MeetingStatus,
      sequence: r.sequence as number,
      runId: r.run_id as string,
    }));
  }

  /**
   * Makes a computed run the event's current plan, in the caller's transaction (the planning job stores and applies in
   * one) or in its own. Meetings done or marked no-show, and meetings before the run's `fromSlotPosition`, are left as
   * they are; every other live meeting absent from the plan is cancelled; the plan's meetings are moved, revived or
   * inserted. Moving rows first leave the live set (a swap of two meetings would otherwise trip the partial unique
   * indexes row by row), then take their final place: a real conflict of the plan with the database's rules still
   * raises its constraint (UQ_event_meeting_table…) and rolls everything back — meetings are never dropped silently.
   * After publication, meetings placed anew are announced at once (their people are told through the outbox by the
   * caller, from the returned ids).
   */
  async applyRun(runId: string, manager?: EntityManager): Promise<AppliedRun> {
    if (!manager) return this.dataSource.transaction((m) => this.applyRun(runId, m));
    const run = await manager.findOneBy(EventPlanningRun, { id: runId });
    if (!run) throw errors.runNotFound();
    if (!run.plan || (run.status !== 'running' && run.status !== 'succeeded')) throw errors.runNotSucceeded(run.status);
    // The event row is the plan's lock: publication, cancellation and applying runs go one at a time.
    const event = await manager.findOne(Event, { where: { id: run.eventId }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw errors.runNotFound();
    const published = event.status === 'published' || event.status === 'running';
    const now = this.clock.now();

    const positions = new Map<string, number>(
      (
        (await manager.query(`SELECT id, position FROM event_slot WHERE event_id = $1`, [event.id])) as Array<{
          id: string;
          position: number;
        }>
      ).map((s) => [s.id, s.position]),
    );
    await this.assertPlanFits(manager, event.id, run.plan, positions);

    const existing = await manager.find(EventMeeting, { where: { eventId: event.id } });
    const byPair = new Map(existing.map((m) => [pairKey(m.registrationId, m.invitationId), m]));
    const from = run.fromSlotPosition;
    const frozen = (m: EventMeeting) =>
      m.status === 'done' || m.status === 'no_show' || (from !== null && (positions.get(m.slotId) ?? 0) < from);

    const planned = new Set<string>();
    const kept: string[] = [];
    const moves: Array<{ row: EventMeeting; meeting: PlannedMeeting; status: MeetingStatus }> = [];
    const inserts: PlannedMeeting[] = [];
    for (const meeting of run.plan) {
      const key = pairKey(meeting.registrationId, meeting.invitationId);
      planned.add(key);
      const row = byPair.get(key);
      if (!row) {
        inserts.push(meeting);
        continue;
      }
      const samePlace = row.slotId === meeting.slotId && row.tableNumber === meeting.tableNumber;
      const live = row.status === 'planned' || row.status === 'announced' || row.status === 'done';
      if (frozen(row)) {
        // A kept meeting comes back from the engine where it was (it was locked); anything else is a plan that
        // disagrees with the day.
        if (!samePlace || row.status === 'no_show') throw errors.planStale('un entretien passé ou tenu serait déplacé');
        kept.push(row.id);
      } else if (samePlace && live) kept.push(row.id);
      else moves.push({ row, meeting, status: row.status === 'announced' || published ? 'announced' : 'planned' });
    }
    const cancels = existing.filter(
      (m) =>
        !planned.has(pairKey(m.registrationId, m.invitationId)) &&
        (m.status === 'planned' || m.status === 'announced') &&
        !frozen(m),
    );

    if (cancels.length > 0)
      await manager.query(
        `UPDATE event_meeting SET status = 'cancelled', cancelled_at = $2, cancel_reason = 'Replanifié',
                sequence = sequence + 1, run_id = $3, updated_at = $2
          WHERE id = ANY($1::uuid[])`,
        [cancels.map((m) => m.id), now, run.id],
      );
    const movingLive = moves.filter((m) => m.row.status === 'planned' || m.row.status === 'announced');
    if (movingLive.length > 0)
      // Phase 1 of a move: out of the live set, inside this transaction only (nobody sees this state).
      await manager.query(
        `UPDATE event_meeting SET status = 'cancelled', cancelled_at = COALESCE(cancelled_at, $2)
          WHERE id = ANY($1::uuid[])`,
        [movingLive.map((m) => m.row.id), now],
      );
    if (moves.length > 0)
      await manager.query(
        `UPDATE event_meeting m
            SET slot_id = v.slot_id, table_number = v.table_number, status = v.status,
                announced_at = CASE WHEN v.status = 'announced' THEN COALESCE(m.announced_at, $2) ELSE NULL END,
                cancelled_at = NULL, cancel_reason = NULL, sequence = m.sequence + 1, run_id = $3, updated_at = $2
           FROM unnest($1::uuid[], $4::uuid[], $5::int[], $6::varchar[]) AS v(id, slot_id, table_number, status)
          WHERE m.id = v.id`,
        [
          moves.map((m) => m.row.id),
          now,
          run.id,
          moves.map((m) => m.meeting.slotId),
          moves.map((m) => m.meeting.tableNumber),
          moves.map((m) => m.status),
        ],
      );
    let added: string[] = [];
    if (inserts.length > 0) {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO event_meeting (event_id, run_id, registration_id, invitation_id, slot_id, table_number, status,
                                    announced_at, sequence, created_at, updated_at)
         SELECT $1, $2, v.registration_id, v.invitation_id, v.slot_id, v.table_number, $7::varchar,
                CASE WHEN $7::varchar = 'announced' THEN $8::timestamptz END, 0, $8, $8
           FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int[])
                AS v(registration_id, invitation_id, slot_id, table_number)
         RETURNING id`,
        [
          event.id,
          run.id,
          inserts.map((m) => m.registrationId),
          inserts.map((m) => m.invitationId),
          inserts.map((m) => m.slotId),
          inserts.map((m) => m.tableNumber),
          published ? 'announced' : 'planned',
          now,
        ],
      );
      added = rows.map((r) => r.id);
    }
    if (kept.length > 0)
      await manager.query(`UPDATE event_meeting SET run_id = $2 WHERE id = ANY($1::uuid[]) AND run_id <> $2`, [
        kept,
        run.id,
      ]);
    await manager.query(`UPDATE event_planning_run SET is_current = false WHERE event_id = $1 AND is_current`, [
      event.id,
    ]);
    await manager.update(EventPlanningRun, { id: run.id }, { isCurrent: true });
    return {
      runId: run.id,
      eventId: event.id,
      added,
      moved: moves.map((m) => m.row.id),
      cancelled: cancels.map((m) => m.id),
      kept,
    };
  }

  /**
   * A plan names accepted candidates, confirmed employers and slots of its event: a run applied after someone withdrew
   * is refused as a whole (relaunch a run) rather than applied in part.
   */
  private async assertPlanFits(
    manager: EntityManager,
    eventId: string,
    plan: PlannedMeeting[],
    positions: Map<string, number>,
  ): Promise<void> {
    if (plan.some((m) => !positions.has(m.slotId))) throw errors.planStale('un créneau n’existe plus');
    const registrationIds = [...new Set(plan.map((m) => m.registrationId))];
    const invitationIds = [...new Set(plan.map((m) => m.invitationId))];
    const [{ registrations, invitations }] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM event_registration
                WHERE event_id = $1 AND status = 'accepted' AND id = ANY($2::uuid[])) AS registrations,
              (SELECT count(*)::int FROM event_invitation
                WHERE event_id = $1 AND status = 'confirmed' AND id = ANY($3::uuid[])) AS invitations`,
      [eventId, registrationIds, invitationIds],
    )) as Array<{ registrations: number; invitations: number }>;
    if (registrations !== registrationIds.length) throw errors.planStale('une inscription n’est plus acceptée');
    if (invitations !== invitationIds.length) throw errors.planStale('un employeur n’est plus confirmé');
  }
}
