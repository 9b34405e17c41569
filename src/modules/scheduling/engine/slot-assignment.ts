import { Plan } from './plan';
import { makeRng } from './prng';

/**
 * Places a chosen set of pairs into slots: list edge-colouring of a bipartite
 * multigraph (each pair may only use the slots both sides share), NP-complete
 * in general, hence a heuristic. A pressure-guided greedy places most pairs;
 * a min-conflicts search with a tabu list then moves and ejects pairs until
 * the rest fit or the budget runs out. Returns the pairs left out.
 */
export function assignSlots(
  plan: Plan,
  pairs: number[],
  opts: { seed: number; deadline: number; maxSteps: number },
): number[] {
  const pb = plan.pb;
  const K = pb.K;
  const nSlots = (p: number): number => pb.slotStart[p + 1] - pb.slotStart[p];
  // expected demand on each (employer, slot) and (candidate, slot) from pairs not yet placed
  const demE = new Float64Array(pb.empIds.length * K);
  const demC = new Float64Array(pb.candIds.length * K);
  const addDemand = (p: number, sign: number): void => {
    const share = sign / nSlots(p);
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
      demE[pb.pairE[p] * K + pb.slotList[t]] += share;
      demC[pb.pairC[p] * K + pb.slotList[t]] += share;
    }
  };
  for (const p of pairs) addDemand(p, 1);
  const order = [...pairs].sort((a, b) => nSlots(a) - nSlots(b) || pb.pairW[b] - pb.pairW[a] || a - b);
  const left: number[] = [];
  for (const p of order) {
    addDemand(p, -1);
    let best = -1,
      bestScore = Infinity;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
      const k = pb.slotList[t];
      if (!plan.fits(p, k)) continue;
      const ek = pb.pairE[p] * K + k;
      const score = demE[ek] / (pb.empFree[ek] - plan.empCount[ek]) + demC[pb.pairC[p] * K + k];
      if (score < bestScore) {
        bestScore = score;
        best = k;
      }
    }
    if (best >= 0) plan.place(p, best);
    else left.push(p);
  }
  if (left.length === 0) return left;
  // measured: a repair that succeeds does so within a few steps per pair left; one that runs on
  // is facing a pair set that cannot be coloured, which the refined relaxation handles far sooner
  return repair(plan, left, { ...opts, maxSteps: Math.min(opts.maxSteps, 200 * left.length + 2000) });
}

/** Moves a placed pair to another slot where it fits; true on success. */
function relocate(plan: Plan, q: number, avoid: number): boolean {
  const pb = plan.pb;
  for (let t = pb.slotStart[q]; t < pb.slotStart[q + 1]; t++) {
    const k = pb.slotList[t];
    if (k !== avoid && plan.fits(q, k)) {
      plan.remove(q);
      plan.place(q, k);
      return true;
    }
  }
  return false;
}

