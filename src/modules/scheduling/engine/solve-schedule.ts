import { getHighs } from './highs';
import { closeGap } from './exact-phase';
import { solveFlow } from './min-cost-flow';
import { fillPlan, greedyPlan, Plan } from './plan';
import { buildProblem, planMeetings, planValue } from './problem';
import { assignSlots, recolour } from './slot-assignment';
import { FlowRelaxation, usableCapacities } from './flow-bound';
import { ScheduleInstance, ScheduleResult, ScheduleStats, SolveOptions } from './types';
import { assertValidInstance } from './validate';

const DEFAULT_TIME_LIMIT_S = 60;
/** Rounds of putting per-slot rules back; measured: one round is enough on every tight instance of the suite. */
const MAX_REFINEMENTS = 12;

/**
 * Plans the meetings of a job dating. Pure apart from the HiGHS runtime it
 * loads once per process; HiGHS blocks the thread, so call it from a worker.
 *
 * 1. flow relaxation (which pairs meet, ignoring slots): upper bound + a pair set;
 * 2. place that pair set into slots (list edge-colouring heuristic), fill gaps:
 *    when this reaches the bound, the plan is proven optimal;
 * 3. otherwise put back the per-slot rules of the people left out (still a flow,
 *    see solveFlow), colour again, and repeat while the bound is not reached;
 * 4. only then the time-indexed LP and MIP, restricted by reduced-cost fixing (see closeGap).
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
  const withLocks: ScheduleInstance = options.locked?.length
    ? { ...instance, locked: [...(instance.locked ?? []), ...options.locked] }
    : instance;
  assertValidInstance(withLocks);
  const pb = buildProblem(withLocks);
  let t = lap('build', t0);

  const greedy = greedyPlan(pb);
  const greedyValue = planValue(pb, greedy);
  let best = greedy,
    bestValue = greedyValue;
  const stats: ScheduleStats = {
    method: 'heuristic',
    flowBound: pb.lockedValue,
    greedyObjective: pb.lockedValue + greedyValue,
    lockedMeetings: pb.locked.length,
    lpVariables: 0,
    mipVariables: 0,
    mipStatus: null,
    timings,
  };
  const finish = (bound: number): ScheduleResult => {
    const objective = pb.lockedValue + bestValue;
    const total = Math.max(objective, pb.lockedValue + bound);
    const tol = pb.integral ? 1e-6 : 1e-9 * Math.max(1, Math.abs(total));
    return {
      meetings: planMeetings(pb, best),
      objective,
      bound: total,
      gap: total - objective,
      status: total - objective <= tol ? 'optimal' : 'feasible',
      solveTimeSeconds: Math.round(performance.now() - t0) / 1000,
      stats,
    };
  };
  if (pb.nP === 0) {
    stats.method = 'empty';
    return finish(0);
  }
  const round = (b: number): number => (pb.integral ? Math.floor(b + 1e-6) : b);

  const caps = usableCapacities(pb);
  const flow = solveFlow(pb, t0 + limitMs * 0.6, undefined, caps);
  let bound = round(flow.bound);
  stats.flowBound = pb.lockedValue + bound;
  t = lap('flow', t);

  const colourOpts = (n: number): { seed: number; deadline: number; maxSteps: number } => ({
    seed,
    deadline: Math.min(deadline, performance.now() + Math.max(200, limitMs * 0.1)),
    maxSteps: 50 * n + 10000,
  });
  const consider = (coloured: Plan): void => {
    const filled = Plan.from(pb, coloured.slotOf);
    fillPlan(filled);
    const value = planValue(pb, filled.slotOf);
    if (value > bestValue) {
      best = filled.slotOf;
      bestValue = value;
      stats.method = 'flow+colouring';
    }
  };
  const chosen: number[] = [];
  for (let p = 0; p < pb.nP; p++) if (flow.selected[p]) chosen.push(p);
  let coloured = new Plan(pb);
  let left = assignSlots(coloured, chosen, colourOpts(chosen.length));
  consider(coloured);
  t = lap('colouring', t);
  if (bestValue >= bound - 1e-9) return finish(bound);

  // Put back the per-slot rules of the people the colouring could not serve, and again
  // around whoever the next colouring leaves out: each round tightens the bound and
  // usually hands the colouring a pair set it can place (see solveFlow).
  let relaxation: FlowRelaxation = flow;
  const hot = { cand: new Uint8Array(pb.candIds.length), emp: new Uint8Array(pb.empIds.length) };
  const maxRefinements = options.maxRefinements ?? MAX_REFINEMENTS;
  for (let r = 0; r < maxRefinements && flow.complete; r++) {
    let added = 0;
    const mark = (p: number): void => {
      if (!hot.cand[pb.pairC[p]]) {
        hot.cand[pb.pairC[p]] = 1;
        added++;
      }
      if (!hot.emp[pb.pairE[p]]) {
        hot.emp[pb.pairE[p]] = 1;
        added++;
      }
    };
    // when everyone left out is hot already, the relaxation cannot tell more here (measured: widening
    // the hot set to their partners did not move the bound): the exact phase takes over
    for (const p of left) mark(p);
    if (added === 0 || performance.now() > deadline - 300) break;
    const gapBefore = bound - bestValue;
    const refined = solveFlow(pb, deadline - 200, hot, caps);
    stats.refinements = r + 1;
    if (round(refined.bound) < bound) {
      bound = round(refined.bound);
      if (refined.complete) relaxation = refined;
    }
    if (!refined.complete || bestValue >= bound - 1e-9) break;
    const next = recolour(coloured, refined.selected, refined.slotHint, hot, colourOpts(chosen.length));
    coloured = next.plan;
    left = next.left;
    consider(coloured);
    if (bestValue >= bound - 1e-9) break;
    // a round that does not halve the gap is facing conflicts the relaxation cannot express
    // (measured on scattered presence: a dozen rounds then HiGHS anyway): HiGHS takes over sooner
    if (bound - bestValue > gapBefore / 2) break;
  }
  stats.hotCandidates = hot.cand.reduce((a, b) => a + b, 0);
  stats.hotEmployers = hot.emp.reduce((a, b) => a + b, 0);
  stats.refinedBound = pb.lockedValue + bound;
  t = lap('refinement', t);
  if (bestValue >= bound - 1e-9) return finish(bound);

  // a flow cut short fixes almost nothing: the time-indexed model would be the whole problem
  if (!relaxation.complete || performance.now() > deadline - 300) return finish(bound);
  const highs = await getHighs();
  const exact = closeGap(highs, pb, relaxation, best, { deadline: deadline - 200, seed, flowBound: bound });
  lap('exact', t);
  stats.mipVariables = exact.mipVariables;
  stats.lpVariables = exact.lpVariables;
  stats.mipStatus = exact.status;
  if (exact.value > bestValue) {
    best = exact.slotOf;
    bestValue = exact.value;
    stats.method = exact.method;
  }
  return finish(Math.max(bestValue, exact.bound));
}
