import fc from 'fast-check';
import { FlowNetwork } from './flow-network';
import { getHighs } from './highs';
import { solveFlow } from './min-cost-flow';
import { buildProblem } from './problem';
import { ScheduleInstance } from './types';
import { bruteForceOptimum } from './testing/naive-judge';

interface ArcSpec {
  tail: number;
  head: number;
  cap: number;
  profit: number;
}

const networkArb = (maxNodes: number, maxArcs: number): fc.Arbitrary<{ n: number; arcs: ArcSpec[] }> =>
  fc.integer({ min: 2, max: maxNodes }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      arcs: fc.array(
        fc
          .record({
            a: fc.nat(n - 1),
            b: fc.nat(n - 1),
            cap: fc.integer({ min: 0, max: 4 }),
            profit: fc.integer({ min: -8, max: 12 }),
          })
          .filter(({ a, b }) => a !== b)
          .map(({ a, b, cap, profit }): ArcSpec => ({ tail: Math.min(a, b), head: Math.max(a, b), cap, profit })),
        { maxLength: maxArcs },
      ),
    }),
  );

/** Max-profit s→t flow by HiGHS' LP, as an independent reference (the matrix is a network matrix: the LP is exact). */
async function lpOptimum(n: number, arcs: ArcSpec[]): Promise<number> {
  if (arcs.length === 0) return 0;
  const highs = await getHighs();
  const rows = Array.from({ length: n - 2 }, () => [] as [number, number][]);
  arcs.forEach((a, j) => {
    if (a.tail > 0 && a.tail < n - 1) rows[a.tail - 1].push([j, -1]);
    if (a.head > 0 && a.head < n - 1) rows[a.head - 1].push([j, 1]);
  });
  const starts = [0],
    indices: number[] = [],
    values: number[] = [];
  for (const r of rows) {
    for (const [j, v] of r) {
      indices.push(j);
      values.push(v);
    }
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: arcs.length,
    numRows: n - 2,
    sense: highs.constants.objectiveSense.maximize,
    colCost: arcs.map((a) => a.profit),
    colLower: arcs.map(() => 0),
    colUpper: arcs.map((a) => a.cap),
    rowLower: rows.map(() => 0),
    rowUpper: rows.map(() => 0),
    matrix: { format: 'csr', numRows: n - 2, numCols: arcs.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    model.run();
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

describe('FlowNetwork (network simplex)', () => {
  it('finds a feasible flow worth exactly its bound, and that is the LP optimum', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(networkArb(9, 24), networkArb(40, 160)), async ({ n, arcs }) => {
        const net = new FlowNetwork(n);
        for (const a of arcs) net.addArc(a.tail, a.head, a.cap, a.profit);
        const sol = net.solve();
        expect(sol.complete).toBe(true);
        const balance = new Array<number>(n).fill(0);
        let value = 0;
        arcs.forEach((a, j) => {
          expect(sol.flow[j]).toBeGreaterThanOrEqual(0);
          expect(sol.flow[j]).toBeLessThanOrEqual(a.cap);
          balance[a.tail] -= sol.flow[j];
          balance[a.head] += sol.flow[j];
          value += a.profit * sol.flow[j];
        });
        for (let v = 1; v < n - 1; v++) expect(balance[v]).toBe(0);
        expect(sol.bound).toBeCloseTo(value, 6);
        expect(value).toBeCloseTo(await lpOptimum(n, arcs), 6);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('refuses an arc against the topological numbering', () => {
    const net = new FlowNetwork(3);
    expect(() => net.addArc(2, 1, 1, 1)).toThrow();
  });
});

const instanceArb = fc
  .record({
    K: fc.integer({ min: 1, max: 3 }),
    nC: fc.integer({ min: 1, max: 4 }),
    nE: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }),
    hotSeed: fc.nat(),
  })
  .map(({ K, nC, nE, seed, hotSeed }) => {
    let i = 0;
    const draw = (m: number): number => seed[i++ % seed.length] % m;
    const slots = Array.from({ length: K }, (_, k) => ({ id: `s${k}` }));
    const pick = (): string[] => slots.filter(() => draw(4) > 0).map((s) => s.id);
    const inst: ScheduleInstance = {
      version: 1,
      slots,
      employers: Array.from({ length: nE }, (_, e) => ({
        id: `e${e}`,
        tables: 1 + draw(2),
        available: pick(),
        ...(draw(3) === 0 ? { maxMeetings: draw(3) } : {}),
      })),
      candidates: Array.from({ length: nC }, (_, c) => ({ id: `c${c}`, available: pick(), maxMeetings: 1 + draw(3) })),
      pairs: [],
      coverageBonus: draw(2) ? 50 : 0,
    };
    for (let c = 0; c < nC; c++)
      for (let e = 0; e < nE; e++)
        if (draw(3)) inst.pairs.push({ candidate: `c${c}`, employer: `e${e}`, weight: 1 + draw(100) });
    return { inst, hotSeed };
  });

describe('refined flow relaxation', () => {
  it('stays an upper bound of the true optimum whatever the hot people, and only ever tightens the plain bound', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async ({ inst, hotSeed }) => {
        const pb = buildProblem(inst);
        const optimum = bruteForceOptimum(inst);
        const plain = solveFlow(pb);
        const hot = {
          cand: Uint8Array.from(pb.candIds, (_, c) => (hotSeed >> c) & 1),
          emp: Uint8Array.from(pb.empIds, (_, e) => (hotSeed >> (8 + e)) & 1),
        };
        const refined = solveFlow(pb, Infinity, hot);
        expect(plain.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
        expect(refined.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
        expect(refined.bound).toBeLessThanOrEqual(plain.bound + 1e-6);
        // the chosen pairs respect every total cap, and the slot hints are slots the pair may use
        const perCand = new Map<number, number>(),
          perEmp = new Map<number, number>();
        for (let p = 0; p < pb.nP; p++) {
          if (!refined.selected[p]) continue;
          perCand.set(pb.pairC[p], (perCand.get(pb.pairC[p]) ?? 0) + 1);
          perEmp.set(pb.pairE[p], (perEmp.get(pb.pairE[p]) ?? 0) + 1);
          if (refined.slotHint[p] >= 0)
            expect(Array.from(pb.slotList.subarray(pb.slotStart[p], pb.slotStart[p + 1]))).toContain(
              refined.slotHint[p],
            );
        }
        for (const [c, n] of perCand) expect(n).toBeLessThanOrEqual(pb.candCap[c]);
        for (const [e, n] of perEmp) expect(n).toBeLessThanOrEqual(pb.empCap[e]);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('closes the gap of a slot conflict the plain flow cannot see', async () => {
    // c0 and c1 are only free at s0, c2 only at s1, all want e0 (one table): the plain flow gives e0 to c0 and c1
    const inst: ScheduleInstance = {
      version: 1,
      slots: [{ id: 's0' }, { id: 's1' }],
      employers: [{ id: 'e0', tables: 1, available: ['s0', 's1'] }],
      candidates: [
        { id: 'c0', available: ['s0'], maxMeetings: 1 },
        { id: 'c1', available: ['s0'], maxMeetings: 1 },
        { id: 'c2', available: ['s1'], maxMeetings: 1 },
      ],
      pairs: [
        { candidate: 'c0', employer: 'e0', weight: 10 },
        { candidate: 'c1', employer: 'e0', weight: 7 },
        { candidate: 'c2', employer: 'e0', weight: 1 },
      ],
      coverageBonus: 50,
    };
    const pb = buildProblem(inst);
    expect(solveFlow(pb).bound).toBeCloseTo(117, 6);
    const refined = solveFlow(pb, Infinity, { cand: new Uint8Array(3), emp: Uint8Array.of(1) });
    expect(refined.bound).toBeCloseTo(111, 6);
    expect(bruteForceOptimum(inst)).toBe(111);
  });
});
