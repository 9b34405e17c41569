import { Problem } from './problem';

/** Mutable residual schedule: a slot per pair plus the occupancy it implies. */
export class Plan {
  readonly slotOf: Int32Array;
  /** Pair met by the candidate at the slot, or -1. */
  readonly candAt: Int32Array;
  readonly empCount: Int32Array;
  /** Pairs met by the employer at the slot. */
  readonly empAt: number[][];
  readonly candTotal: Int32Array;
  readonly empTotal: Int32Array;

  constructor(readonly pb: Problem) {
    const nC = pb.candIds.length,
      nE = pb.empIds.length;
    this.slotOf = new Int32Array(pb.nP).fill(-1);
    this.candAt = new Int32Array(nC * pb.K).fill(-1);
    this.empCount = new Int32Array(nE * pb.K);
    this.empAt = Array.from({ length: nE * pb.K }, () => []);
    this.candTotal = new Int32Array(nC);
    this.empTotal = new Int32Array(nE);
  }

  /** The slot is free on both sides (caps are not looked at). */
  fits(p: number, k: number): boolean {
    const pb = this.pb;
    const ek = pb.pairE[p] * pb.K + k;
    return this.candAt[pb.pairC[p] * pb.K + k] < 0 && this.empCount[ek] < pb.empFree[ek];
  }

  /** Both totals still have room for one more meeting of this pair. */
  capsAllow(p: number): boolean {
    const pb = this.pb;
    return this.candTotal[pb.pairC[p]] < pb.candCap[pb.pairC[p]] && this.empTotal[pb.pairE[p]] < pb.empCap[pb.pairE[p]];
  }

  place(p: number, k: number): void {
    const pb = this.pb;
    const c = pb.pairC[p],
      e = pb.pairE[p];
    this.slotOf[p] = k;
    this.candAt[c * pb.K + k] = p;
    this.empCount[e * pb.K + k]++;
    this.empAt[e * pb.K + k].push(p);
    this.candTotal[c]++;
    this.empTotal[e]++;
  }

  remove(p: number): void {
    const pb = this.pb;
    const k = this.slotOf[p];
    if (k < 0) return;
    const c = pb.pairC[p],
      e = pb.pairE[p];
    this.slotOf[p] = -1;
    this.candAt[c * pb.K + k] = -1;
    this.empCount[e * pb.K + k]--;
    const list = this.empAt[e * pb.K + k];
    list.splice(list.indexOf(p), 1);
    this.candTotal[c]--;
    this.empTotal[e]--;
  }

  /** First slot (in slot order) where the pair fits, or -1. */
  firstFit(p: number): number {
    const pb = this.pb;
    for (let t = pb.slotStart[p]; t < pb.slotStart[p + 1]; t++) if (this.fits(p, pb.slotList[t])) return pb.slotList[t];
    return -1;
  }

  static from(pb: Problem, slotOf: Int32Array): Plan {
    const plan = new Plan(pb);
    for (let p = 0; p < pb.nP; p++) if (slotOf[p] >= 0) plan.place(p, slotOf[p]);
    return plan;
  }
}

/** Baseline of the shared bench: heaviest pair first, earliest slot where both sides are free, no look-ahead. */
export function greedyPlan(pb: Problem): Int32Array {
  const plan = new Plan(pb);
  const order = [...Array(pb.nP).keys()].sort((a, b) => pb.pairW[b] - pb.pairW[a] || a - b);
  for (const p of order) {
    if (!plan.capsAllow(p)) continue;
    const k = plan.firstFit(p);
    if (k >= 0) plan.place(p, k);
  }
  return plan.slotOf;
}

/**
 * Adds every pair that still fits, by decreasing marginal value (weight, plus
 * the bonus when it would be the candidate's first meeting).
 */
export function fillPlan(plan: Plan): void {
  const pb = plan.pb;
  const gain = (p: number): number => pb.pairW[p] + (plan.candTotal[pb.pairC[p]] === 0 ? pb.candBonus[pb.pairC[p]] : 0);
  const order = [...Array(pb.nP).keys()].filter((p) => plan.slotOf[p] < 0).sort((a, b) => gain(b) - gain(a) || a - b);
  for (const p of order) {
    if (gain(p) <= 0 || !plan.capsAllow(p)) continue;
    const k = plan.firstFit(p);
    if (k >= 0) plan.place(p, k);
  }
}
