/**
 * Test-only judge, written independently of the engine (pairwise loops, no
 * shared code): the rules of shared/bench/jobdating/README.md, plus an
 * exhaustive optimum for tiny instances.
 */
export interface JudgeInstance {
  slots: { id: string }[];
  employers: { id: string; tables: number; available: string[]; maxMeetings?: number | null }[];
  candidates: { id: string; available: string[]; maxMeetings?: number | null }[];
  pairs: { candidate: string; employer: string; weight: number }[];
  coverageBonus?: number;
}

export interface JudgeMeeting {
  candidate: string;
  employer: string;
  slot: string;
  table: number;
}

export function naiveViolations(inst: JudgeInstance, meetings: JudgeMeeting[]): string[] {
  const out: string[] = [];
  meetings.forEach((m, i) => {
    const c = inst.candidates.find((x) => x.id === m.candidate);
    const e = inst.employers.find((x) => x.id === m.employer);
    if (!c || !e || !inst.slots.some((s) => s.id === m.slot)) {
      out.push(`#${i} unknown reference`);
      return;
    }
    if (!inst.pairs.some((p) => p.candidate === m.candidate && p.employer === m.employer))
      out.push(`#${i} unlisted pair`);
    if (!c.available.includes(m.slot)) out.push(`#${i} candidate absent`);
    if (!e.available.includes(m.slot)) out.push(`#${i} employer absent`);
    if (!Number.isInteger(m.table) || m.table < 0 || m.table >= e.tables) out.push(`#${i} table out of range`);
    meetings.forEach((o, j) => {
      if (j <= i) return;
      if (o.candidate === m.candidate && o.employer === m.employer) out.push(`#${i}/#${j} repeated pair`);
      if (o.candidate === m.candidate && o.slot === m.slot) out.push(`#${i}/#${j} candidate double-booked`);
      if (o.employer === m.employer && o.slot === m.slot && o.table === m.table) out.push(`#${i}/#${j} table reused`);
    });
  });
  for (const c of inst.candidates) {
    const n = meetings.filter((m) => m.candidate === c.id).length;
    if (typeof c.maxMeetings === 'number' && n > c.maxMeetings) out.push(`${c.id} over max`);
  }
  for (const e of inst.employers) {
    const n = meetings.filter((m) => m.employer === e.id).length;
    if (typeof e.maxMeetings === 'number' && n > e.maxMeetings) out.push(`${e.id} over max`);
  }
  return out;
}

export function naiveObjective(inst: JudgeInstance, meetings: JudgeMeeting[]): number {
  let v = 0;
  const covered = new Set<string>();
  for (const m of meetings) {
    v += inst.pairs.find((p) => p.candidate === m.candidate && p.employer === m.employer)?.weight ?? 0;
    covered.add(m.candidate);
  }
  return v + (inst.coverageBonus ?? 0) * covered.size;
}

/** Best objective by enumerating a slot (or none) per pair; tables are interchangeable, so counts suffice. */
export function bruteForceOptimum(inst: JudgeInstance, fixed: JudgeMeeting[] = []): number {
  const slots = inst.slots.map((s) => s.id);
  const pairs = inst.pairs.filter((p) => !fixed.some((m) => m.candidate === p.candidate && m.employer === p.employer));
  let best = -Infinity;
  const chosen: JudgeMeeting[] = [...fixed];
  const feasible = (): boolean => {
    for (const e of inst.employers) {
      for (const s of slots)
        if (chosen.filter((m) => m.employer === e.id && m.slot === s).length > e.tables) return false;
    }
    const relaxTables = chosen.map((m) => ({ ...m, table: 0 }));
    return naiveViolations(inst, relaxTables).every((v) => v.includes('table reused'));
  };
  const rec = (i: number): void => {
    if (!feasible()) return;
    if (i === pairs.length) {
      best = Math.max(best, naiveObjective(inst, chosen));
      return;
    }
    rec(i + 1);
    for (const s of slots) {
      chosen.push({ candidate: pairs[i].candidate, employer: pairs[i].employer, slot: s, table: 0 });
      rec(i + 1);
      chosen.pop();
    }
  };
  rec(0);
  return best;
}
