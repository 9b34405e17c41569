/**
 * A linear model max c·x s.t. rowLower ≤ Ax ≤ rowUpper, colLower ≤ x ≤ colUpper
 * in CSR form, where every row is either `≤ upper` (lower = −∞) or an equality.
 */
export interface LinearModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row r holds entries starts[r]..starts[r+1]-1 */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface LagrangianBound {
  value: number;
  /** Reduced cost c_j − A_j·y of every column. */
  reducedCost: Float64Array;
}

/**
 * Lagrangian bound b·y + Σ_j max over [l_j, u_j] of (c_j − A_j·y)·x_j. It is a valid
 * upper bound for any y ≥ 0 on ≤-rows (free on equalities), whatever the LP
 * solver's tolerances: bounds are therefore recomputed here from HiGHS's duals
 * rather than read from it. Both sign conventions of the duals are tried (each
 * is valid once clipped), and the tighter is kept.
 */
export function lagrangianFromDuals(m: LinearModel, rowDual: Float64Array): LagrangianBound {
  let best: LagrangianBound | null = null;
  for (const sign of [1, -1]) {
    const y = new Float64Array(m.numRows);
    let value = 0;
    for (let r = 0; r < m.numRows; r++) {
      const v = sign * rowDual[r];
      y[r] = m.rowLower[r] === m.rowUpper[r] ? v : Math.max(0, v);
      value += y[r] * m.rowUpper[r];
    }
    const rc = Float64Array.from(m.colCost);
    for (let r = 0; r < m.numRows; r++) {
      const yr = y[r];
      if (yr === 0) continue;
      for (let t = m.starts[r]; t < m.starts[r + 1]; t++) rc[m.indices[t]] -= m.values[t] * yr;
    }
    for (let j = 0; j < m.numCols; j++) value += rc[j] > 0 ? rc[j] * m.colUpper[j] : rc[j] * m.colLower[j];
    if (!best || value < best.value) best = { value, reducedCost: rc };
  }
  return best as LagrangianBound;
}
