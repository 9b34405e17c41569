import { Meeting, ScheduleInstance } from './types';

/**
 * Dense, residual view of an instance: locked meetings are taken out of every
 * capacity, so the solvers only ever see what is still free. All per-slot data
 * is flattened as `index * K + slot`.
 */
export interface Problem {
  K: number;
  slotIds: string[];
  candIds: string[];
  empIds: string[];
  /** 1 when the candidate is present and not already in a locked meeting at that slot. */
  candFree: Uint8Array;
  /** Meetings a candidate may still get (an absent cap becomes K, which cannot bind). */
  candCap: Int32Array;
  /** Bonus still to earn by giving the candidate a first meeting (0 once a locked meeting covers them). */
  candBonus: Float64Array;
  /** Tables of the employer still free at the slot (0 when absent). */
  empFree: Int32Array;
  empCap: Int32Array;
  /** Free table numbers per (employer, slot), ascending; locked tables are left out. */
  freeTables: (e: number, k: number) => number[];
  /** Pairs that can still meet in at least one slot: candidate, employer, weight, common free slots (CSR). */
  nP: number;
  pairC: Int32Array;
  pairE: Int32Array;
  pairW: Float64Array;
  slotStart: Int32Array;
  slotList: Int32Array;
  /** Pairs of each candidate / employer (CSR over the residual pairs). */
  candPairStart: Int32Array;
  candPairList: Int32Array;
  empPairStart: Int32Array;
  empPairList: Int32Array;
  bonus: number;
  /** All weights and the bonus are integers, so any bound can be rounded down. */
  integral: boolean;
  locked: Meeting[];
  lockedValue: number;
}

function csr(n: number, owner: Int32Array): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < owner.length; i++) start[owner[i] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(owner.length);
  for (let i = 0; i < owner.length; i++) list[fill[owner[i]]++] = i;
  return { start, list };
}

