import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { Clock } from '../../../platform/clock/clock';
import { constraintNameOf } from '../../../platform/errors/constraint-errors';
import { AppError } from '../../../platform/errors/app-error';
import { OutboxService } from '../../../platform/queue/outbox.service';
import type { JobOutcome } from '../../../platform/queue/job-handler';
import { InvalidInstanceError, solveSchedule } from '../../scheduling/engine';
import { Event } from '../entities/event.entity';
import { EventPlanningRun } from './entities';
import { buildInstance, PlanMappingError, planFromResult } from './engine/plan-instance';
import { EventPlanService } from './event-plan.service';
import { loadPlanningSnapshot } from './planning-snapshot';

/** Thrown when a later attempt of the same run took over (a worker thought dead came back): this one stops quietly. */
class Superseded extends Error {}

/**
 * ComputeEventPlan, the planning job's use case: snapshot → solve → store, the run row saying where it is.
 *
 * Idempotence and crashes: the job id is the run id; each attempt raises `attempts` and keeps its number as a fencing
 * token; storing happens in ONE transaction (the run's plan and figures, the event's meetings, the run made current)
 * that first checks the run is still `running` with this attempt's number. A worker killed at any point leaves either
 * nothing or the whole plan; BullMQ's stalled-job check hands the job to the next worker, whose attempt recomputes from
 * a fresh snapshot and stores once; an attempt overtaken by a newer one stores nothing.
 *
 * Failures: a plan the database refuses (a named constraint of `event_meeting`) or that no longer fits the event is a
 * failed run with its reason, never a partial plan; other errors (database or Redis down) are rethrown for BullMQ's
 * retries, and the last attempt marks the run failed so that the event is not left with a run forever "running".
 */
@Injectable()
export class ComputeEventPlan {
  private readonly logger = new Logger(ComputeEventPlan.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: EventPlanService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(runId: string, options: { lastAttempt: boolean } = { lastAttempt: false }): Promise<JobOutcome> {
    const started: Array<{ attempts: number }> = await this.dataSource.query(
      `UPDATE event_planning_run
          SET status = 'running', phase = 'snapshot', progress = 5, attempts = attempts + 1,
              started_at = COALESCE(started_at, $2), error = NULL
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING attempts`,
      [runId, this.clock.now()],
    );
    // pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query()
    const rows = (Array.isArray(started[0]) ? started[0] : started) as Array<{ attempts: number }>;
    if (rows.length === 0) return 'skipped';
    const attempt = rows[0].attempts;
    try {
      await this.run(runId, attempt);
      return 'done';
    } catch (error) {
      if (error instanceof Superseded) return 'skipped';
      if (isPermanent(error)) {
        // Retrying would compute the same refusal: the run fails with its reason, the job is done.
        await this.fail(runId, attempt, describe(error));
        return 'done';
      }
      if (options.lastAttempt) await this.fail(runId, attempt, describe(error));
      throw error;
    }
  }

  private async run(runId: string, attempt: number): Promise<void> {
    const timings: Record<string, number> = {};
    let t = Date.now();
    // One consistent read of the event: REPEATABLE READ, read only.
    const { snapshot, run } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const run = await manager.findOneByOrFail(EventPlanningRun, { id: runId });
      const event = await manager.findOneByOrFail(Event, { id: run.eventId });
      const snapshot = await loadPlanningSnapshot(manager, run, event.collectiveId, this.clock.now());
      return { snapshot, run };
    });
    timings.snapshotMs = Date.now() - t;
    const { instance, mapping } = buildInstance(snapshot);
    await this.progress(runId, attempt, 'solving', 30);
    t = Date.now();
    const result = await solveSchedule(instance, { timeLimitSeconds: run.timeLimitSeconds, seed: 0 });
    timings.solveMs = Date.now() - t;
    const plan = planFromResult(result, mapping);
    await this.progress(runId, attempt, 'storing', 80);
    t = Date.now();
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(EventPlanningRun, {
        where: { id: runId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current || current.status !== 'running' || current.attempts !== attempt) throw new Superseded();
      const covered = new Set(plan.meetings.map((m) => m.registrationId)).size;
      const stats = {
        ...result.stats,
        candidates: snapshot.candidates.length,
        employers: snapshot.employers.length,
        slots: snapshot.slots.length,
        pairs: instance.pairs.length - plan.phantoms,
        meetings: plan.meetings.length,
        lockedMeetings: plan.meetings.filter((m) => m.locked).length,
        coveredCandidates: covered,
        phantomTables: plan.phantoms,
        unkeepable: mapping.unkeepable,
        solveTimeSeconds: result.solveTimeSeconds,
        ...timings,
      };
      await manager.query(
        `UPDATE event_planning_run SET plan = $2::jsonb, objective = $3, bound = $4, gap = $5, plan_status = $6,
                stats = $7::jsonb
          WHERE id = $1`,
        [
          runId,
          JSON.stringify(plan.meetings),
          plan.objective,
          plan.bound,
          plan.gap,
          result.status,
          JSON.stringify(stats),
        ],
      );
      const applied = await this.plans.applyRun(runId, manager);
      const event = await manager.findOneByOrFail(Event, { id: current.eventId });
      const changed = [...applied.added, ...applied.moved, ...applied.cancelled];
      if ((event.status === 'published' || event.status === 'running') && changed.length > 0)
        await this.plans.announceChange(manager, event.id, 'replanned', changed);
      timings.storeMs = Date.now() - t;
      await manager.query(
        `UPDATE event_planning_run SET status = 'succeeded', phase = NULL, progress = 100, finished_at = $2,
                stats = stats || $3::jsonb
          WHERE id = $1`,
        [runId, this.clock.now(), JSON.stringify({ storeMs: timings.storeMs })],
      );
    });
    this.logger.log({ msg: 'planning stored', runId, status: result.status, gap: plan.gap, ...timings });
  }

  private async progress(runId: string, attempt: number, phase: 'solving' | 'storing', progress: number) {
    const result = await this.dataSource.query(
      `UPDATE event_planning_run SET phase = $3, progress = $4 WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [runId, attempt, phase, progress],
    );
    if ((result as [unknown, number])[1] === 0) throw new Superseded();
  }

  private async fail(runId: string, attempt: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE event_planning_run SET status = 'failed', finished_at = $3, error = $4
        WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [runId, attempt, this.clock.now(), error.slice(0, 2000)],
    );
  }
}

/** A refusal that another attempt would meet again: the plan breaks a rule, no longer fits, or the mapping is wrong. */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof AppError ||
    error instanceof InvalidInstanceError ||
    error instanceof PlanMappingError ||
    constraintNameOf(error) !== undefined
  );
}

function describe(error: unknown): string {
  if (error instanceof AppError) return `${error.code} : ${error.message}`;
  const constraint = constraintNameOf(error);
  if (constraint) return `Le planning calculé enfreint la règle ${constraint} de la base : il n’a pas été enregistré.`;
  if (error instanceof QueryFailedError) return `Erreur de la base : ${error.message}`;
  return `Erreur : ${(error as Error).message ?? String(error)}`;
}
