import { getHighs } from './highs';
import { closeGap } from './exact-phase';
import { solveFlow } from './min-cost-flow';
import { fillPlan, greedyPlan, Plan } from './plan';
import { buildProblem, planMeetings, planValue } from './problem';
import { assignSlots } from './slot-assignment';
import { ScheduleInstance, ScheduleResult, ScheduleStats, SolveOptions } from './types';
import { assertValidInstance } from './validate';

const DEFAULT_TIME_LIMIT_S = 60;

/**
 * Plans the meetings of a job dating. Pure apart from the HiGHS runtime it
 * loads once per process; HiGHS blocks the thread, so call it from a worker.
 *
 * 1. flow relaxation (which pairs meet, ignoring slots): upper bound + a pair set;
 * 2. place that pair set into slots (list edge-colouring heuristic), fill gaps:
 *    when this reaches the bound, the plan is proven optimal;
 * 3. otherwise the time-indexed LP then MIP, restricted by reduced-cost fixing (see closeGap).
 */
export async function solveSchedule(instance: ScheduleInstance, options: SolveOptions = {}): Promise<ScheduleResult> {
  const t0 = performance.now();
  const limitMs = 1000 * (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S);
  // room to turn the plan into meetings and print it
  const deadline = t0 + limitMs * 0.95 - 100;
  const seed = options.seed ?? 0;
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number): number => {
    const now = performance.now();
    timings[name] = Math.round(now - since) / 1000;
    return now;
  };
  const withLocks: ScheduleInstance = options.locked?.length ? { ...instance, locked: [...(instance.locked ?? []), ...options.locked] } : instance;
  assertValidInstance(withLocks);
  const pb = buildProblem(withLocks);
  let t = lap('build', t0);

  const greedy = greedyPlan(pb);
  const greedyValue = planValue(pb, greedy);
  let best = greedy, bestValue = greedyValue;
  const stats: ScheduleStats = {
    method: 'heuristic', flowBound: pb.lockedValue, greedyObjective: pb.lockedValue + greedyValue,
    lockedMeetings: pb.locked.length, lpVariables: 0, mipVariables: 0, mipStatus: null, timings,
  };
  const finish = (bound: number): ScheduleResult => {
    const objective = pb.lockedValue + bestValue;
    const total = Math.max(objective, pb.lockedValue + bound);
    const tol = pb.integral ? 1e-6 : 1e-9 * Math.max(1, Math.abs(total));
    return {
      meetings: planMeetings(pb, best), objective, bound: total, gap: total - objective,
      status: total - objective <= tol ? 'optimal' : 'feasible',
      solveTimeSeconds: Math.round(performance.now() - t0) / 1000, stats,
    };
  };
  if (pb.nP === 0) {
    stats.method = 'empty';
    return finish(0);
  }
  const round = (b: number): number => (pb.integral ? Math.floor(b + 1e-6) : b);

  const flow = solveFlow(pb, t0 + limitMs * 0.6);
  const flowBound = round(flow.bound);
  stats.flowBound = pb.lockedValue + flowBound;
  t = lap('flow', t);

  const plan = new Plan(pb);
  const chosen: number[] = [];
  for (let p = 0; p < pb.nP; p++) if (flow.selected[p]) chosen.push(p);
  const budget = Math.min(deadline, performance.now() + Math.max(200, limitMs * 0.1));
  assignSlots(plan, chosen, { seed, deadline: budget, maxSteps: 50 * chosen.length + 10000 });
  fillPlan(plan);
  const colouredValue = planValue(pb, plan.slotOf);
  if (colouredValue > bestValue) { best = plan.slotOf.slice(); bestValue = colouredValue; stats.method = 'flow+colouring'; }
  t = lap('colouring', t);
  if (bestValue >= flowBound - 1e-9) return finish(flowBound);

  // a flow cut short fixes almost nothing: the time-indexed model would be the whole problem
  if (!flow.complete || performance.now() > deadline - 300) return finish(flowBound);
  const highs = await getHighs();
  const exact = closeGap(highs, pb, flow, best, { deadline: deadline - 200, seed, flowBound });
  lap('exact', t);
  stats.mipVariables = exact.mipVariables;
  stats.lpVariables = exact.lpVariables;
  stats.mipStatus = exact.status;
  if (exact.value > bestValue) { best = exact.slotOf; bestValue = exact.value; stats.method = exact.method; }
  return finish(Math.max(bestValue, exact.bound));
}
