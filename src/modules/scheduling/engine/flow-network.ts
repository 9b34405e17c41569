/**
 * Maximum-profit s→t flow on an acyclic network whose arcs all go from a lower
 * to a higher node number (source 0, sink n−1), integral capacities.
 *
 * Primal-dual successive shortest paths: Dijkstra on reduced costs (stopped as
 * soon as the sink is settled), then a blocking flow (Dinic levels) along the
 * arcs of zero reduced cost, until no path is profitable. The final node
 * potentials φ give the bound
 *   L(φ) = Σ_arcs cap · max(0, profit + φ(tail) − φ(head)),  with φ(t) ≤ φ(s),
 * which is an upper bound on every flow for every φ (LP duality), so rounding
 * can only loosen it, and a run cut short by the deadline still returns a
 * valid (looser) bound together with a feasible flow.
 */
export interface FlowSolution {
  /** Flow on each arc, in the order the arcs were added. */
  flow: Int32Array;
  /** Reduced profit of each arc under the potentials that gave `bound`. */
  reducedProfit: Float64Array;
  bound: number;
  /** False when the deadline cut the solve short. */
  complete: boolean;
}

export class FlowNetwork {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly caps: number[] = [];
  private readonly profits: number[] = [];

  constructor(readonly nodeCount: number) {}

  /** Adds an arc and returns its number; arcs without capacity are kept (they carry nothing). */
  addArc(tail: number, head: number, cap: number, profit: number): number {
    if (!(tail < head) || head >= this.nodeCount || tail < 0)
      throw new Error(`arc ${tail}→${head} breaks the topological numbering`);
    this.tails.push(tail);
    this.heads.push(head);
    this.caps.push(Math.max(0, cap));
    this.profits.push(profit);
    return this.tails.length - 1;
  }

  get arcCount(): number {
    return this.tails.length;
  }

