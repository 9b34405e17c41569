import { FlowRelaxation, usableCapacities } from './flow-bound';
import { FlowNetwork } from './flow-network';
import { Problem } from './problem';

/** Candidates and employers whose per-slot rules the relaxation keeps (1 = kept). */
export interface HotSets {
  cand: Uint8Array;
  emp: Uint8Array;
}

export interface FlowOutcome extends FlowRelaxation {
  /** A slot the relaxation used for the pair (only for pairs of hot candidates or employers), or −1. */
  slotHint: Int32Array;
}

/**
 * The relaxation "which pairs meet, ignoring when", as a max-profit flow:
 *   s → c  one arc of capacity 1 worth the bonus, one of capacity capC−1 worth 0
 *   c → e  capacity 1 worth the pair weight
 *   e → t  capacity capE
 * with, for the hot candidates and employers only, their per-slot rules put back:
 * a hot candidate goes through one node per slot (capacity 1 each), a hot
 * employer through one node per slot (capacity its free tables), and a pair
 * touching them through a pair node of capacity 1 that links its candidate's
 * side to its employer's side. Still a network, hence still solved exactly by
 * our own flow; still a relaxation (a pair with both sides hot may use one slot
 * on its candidate's side and another on its employer's side), hence a valid
 * bound. Measured: putting back only the rules of the few people the slot
 * assignment could not serve closes the whole gap between the plain flow bound
 * and the time-indexed LP on the shared tight instances.
 */
export function solveFlow(pb: Problem, deadline = Infinity, hot?: HotSets, caps = usableCapacities(pb)): FlowOutcome {
  const nC = pb.candIds.length,
    nE = pb.empIds.length,
    nP = pb.nP,
    K = pb.K;
  const { capC, capE } = caps;
  const hotC = hot?.cand ?? new Uint8Array(nC),
    hotE = hot?.emp ?? new Uint8Array(nE);
  // topological numbering: s, candidates, candidate-slot nodes, pair-in, pair-out, employer-slot nodes, employers, t
  let next = 1;
  const candNode = new Int32Array(nC);
  for (let c = 0; c < nC; c++) candNode[c] = next++;
  const candSlotNode = new Map<number, number>();
  for (let p = 0; p < nP; p++) {
    const c = pb.pairC[p];
    if (!hotC[c]) continue;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
      const key = c * K + pb.slotList[t];
      if (!candSlotNode.has(key)) candSlotNode.set(key, -1);
    }
  }
  for (const key of [...candSlotNode.keys()].sort((a, b) => a - b)) candSlotNode.set(key, next++);
  const split = new Uint8Array(nP);
  const pairIn = new Int32Array(nP).fill(-1);
  for (let p = 0; p < nP; p++)
    if (hotC[pb.pairC[p]] || hotE[pb.pairE[p]]) {
      split[p] = 1;
      pairIn[p] = next++;
    }
  const pairOut = new Int32Array(nP).fill(-1);
  for (let p = 0; p < nP; p++) if (split[p]) pairOut[p] = next++;
  const empSlotNode = new Map<number, number>();
  for (let p = 0; p < nP; p++) {
    const e = pb.pairE[p];
    if (!hotE[e]) continue;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
      const key = e * K + pb.slotList[t];
      if (!empSlotNode.has(key)) empSlotNode.set(key, -1);
    }
  }
  for (const key of [...empSlotNode.keys()].sort((a, b) => a - b)) empSlotNode.set(key, next++);
  const empNode = new Int32Array(nE);
  for (let e = 0; e < nE; e++) empNode[e] = next++;
  const T = next++;
  const net = new FlowNetwork(next);

  for (let c = 0; c < nC; c++) {
    if (capC[c] <= 0) continue;
    if (pb.candBonus[c] > 0) {
      net.addArc(0, candNode[c], 1, pb.candBonus[c]);
      if (capC[c] > 1) net.addArc(0, candNode[c], capC[c] - 1, 0);
    } else net.addArc(0, candNode[c], capC[c], 0); // a negative bonus is dropped: still an upper bound
  }
  for (const [key, v] of candSlotNode) net.addArc(candNode[Math.floor(key / K)], v, 1, 0);
  const weightArc = new Int32Array(nP);
  const slotArcs: { arc: number; p: number; k: number }[] = [];
  for (let p = 0; p < nP; p++) {
    const c = pb.pairC[p],
      e = pb.pairE[p];
    if (!split[p]) {
      weightArc[p] = net.addArc(candNode[c], empNode[e], 1, pb.pairW[p]);
      continue;
    }
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1] && hotC[c]; t++) {
      const k = pb.slotList[t];
      slotArcs.push({ arc: net.addArc(candSlotNode.get(c * K + k) as number, pairIn[p], 1, 0), p, k });
    }
    if (!hotC[c]) net.addArc(candNode[c], pairIn[p], 1, 0);
    weightArc[p] = net.addArc(pairIn[p], pairOut[p], 1, pb.pairW[p]);
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1] && hotE[e]; t++) {
      const k = pb.slotList[t];
      slotArcs.push({ arc: net.addArc(pairOut[p], empSlotNode.get(e * K + k) as number, 1, 0), p, k });
    }
    if (!hotE[e]) net.addArc(pairOut[p], empNode[e], 1, 0);
  }
  for (const [key, v] of empSlotNode) net.addArc(v, empNode[Math.floor(key / K)], pb.empFree[key], 0);
  for (let e = 0; e < nE; e++) if (capE[e] > 0) net.addArc(empNode[e], T, capE[e], 0);

  const sol = net.solve(deadline);
  const selected = new Uint8Array(nP);
  const reducedCost = new Float64Array(nP);
  for (let p = 0; p < nP; p++) {
    selected[p] = sol.flow[weightArc[p]] > 0 ? 1 : 0;
    reducedCost[p] = sol.reducedProfit[weightArc[p]];
  }
  const slotHint = new Int32Array(nP).fill(-1);
  for (const { arc, p, k } of slotArcs) if (sol.flow[arc] > 0 && slotHint[p] < 0) slotHint[p] = k;
  return { bound: sol.bound, selected, reducedCost, complete: sol.complete, slotHint };
}
