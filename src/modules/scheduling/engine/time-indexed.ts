import { Highs } from 'highs';
import { LinearModel } from './lagrangian';
import { Problem } from './problem';

/**
 * Time-indexed model over the residual problem, on a chosen set of columns:
 *   x[p,k] = pair p meets in slot k, y[c] = candidate c covered;
 *   pair at most once (exactly once when `pairIn`), candidate one meeting per slot,
 *   employer ≤ free tables per slot, both caps, y[c] ≤ Σ x.
 * Table numbers are dropped: per-slot counts within the free tables are exactly
 * what table numbering needs. Rows that can never bind are left out.
 */
export interface TimeIndexedModel extends LinearModel {
  nX: number;
  colPair: Int32Array;
  colSlot: Int32Array;
  yCol: Int32Array;
}

export interface ColumnSet {
  colPair: number[];
  colSlot: number[];
  /** 1 when the column is fixed to 1. */
  colFixedIn: number[];
  /** Pairs that must meet (once, in one of their columns). */
  pairIn: Uint8Array;
}

export function buildTimeIndexed(pb: Problem, cols: ColumnSet): TimeIndexedModel {
  const K = pb.K;
  const nC = pb.candIds.length,
    nE = pb.empIds.length;
  const nX = cols.colPair.length;
  const cost: number[] = [],
    lower: number[] = [];
  const pairCols = new Map<number, number[]>(),
    candSlotCols = new Map<number, number[]>(),
    empSlotCols = new Map<number, number[]>();
  const candCols: number[][] = Array.from({ length: nC }, () => []);
  const empCols: number[][] = Array.from({ length: nE }, () => []);
  const push = (map: Map<number, number[]>, key: number, j: number): void => {
    const a = map.get(key);
    if (a) a.push(j);
    else map.set(key, [j]);
  };
  for (let j = 0; j < nX; j++) {
    const p = cols.colPair[j],
      k = cols.colSlot[j];
    cost.push(pb.pairW[p]);
    lower.push(cols.colFixedIn[j]);
    push(pairCols, p, j);
    candCols[pb.pairC[p]].push(j);
    empCols[pb.pairE[p]].push(j);
    push(candSlotCols, pb.pairC[p] * K + k, j);
    push(empSlotCols, pb.pairE[p] * K + k, j);
  }
  const yCol = new Int32Array(nC).fill(-1);
  for (let c = 0; c < nC; c++) {
    if (candCols[c].length === 0 || pb.candBonus[c] === 0) continue;
    yCol[c] = cost.length;
    cost.push(pb.candBonus[c]);
    let forced = false;
    for (const j of candCols[c]) if (cols.colFixedIn[j] || cols.pairIn[cols.colPair[j]]) forced = true;
    lower.push(forced && pb.candBonus[c] > 0 ? 1 : 0);
  }
  const numCols = cost.length;
  const starts: number[] = [0],
    idx: number[] = [],
    val: number[] = [],
    rowLo: number[] = [],
    rowHi: number[] = [];
  const addRow = (list: number[], lo: number, hi: number, coef?: number[]): void => {
    for (let i = 0; i < list.length; i++) {
      idx.push(list[i]);
      val.push(coef ? coef[i] : 1);
    }
    starts.push(idx.length);
    rowLo.push(lo);
    rowHi.push(hi);
  };
  for (const [p, list] of pairCols) {
    if (cols.pairIn[p]) addRow(list, 1, 1);
    else if (list.length >= 2) addRow(list, -Infinity, 1);
  }
  for (const list of candSlotCols.values()) if (list.length >= 2) addRow(list, -Infinity, 1);
  for (const [key, list] of empSlotCols) if (list.length > pb.empFree[key]) addRow(list, -Infinity, pb.empFree[key]);
  const distinct = (list: number[], of: number[]): number => new Set(list.map((j) => of[j])).size;
  for (let c = 0; c < nC; c++) {
    const list = candCols[c];
    if (list.length && Math.min(distinct(list, cols.colSlot), distinct(list, cols.colPair)) > pb.candCap[c])
      addRow(list, -Infinity, pb.candCap[c]);
  }
  for (let e = 0; e < nE; e++) {
    const list = empCols[e];
    if (list.length && distinct(list, cols.colPair) > pb.empCap[e]) addRow(list, -Infinity, pb.empCap[e]);
  }
  for (let c = 0; c < nC; c++) {
    if (yCol[c] < 0) continue;
    const list = candCols[c];
    if (pb.candBonus[c] > 0) addRow([yCol[c], ...list], -Infinity, 0, [1, ...list.map(() => -1)]);
    else addRow([...list, yCol[c]], -Infinity, 0, [...list.map(() => 1), -list.length]); // a penalty: any meeting forces y
  }
  return {
    numCols,
    numRows: rowLo.length,
    nX,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lower),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(rowLo),
    rowUpper: Float64Array.from(rowHi),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(idx),
    values: Float64Array.from(val),
    colPair: Int32Array.from(cols.colPair),
    colSlot: Int32Array.from(cols.colSlot),
    yCol,
  };
}

