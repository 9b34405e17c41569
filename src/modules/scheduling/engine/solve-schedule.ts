import { solveFlowRelaxation } from './flow-bound';
import { getHighs } from './highs';
import { solveMip } from './mip';
import { fillPlan, greedyPlan, Plan } from './plan';
import { buildProblem, planMeetings, planValue, Problem } from './problem';
import { assignSlots } from './slot-assignment';
import { ScheduleInstance, ScheduleResult, ScheduleStats, SolveOptions } from './types';
import { assertValidInstance } from './validate';

const DEFAULT_TIME_LIMIT_S = 60;

/** A residual plan that really obeys every capacity (MIP values are read back with a tolerance). */
function isValidPlan(pb: Problem, slotOf: Int32Array): boolean {
  const plan = new Plan(pb);
  for (let p = 0; p < pb.nP; p++) {
    const k = slotOf[p];
    if (k < 0) continue;
    let allowed = false;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) if (pb.slotList[t] === k) allowed = true;
    if (!allowed || !plan.fits(p, k) || !plan.capsAllow(p)) return false;
    plan.place(p, k);
  }
  return true;
}

/**
 * Plans the meetings of a job dating. Pure apart from the HiGHS runtime it
 * loads once per process; HiGHS blocks the thread, so call it from a worker.
 *
 * 1. flow relaxation (which pairs meet, ignoring slots): upper bound + a pair set;
 * 2. place that pair set into slots (list edge-colouring heuristic), fill gaps:
 *    when this reaches the bound, the plan is proven optimal;
 * 3. otherwise the time-indexed MIP, restricted by reduced-cost fixing on the
 *    flow duals (a pair whose forced in/out value cannot beat the incumbent is fixed).
 */
export async function solveSchedule(instance: ScheduleInstance, options: SolveOptions = {}): Promise<ScheduleResult> {
  const t0 = performance.now();
  const limitMs = 1000 * (options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S);
  const deadline = t0 + limitMs;
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
    lockedMeetings: pb.locked.length, mipVariables: 0, mipRows: 0, mipStatus: null, timings,
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

  const highs = await getHighs();
  const flow = solveFlowRelaxation(highs, pb);
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

  // Reduced-cost fixing: the Lagrangian value with a pair forced in (out) bounds
  // every plan that has it in (out); below the incumbent + 1, no better plan has it.
  const threshold = pb.integral ? bestValue + 1 - 1e-4 : bestValue - 1e-6 * Math.max(1, Math.abs(bestValue));
  const fix = new Int8Array(pb.nP).fill(-1);
  for (let p = 0; p < pb.nP; p++) {
    const rc = flow.reducedCost[p];
    const base = flow.bound - Math.max(0, rc);
    if (base + rc < threshold) fix[p] = 0;
    else if (base < threshold) fix[p] = 1;
  }
  const remaining = (deadline - performance.now()) / 1000 - 0.5;
  if (remaining <= 0.1) return finish(flowBound);
  const incumbent = bestValue;
  const mip = solveMip(highs, pb, fix, { timeLimit: remaining, seed, start: best });
  stats.mipVariables = mip.variables;
  stats.mipRows = mip.rows;
  stats.mipStatus = mip.status;
  lap('mip', t);
  if (mip.slotOf && isValidPlan(pb, mip.slotOf)) {
    const v = planValue(pb, mip.slotOf);
    if (v > bestValue) { best = mip.slotOf; bestValue = v; stats.method = 'mip'; }
  }
  // the restricted MIP only speaks about plans better than the incumbent it was fixed against
  const restricted = mip.status === 'infeasible' ? incumbent : mip.status === 'optimal' ? Math.max(incumbent, bestValue) : Math.max(incumbent, round(mip.bound));
  return finish(Math.min(flowBound, restricted));
}
