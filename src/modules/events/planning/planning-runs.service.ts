import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { isConstraintViolation } from '../../../platform/errors/constraint-errors';
import { accessAsOrganiser } from '../events-access';
import {
  DEFAULT_TIME_LIMIT_SECONDS,
  type CurrentPlanDto,
  type LaunchPlanningDto,
  type PlanMeetingDto,
  type PlanningComparisonDto,
  type PlanningRunDto,
} from './dto/planning.dto';
import { EventPlanningRun, type PlannedMeeting } from './entities';
import { EventPlanService } from './event-plan.service';
import { planningErrors as errors } from './planning.errors';
import type { MeetingStatus } from './planning-vocabulary';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Events whose organiser may launch a planning run from the API (the day's re-planning is events/day's). */
const launchableStatuses = ['planning', 'published'];

export function runView(run: EventPlanningRun): PlanningRunDto {
  const stats = run.stats as { coveredCandidates?: number } | null;
  return {
    id: run.id,
    eventId: run.eventId,
    status: run.status,
    phase: run.phase,
    progress: run.progress,
    timeLimitSeconds: run.timeLimitSeconds,
    fromSlotPosition: run.fromSlotPosition,
    objective: run.objective,
    bound: run.bound,
    gap: run.gap,
    planStatus: run.planStatus,
    meetings: run.plan ? run.plan.length : null,
    coveredCandidates: stats?.coveredCandidates ?? null,
    stats: run.stats,
    error: run.error,
    attempts: run.attempts,
    isCurrent: run.isCurrent,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
  };
}

/**
 * The organiser's side of planning runs: launch one (the worker computes it), follow its progress, read the current
 * plan as a grid, compare two runs. Every use case checks the caller organises the event (events-access).
 */
