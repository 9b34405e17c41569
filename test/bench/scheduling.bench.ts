/**
 * npm run bench:scheduling -- [--only S-,M-] [--no-xl] [--keep] [--shared <shared/bench/jobdating>]
 * or, from a private build (dist/ is shared with other engineers), from the repository:
 *   npx tsc -p tsconfig.build.json --outDir /tmp/schedbuild --tsBuildInfoFile /tmp/schedbuild/.tsbuildinfo
 *   node /tmp/schedbuild/test/bench/scheduling.bench.js
 *
 * Copies the read-only shared harness (shared/bench/jobdating) to a temp dir,
 * generates its suite plus unseen instances, and runs, in the same run and one
 * after the other, the engine CLI, the greedy baseline and the exact reference
 * (HiGHS MIP, without its --lp extra). Every solution is judged by the shared
 * check.mjs; the engine's with --strict (claimed objective and bound checked too).
 * Exit 1 when an engine plan is infeasible, below greedy, or its bound is below
 * the reference's proven optimum.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildSuite, SuiteItem } from './scheduling/suite';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
// the CLI is found next to this file in the compiled tree, so a private build (tsc --outDir) runs its own engine
const engineCli = resolve(__dirname, '..', '..', 'src', 'modules', 'scheduling', 'cli', 'schedule.cli.js');
const sharedCandidates = [
  resolve(__dirname, '..', '..', '..', '..', 'shared', 'bench', 'jobdating'), // dist/test/bench in the repository
  resolve(process.cwd(), '..', 'shared', 'bench', 'jobdating'), // a private build, run from the repository
];
const sharedDir =
  value('--shared') ?? sharedCandidates.find((d) => existsSync(join(d, 'check.mjs'))) ?? sharedCandidates[0];

interface Run {
  exit: number | null;
  wall: number;
  peakMb: number | null;
  json: Record<string, unknown> | null;
  stderr: string;
  outPath: string;
}

const hasGnuTime = existsSync('/usr/bin/time');

/** Runs a node script in its own process, timing it and reading its peak RSS through GNU time. */
function runNode(script: string, argv: string[], outPath: string, cwd: string): Run {
  const memFile = `${outPath}.mem`;
  const cmd = hasGnuTime ? '/usr/bin/time' : process.execPath;
  const cmdArgs = hasGnuTime ? ['-f', '%M', '-o', memFile, process.execPath, script, ...argv] : [script, ...argv];
  const t0 = performance.now();
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  writeFileSync(outPath, r.stdout ?? '');
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    json = null;
  }
  let peakMb: number | null = null;
  if (hasGnuTime && existsSync(memFile)) {
    const kb = Number(readFileSync(memFile, 'utf8').trim().split('\n').pop());
    peakMb = Number.isFinite(kb) ? kb / 1024 : null;
  }
  return { exit: r.status, wall, peakMb, json, stderr: r.stderr ?? '', outPath };
}

interface Verdict {
  feasible: boolean;
  objective: number | null;
  warnings: string[];
  errors: string[];
}

