import { Highs } from 'highs';
import { lagrangianFromDuals, LinearModel } from './lagrangian';
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
  /** False when the deadline cut the solve short: the bound is valid but loose. */
  complete: boolean;
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
      for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++)
        if (!seen[pb.slotList[t]]) {
          seen[pb.slotList[t]] = 1;
          n++;
        }
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
        if (!seen[k]) {
          seen[k] = 1;
          n += pb.empFree[e * K + k];
        }
      }
    }
    capE[e] = Math.min(pb.empCap[e], n);
  }
  return { capC, capE };
}

export function solveFlowRelaxation(highs: Highs, pb: Problem): FlowRelaxation {
  const nC = pb.candIds.length,
    nE = pb.empIds.length,
    nP = pb.nP;
  if (nP === 0) return { bound: 0, selected: new Uint8Array(0), reducedCost: new Float64Array(0), complete: true };
  const { capC, capE } = usableCapacities(pb);
  // rows: candidates 0..nC-1, employers nC..nC+nE-1 (rows without pairs are harmless empty rows)
  const numRows = nC + nE;
  const rowLower = new Float64Array(numRows),
    rowUpper = new Float64Array(numRows);
  // columns: z_p (p < nP), then b_c, n_c for candidates with a bonus; rows in CSR
  const extra: number[] = [];
  const cost: number[] = Array.from(pb.pairW),
    upper: number[] = new Array<number>(nP).fill(1);
  for (let c = 0; c < nC; c++) {
    if (pb.candBonus[c] > 0) {
      // Σz − b − n = 0 with b ≤ 1 worth the bonus: the concave bonus as a flow arc
      rowLower[c] = 0;
      rowUpper[c] = 0;
      extra.push(c, cost.length);
      cost.push(pb.candBonus[c]);
      upper.push(Math.min(1, capC[c]));
      extra.push(c, cost.length);
      cost.push(0);
      upper.push(Math.max(0, capC[c] - 1));
    } else {
      rowLower[c] = -Infinity;
      rowUpper[c] = capC[c];
    }
  }
  for (let e = 0; e < nE; e++) {
    rowLower[nC + e] = -Infinity;
    rowUpper[nC + e] = capE[e];
  }
  const starts = new Int32Array(numRows + 1);
  for (let p = 0; p < nP; p++) {
    starts[pb.pairC[p] + 1]++;
    starts[nC + pb.pairE[p] + 1]++;
  }
  for (let i = 0; i < extra.length; i += 2) starts[extra[i] + 1]++;
  for (let r = 0; r < numRows; r++) starts[r + 1] += starts[r];
  const fill = starts.slice(0, numRows);
  const nnz = starts[numRows];
  const indices = new Int32Array(nnz),
    values = new Float64Array(nnz);
  const put = (r: number, j: number, v: number): void => {
    indices[fill[r]] = j;
    values[fill[r]++] = v;
  };
  for (let p = 0; p < nP; p++) {
    put(pb.pairC[p], p, 1);
    put(nC + pb.pairE[p], p, 1);
  }
  for (let i = 0; i < extra.length; i += 2) put(extra[i], extra[i + 1], -1);
  const m: LinearModel = {
    numCols: cost.length,
    numRows,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(cost.length),
    colUpper: Float64Array.from(upper),
    rowLower,
    rowUpper,
    starts,
    indices,
    values,
  };
  const model = highs.createModel({
    numCols: m.numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols: m.numCols, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, solver: 'simplex', random_seed: 0 });
    model.run();
    const sol = model.getSolution();
    const selected = new Uint8Array(nP);
    for (let p = 0; p < nP; p++) selected[p] = sol.colValue[p] > 0.5 ? 1 : 0;
    const lag = lagrangianFromDuals(m, sol.rowDual);
    return { bound: lag.value, selected, reducedCost: lag.reducedCost.slice(0, nP), complete: true };
  } finally {
    model.dispose();
  }
}