function repair(plan: Plan, left: number[], opts: { seed: number; deadline: number; maxSteps: number }): number[] {
  const pb = plan.pb;
  const K = pb.K;
  const rng = makeRng(opts.seed);
  const tabuUntil = new Int32Array(pb.nP);
  const queue = [...left];
  const inQueue = new Uint8Array(pb.nP);
  for (const p of queue) inQueue[p] = 1;
  let bestLeft = [...queue];
  let bestLoss = queue.reduce((s, p) => s + pb.pairW[p], 0);
  let bestSlots = plan.slotOf.slice();
  let loss = bestLoss;
  for (let step = 1; step <= opts.maxSteps && queue.length > 0; step++) {
    if ((step & 255) === 0 && performance.now() > opts.deadline) break;
    const qi = Math.floor(rng() * queue.length);
    const p = queue[qi];
    queue[qi] = queue[queue.length - 1];
    queue.pop();
    inQueue[p] = 0;
    const c = pb.pairC[p],
      e = pb.pairE[p];
    let chosen = -1,
      chosenCost = Infinity;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) {
      const k = pb.slotList[t];
      // free the slot by moving the blocking pairs elsewhere when they can go without ejecting anyone
      const q = plan.candAt[c * K + k];
      if (q >= 0) relocate(plan, q, k);
      const ek = e * K + k;
      if (plan.empCount[ek] >= pb.empFree[ek]) {
        for (const r of [...plan.empAt[ek]]) if (relocate(plan, r, k)) break;
      }
      if (plan.fits(p, k)) {
        chosen = k;
        chosenCost = -1;
        break;
      }
      let cost = 0;
      const cq = plan.candAt[c * K + k];
      if (cq >= 0) cost += 1 + (tabuUntil[cq] > step ? 10 : 0);
      if (plan.empCount[ek] >= pb.empFree[ek]) {
        let cheapest = Infinity;
        for (const r of plan.empAt[ek]) cheapest = Math.min(cheapest, 1 + (tabuUntil[r] > step ? 10 : 0));
        cost += cheapest;
      }
      cost += rng() * 0.5;
      if (cost < chosenCost) {
        chosenCost = cost;
        chosen = k;
      }
    }
    if (chosenCost >= 0) {
      const k = chosen;
      const ejected: number[] = [];
      const cq = plan.candAt[c * K + k];
      if (cq >= 0) ejected.push(cq);
      const ek = e * K + k;
      if (plan.empCount[ek] - (cq >= 0 && pb.pairE[cq] === e ? 1 : 0) >= pb.empFree[ek]) {
        let pick = -1,
          pickCost = Infinity;
        for (const r of plan.empAt[ek]) {
          if (r === cq) continue;
          const cost = (tabuUntil[r] > step ? 10 : 0) + rng();
          if (cost < pickCost) {
            pickCost = cost;
            pick = r;
          }
        }
        ejected.push(pick);
      }
      for (const r of ejected) {
        plan.remove(r);
        queue.push(r);
        inQueue[r] = 1;
        loss += pb.pairW[r];
      }
    }
    plan.place(p, chosen);
    loss -= pb.pairW[p];
    tabuUntil[p] = step + 5 + Math.floor(rng() * 10);
    if (loss < bestLoss) {
      bestLoss = loss;
      bestLeft = [...queue];
      bestSlots = plan.slotOf.slice();
    }
  }
  if (queue.length > 0 && loss > bestLoss) {
    for (let p = 0; p < pb.nP; p++) plan.remove(p);
    for (let p = 0; p < pb.nP; p++) if (bestSlots[p] >= 0) plan.place(p, bestSlots[p]);
    return bestLeft;
  }
  return queue;
}

/**
 * Colours the pair set of a refined relaxation, starting from the previous
 * colouring: pairs it still selects keep their slot unless they touch a hot
 * candidate or employer; around those, the relaxation's own slot is tried
 * first, and whatever is left goes through the greedy and repair above.
 */
export function recolour(
  prev: Plan,
  selected: Uint8Array,
  slotHint: Int32Array,
  hot: { cand: Uint8Array; emp: Uint8Array },
  opts: { seed: number; deadline: number; maxSteps: number },
): { plan: Plan; left: number[] } {
  const pb = prev.pb;
  const plan = new Plan(pb);
  const isHot = (p: number): boolean => hot.cand[pb.pairC[p]] === 1 || hot.emp[pb.pairE[p]] === 1;
  for (let p = 0; p < pb.nP; p++) if (selected[p] && prev.slotOf[p] >= 0 && !isHot(p)) plan.place(p, prev.slotOf[p]);
  const rest: number[] = [];
  for (let p = 0; p < pb.nP; p++) {
    if (!selected[p] || plan.slotOf[p] >= 0) continue;
    if (slotHint[p] >= 0 && plan.fits(p, slotHint[p])) plan.place(p, slotHint[p]);
    else rest.push(p);
  }
  return { plan, left: rest.length ? assignSlots(plan, rest, opts) : [] };
}
