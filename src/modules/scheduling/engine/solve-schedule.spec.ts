import fc from 'fast-check';
import { solveSchedule } from './solve-schedule';
import { Meeting, ScheduleInstance } from './types';
import { InvalidInstanceError } from './validate';
import { bruteForceOptimum, naiveObjective, naiveViolations } from './testing/naive-judge';

interface Shape {
  K: number;
  employers: { tables: number; avail: boolean[]; cap: number | null }[];
  candidates: { avail: boolean[]; cap: number | null }[];
  pairs: { c: number; e: number; w: number; keep: boolean }[];
  bonus: number;
}

// presence is mostly partial (that is where slot assignment gets hard), sometimes full, rarely none
const presence = (K: number): fc.Arbitrary<boolean[]> =>
  fc.oneof(
    { arbitrary: fc.array(fc.boolean(), { minLength: K, maxLength: K }), weight: 5 },
    { arbitrary: fc.constant(Array<boolean>(K).fill(true)), weight: 3 },
    { arbitrary: fc.constant(Array<boolean>(K).fill(false)), weight: 1 },
  );

const shapeArb = (maxC: number, maxE: number, maxK: number, maxPairs = 40, min = 0): fc.Arbitrary<Shape> =>
  fc
    .oneof(
      { arbitrary: fc.integer({ min: 2, max: maxK }), weight: 6 },
      { arbitrary: fc.integer({ min: 0, max: 1 }), weight: 1 },
    )
    .chain((K) =>
      fc.record({
        K: fc.constant(K),
        employers: fc.array(
          fc.record({
            tables: fc.oneof(
              { arbitrary: fc.constant(1), weight: 4 },
              { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 2 },
            ),
            avail: presence(K),
            cap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null, freq: 2 }),
          }),
          { minLength: Math.min(min, 1), maxLength: maxE },
        ),
        candidates: fc.array(
          fc.record({
            avail: presence(K),
            cap: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 4 }),
          }),
          { minLength: Math.min(min, 2), maxLength: maxC },
        ),
        pairs: fc.array(
          fc.record({
            c: fc.nat(),
            e: fc.nat(),
            w: fc.oneof(
              fc.integer({ min: 1, max: 100 }),
              fc.integer({ min: 150, max: 300 }),
              fc.integer({ min: -20, max: 0 }),
            ),
            keep: fc.boolean(),
          }),
          { minLength: min, maxLength: maxPairs },
        ),
        bonus: fc.oneof(fc.constant(50), fc.integer({ min: 0, max: 120 })),
      }),
    );

function toInstance(s: Shape): ScheduleInstance {
  const slotIds = Array.from({ length: s.K }, (_, k) => `s${k}`);
  const pick = (avail: boolean[]): string[] => slotIds.filter((_, k) => avail[k]);
  const seen = new Set<string>();
  const pairs = [];
  for (const p of s.pairs) {
    if (!s.candidates.length || !s.employers.length) break;
    const c = `c${p.c % s.candidates.length}`,
      e = `e${p.e % s.employers.length}`;
    if (seen.has(`${c}|${e}`)) continue;
    seen.add(`${c}|${e}`);
    pairs.push({ candidate: c, employer: e, weight: p.w, priority: p.w >= 150 });
  }
  return {
    version: 1,
    slots: slotIds.map((id, k) => ({
      id,
      start: `2027-03-12T${String(8 + Math.floor(k / 4)).padStart(2, '0')}:${String((k % 4) * 15).padStart(2, '0')}:00+01:00`,
      end: `2027-03-12T${String(8 + Math.floor((k + 1) / 4)).padStart(2, '0')}:${String(((k + 1) % 4) * 15).padStart(2, '0')}:00+01:00`,
    })),
    employers: s.employers.map((e, i) => ({
      id: `e${i}`,
      tables: e.tables,
      available: pick(e.avail),
      ...(e.cap === null ? {} : { maxMeetings: e.cap }),
    })),
    candidates: s.candidates.map((c, i) => ({
      id: `c${i}`,
      available: pick(c.avail),
      ...(c.cap === null ? {} : { maxMeetings: c.cap }),
    })),
    pairs,
    coverageBonus: s.bonus,
  };
}

/** Shared bench greedy, re-implemented here: heaviest pair first, earliest slot, lowest table. */
function greedyObjective(inst: ScheduleInstance): number {
  const meetings: Meeting[] = [];
  const order = inst.pairs.map((p, i) => ({ p, i })).sort((a, b) => b.p.weight - a.p.weight || a.i - b.i);
  for (const { p } of order) {
    const c = inst.candidates.find((x) => x.id === p.candidate)!;
    const e = inst.employers.find((x) => x.id === p.employer)!;
    if (typeof c.maxMeetings === 'number' && meetings.filter((m) => m.candidate === c.id).length >= c.maxMeetings)
      continue;
    if (typeof e.maxMeetings === 'number' && meetings.filter((m) => m.employer === e.id).length >= e.maxMeetings)
      continue;
    outer: for (const s of inst.slots) {
      if (
        !c.available.includes(s.id) ||
        !e.available.includes(s.id) ||
        meetings.some((m) => m.candidate === c.id && m.slot === s.id)
      )
        continue;
      for (let t = 0; t < e.tables; t++) {
        if (meetings.some((m) => m.employer === e.id && m.slot === s.id && m.table === t)) continue;
        meetings.push({ candidate: c.id, employer: e.id, slot: s.id, table: t });
        break outer;
      }
    }
  }
  return naiveObjective(inst, meetings);
}