function judge(dir: string, instPath: string, solPath: string, strict: boolean): Verdict {
  const r = spawnSync(process.execPath, [join(dir, 'check.mjs'), instPath, solPath, ...(strict ? ['--strict'] : [])], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  try {
    const j = JSON.parse(r.stdout) as {
      feasible: boolean;
      objective: number;
      warnings?: { code: string }[];
      errors?: { code: string }[];
    };
    return {
      feasible: j.feasible && r.status === 0,
      objective: j.objective,
      warnings: (j.warnings ?? []).map((w) => w.code),
      errors: (j.errors ?? []).slice(0, 5).map((e) => e.code),
    };
  } catch {
    return { feasible: false, objective: null, warnings: [], errors: ['CHECK_FAILED'] };
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const fmt = (v: number | null, d = 0): string => (v === null ? '—' : v.toFixed(d));

async function main(): Promise<number> {
  if (!existsSync(engineCli)) {
    process.stderr.write(`bench: ${engineCli} introuvable, lancer d'abord npm run build\n`);
    return 2;
  }
  if (!existsSync(join(sharedDir, 'check.mjs'))) {
    process.stderr.write(
      `bench: harnais partagé introuvable (${sharedDir}) : lancer depuis le dépôt ou passer --shared <dossier>\n`,
    );
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
  const dir = join(work, 'jobdating');
  cpSync(sharedDir, dir, { recursive: true, filter: (src) => !/[\\/](node_modules|instances|out)$/.test(src) });
  // the reference needs highs: reuse the project's copy (same version as the shared lock file)
  const highsDir = resolve(dirname(require.resolve('highs')), '..');
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(highsDir, join(dir, 'node_modules', 'highs'), 'dir');
  mkdirSync(join(dir, 'instances'));
  mkdirSync(join(dir, 'out'));

  const only = value('--only')?.split(',').filter(Boolean) ?? null;
  const suite: SuiteItem[] = await buildSuite(dir, { only, xl: !flag('--no-xl') });
  const machine = `${cpus()[0]?.model ?? 'CPU inconnu'}, ${cpus().length} cœurs logiques, Node ${process.version}`;
  const load = (): string =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
  const loadAtStart = load();
  process.stderr.write(`[bench] ${suite.length} instances, ${machine}, work dir ${work}\n`);

  const rows: string[][] = [];
  const failures: string[] = [];
  const timeRatios: { name: string; ratio: number; shared: boolean }[] = [];
  for (const item of suite) {
    const instPath = join(dir, 'instances', `${item.name}.json`);
    writeFileSync(instPath, item.text);
    const inst = JSON.parse(item.text) as {
      candidates: unknown[];
      employers: unknown[];
      slots: unknown[];
      pairs: unknown[];
    };
    process.stderr.write(`[bench] ${item.name} … `);
    const loadBefore = loadavg()[0];
    const engine = runNode(
      engineCli,
      [instPath, '--time-limit', String(item.timeLimit)],
      join(dir, 'out', `${item.name}.engine.json`),
      dir,
    );
    const greedy = runNode(join(dir, 'greedy.mjs'), [instPath], join(dir, 'out', `${item.name}.greedy.json`), dir);
    const ref = item.runReference
      ? runNode(
          join(dir, 'reference.mjs'),
          [instPath, '--time-limit', String(item.timeLimit)],
          join(dir, 'out', `${item.name}.reference.json`),
          dir,
        )
      : null;
    const ev = judge(dir, instPath, engine.outPath, true);
    const gv = judge(dir, instPath, greedy.outPath, false);
    const rv = ref ? judge(dir, instPath, ref.outPath, false) : null;

    const obj = ev.objective,
      bound = num(engine.json?.bound),
      status = String(engine.json?.status ?? `exit ${engine.exit}`);
    const refOpt = ref && rv?.feasible && ref.json?.status === 'optimal' ? rv.objective : null;
    const greedyObj = gv.objective;
    const problems: string[] = [];
    if (engine.exit !== 0 || !ev.feasible)
      problems.push(
        `engine infeasible/failed (${[...ev.errors, ...ev.warnings].join(',')}${engine.stderr.slice(0, 200)})`,
      );
    if (obj !== null && greedyObj !== null && obj < greedyObj) problems.push('engine below greedy');
    if (refOpt !== null && bound !== null && bound < refOpt - 1e-6)
      problems.push(`bound ${bound} below the proven optimum ${refOpt}`);
    if (refOpt !== null && obj !== null && status === 'optimal' && obj !== refOpt)
      problems.push('claims optimal but differs from the reference optimum');
    if (status === 'optimal' && bound !== null && obj !== null && bound !== obj)
      problems.push('status optimal with a gap');
    if (engine.wall > item.timeLimit + 5) problems.push('time limit overrun');
    if (problems.length) failures.push(`${item.name}: ${problems.join('; ')}`);
    const ratio = ref ? engine.wall / ref.wall : null;
    if (ratio !== null) timeRatios.push({ name: item.name, ratio, shared: item.group === 'shared' });
    const st = (engine.json?.stats ?? {}) as {
      mipStatus?: string | null;
      lpVariables?: number;
      mipVariables?: number;
      refinements?: number;
      hotCandidates?: number;
      hotEmployers?: number;
    };
    // how the bound was reached: plain flow, flow with some per-slot rules put back, or HiGHS on the time-indexed model
    const proof = st.mipStatus
      ? `HiGHS (LP ${st.lpVariables ?? 0} col., MIP ${st.mipVariables ?? 0} col.)`
      : st.refinements
        ? `flow + slots of ${st.hotCandidates ?? 0} c./${st.hotEmployers ?? 0} e. (${st.refinements} round${st.refinements > 1 ? 's' : ''})`
        : 'flow';
    rows.push([
      item.name,
      `${inst.candidates.length}×${inst.employers.length}×${inst.slots.length}`,
      String(inst.pairs.length),
      fmt(obj),
      fmt(bound),
      bound !== null && obj !== null ? fmt(bound - obj) : '—',
      status,
      ref ? `${fmt(rv?.objective ?? null)} (${String(ref.json?.status ?? `exit ${ref.exit}`)})` : 'skipped',
      refOpt !== null && obj !== null ? (obj === refOpt ? 'yes' : `no (${fmt(obj - refOpt)})`) : '—',
      fmt(greedyObj),
      obj !== null && greedyObj ? fmt(obj / greedyObj, 4) : '—',
      fmt(engine.wall, 2),
      ref ? fmt(ref.wall, 2) : '—',
      ratio !== null ? fmt(ratio, 2) : '—',
      fmt(engine.peakMb),
      ref ? fmt(ref.peakMb) : '—',
      proof,
      loadBefore.toFixed(2),
      `${ev.feasible ? 'yes' : 'NO'}/${gv.feasible ? 'yes' : 'NO'}/${rv ? (rv.feasible ? 'yes' : 'NO') : '—'}`,
    ]);
    process.stderr.write(
      `engine ${fmt(obj)} (${status}, bound ${fmt(bound)}, ${fmt(engine.wall, 2)} s) reference ${fmt(rv?.objective ?? null)} (${ref ? fmt(ref.wall, 2) : '—'} s) greedy ${fmt(greedyObj)}${problems.length ? ` PROBLEM: ${problems.join('; ')}` : ''}\n`,
    );
  }

  const head = [
    'instance',
    'C×E×K',
    'pairs',
    'engine obj',
    'bound',
    'gap',
    'status',
    'reference obj',
    '= ref opt',
    'greedy obj',
    'engine/greedy',
    'engine s',
    'ref s',
    'engine/ref time',
    'engine MB',
    'ref MB',
    'engine bound from',
    'load avg (1 min) before',
    'feasible (engine/greedy/ref)',
  ];
  const out: string[] = [];
  out.push(
    `# Scheduling bench (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${machine}. Load average (1/5/15 min): ${loadAtStart} at the start, ${load()} at the end.`,
    '',
    'Each solver is a separate process, run one after the other; times are wall clock including Node start-up; MB = peak RSS.',
    'Reference = shared reference.mjs (exact HiGHS MIP) with the same time limit; all solutions judged by the shared check.mjs.',
    '',
  );
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  for (const [label, list] of [
    ['Shared suite', timeRatios.filter((r) => r.shared)],
    ['Instances never tuned on', timeRatios.filter((r) => !r.shared)],
  ] as const) {
    if (!list.length) continue;
    const worst = list.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const mean = list.reduce((a, b) => a + b.ratio, 0) / list.length;
    out.push(
      '',
      `${label}: worst engine/reference time ratio ${worst.ratio.toFixed(2)} (${worst.name}), mean ${mean.toFixed(2)}.`,
    );
  }
  out.push(
    '',
    failures.length
      ? `FAILURES:\n${failures.map((f) => `- ${f}`).join('\n')}`
      : 'No failure: every engine plan feasible, never below greedy, bound never below a proven optimum.',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  if (flag('--keep')) process.stderr.write(`[bench] kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
  return failures.length ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