  solve(deadline = Infinity): FlowSolution {
    const n = this.nodeCount,
      m = this.tails.length;
    const S = 0,
      T = n - 1;
    // arcs: the network's m arcs, the circulation arc t→s, then one artificial arc per node into the root
    const root = n,
      N = n + 1;
    const mAll = m + 1 + n,
      mSearch = m + 1;
    const src = new Int32Array(mAll),
      dst = new Int32Array(mAll);
    const cap = new Float64Array(mAll),
      cost = new Float64Array(mAll),
      flow = new Float64Array(mAll);
    const state = new Int8Array(mAll);
    let capOut = 0;
    for (let a = 0; a < m; a++) {
      src[a] = this.tails[a];
      dst[a] = this.heads[a];
      cap[a] = this.caps[a];
      cost[a] = -this.profits[a];
      state[a] = 1;
      if (this.tails[a] === S) capOut += this.caps[a];
    }
    src[m] = T;
    dst[m] = S;
    cap[m] = capOut;
    cost[m] = 0;
    state[m] = 1;
    const parent = new Int32Array(N),
      pred = new Int32Array(N),
      predDir = new Int8Array(N);
    const thread = new Int32Array(N),
      revThread = new Int32Array(N),
      succNum = new Int32Array(N),
      lastSucc = new Int32Array(N);
    const pi = new Float64Array(N);
    parent[root] = -1;
    pred[root] = -1;
    thread[root] = 0;
    revThread[0] = root;
    succNum[root] = N;
    lastSucc[root] = root - 1;
    for (let u = 0, e = m + 1; u < n; u++, e++) {
      parent[u] = root;
      pred[u] = e;
      thread[u] = u + 1;
      revThread[u + 1] = u;
      succNum[u] = 1;
      lastSucc[u] = u;
      // every supply is zero: the artificial arcs only point into the root, so no cycle can ever push flow on them
      src[e] = u;
      dst[e] = root;
      cap[e] = Infinity;
      cost[e] = 0;
      state[e] = 0;
      predDir[u] = 1;
    }
    const EPS = 1e-9;
    const blockSize = Math.max(10, Math.ceil(Math.sqrt(mSearch)));
    let nextArc = 0,
      inArc = -1,
      join = -1,
      uIn = -1,
      vIn = -1,
      uOut = -1,
      delta = 0;
    const findEnteringArc = (): boolean => {
      let min = -EPS,
        cnt = blockSize,
        found = -1,
        e = nextArc;
      for (let seen = 0; seen < mSearch; seen++) {
        const c = state[e] * (cost[e] + pi[src[e]] - pi[dst[e]]);
        if (c < min) {
          min = c;
          found = e;
        }
        e = e + 1 === mSearch ? 0 : e + 1;
        if (--cnt === 0) {
          if (found >= 0) break;
          cnt = blockSize;
        }
      }
      if (found < 0) return false;
      inArc = found;
      nextArc = e;
      return true;
    };
    // leaving arc by the strongly feasible tree rule (ties: last blocking arc on the cycle's way)
    const findLeavingArc = (): boolean => {
      let first: number, second: number;
      if (state[inArc] === 1) {
        first = src[inArc];
        second = dst[inArc];
      } else {
        first = dst[inArc];
        second = src[inArc];
      }
      delta = cap[inArc];
      let result = 0;
      for (let u = first; u !== join; u = parent[u]) {
        const e = pred[u];
        const d = predDir[u] === -1 ? cap[e] - flow[e] : flow[e];
        if (d < delta) {
          delta = d;
          uOut = u;
          result = 1;
        }
      }
      for (let u = second; u !== join; u = parent[u]) {
        const e = pred[u];
        const d = predDir[u] === 1 ? cap[e] - flow[e] : flow[e];
        if (d <= delta) {
          delta = d;
          uOut = u;
          result = 2;
        }
      }
      if (result === 1) {
        uIn = first;
        vIn = second;
      } else {
        uIn = second;
        vIn = first;
      }
      return result !== 0;
    };
    const changeFlow = (change: boolean): void => {
      if (delta > 0) {
        const val = state[inArc] * delta;
        flow[inArc] += val;
        for (let u = src[inArc]; u !== join; u = parent[u]) flow[pred[u]] -= predDir[u] * val;
        for (let u = dst[inArc]; u !== join; u = parent[u]) flow[pred[u]] += predDir[u] * val;
      }
      if (change) {
        state[inArc] = 0;
        state[pred[uOut]] = flow[pred[uOut]] === 0 ? 1 : -1;
      } else state[inArc] = -state[inArc] as -1 | 1;
    };
    const dirty: number[] = [];
    const updateTree = (): void => {
      const oldRevThread = revThread[uOut],
        oldSuccNum = succNum[uOut],
        oldLastSucc = lastSucc[uOut];
      const vOut = parent[uOut];
      if (uIn === uOut) {
        parent[uIn] = vIn;
        pred[uIn] = inArc;
        predDir[uIn] = uIn === src[inArc] ? 1 : -1;
        if (thread[vIn] !== uOut) {
          let after = thread[oldLastSucc];
          thread[oldRevThread] = after;
          revThread[after] = oldRevThread;
          after = thread[vIn];
          thread[vIn] = uOut;
          revThread[uOut] = vIn;
          thread[oldLastSucc] = after;
          revThread[after] = oldLastSucc;
        }
      } else {
        const threadContinue = oldRevThread === vIn ? thread[oldLastSucc] : thread[vIn];
        let stem = uIn,
          parStem = vIn,
          last = lastSucc[uIn],
          after = thread[last];
        thread[vIn] = uIn;
        dirty.length = 0;
        dirty.push(vIn);
        while (stem !== uOut) {
          const nextStem = parent[stem];
          thread[last] = nextStem;
          dirty.push(last);
          const before = revThread[stem];
          thread[before] = after;
          revThread[after] = before;
          parent[stem] = parStem;
          parStem = stem;
          stem = nextStem;
          last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
          after = thread[last];
        }
        parent[uOut] = parStem;
        thread[last] = threadContinue;
        revThread[threadContinue] = last;
        lastSucc[uOut] = last;
        if (oldRevThread !== vIn) {
          thread[oldRevThread] = after;
          revThread[after] = oldRevThread;
        }
        for (const u of dirty) revThread[thread[u]] = u;
        let tmpSc = 0;
        const tmpLs = lastSucc[uOut];
        for (let u = uOut, p = parent[u]; u !== uIn; u = p, p = parent[u]) {
          pred[u] = pred[p];
          predDir[u] = -predDir[p];
          tmpSc += succNum[u] - succNum[p];
          succNum[u] = tmpSc;
          lastSucc[p] = tmpLs;
        }
        pred[uIn] = inArc;
        predDir[uIn] = uIn === src[inArc] ? 1 : -1;
        succNum[uIn] = oldSuccNum;
      }
      const upLimitOut = lastSucc[join] === vIn ? join : -1;
      const lastSuccOut = lastSucc[uOut];
      for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]) lastSucc[u] = lastSuccOut;
      if (join !== oldRevThread && vIn !== oldRevThread) {
        for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = oldRevThread;
      } else if (lastSuccOut !== oldLastSucc) {
        for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = lastSuccOut;
      }
      for (let u = vIn; u !== join; u = parent[u]) succNum[u] += oldSuccNum;
      for (let u = vOut; u !== join; u = parent[u]) succNum[u] -= oldSuccNum;
      // potentials of the moved subtree
      const sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
      const end = thread[lastSucc[uIn]];
      for (let u = uIn; u !== end; u = thread[u]) pi[u] += sigma;
    };

    let complete = false;
    for (let pivots = 0; ; pivots++) {
      if ((pivots & 1023) === 0 && performance.now() > deadline) break;
      if (!findEnteringArc()) {
        complete = true;
        break;
      }
      let u = src[inArc],
        v = dst[inArc];
      while (u !== v) {
        if (succNum[u] < succNum[v]) u = parent[u];
        else v = parent[v];
      }
      join = u;
      const change = findLeavingArc();
      changeFlow(change);
      if (change) updateTree();
    }

    // φ = −π with φ(t) ≤ φ(s) enforced, so that the circulation arc t→s adds nothing
    if (pi[T] < pi[S]) pi[T] = pi[S];
    const out = new Int32Array(m);
    const reducedProfit = new Float64Array(m);
    let bound = 0;
    for (let a = 0; a < m; a++) {
      out[a] = Math.round(flow[a]);
      const rp = this.profits[a] - pi[this.tails[a]] + pi[this.heads[a]];
      reducedProfit[a] = rp;
      if (rp > 0) bound += this.caps[a] * rp;
    }
    return { flow: out, reducedProfit, bound, complete };
  }
}
