import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScheduleInstance } from '../engine/types';
import { bruteForceOptimum, naiveObjective, naiveViolations } from '../engine/testing/naive-judge';
import fc from 'fast-check';
import { CommandIo, jsonErrorOffset, main } from './schedule.command';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command as the bin would, with files read from a private folder and both streams captured. */
async function run(argv: string[], io: Partial<CommandIo> = {}): Promise<Captured> {
  let stdout = '',
    stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    elapsedSeconds: () => 0.2,
    ...io,
  });
  return { code, stdout, stderr };
}

function instance(): ScheduleInstance {
  const slots = ['s0', 's1', 's2'].map((id, k) => ({
    id,
    start: `2027-03-12T09:${String(15 * k).padStart(2, '0')}:00+01:00`,
    end: `2027-03-12T09:${String(15 * k + 15).padStart(2, '0')}:00+01:00`,
  }));
  return {
    version: 1,
    name: 'cli',
    slots,
    coverageBonus: 50,
    employers: [
      { id: 'e0', tables: 1, available: ['s0', 's1', 's2'] },
      { id: 'e1', tables: 2, available: ['s1', 's2'], maxMeetings: 3 },
    ],
    candidates: [
      { id: 'c0', available: ['s0', 's1'], maxMeetings: 2 },
      { id: 'c1', available: ['s1'], maxMeetings: 2 },
      { id: 'c2', available: ['s0', 's1', 's2'], maxMeetings: 1 },
      { id: 'c3', available: ['s2'], maxMeetings: 3 },
    ],
    pairs: [
      { candidate: 'c0', employer: 'e0', weight: 40 },
      { candidate: 'c0', employer: 'e1', weight: 12 },
      { candidate: 'c1', employer: 'e0', weight: 90, priority: false },
      { candidate: 'c1', employer: 'e1', weight: 5 },
      { candidate: 'c2', employer: 'e0', weight: 200, priority: true },
      { candidate: 'c3', employer: 'e1', weight: 30 },
    ],
  };
}

/** No stack trace: no "    at f (file:line)" frame and no error class name leaking out. */
const expectCleanFrenchError = (r: Captured, pattern: RegExp): void => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^schedule : /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at\s/);
  expect(r.stderr).not.toMatch(/Error\b|undefined|\[object/);
};

