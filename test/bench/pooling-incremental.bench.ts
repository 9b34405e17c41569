/**
 * node <outDir>/test/bench/pooling-incremental.bench.js [--records <n>] [--changes <n>]
 *
 * Incremental pooling at scale, at the level of what the pooling job's worker thread runs (linking/incremental.ts; no
 * database): a full linking of one collective of generated records (test/bench/pooling/generator.ts, main profile,
 * 100k records), then an incremental run after a few changes (names edited, SIRETs typed or dropped, records shared
 * and withdrawn), then a run with nothing changed. Checks that the incremental result equals a full linking with the
 * same statistics, and prints the wall times and how many records each run re-linked.
 */
import { findCommunesCsv } from '../../src/modules/employer-network/linking/communes-file';
import { relink, RelinkOutcome } from '../../src/modules/employer-network/linking/incremental';
import { linkRecords } from '../../src/modules/employer-network/linking/link-records';
import type { LinkableRecord } from '../../src/modules/employer-network/linking/types';
import { generate, MAIN_PROFILE, prng } from './pooling/generator';
import { loadCommunes } from './pooling/io';
import { loadAverage, machineDescription } from './support/machine';

const byId = (a: LinkableRecord, b: LinkableRecord) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);
const canonical = (clusters: string[][]) =>
  clusters
    .filter((c) => c.length > 1)
    .map((c) => [...c].sort().join(','))
    .sort();

function timed<T>(f: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const out = f();
  return [out, Number(process.hrtime.bigint() - t) / 1e9];
}

function main() {
  const argv = process.argv.slice(2);
  const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const total = Number(opt('--records') ?? 100_000);
  const changes = Number(opt('--changes') ?? 10);
  const communesFile = findCommunesCsv(__dirname) ?? findCommunesCsv(process.cwd());
  if (!communesFile) throw new Error('référentiel des communes introuvable (data/communes)');
  const communes = loadCommunes(communesFile);
  console.log(`machine: ${machineDescription()}; ${loadAverage()}`);

  const generated = generate({ ...MAIN_PROFILE, records: total + changes }, communes).records;
  const reserve = generated.slice(total);
  let records = generated.slice(0, total).sort(byId);
  const base = { mustLink: [], cannotLink: [], communes, engineVersion: 'bench' };
  console.log(`set: ${records.length} records (main profile, seed ${MAIN_PROFILE.seed})`);

  const [plain, plainS] = timed(() => linkRecords(records, { communes }));
  console.log(`engine alone (linkRecords, whole set): ${plainS.toFixed(2)} s`);
  const [full, fullS] = timed(() => relink({ ...base, records, previous: null }));
  console.log(
    `full run: ${fullS.toFixed(2)} s, ${full.relinked.size} records re-linked, ${full.clusters.filter((c) => c.length > 1).length} clusters`,
  );
  if (JSON.stringify(canonical(full.clusters)) !== JSON.stringify(canonical(plain.clusters)))
    throw new Error('full run differs from the engine');

  // a few changes, as SIAE make them between two runs
  const rnd = prng(7);
  const at = () => Math.floor(rnd() * records.length);
  const kinds: string[] = [];
  for (let c = 0; c < changes; c++) {
    const i = at();
    const r = records[i];
    switch (c % 5) {
      case 0:
        records[i] = { ...r, name: `${r.name} Services` };
        kinds.push('nom');
        break;
      case 1:
        records[i] = { ...r, siret: r.siret ? null : records[at()].siret };
        kinds.push('SIRET');
        break;
      case 2:
        records.splice(i, 1);
        kinds.push('retrait');
        break;
      case 3:
        records.push(reserve.pop()!);
        kinds.push('partage');
        break;
      default:
        records[i] = { ...r, address: null, communeInsee: records[at()].communeInsee };
        kinds.push('commune');
        break;
    }
  }
  records = records.sort(byId);
  const previous = (o: RelinkOutcome) => ({
    engineVersion: 'bench',
    statistics: o.statistics,
    corrections: o.corrections,
    drift: o.drift,
    states: o.states,
  });
  const [inc, incS] = timed(() => relink({ ...base, records, previous: previous(full) }));
  console.log(
    `incremental run after ${changes} changes (${kinds.join(', ')}): ${incS.toFixed(2)} s, mode ${inc.mode}, ${inc.changed} records changed, ${inc.relinked.size} re-linked (${((100 * inc.relinked.size) / records.length).toFixed(2)} %)`,
  );

  // exactness: the whole clustering equals a full linking with the statistics the incremental run used
  const clusterOf = new Map<string, string>();
  for (const c of full.clusters) for (const id of c) clusterOf.set(id, c[0]);
  for (const id of [...clusterOf.keys()]) if (!inc.states.has(id) || inc.relinked.has(id)) clusterOf.delete(id);
  for (const c of inc.clusters) for (const id of c) clusterOf.set(id, `new:${c[0]}`);
  const groups = new Map<string, string[]>();
  for (const [id, k] of clusterOf) (groups.get(k) ?? groups.set(k, []).get(k)!).push(id);
  const [check, checkS] = timed(() => linkRecords(records, { communes, statistics: inc.statistics }));
  const same = JSON.stringify(canonical([...groups.values()])) === JSON.stringify(canonical(check.clusters));
  console.log(
    `incremental == full linking with the same statistics: ${same ? 'yes' : 'NO'} (checked in ${checkS.toFixed(2)} s)`,
  );

  const [none, noneS] = timed(() => relink({ ...base, records, previous: previous(inc) }));
  console.log(
    `run with nothing changed: ${noneS.toFixed(2)} s, mode ${none.mode}, engine ${none.engine === null ? 'not called' : 'called'}`,
  );
  if (!same) process.exitCode = 1;
}

main();
