import fc from 'fast-check';
import { solveSchedule } from './solve-schedule';
import { Meeting, ScheduleInstance } from './types';
import { InvalidInstanceError } from './validate';
import { bruteForceOptimum, naiveObjective, naiveViolations } from './testing/naive-judge';

const slots = (K: number): ScheduleInstance['slots'] => Array.from({ length: K }, (_, k) => ({ id: `s${k}` }));

function randomInstance(seed: number, C: number, E: number, K: number, pairsPerCand: number): ScheduleInstance {
  let x = seed >>> 0;
  const rnd = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
  const ids = slots(K).map((s) => s.id);
  const someSlots = (): string[] => ids.filter(() => rnd() < 0.75);
  const employers = Array.from({ length: E }, (_, i) => ({
    id: `e${i}`,
    tables: 1 + Math.floor(rnd() * 2),
    available: someSlots(),
  }));
  const candidates = Array.from({ length: C }, (_, i) => ({
    id: `c${i}`,
    available: someSlots(),
    maxMeetings: 1 + Math.floor(rnd() * 3),
  }));
  const pairs: ScheduleInstance['pairs'] = [];
  for (const c of candidates) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(E, pairsPerCand)) chosen.add(Math.floor(rnd() * E));
    for (const e of chosen) pairs.push({ candidate: c.id, employer: `e${e}`, weight: 1 + Math.floor(rnd() * 100) });
  }
  return { version: 1, slots: slots(K), employers, candidates, pairs, coverageBonus: 50 };
}

/** The on-the-day situations: an absent candidate, a walk-in, an employer leaving early. */
function replan(
  inst: ScheduleInstance,
  plan: Meeting[],
  nowSlot: number,
  seed: number,
): { next: ScheduleInstance; locked: Meeting[] } {
  const past = (m: Meeting): boolean => Number(m.slot.slice(1)) < nowSlot;
  const locked = plan.filter(past);
  const absent = inst.candidates[seed % inst.candidates.length].id;
  const leaving = inst.employers[seed % inst.employers.length].id;
  const keepSlots = (id: string, available: string[]): string[] =>
    available.filter(
      (s) =>
        Number(s.slice(1)) < nowSlot || locked.some((m) => (m.candidate === id || m.employer === id) && m.slot === s),
    );
  const next: ScheduleInstance = {
    ...inst,
    candidates: [
      ...inst.candidates.map((c) => (c.id === absent ? { ...c, available: keepSlots(c.id, c.available) } : c)),
      {
        id: 'walk-in',
        available: inst.slots.map((s) => s.id).filter((s) => Number(s.slice(1)) >= nowSlot),
        maxMeetings: 3,
      },
    ],
    employers: inst.employers.map((e) => (e.id === leaving ? { ...e, available: keepSlots(e.id, e.available) } : e)),
    pairs: [
      ...inst.pairs,
      ...inst.employers.slice(0, 3).map((e, i) => ({ candidate: 'walk-in', employer: e.id, weight: 40 + i })),
    ],
  };
  return { next, locked };
}

describe('solveSchedule with locked meetings', () => {
  it('keeps every locked meeting and plans around an absence, a walk-in and an early departure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 6 }), async (seed, nowSlot) => {
        const inst = randomInstance(seed, 25, 6, 6, 4);
        const first = await solveSchedule(inst, { timeLimitSeconds: 10 });
        const { next, locked } = replan(inst, first.meetings, nowSlot, seed);
        const res = await solveSchedule({ ...next, locked }, { timeLimitSeconds: 10 });
        expect(naiveViolations(next, res.meetings)).toEqual([]);
        for (const m of locked) expect(res.meetings).toContainEqual(m);
        expect(res.objective).toBe(naiveObjective(next, res.meetings));
        expect(res.bound).toBeGreaterThanOrEqual(res.objective);
        expect(res.status === 'optimal').toBe(res.bound === res.objective);
        expect(res.stats.lockedMeetings).toBe(locked.length);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('has a valid bound with locked meetings, against exhaustive search', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 2 }), async (seed, nowSlot) => {
        const inst = randomInstance(seed, 4, 2, 3, 2);
        const first = await solveSchedule(inst);
        const { locked } = replan(inst, first.meetings, nowSlot, seed);
        const res = await solveSchedule(inst, { locked });
        const optimum = bruteForceOptimum(inst, locked);
        expect(res.bound).toBeGreaterThanOrEqual(optimum);
        expect(res.objective).toBeLessThanOrEqual(optimum);
        if (res.status === 'optimal') expect(res.objective).toBe(optimum);
      }),
      { numRuns: 80, seed: 12 },
    );
  });

  it('accepts locked meetings through the options as well as the instance', async () => {
    const inst = randomInstance(3, 10, 3, 4, 2);
    const pair = inst.pairs.find((p) => {
      const c = inst.candidates.find((x) => x.id === p.candidate)!;
      const e = inst.employers.find((x) => x.id === p.employer)!;
      return c.available.some((s) => e.available.includes(s));
    })!;
    const c = inst.candidates.find((x) => x.id === pair.candidate)!;
    const slot = c.available.find((s) => inst.employers.find((e) => e.id === pair.employer)!.available.includes(s))!;
    const lock: Meeting = { candidate: pair.candidate, employer: pair.employer, slot, table: 0 };
    const viaOptions = await solveSchedule(inst, { locked: [lock] });
    const viaInstance = await solveSchedule({ ...inst, locked: [lock] });
    expect(viaOptions.meetings).toContainEqual(lock);
    expect(viaInstance.meetings).toEqual(viaOptions.meetings);
  });

  it('rejects locked meetings that break a rule, in French', async () => {
    const inst = randomInstance(5, 6, 2, 3, 2);
    const p = inst.pairs[0];
    const absentSlot = inst.slots
      .map((s) => s.id)
      .find((s) => !inst.candidates.find((c) => c.id === p.candidate)!.available.includes(s));
    if (absentSlot) {
      await expect(
        solveSchedule(inst, { locked: [{ candidate: p.candidate, employer: p.employer, slot: absentSlot, table: 0 }] }),
      ).rejects.toThrow(/n'est pas présent/);
    }
    await expect(
      solveSchedule(inst, { locked: [{ candidate: 'nobody', employer: p.employer, slot: 's0', table: 0 }] }),
    ).rejects.toThrow(InvalidInstanceError);
    await expect(
      solveSchedule(inst, { locked: [{ candidate: p.candidate, employer: p.employer, slot: 's0', table: 7 }] }),
    ).rejects.toThrow(/hors limites|n'est pas présent/);
  });
});