describe('solveSchedule', () => {
  it('returns feasible plans, honest objective, never below greedy, on random instances with edge cases', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb(12, 5, 6), async (shape) => {
        const inst = toInstance(shape);
        const res = await solveSchedule(inst, { timeLimitSeconds: 10 });
        expect(naiveViolations(inst, res.meetings)).toEqual([]);
        expect(res.objective).toBe(naiveObjective(inst, res.meetings));
        expect(res.bound).toBeGreaterThanOrEqual(res.objective);
        expect(res.status === 'optimal').toBe(res.bound === res.objective);
        expect(res.objective).toBeGreaterThanOrEqual(greedyObjective(inst));
      }),
      { numRuns: 150, seed: 20271203 },
    );
  });

  it('has a valid bound and an honest status against exhaustive search on tiny instances', async () => {
    let refined = 0;
    await fc.assert(
      fc.asyncProperty(shapeArb(4, 3, 3, 7, 5), async (shape) => {
        const inst = toInstance(shape);
        const res = await solveSchedule(inst, { timeLimitSeconds: 10 });
        if (res.stats.refinements) refined++;
        const optimum = bruteForceOptimum(inst);
        expect(res.objective).toBeLessThanOrEqual(optimum);
        expect(res.bound).toBeGreaterThanOrEqual(optimum);
        if (res.status === 'optimal') expect(res.objective).toBe(optimum);
      }),
      { numRuns: 400, seed: 7 },
    );
    // the refined relaxation is exercised too, not only the plain flow bound
    expect(refined).toBeGreaterThan(0);
  });

  it('keeps the exact phase (HiGHS) sound when the flow relaxation is not refined first', async () => {
    let exactRuns = 0;
    await fc.assert(
      fc.asyncProperty(shapeArb(4, 3, 3, 7, 5), async (shape) => {
        const inst = toInstance(shape);
        const res = await solveSchedule(inst, { timeLimitSeconds: 10, maxRefinements: 0 });
        if (res.stats.mipStatus !== null) exactRuns++;
        const optimum = bruteForceOptimum(inst);
        expect(naiveViolations(inst, res.meetings)).toEqual([]);
        expect(res.objective).toBe(naiveObjective(inst, res.meetings));
        expect(res.bound).toBeGreaterThanOrEqual(optimum);
        if (res.status === 'optimal') expect(res.objective).toBe(optimum);
      }),
      { numRuns: 400, seed: 7 },
    );
    expect(exactRuns).toBeGreaterThan(0);
  });

  it('handles the degenerate cases', async () => {
    const base = toInstance({
      K: 1,
      employers: [{ tables: 5, avail: [true], cap: null }],
      candidates: [
        { avail: [true], cap: 2 },
        { avail: [true], cap: 1 },
      ],
      pairs: [
        { c: 0, e: 0, w: 10, keep: true },
        { c: 1, e: 0, w: 5, keep: true },
      ],
      bonus: 50,
    });
    const oneSlotManyTables = await solveSchedule(base);
    expect(oneSlotManyTables.objective).toBe(115);
    expect(oneSlotManyTables.status).toBe('optimal');
    const noPairs = await solveSchedule({ ...base, pairs: [] });
    expect(noPairs).toMatchObject({ meetings: [], objective: 0, bound: 0, status: 'optimal' });
    const nobodyPresent = await solveSchedule({
      ...base,
      candidates: base.candidates.map((c) => ({ ...c, available: [] })),
    });
    expect(nobodyPresent).toMatchObject({ meetings: [], objective: 0, bound: 0, status: 'optimal' });
    const noSlots = await solveSchedule({
      ...base,
      slots: [],
      employers: [{ id: 'e0', tables: 1, available: [] }],
      candidates: base.candidates.map((c) => ({ ...c, available: [] })),
    });
    expect(noSlots.meetings).toEqual([]);
  });

  it('is deterministic for a given input and seed', async () => {
    const inst = toInstance(fc.sample(shapeArb(30, 6, 8, 120), { seed: 3, numRuns: 1 })[0]);
    const a = await solveSchedule(inst, { seed: 5 });
    const b = await solveSchedule(inst, { seed: 5 });
    expect(b.meetings).toEqual(a.meetings);
    expect(b.bound).toBe(a.bound);
  });

  it('rejects malformed instances with French messages', async () => {
    await expect(solveSchedule({ version: 2 } as unknown as ScheduleInstance)).rejects.toThrow(InvalidInstanceError);
    const bad = toInstance({
      K: 2,
      employers: [{ tables: 1, avail: [true, true], cap: null }],
      candidates: [{ avail: [true, false], cap: 2 }],
      pairs: [{ c: 0, e: 0, w: 3, keep: true }],
      bonus: 50,
    });
    bad.employers[0].available.push('s9');
    await expect(solveSchedule(bad)).rejects.toThrow(/créneau inconnu/);
  });
});
