/**
 * npm run bench:pooling [-- --out <folder>] [--records <n>] [--only all|main|dev|wild|tune|held-out|aside|<profile name>]
 *   [--explain <n>]
 *
 * Generates labelled company records (test/bench/pooling/generator.ts: ≥ 500 SIAE, 100k records on the main profile,
 * plus development and held-out profiles with other seeds, territories and rates), runs the real linking engine of the pooling job on
 * each, and scores the result with the shared scorer (shared/bench/pooling/score.mjs): pairwise and B-cubed
 * precision / recall / F1 for records and contacts, wall time, and the machine. With --out the sets and links are kept
 * so that `npm run --silent pool:link -- <folder>/main` and score.mjs can be run by hand on them. With --explain the
 * missed and false pairs are printed by category with <n> samples each (pooling/explain.ts): never on held-out or aside
 * sets when tuning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findCommunesCsv } from '../../src/modules/employer-network/linking/communes-file';
import { linkRecords } from '../../src/modules/employer-network/linking/link-records';
import {
  ASIDE_PROFILES,
  DEV_PROFILES,
  generate,
  HELD_OUT_PROFILES,
  MAIN_PROFILE,
  Profile,
  WILD_DEV_PROFILES,
} from './pooling/generator';
import { explain } from './pooling/explain';
import { loadCommunes, writeLinks, writeSet } from './pooling/io';
import { loadAverage, machineDescription } from './support/machine';

interface ScoreModule {
  scoreFiles(truth: string, links: string): unknown;
  formatScore(r: unknown): string;
}

function findScorer(): string {
  const candidates = [
    path.resolve(__dirname, '../../../../shared/bench/pooling/score.mjs'),
    path.resolve(__dirname, '../../../shared/bench/pooling/score.mjs'),
    path.resolve(process.cwd(), '../shared/bench/pooling/score.mjs'),
  ];
  for (const c of candidates) {
    try {
      require('node:fs').accessSync(c);
      return c;
    } catch {
      continue;
    }
  }
  throw new Error(`score.mjs introuvable (cherché : ${candidates.join(', ')})`);
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const keep = opt('--out');
  const only = opt('--only');
  const recordsOverride = opt('--records') ? Number(opt('--records')) : undefined;
  const explainSamples = opt('--explain') !== undefined ? Number(opt('--explain')) : undefined;
  const communesFile = findCommunesCsv(__dirname) ?? findCommunesCsv(process.cwd());
  if (!communesFile) throw new Error('référentiel des communes introuvable (data/communes ou ../shared/data/communes)');
  const scorer = (await import(pathToFileURL(findScorer()).href)) as ScoreModule;
  const communes = loadCommunes(communesFile);
  const root = keep ? path.resolve(keep) : mkdtempSync(path.join(os.tmpdir(), 'pooling-bench-'));

  console.log(`machine: ${machineDescription()}; ${loadAverage()}`);
  console.log(`communes: ${communesFile} (${communes.size})`);

  // Tune on main and dev only (wild: issue 16's dev profiles); held-out and aside sets are run to confirm, never to
  // tune (--only held-out, --only aside). Default: all.
  const dev = [...DEV_PROFILES, ...WILD_DEV_PROFILES];
  const unseen = [...HELD_OUT_PROFILES, ...ASIDE_PROFILES];
  const all = [MAIN_PROFILE, ...dev, ...unseen];
  const groups: Record<string, Profile[]> = {
    all,
    dev,
    wild: WILD_DEV_PROFILES,
    'held-out': HELD_OUT_PROFILES,
    aside: ASIDE_PROFILES,
    tune: [MAIN_PROFILE, ...dev],
  };
  const profiles: Profile[] = groups[only ?? 'all'] ?? all.filter((p) => p.name === only);
  if (profiles.length === 0)
    throw new Error(`profil inconnu : ${only} (all, main, dev, wild, tune, held-out, aside ou un nom de profil)`);
  for (const base of profiles) {
    const profile = recordsOverride ? { ...base, records: recordsOverride } : base;
    let t = process.hrtime.bigint();
    const set = generate(profile, communes);
    const genSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    const dir = path.join(root, profile.name);
    writeSet(dir, set);
    const establishments = new Set(set.truth.map((r) => r.companyKey)).size;
    const siaeUsed = new Set(set.records.map((r) => r.siaeId)).size;
    console.log(`\n== ${profile.name} (seed ${profile.seed}; departments ${profile.departments.join(' ')})`);
    console.log(
      `set: ${set.records.length} records, ${set.siae.length} SIAE (${siaeUsed} with records), ${establishments} establishments, ${set.contactsTruth.length} contacts; generated in ${genSeconds.toFixed(1)} s`,
    );

    t = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const result = linkRecords(set.records, { communes });
    const linkSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    const cpuSeconds = process.cpuUsage(cpu0).user / 1e6;
    const linksFile = path.join(dir, 'links.json');
    writeLinks(linksFile, { ...result, meta: result.stats });
    console.log(
      `linking: ${linkSeconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (${result.stats.candidatePairs} candidate pairs, ${result.stats.links} merges, ${result.stats.mergesRefused} refused by group agreement)`,
    );
    console.log(scorer.formatScore(scorer.scoreFiles(path.join(dir, 'truth', 'truth.jsonl'), linksFile)));
    if (explainSamples !== undefined) explain(set.records, set.truth, result, { communes }, explainSamples);
  }
  if (keep)
    console.log(
      `\nsets kept in ${root}: npm run --silent pool:link -- ${path.join(root, 'main')} > links.json && node ../shared/bench/pooling/score.mjs ${path.join(root, 'main', 'truth', 'truth.jsonl')} links.json`,
    );
  else rmSync(root, { recursive: true, force: true });
}

main().catch((e: Error) => {
  console.error(`bench:pooling : ${e.message}`);
  process.exitCode = 1;
});
