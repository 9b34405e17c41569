import { FlowRelaxation, usableCapacities } from './flow-bound';
import { Problem } from './problem';

/**
 * The flow relaxation solved combinatorially (no LP solver to load):
 *   s → c  one arc of capacity 1 worth the bonus, one of capacity capC−1 worth 0
 *   c → e  capacity 1 worth the pair weight
 *   e → t  capacity capE
 * Primal-dual successive shortest paths: Dijkstra on reduced costs, then every
 * shortest path at once along zero-reduced-cost arcs, until no path is profitable.
 * The final node potentials φ give the bound
 *   L(φ) = Σ_arcs cap · max(0, profit + φ(tail) − φ(head)),  with φ(t) = φ(s),
 * which is valid for every φ (LP duality of the circulation), so floating-point
 * drift can only loosen it, never make it wrong; for the same reason a run cut
 * short by the deadline still returns a valid (looser) bound and a feasible pair set.
 */
export function solveFlow(pb: Problem, deadline = Infinity): FlowRelaxation {
  const nC = pb.candIds.length, nE = pb.empIds.length, nP = pb.nP;
  const { capC, capE } = usableCapacities(pb);
  const S = 0, T = nC + nE + 1, N = nC + nE + 2;
  const cand = (c: number): number => 1 + c;
  const emp = (e: number): number => 1 + nC + e;
  // arcs in pairs (a, a^1); cost = −profit
  const tail: number[] = [], head: number[] = [], capa: number[] = [], cost: number[] = [];
  const addArc = (x: number, y: number, cap: number, profit: number): number => {
    const a = tail.length;
    tail.push(x, y); head.push(y, x); capa.push(cap, 0); cost.push(-profit, profit);
    return a;
  };
  const pairArc = new Int32Array(nP);
  for (let p = 0; p < nP; p++) pairArc[p] = addArc(cand(pb.pairC[p]), emp(pb.pairE[p]), 1, pb.pairW[p]);
  for (let c = 0; c < nC; c++) {
    if (capC[c] <= 0) continue;
    if (pb.candBonus[c] > 0) {
      addArc(S, cand(c), 1, pb.candBonus[c]);
      if (capC[c] > 1) addArc(S, cand(c), capC[c] - 1, 0);
    } else addArc(S, cand(c), capC[c], 0); // a negative bonus is dropped: still an upper bound
  }
  for (let e = 0; e < nE; e++) if (capE[e] > 0) addArc(emp(e), T, capE[e], 0);
  const M = tail.length;
  const cap = Float64Array.from(capa), cst = Float64Array.from(cost);
  const hd = Int32Array.from(head);
  // adjacency in CSR by tail
  const adjStart = new Int32Array(N + 1);
  for (let a = 0; a < M; a++) adjStart[tail[a] + 1]++;
  for (let v = 0; v < N; v++) adjStart[v + 1] += adjStart[v];
  const adj = new Int32Array(M);
  const fillAt = adjStart.slice(0, N);
  for (let a = 0; a < M; a++) adj[fillAt[tail[a]]++] = a;

  // initial potentials: shortest distances on the original DAG s → c → e → t
  const pi = new Float64Array(N);
  let maxPi = 0;
  for (let a = 0; a < M; a += 2) if (tail[a] === S && cap[a] > 0) pi[head[a]] = Math.min(pi[head[a]], cst[a]);
  const reachedE = new Uint8Array(N);
  for (let p = 0; p < nP; p++) {
    const a = pairArc[p], v = head[a], d = pi[tail[a]] + cst[a];
    if (!reachedE[v] || d < pi[v]) { pi[v] = d; reachedE[v] = 1; }
  }
  let dT = Infinity;
  for (let a = 0; a < M; a += 2) if (head[a] === T && reachedE[tail[a]]) dT = Math.min(dT, pi[tail[a]]);
  for (let v = 0; v < N; v++) maxPi = Math.max(maxPi, pi[v]);
  pi[T] = Number.isFinite(dT) ? dT : maxPi;
  // an employer nobody can reach only needs its arc to t to keep a non-negative reduced cost
  for (let e = 0; e < nE; e++) if (!reachedE[emp(e)]) pi[emp(e)] = Math.max(maxPi, pi[T]);

  const dist = new Float64Array(N);
  const done = new Uint8Array(N);
  const heapNode: number[] = [], heapKey: number[] = [];
  const push = (v: number, k: number): void => {
    let i = heapNode.length;
    heapNode.push(v); heapKey.push(k);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heapKey[up] <= k) break;
      heapNode[i] = heapNode[up]; heapKey[i] = heapKey[up]; i = up;
    }
    heapNode[i] = v; heapKey[i] = k;
  };
  const pop = (): number => {
    const top = heapNode[0];
    const v = heapNode.pop() as number, k = heapKey.pop() as number;
    const n = heapNode.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let ch = 2 * i + 1;
        if (ch >= n) break;
        if (ch + 1 < n && heapKey[ch + 1] < heapKey[ch]) ch++;
        if (heapKey[ch] >= k) break;
        heapNode[i] = heapNode[ch]; heapKey[i] = heapKey[ch]; i = ch;
      }
      heapNode[i] = v; heapKey[i] = k;
    }
    return top;
  };
  const EPS = 1e-9;
  const visited = new Int32Array(N);
  let stamp = 0;
  const stackArc = new Int32Array(N);
  const iterArc = new Int32Array(N);
  let complete = false;
  for (;;) {
    if (performance.now() > deadline) break;
    dist.fill(Infinity); done.fill(0);
    dist[S] = 0; push(S, 0);
    while (heapNode.length) {
      const v = pop();
      if (done[v]) continue;
      done[v] = 1;
      for (let i = adjStart[v]; i < adjStart[v + 1]; i++) {
        const a = adj[i];
        if (cap[a] <= EPS) continue;
        const w = hd[a];
        const nd = dist[v] + Math.max(0, cst[a] + pi[v] - pi[w]);
        if (nd < dist[w] - EPS) { dist[w] = nd; push(w, nd); }
      }
    }
    const tc = pi[T] - pi[S];
    const profitable = Number.isFinite(dist[T]) && tc + dist[T] < -EPS;
    // last round: cap the shift so that φ(t) = φ(s) holds at the end (see the bound above)
    const cut = profitable ? dist[T] : Math.max(0, -tc);
    for (let v = 0; v < N; v++) pi[v] += Math.min(dist[v], cut);
    if (!profitable) {
      complete = true;
      break;
    }
    // blocking flow along admissible arcs (zero reduced cost), depth-first with dead-end pruning
    stamp++;
    iterArc[S] = adjStart[S];
    for (;;) {
      let depth = 0, v = S;
      visited[S] = stamp;
      let found = false;
      while (depth >= 0) {
        if (v === T) { found = true; break; }
        let advanced = false;
        while (iterArc[v] < adjStart[v + 1]) {
          const a = adj[iterArc[v]];
          const w = hd[a];
          if (cap[a] > EPS && visited[w] !== stamp && Math.abs(cst[a] + pi[v] - pi[w]) <= 1e-7) {
            stackArc[depth++] = a;
            visited[w] = stamp;
            iterArc[w] = adjStart[w];
            v = w;
            advanced = true;
            break;
          }
          iterArc[v]++;
        }
        if (advanced) continue;
        if (depth === 0) break;
        const a = stackArc[--depth];
        v = tail[a];
        iterArc[v]++;
      }
      if (!found) break;
      let push1 = Infinity;
      for (let i = 0; i < depth; i++) push1 = Math.min(push1, cap[stackArc[i]]);
      for (let i = 0; i < depth; i++) { cap[stackArc[i]] -= push1; cap[stackArc[i] ^ 1] += push1; }
      // nodes on the path may carry more flow: let them be visited again in this round
      for (let i = 0; i < depth; i++) visited[hd[stackArc[i]]] = 0;
    }
  }

  const selected = new Uint8Array(nP);
  for (let p = 0; p < nP; p++) selected[p] = cap[pairArc[p]] < 0.5 ? 1 : 0;
  // bound from φ = −π with φ(t) ≤ φ(s) enforced
  if (pi[T] < pi[S]) pi[T] = pi[S];
  let bound = 0;
  for (let a = 0; a < M; a += 2) {
    const original = cap[a] + cap[a + 1];
    const red = -cst[a] - pi[tail[a]] + pi[head[a]];
    if (red > 0) bound += original * red;
  }
  const reducedCost = new Float64Array(nP);
  for (let p = 0; p < nP; p++) {
    const a = pairArc[p];
    reducedCost[p] = -cst[a] - pi[tail[a]] + pi[head[a]];
  }
  return { bound, selected, reducedCost, complete };
}