describe('schedule command', () => {
  let dir: string;
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'schedule-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a feasible, optimal plan as JSON with objective, bound and status, and exits 0', async () => {
    const inst = instance();
    const r = await run([file('ok.json', JSON.stringify(inst)), '--time-limit', '20']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    const out = JSON.parse(r.stdout) as {
      meetings: { candidate: string; employer: string; slot: string; table: number }[];
      objective: number;
      bound: number;
      gap: number;
      status: string;
    };
    expect(naiveViolations(inst, out.meetings)).toEqual([]);
    expect(out.objective).toBe(naiveObjective(inst, out.meetings));
    expect(out.bound).toBeGreaterThanOrEqual(out.objective);
    expect(out.gap).toBe(out.bound - out.objective);
    expect(out.status).toBe('optimal');
    expect(out.objective).toBe(bruteForceOptimum(inst));
  });

  it('accepts --time-limit=<s>, --seed and standard input (byte-order mark included)', async () => {
    const inst = instance();
    const r = await run(['-', '--time-limit=5', '--seed', '3'], {
      readFile: (path) => (path === '-' ? `\ufeff${JSON.stringify(inst)}` : ''),
    });
    expect(r.code).toBe(0);
    expect(naiveViolations(inst, (JSON.parse(r.stdout) as { meetings: [] }).meetings)).toEqual([]);
  });

  it('keeps locked meetings and plans around them', async () => {
    const inst = { ...instance(), locked: [{ candidate: 'c0', employer: 'e1', slot: 's1', table: 1 }] };
    const r = await run([file('locked.json', JSON.stringify(inst))]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      meetings: { candidate: string; employer: string; slot: string; table: number }[];
    };
    expect(out.meetings).toContainEqual({ candidate: 'c0', employer: 'e1', slot: 's1', table: 1 });
    expect(naiveViolations(inst, out.meetings)).toEqual([]);
  });

  it('rejects text that is not JSON, saying where, in French, exit 2', async () => {
    expectCleanFrenchError(
      await run([file('bad.json', '{"version": 1,\n  "slots": [,]}')]),
      /bad\.json n'est pas du JSON valide \(erreur de syntaxe ligne 2, colonne 13\)/,
    );
    expectCleanFrenchError(await run([file('cut.json', '{"version": 1, "slots": [')]), /s'arrête avant la fin du JSON/);
  });

  it('rejects malformed instances with a French sentence per problem, exit 2, no stack trace', async () => {
    const unknownSlot = instance();
    unknownSlot.candidates[1].available.push('s9');
    expectCleanFrenchError(
      await run([file('slot.json', JSON.stringify(unknownSlot))]),
      /Instance invalide[\s\S]*candidat c1 : available cite un créneau inconnu "s9"/,
    );

    const duplicates = instance();
    duplicates.candidates.push({ id: 'c0', available: [], maxMeetings: 1 });
    duplicates.slots.push({ ...duplicates.slots[0] });
    duplicates.pairs.push({ ...duplicates.pairs[0] });
    const dup = await run([file('dup.json', JSON.stringify(duplicates))]);
    expectCleanFrenchError(dup, /id de candidat en double : "c0"/);
    expect(dup.stderr).toMatch(/id de créneau en double : "s0"/);
    expect(dup.stderr).toMatch(/paire en double \(c0, e0\)/);

    const negative = instance();
    negative.employers[0].tables = -1;
    negative.employers[1].maxMeetings = 1.5;
    const neg = await run([file('neg.json', JSON.stringify(negative))]);
    expectCleanFrenchError(neg, /employeur e0 : tables doit être un entier positif ou nul/);
    expect(neg.stderr).toMatch(/employeur e1 : maxMeetings doit être un entier positif ou nul/);

    expectCleanFrenchError(await run([file('array.json', '[]')]), /l'instance n'est pas un objet JSON/);
    expectCleanFrenchError(
      await run([file('v2.json', JSON.stringify({ ...instance(), version: 2 }))]),
      /version doit valoir 1/,
    );
    const badLock = { ...instance(), locked: [{ candidate: 'c1', employer: 'e0', slot: 's0', table: 0 }] };
    expectCleanFrenchError(
      await run([file('lock.json', JSON.stringify(badLock))]),
      /le candidat c1 n'est pas présent au créneau s0/,
    );
  });

  it('rejects a bad --time-limit, a bad --seed, an unknown option, a missing or extra file, exit 2 with the usage', async () => {
    const ok = file('usage.json', JSON.stringify(instance()));
    for (const argv of [
      [ok, '--time-limit', '0'],
      [ok, '--time-limit', '-3'],
      [ok, '--time-limit', 'abc'],
      [ok, '--time-limit'],
      [ok, '--time-limit=Infinity'],
    ]) {
      const r = await run(argv);
      expectCleanFrenchError(r, /--time-limit attend un nombre de secondes strictement positif/);
      expect(r.stderr).toMatch(/usage : npm run --silent schedule/);
    }
    expectCleanFrenchError(await run([ok, '--seed', '1.5']), /--seed attend un entier/);
    expectCleanFrenchError(await run([ok, '--verbose']), /option inconnue --verbose/);
    expectCleanFrenchError(await run([]), /il faut exactement un fichier d'instance/);
    expectCleanFrenchError(await run([ok, ok]), /il faut exactement un fichier d'instance/);
    expectCleanFrenchError(await run([join(dir, 'absent.json')]), /fichier introuvable : .*absent\.json/);
  });

  it('counts the time limit from the start of the command', async () => {
    // 30 s already spent on a 30.05 s limit: the engine still answers, feasibly, within what is left
    const inst = instance();
    const r = await run([file('late.json', JSON.stringify(inst)), '--time-limit', '30.05'], {
      elapsedSeconds: () => 30,
    });
    expect(r.code).toBe(0);
    expect(naiveViolations(inst, (JSON.parse(r.stdout) as { meetings: [] }).meetings)).toEqual([]);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, on JSON texts and on damaged ones', () => {
    const damaged = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\', '\u0001', ' ', '{', '[', '-', '.', 'e', '0'),
        fc.nat(3),
      )
      .map(([text, at, piece, cut]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + piece + text.slice(i + cut);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const at = jsonErrorOffset(text);
        expect(at === -1).toBe(valid);
        if (!valid) expect(at).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});