@Injectable()
export class PlanningRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: EventPlanService,
    private readonly audit: AuditService,
  ) {}

  async launch(principal: Principal, eventId: string, dto: LaunchPlanningDto): Promise<PlanningRunDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The event row locked: publication waits for this launch, and a launch for a publication.
        const { event } = await accessAsOrganiser(manager, principal, eventId, { lock: true });
        if (!launchableStatuses.includes(event.status)) throw errors.notPlanning(event.status);
        const run = await this.plans.requestRun(manager, eventId, {
          requestedByUserId: principal.userId,
          timeLimitSeconds: dto.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
        });
        await this.audit.record(
          {
            actorUserId: principal.userId,
            action: 'event.planning.launched',
            subjectType: 'event',
            subjectId: eventId,
            context: { runId: run.id },
          },
          manager,
        );
        return runView(await manager.findOneByOrFail(EventPlanningRun, { id: run.id }));
      });
    } catch (error) {
      if (isConstraintViolation(error, 'UQ_event_planning_run_active')) throw errors.runActive();
      throw error;
    }
  }

  async get(principal: Principal, eventId: string, runId: string): Promise<PlanningRunDto> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      return runView(await this.findRun(manager, eventId, runId));
    });
  }

  async list(principal: Principal, eventId: string): Promise<PlanningRunDto[]> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      const runs = await manager.find(EventPlanningRun, { where: { eventId }, order: { createdAt: 'DESC' } });
      return runs.map(runView);
    });
  }

  /** The current plan (live meetings with who and where), the run it comes from and a run in progress if any. */
  async currentPlan(principal: Principal, eventId: string): Promise<CurrentPlanDto> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      const current = await manager.findOneBy(EventPlanningRun, { eventId, isCurrent: true });
      const active = await manager.findOne(EventPlanningRun, {
        where: [
          { eventId, status: 'queued' },
          { eventId, status: 'running' },
        ],
      });
      const meetings = await this.plans.currentMeetings(eventId, manager);
      const labels = await this.labels(manager, eventId);
      return {
        eventId,
        currentRun: current ? runView(current) : null,
        activeRun: active ? runView(active) : null,
        meetings: meetings.map((m): PlanMeetingDto => ({
          id: m.id,
          registrationId: m.registrationId,
          pseudonym: labels.pseudonyms.get(m.registrationId) ?? '—',
          invitationId: m.invitationId,
          employer: labels.employers.get(m.invitationId) ?? '—',
          slotId: m.slotId,
          slotPosition: m.slotPosition,
          startsAt: m.startsAt.toISOString(),
          endsAt: m.endsAt.toISOString(),
          tableNumber: m.tableNumber,
          status: m.status as MeetingStatus,
          sequence: m.sequence,
        })),
      };
    });
  }

  /** What changes from one run to another: objective, gap, and meetings added, removed or moved (by pair). */
  async compare(
    principal: Principal,
    eventId: string,
    baseId: string,
    otherId: string,
  ): Promise<PlanningComparisonDto> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      const base = await this.findRun(manager, eventId, baseId);
      const other = await this.findRun(manager, eventId, otherId);
      if (!base.plan) throw errors.runNotSucceeded(base.status);
      if (!other.plan) throw errors.runNotSucceeded(other.status);
      return { base: runView(base), other: runView(other), ...comparePlans(base, other) };
    });
  }

  private async findRun(manager: EntityManager, eventId: string, runId: string): Promise<EventPlanningRun> {
    const run = await manager.findOneBy(EventPlanningRun, { id: runId, eventId });
    if (!run) throw errors.runNotFound();
    return run;
  }

  /** Pseudonyms (shared profile) and employers' names: what the organiser's grid shows, never an identity. */
  async labels(
    manager: EntityManager,
    eventId: string,
  ): Promise<{ pseudonyms: Map<string, string>; employers: Map<string, string> }> {
    const people: Array<{ id: string; pseudonym: string | null }> = await manager.query(
      `SELECT r.id, p.pseudonym FROM event_registration r
         LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
        WHERE r.event_id = $1`,
      [eventId],
    );
    const companies: Array<{ id: string; name: string }> = await manager.query(
      `SELECT i.id, c.display_name AS name FROM event_invitation i JOIN pooled_company c ON c.id = i.pooled_company_id
        WHERE i.event_id = $1`,
      [eventId],
    );
    return {
      pseudonyms: new Map(people.map((p) => [p.id, p.pseudonym ?? '—'])),
      employers: new Map(companies.map((c) => [c.id, c.name])),
    };
  }
}

export function comparePlans(
  base: EventPlanningRun,
  other: EventPlanningRun,
): Omit<PlanningComparisonDto, 'base' | 'other'> {
  const key = (m: PlannedMeeting) => `${m.registrationId}|${m.invitationId}`;
  const view = (m: PlannedMeeting) => ({
    registrationId: m.registrationId,
    invitationId: m.invitationId,
    slotId: m.slotId,
    tableNumber: m.tableNumber,
  });
  const before = new Map((base.plan ?? []).map((m) => [key(m), m]));
  const after = new Map((other.plan ?? []).map((m) => [key(m), m]));
  const result: Omit<PlanningComparisonDto, 'base' | 'other'> = {
    objectiveDelta: base.objective !== null && other.objective !== null ? other.objective - base.objective : null,
    gapDelta: base.gap !== null && other.gap !== null ? other.gap - base.gap : null,
    added: [],
    removed: [],
    moved: [],
    unchanged: 0,
  };
  for (const [k, m] of after) {
    const was = before.get(k);
    if (!was) result.added.push(view(m));
    else if (was.slotId !== m.slotId || was.tableNumber !== m.tableNumber)
      result.moved.push({
        registrationId: m.registrationId,
        invitationId: m.invitationId,
        fromSlotId: was.slotId,
        fromTable: was.tableNumber,
        toSlotId: m.slotId,
        toTable: m.tableNumber,
      });
    else result.unchanged++;
  }
  for (const [k, m] of before) if (!after.has(k)) result.removed.push(view(m));
  return result;
}
