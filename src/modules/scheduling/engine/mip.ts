import { Highs } from 'highs';
import { Problem } from './problem';

/**
 * Time-indexed MIP over the residual problem, restricted by pair fixing:
 *   x[p,k] = pair p meets in slot k (k in both sides' free slots), y[c] = c covered;
 *   pair at most once (exactly once when fixed in), candidate one meeting per slot,
 *   employer ≤ free tables per slot, both caps, y[c] ≤ Σ x.
 * Table numbers are dropped: per-slot counts within the free tables are exactly
 * what table numbering needs.
 */
export interface MipOutcome {
  /** 'optimal' | 'infeasible' | 'time-limit' | other HiGHS statuses. */
  status: string;
  slotOf: Int32Array | null;
  /** HiGHS dual bound for the restricted model (Infinity when unknown). */
  bound: number;
  variables: number;
  rows: number;
}

const FIXED_OUT = 0;
const FIXED_IN = 1;

export function solveMip(highs: Highs, pb: Problem, fix: Int8Array, opts: { timeLimit: number; seed: number; start: Int32Array | null }): MipOutcome {
  const K = pb.K;
  const nC = pb.candIds.length, nE = pb.empIds.length;
  const colPair: number[] = [], colSlot: number[] = [], cost: number[] = [], lower: number[] = [];
  const candSlotCols = new Map<number, number[]>(), empSlotCols = new Map<number, number[]>();
  const pairCols: number[][] = [];
  const candCols: number[][] = Array.from({ length: nC }, () => []);
  const empCols: number[][] = Array.from({ length: nE }, () => []);
  const push = (map: Map<number, number[]>, key: number, j: number): void => {
    const a = map.get(key);
    if (a) a.push(j); else map.set(key, [j]);
  };
  for (let p = 0; p < pb.nP; p++) {
    const cols: number[] = [];
    pairCols.push(cols);
    if (fix[p] === FIXED_OUT) continue;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
      const k = pb.slotList[t];
      const j = colPair.length;
      colPair.push(p); colSlot.push(k); cost.push(pb.pairW[p]); lower.push(0);
      cols.push(j); candCols[pb.pairC[p]].push(j); empCols[pb.pairE[p]].push(j);
      push(candSlotCols, pb.pairC[p] * K + k, j);
      push(empSlotCols, pb.pairE[p] * K + k, j);
    }
  }
  const nX = colPair.length;
  const yCol = new Int32Array(nC).fill(-1);
  for (let c = 0; c < nC; c++) {
    if (candCols[c].length === 0 || pb.candBonus[c] === 0) continue;
    yCol[c] = cost.length;
    cost.push(pb.candBonus[c]);
    let forced = false;
    for (let i = pb.candPairStart[c]; i < pb.candPairStart[c + 1]; i++) if (fix[pb.candPairList[i]] === FIXED_IN) forced = true;
    lower.push(forced && pb.candBonus[c] > 0 ? 1 : 0);
  }
  const numCols = cost.length;
  if (numCols === 0) return { status: 'optimal', slotOf: new Int32Array(pb.nP).fill(-1), bound: 0, variables: 0, rows: 0 };

  const rowStarts: number[] = [0], idx: number[] = [], val: number[] = [], rowLo: number[] = [], rowHi: number[] = [];
  const addRow = (cols: number[], lo: number, hi: number, coef?: number[]): void => {
    for (let i = 0; i < cols.length; i++) { idx.push(cols[i]); val.push(coef ? coef[i] : 1); }
    rowStarts.push(idx.length); rowLo.push(lo); rowHi.push(hi);
  };
  for (let p = 0; p < pb.nP; p++) {
    const cols = pairCols[p];
    if (fix[p] === FIXED_IN) addRow(cols, 1, 1);
    else if (cols.length >= 2) addRow(cols, -Infinity, 1);
  }
  for (const cols of candSlotCols.values()) if (cols.length >= 2) addRow(cols, -Infinity, 1);
  for (const [key, cols] of empSlotCols) if (cols.length > pb.empFree[key]) addRow(cols, -Infinity, pb.empFree[key]);
  const distinct = (cols: number[], of: number[]): number => new Set(cols.map((j) => of[j])).size;
  for (let c = 0; c < nC; c++) {
    const cols = candCols[c];
    if (cols.length && Math.min(distinct(cols, colSlot), distinct(cols, colPair)) > pb.candCap[c]) addRow(cols, -Infinity, pb.candCap[c]);
  }
  for (let e = 0; e < nE; e++) {
    const cols = empCols[e];
    if (cols.length && distinct(cols, colPair) > pb.empCap[e]) addRow(cols, -Infinity, pb.empCap[e]);
  }
  for (let c = 0; c < nC; c++) {
    if (yCol[c] < 0) continue;
    const cols = candCols[c];
    if (pb.candBonus[c] > 0) addRow([yCol[c], ...cols], -Infinity, 0, [1, ...cols.map(() => -1)]);
    else addRow([yCol[c], ...cols], -Infinity, 0, [-cols.length, ...cols.map(() => 1)]); // a penalty: any meeting forces y
  }
  const numRows = rowLo.length;
  const model = highs.createModel({
    numCols, numRows, sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cost), colLower: Float64Array.from(lower), colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(rowLo), rowUpper: Float64Array.from(rowHi),
    matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(rowStarts), indices: Int32Array.from(idx), values: Float64Array.from(val) },
    integrality: new Int32Array(numCols).fill(1),
  });
  try {
    model.options.set({
      output_flag: false,
      random_seed: opts.seed,
      // HiGHS-wasm's MIP presolve stalls for minutes on the large time-indexed models (see the shared README)
      presolve: 'off',
      mip_rel_gap: 0,
      mip_abs_gap: pb.integral ? 0.999 : 1e-6,
      time_limit: Math.max(0.05, opts.timeLimit),
    });
    if (opts.start) {
      const v = new Float64Array(numCols);
      const colOf = new Map<number, number>();
      for (let j = 0; j < nX; j++) colOf.set(colPair[j] * K + colSlot[j], j);
      let ok = true;
      for (let p = 0; p < pb.nP && ok; p++) {
        const k = opts.start[p];
        if (k < 0) { ok = fix[p] !== FIXED_IN; continue; }
        const j = colOf.get(p * K + k);
        if (j === undefined) { ok = false; continue; }
        v[j] = 1;
        if (yCol[pb.pairC[p]] >= 0) v[yCol[pb.pairC[p]]] = 1;
      }
      if (ok) model.setSolution({ colValue: v });
    }
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
    let slotOf: Int32Array | null = null;
    if (info('primal_solution_status') === 2) {
      const x = model.getSolution().colValue;
      slotOf = new Int32Array(pb.nP).fill(-1);
      for (let j = 0; j < nX; j++) if (x[j] > 0.5) slotOf[colPair[j]] = colSlot[j];
    }
    const dual = info('mip_dual_bound');
    const bound = status === 'infeasible' ? -Infinity : dual !== undefined && Number.isFinite(dual) ? dual : Infinity;
    return { status, slotOf, bound, variables: numCols, rows: numRows };
  } finally {
    model.dispose();
  }
}