/** Builds the residual problem of a valid instance. */
export function buildProblem(inst: ScheduleInstance, extraLocked: Meeting[] = []): Problem {
  const K = inst.slots.length;
  const slotIds = inst.slots.map((s) => s.id);
  const slotIndex = new Map(slotIds.map((id, k) => [id, k]));
  const nC = inst.candidates.length;
  const nE = inst.employers.length;
  const candIndex = new Map(inst.candidates.map((c, i) => [c.id, i]));
  const empIndex = new Map(inst.employers.map((e, i) => [e.id, i]));
  const bonus = inst.coverageBonus ?? 0;

  const candFree = new Uint8Array(nC * K);
  const candCap = new Int32Array(nC);
  inst.candidates.forEach((c, i) => {
    for (const s of c.available) candFree[i * K + (slotIndex.get(s) as number)] = 1;
    candCap[i] = c.maxMeetings === undefined || c.maxMeetings === null ? K : Math.min(K, c.maxMeetings);
  });
  const empFree = new Int32Array(nE * K);
  const empCap = new Int32Array(nE);
  const tableTaken = new Set<number>();
  inst.employers.forEach((e, i) => {
    for (const s of e.available) empFree[i * K + (slotIndex.get(s) as number)] = e.tables;
    const total = e.tables * e.available.length;
    empCap[i] = e.maxMeetings === undefined || e.maxMeetings === null ? total : Math.min(total, e.maxMeetings);
  });

  const candBonus = new Float64Array(nC).fill(bonus);
  const lockedPairs = new Set<string>();
  const locked = [...(inst.locked ?? []), ...extraLocked];
  let lockedValue = 0;
  const maxTables = Math.max(1, ...inst.employers.map((e) => e.tables));
  for (const m of locked) {
    const c = candIndex.get(m.candidate) as number;
    const e = empIndex.get(m.employer) as number;
    const k = slotIndex.get(m.slot) as number;
    candFree[c * K + k] = 0;
    candCap[c]--;
    empFree[e * K + k]--;
    empCap[e]--;
    tableTaken.add((e * K + k) * maxTables + m.table);
    lockedPairs.add(`${c},${e}`);
    lockedValue += candBonus[c];
    candBonus[c] = 0;
  }
  const pairWeight = new Map(
    inst.pairs.map((p) => [`${candIndex.get(p.candidate)},${empIndex.get(p.employer)}`, p.weight]),
  );
  for (const key of lockedPairs) lockedValue += pairWeight.get(key) as number;

  const pc: number[] = [],
    pe: number[] = [],
    pw: number[] = [],
    sl: number[] = [],
    ss: number[] = [0];
  for (const p of inst.pairs) {
    const c = candIndex.get(p.candidate) as number;
    const e = empIndex.get(p.employer) as number;
    if (candCap[c] <= 0 || empCap[e] <= 0 || lockedPairs.has(`${c},${e}`)) continue;
    const before = sl.length;
    for (let k = 0; k < K; k++) if (candFree[c * K + k] && empFree[e * K + k] > 0) sl.push(k);
    if (sl.length === before) continue;
    pc.push(c);
    pe.push(e);
    pw.push(p.weight);
    ss.push(sl.length);
  }
  const pairC = Int32Array.from(pc),
    pairE = Int32Array.from(pe);
  const byCand = csr(nC, pairC),
    byEmp = csr(nE, pairE);
  const integral = Number.isInteger(bonus) && inst.pairs.every((p) => Number.isInteger(p.weight));
  return {
    K,
    slotIds,
    candIds: inst.candidates.map((c) => c.id),
    empIds: inst.employers.map((e) => e.id),
    candFree,
    candCap,
    candBonus,
    empFree,
    empCap,
    freeTables: (e, k) => {
      const out: number[] = [];
      for (let t = 0; t < inst.employers[e].tables; t++) if (!tableTaken.has((e * K + k) * maxTables + t)) out.push(t);
      return out;
    },
    nP: pairC.length,
    pairC,
    pairE,
    pairW: Float64Array.from(pw),
    slotStart: Int32Array.from(ss),
    slotList: Int32Array.from(sl),
    candPairStart: byCand.start,
    candPairList: byCand.list,
    empPairStart: byEmp.start,
    empPairList: byEmp.list,
    bonus,
    integral,
    locked,
    lockedValue,
  };
}

/** Value of a residual plan (slot per pair, -1 when not scheduled), locked meetings excluded. */
export function planValue(pb: Problem, slotOf: Int32Array): number {
  let v = 0;
  const covered = new Uint8Array(pb.candIds.length);
  for (let p = 0; p < pb.nP; p++) {
    if (slotOf[p] < 0) continue;
    v += pb.pairW[p];
    if (!covered[pb.pairC[p]]) {
      covered[pb.pairC[p]] = 1;
      v += pb.candBonus[pb.pairC[p]];
    }
  }
  return v;
}

/** Turns a residual plan into meetings (locked ones first), numbering tables within each (employer, slot). */
export function planMeetings(pb: Problem, slotOf: Int32Array): Meeting[] {
  const used = new Map<number, number>();
  const out: Meeting[] = pb.locked.map((m) => ({
    candidate: m.candidate,
    employer: m.employer,
    slot: m.slot,
    table: m.table,
  }));
  const order = [...Array(pb.nP).keys()]
    .filter((p) => slotOf[p] >= 0)
    .sort((a, b) => slotOf[a] - slotOf[b] || pb.pairE[a] - pb.pairE[b] || pb.pairC[a] - pb.pairC[b]);
  for (const p of order) {
    const e = pb.pairE[p],
      k = slotOf[p];
    const key = e * pb.K + k;
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    out.push({
      candidate: pb.candIds[pb.pairC[p]],
      employer: pb.empIds[e],
      slot: pb.slotIds[k],
      table: pb.freeTables(e, k)[n],
    });
  }
  return out;
}
