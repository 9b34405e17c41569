import { Highs } from 'highs';
import { FlowRelaxation } from './flow-bound';
import { lagrangianFromDuals } from './lagrangian';
import { Plan } from './plan';
import { Problem, planValue } from './problem';
import { buildTimeIndexed, ColumnSet, columnsFromPlan, planFromColumns, runHighs } from './time-indexed';

export interface ExactOutcome {
  slotOf: Int32Array;
  value: number;
  /** Upper bound on every plan, the incumbent included. */
  bound: number;
  lpVariables: number;
  mipVariables: number;
  status: string;
  method: 'lp' | 'mip' | 'incumbent';
}

/** A residual plan that really obeys every capacity (solver values are read back with a tolerance). */
export function isValidPlan(pb: Problem, slotOf: Int32Array): boolean {
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
 * Closes the gap the flow bound leaves, in three steps, each restricted by
 * reduced-cost fixing (a variable whose forced value caps every plan at the
 * incumbent's value cannot be part of a better plan, so it is fixed):
 * 1. pairs are fixed on the flow duals; 2. the LP relaxation of the time-indexed
 * model on what is left (its bound matched the optimum on every measured
 * instance, and a bound equal to the incumbent ends the search); 3. slot
 * columns are fixed on the LP duals and the small MIP left is solved.
 */
export function closeGap(
  highs: Highs,
  pb: Problem,
  flow: FlowRelaxation,
  incumbent: Int32Array,
  opts: { deadline: number; seed: number; flowBound: number },
): ExactOutcome {
  const round = (b: number): number => (pb.integral ? Math.floor(b + 1e-6) : b);
  const thresholdOf = (v: number): number => (pb.integral ? v + 1 - 1e-4 : v + 1e-9 * Math.max(1, Math.abs(v)));
  const remaining = (): number => (opts.deadline - performance.now()) / 1000;
  let best = incumbent,
    bestValue = planValue(pb, incumbent);
  const out = (
    bound: number,
    status: string,
    method: ExactOutcome['method'],
    lpVariables = 0,
    mipVariables = 0,
  ): ExactOutcome => ({
    slotOf: best,
    value: bestValue,
    bound: Math.max(bestValue, Math.min(opts.flowBound, bound)),
    lpVariables,
    mipVariables,
    status,
    method,
  });

  const v0 = bestValue;
  let threshold = thresholdOf(v0);
  const pairIn = new Uint8Array(pb.nP);
  const cols: ColumnSet = { colPair: [], colSlot: [], colFixedIn: [], pairIn };
  for (let p = 0; p < pb.nP; p++) {
    const rc = flow.reducedCost[p];
    const base = flow.bound - Math.max(0, rc);
    if (base + rc < threshold) continue;
    if (base < threshold) pairIn[p] = 1;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
      cols.colPair.push(p);
      cols.colSlot.push(pb.slotList[t]);
      cols.colFixedIn.push(0);
    }
  }
  if (cols.colPair.length === 0) return out(v0, 'fixed', 'incumbent');
  // building and loading a model costs about a microsecond per column before HiGHS even starts
  if (remaining() < 0.5 + cols.colPair.length * 5e-6) return out(Infinity, 'time-limit', 'incumbent');
  const m1 = buildTimeIndexed(pb, cols);
  if (remaining() < 0.2) return out(Infinity, 'time-limit', 'incumbent', m1.numCols);
  const lp = runHighs(highs, m1, { mip: false, timeLimit: remaining() - 0.1, seed: opts.seed, integral: pb.integral });
  if (lp.status === 'infeasible') return out(v0, 'infeasible', 'incumbent', m1.numCols);
  if (!lp.rowDual || !lp.colValue) return out(Infinity, lp.status, 'incumbent', m1.numCols);
  const lag = lagrangianFromDuals(m1, lp.rowDual);
  const lpBound = Math.max(v0, round(lag.value));
  const fromLp = planFromColumns(pb, m1, lp.colValue);
  let method: ExactOutcome['method'] = 'incumbent';
  if (fromLp && isValidPlan(pb, fromLp) && planValue(pb, fromLp) > bestValue) {
    best = fromLp;
    bestValue = planValue(pb, fromLp);
    method = 'lp';
  }
  if (lpBound <= bestValue + 1e-9) return out(lpBound, 'optimal', method, m1.numCols);

  // slot columns fixed on the LP duals, against the (possibly improved) incumbent
  threshold = thresholdOf(bestValue);
  const reduced: ColumnSet = { colPair: [], colSlot: [], colFixedIn: [], pairIn };
  for (let j = 0; j < m1.nX; j++) {
    const rc = lag.reducedCost[j];
    const base = lag.value - Math.max(0, rc);
    if (base + rc < threshold) continue;
    reduced.colPair.push(m1.colPair[j]);
    reduced.colSlot.push(m1.colSlot[j]);
    reduced.colFixedIn.push(base < threshold ? 1 : 0);
  }
  if (reduced.colPair.length === 0) return out(bestValue, 'fixed', method, m1.numCols);
  const m2 = buildTimeIndexed(pb, reduced);
  if (remaining() < 0.2) return out(lpBound, 'time-limit', method, m1.numCols, m2.numCols);
  const start = columnsFromPlan(pb, m2, best) ?? undefined;
  const mip = runHighs(highs, m2, {
    mip: true,
    timeLimit: remaining() - 0.1,
    seed: opts.seed,
    integral: pb.integral,
    start,
  });
  const incumbentValue = bestValue;
  if (mip.colValue) {
    const plan = planFromColumns(pb, m2, mip.colValue);
    if (plan && isValidPlan(pb, plan) && planValue(pb, plan) > bestValue) {
      best = plan;
      bestValue = planValue(pb, plan);
      method = 'mip';
    }
  }
  // the reduced MIP only speaks about plans better than the incumbent it was fixed against
  const mipBound = mip.status === 'infeasible' ? incumbentValue : Math.max(incumbentValue, round(mip.bound));
  return out(Math.min(lpBound, mipBound), mip.status, method, m1.numCols, m2.numCols);
}
