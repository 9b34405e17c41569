/**
 * The bench suite: the shared suite of shared/bench/jobdating/run-bench.mjs
 * (same generator, seeds, sizes and edge-case mutations), plus instances the
 * engine was never tuned on (other seeds, the loose profile, and an XL size).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface GeneratedInstance {
  slots: { id: string }[];
  employers: { id: string; available: string[] }[];
  candidates: { id: string; available: string[] }[];
  pairs: { candidate: string; employer: string }[];
  [key: string]: unknown;
}

interface GenModule {
  generate(opts: {
    seed: number;
    candidates: number;
    employers: number;
    slots: number;
    profile: string;
    name: string;
  }): GeneratedInstance;
  formatInstance(inst: GeneratedInstance): string;
}

export interface SuiteItem {
  name: string;
  group: 'shared' | 'extra';
  note: string;
  /** Seconds given to both the engine and the reference. */
  timeLimit: number;
  /** The reference is skipped when it cannot finish in a sensible time (XL). */
  runReference: boolean;
  text: string;
}

export async function buildSuite(benchDir: string, opts: { only: string[] | null; xl: boolean }): Promise<SuiteItem[]> {
  const gen = (await import(pathToFileURL(join(benchDir, 'gen.mjs')).href)) as GenModule;
  const items: SuiteItem[] = [];
  const want = (name: string): boolean => !opts.only || opts.only.some((p) => name.startsWith(p));
  const add = (
    name: string,
    group: SuiteItem['group'],
    note: string,
    make: () => GeneratedInstance,
    timeLimit = 120,
    runReference = true,
  ): void => {
    if (want(name)) items.push({ name, group, note, timeLimit, runReference, text: gen.formatInstance(make()) });
  };
  const sizes: Record<string, [number, number, number]> = { S: [60, 12, 12], M: [300, 40, 16], L: [2000, 250, 24] };
  for (const [size, [C, E, K]] of Object.entries(sizes)) {
    for (const profile of ['realistic', 'tight']) {
      for (const seed of [1, 2]) {
        const name = `${size}-${profile}-${seed}`;
        add(name, 'shared', '', () => gen.generate({ seed, candidates: C, employers: E, slots: K, profile, name }));
      }
    }
  }
  const S = { candidates: 60, employers: 12, slots: 12 };
  const edge = (
    name: string,
    base: { seed: number; profile: string; candidates: number; employers: number; slots: number },
    mutate: (i: GeneratedInstance) => void,
    note: string,
  ): void =>
    add(name, 'shared', note, () => {
      const inst = gen.generate({ ...base, name });
      mutate(inst);
      return inst;
    });
  edge(
    'edge-zero-pairs',
    { ...S, seed: 101, profile: 'realistic' },
    (i) => {
      i.pairs = [];
    },
    'no pairs',
  );
  edge(
    'edge-employer-no-availability',
    { ...S, seed: 102, profile: 'realistic' },
    (i) => {
      const count = new Map<string, number>();
      for (const p of i.pairs) count.set(p.employer, (count.get(p.employer) ?? 0) + 1);
      const top = [...count].sort((a, b) => b[1] - a[1])[0][0];
      (i.employers.find((e) => e.id === top) as { available: string[] }).available = [];
    },
    'most requested employer absent',
  );
  edge(
    'edge-candidate-no-slot',
    { ...S, seed: 103, profile: 'realistic' },
    (i) => {
      for (const id of ['c1', 'c2', 'c3'])
        (i.candidates.find((c) => c.id === id) as { available: string[] }).available = [];
    },
    'three candidates absent',
  );
  edge(
    'edge-uniform-availability',
    { ...S, seed: 104, profile: 'tight' },
    (i) => {
      const all = i.slots.map((s) => s.id);
      for (const p of [...i.candidates, ...i.employers]) p.available = all.slice();
    },
    'everyone present all day',
  );
  edge(
    'edge-loose-M',
    { candidates: 300, employers: 40, slots: 16, seed: 105, profile: 'loose' },
    () => undefined,
    'loose profile',
  );

  // never tuned on: other seeds and profiles, odd sizes
  const extra: [string, number, number, number, string, number][] = [
    ['S-realistic-7', 60, 12, 12, 'realistic', 7],
    ['S-tight-8', 60, 12, 12, 'tight', 8],
    ['S-loose-9', 60, 12, 12, 'loose', 9],
    ['M-realistic-7', 300, 40, 16, 'realistic', 7],
    ['M-tight-8', 300, 40, 16, 'tight', 8],
    ['M-tight-9', 300, 40, 16, 'tight', 9],
    ['M-loose-9', 300, 40, 16, 'loose', 9],
    ['odd-tight-11', 500, 30, 10, 'tight', 11],
    ['odd-realistic-12', 150, 60, 30, 'realistic', 12],
    ['L-realistic-7', 2000, 250, 24, 'realistic', 7],
    ['L-tight-8', 2000, 250, 24, 'tight', 8],
  ];
  for (const [name, C, E, K, profile, seed] of extra) {
    add(name, 'extra', `${profile}, seed ${seed}`, () =>
      gen.generate({ seed, candidates: C, employers: E, slots: K, profile, name }),
    );
  }
  if (opts.xl) {
    add(
      'XL-realistic-21',
      'extra',
      '4000×400×24, time limit 60 s, reference skipped',
      () =>
        gen.generate({
          seed: 21,
          candidates: 4000,
          employers: 400,
          slots: 24,
          profile: 'realistic',
          name: 'XL-realistic-21',
        }),
      60,
      false,
    );
    add(
      'XL-tight-22',
      'extra',
      '4000×400×24, time limit 60 s, reference skipped',
      () =>
        gen.generate({ seed: 22, candidates: 4000, employers: 400, slots: 24, profile: 'tight', name: 'XL-tight-22' }),
      60,
      false,
    );
  }
  return items;
}