export interface RunOutcome {
  /** 'optimal' | 'infeasible' | 'time-limit' | 'status-N' */
  status: string;
  colValue: Float64Array | null;
  rowDual: Float64Array | null;
  /** MIP dual bound (Infinity when unknown); the LP value for an LP. */
  bound: number;
}

/** Runs HiGHS on the model, as an LP (dual simplex) or as a MIP; always time-limited, always disposed. */
export function runHighs(
  highs: Highs,
  m: TimeIndexedModel,
  opts: { mip: boolean; timeLimit: number; seed: number; integral: boolean; start?: Float64Array },
): RunOutcome {
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: {
      format: 'csr',
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
    ...(opts.mip ? { integrality: new Int32Array(m.numCols).fill(1) } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      random_seed: opts.seed,
      // HiGHS-wasm's presolve stalls for minutes on the large time-indexed models (see the shared README)
      presolve: 'off',
      time_limit: Math.max(0.05, opts.timeLimit),
      ...(opts.mip ? { mip_rel_gap: 0, mip_abs_gap: opts.integral ? 0.999 : 1e-6 } : { solver: 'simplex' }),
    });
    if (opts.mip && opts.start) model.setSolution({ colValue: opts.start });
    model.run();
    const code = model.getModelStatus();
    const names: Record<number, string> = { 7: 'optimal', 8: 'infeasible', 13: 'time-limit' };
    const status = names[code] ?? `status-${code}`;
    const info = (key: string): number | undefined => {
      try {
        return Number(model.info.get(key));
      } catch {
        return undefined;
      }
    };
    const sol = info('primal_solution_status') === 2 ? model.getSolution() : null;
    let bound = Infinity;
    if (status === 'infeasible') bound = -Infinity;
    else if (opts.mip) {
      const dual = info('mip_dual_bound');
      if (dual !== undefined && Number.isFinite(dual)) bound = dual;
    } else if (status === 'optimal') bound = model.getObjectiveValue();
    return {
      status,
      colValue: sol ? sol.colValue : null,
      rowDual: !opts.mip && status === 'optimal' && sol ? sol.rowDual : null,
      bound,
    };
  } finally {
    model.dispose();
  }
}

/** Slot per pair from a 0/1 column vector (or null when some x is fractional). */
export function planFromColumns(pb: Problem, m: TimeIndexedModel, x: Float64Array): Int32Array | null {
  const slotOf = new Int32Array(pb.nP).fill(-1);
  for (let j = 0; j < m.nX; j++) {
    if (x[j] > 1e-6 && x[j] < 1 - 1e-6) return null;
    if (x[j] > 0.5) slotOf[m.colPair[j]] = m.colSlot[j];
  }
  return slotOf;
}

/** Column vector of a plan, or null when the plan uses a column the model does not have. */
export function columnsFromPlan(pb: Problem, m: TimeIndexedModel, slotOf: Int32Array): Float64Array | null {
  const v = new Float64Array(m.numCols);
  const colOf = new Map<number, number>();
  for (let j = 0; j < m.nX; j++) colOf.set(m.colPair[j] * pb.K + m.colSlot[j], j);
  for (let p = 0; p < pb.nP; p++) {
    if (slotOf[p] < 0) continue;
    const j = colOf.get(p * pb.K + slotOf[p]);
    if (j === undefined) return null;
    v[j] = 1;
    if (m.yCol[pb.pairC[p]] >= 0) v[m.yCol[pb.pairC[p]]] = 1;
  }
  return v;
}
