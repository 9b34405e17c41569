import { Highs } from 'highs';
import { Problem } from './problem';

/**
 * Decomposition relaxation ("which pairs meet", ignoring when): a maximum
 * weight degree-constrained subgraph with a concave coverage bonus, i.e. a
 * min-cost flow. Every schedule is a feasible point, so its optimum bounds
 * the schedule's. Solved as an LP with HiGHS: the matrix is a network matrix,
 * so the simplex vertex is integral.
 */
export interface FlowRelaxation {
  /** Proven upper bound (Lagrangian value of the LP duals, safe against LP tolerances). */
  bound: number;
  /** Pairs chosen by the flow optimum. */
  selected: Uint8Array;
  /** Reduced cost of each pair under the duals that gave `bound`. */
  reducedCost: Float64Array;
}

interface LinearModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Lagrangian bound max c·x s.t. Ax ≤ b (or = b), 0 ≤ x ≤ u, for given row
 * multipliers: b·y + Σ max(0, c_j − A_j·y)·u_j. Valid for every y that is ≥ 0 on
 * ≤-rows, whatever the LP solver's accuracy, which is why the bound is computed
 * here rather than read from HiGHS.
 */
function lagrangian(m: LinearModel, y: Float64Array): { value: number; rc: Float64Array } {
  let value = 0;
  for (let r = 0; r < m.numRows; r++) value += y[r] * m.rowUpper[r];
  const rc = new Float64Array(m.numCols);
  for (let j = 0; j < m.numCols; j++) {
    let d = m.colCost[j];
    for (let t = m.starts[j]; t < m.starts[j + 1]; t++) d -= m.values[t] * y[m.indices[t]];
    rc[j] = d;
    if (d > 0) value += d * m.colUpper[j];
  }
  return { value, rc };
}

export function usableCapacities(pb: Problem): { capC: Int32Array; capE: Int32Array } {
  const K = pb.K;
  const capC = new Int32Array(pb.candIds.length);
  const capE = new Int32Array(pb.empIds.length);
  const seen = new Uint8Array(K);
  for (let c = 0; c < capC.length; c++) {
    seen.fill(0);
    let n = 0;
    for (let i = pb.candPairStart[c]; i < pb.candPairStart[c + 1]; i++) {
      const p = pb.candPairList[i];
      for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) if (!seen[pb.slotList[t]]) { seen[pb.slotList[t]] = 1; n++; }
    }
    capC[c] = Math.min(pb.candCap[c], n);
  }
  for (let e = 0; e < capE.length; e++) {
    seen.fill(0);
    let n = 0;
    for (let i = pb.empPairStart[e]; i < pb.empPairStart[e + 1]; i++) {
      const p = pb.empPairList[i];
      for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
        const k = pb.slotList[t];
        if (!seen[k]) { seen[k] = 1; n += pb.empFree[e * K + k]; }
      }
    }
    capE[e] = Math.min(pb.empCap[e], n);
  }
  return { capC, capE };
}

export function solveFlowRelaxation(highs: Highs, pb: Problem): FlowRelaxation {
  const nC = pb.candIds.length, nE = pb.empIds.length, nP = pb.nP;
  if (nP === 0) return { bound: 0, selected: new Uint8Array(0), reducedCost: new Float64Array(0) };
  const { capC, capE } = usableCapacities(pb);
  // rows: candidates 0..nC-1, employers nC..nC+nE-1 (rows without pairs are harmless empty rows)
  const numRows = nC + nE;
  const rowLower = new Float64Array(numRows), rowUpper = new Float64Array(numRows);
  const cost: number[] = [], upper: number[] = [], starts: number[] = [], indices: number[] = [], values: number[] = [];
  for (let p = 0; p < nP; p++) {
    starts.push(indices.length); cost.push(pb.pairW[p]); upper.push(1);
    indices.push(pb.pairC[p], nC + pb.pairE[p]); values.push(1, 1);
  }
  for (let c = 0; c < nC; c++) {
    if (pb.candBonus[c] > 0) {
      // Σz − b − n = 0 with b ≤ 1 worth the bonus: the concave bonus as a flow arc
      rowLower[c] = 0; rowUpper[c] = 0;
      starts.push(indices.length); cost.push(pb.candBonus[c]); upper.push(Math.min(1, capC[c])); indices.push(c); values.push(-1);
      starts.push(indices.length); cost.push(0); upper.push(Math.max(0, capC[c] - 1)); indices.push(c); values.push(-1);
    } else {
      rowLower[c] = -Infinity; rowUpper[c] = capC[c];
    }
  }
  for (let e = 0; e < nE; e++) { rowLower[nC + e] = -Infinity; rowUpper[nC + e] = capE[e]; }
  starts.push(indices.length);
  const m: LinearModel = {
    numCols: cost.length, numRows,
    colCost: Float64Array.from(cost), colUpper: Float64Array.from(upper),
    rowLower, rowUpper,
    starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values),
  };
  const model = highs.createModel({
    numCols: m.numCols, numRows, sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost, colLower: new Float64Array(m.numCols), colUpper: m.colUpper, rowLower, rowUpper,
    matrix: { format: 'csc', numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
  });
  try {
    model.options.set({ output_flag: false, solver: 'simplex', random_seed: 0 });
    model.run();
    const sol = model.getSolution();
    const selected = new Uint8Array(nP);
    for (let p = 0; p < nP; p++) selected[p] = sol.colValue[p] > 0.5 ? 1 : 0;
    // HiGHS's dual sign convention for maximisation is not relied upon: both
    // orientations give valid bounds once ≤-rows are clipped at 0, keep the tighter.
    let best: { value: number; rc: Float64Array } | null = null;
    for (const sign of [1, -1]) {
      const y = new Float64Array(numRows);
      for (let r = 0; r < numRows; r++) {
        const v = sign * sol.rowDual[r];
        y[r] = rowLower[r] === rowUpper[r] ? v : Math.max(0, v);
      }
      const l = lagrangian(m, y);
      if (!best || l.value < best.value) best = l;
    }
    const lag = best as { value: number; rc: Float64Array };
    return { bound: lag.value, selected, reducedCost: lag.rc.slice(0, nP) };
  } finally {
    model.dispose();
  }
}
