/**
 * npm run bench:autocomplete [-- --fresh] [--drop] [--rounds <n>] [--data-dir <folder>]
 *
 * Appellation autocomplete latency as a user sees it: the real HTTP application (createApp, as production builds it)
 * on a database `maillage_bench_autocomplete` migrated and loaded with the referentials (created if missing, kept
 * afterwards unless --drop; --fresh rebuilds it). Replays what people type — every prefix of ~40 job searches of 1 to 3
 * words, with and without accents, as the field grows letter by letter — one request at a time, and prints the
 * median / p95 / max of the HTTP round trip, beside the same SQL run alone through the driver and PostgreSQL's own
 * planning + execution time. Also prints the machine and its load (this machine is shared: figures move with it).
 * Acceptance (issue 2): HTTP median under 20 ms.
 */
import { percentile, summary } from './support/stats';
import { prepareBenchDatabase, releaseBenchDatabase, runBench } from './support/bench-database';
import { loadAverage } from './support/machine';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { appellationQuery } from '../../src/modules/referentials/referentials-search.service';
import { ReferentialsImporter } from '../../src/modules/referentials/referentials.importer';
import { findDataDir } from '../../src/modules/referentials/referentials-data';
import { typeormOptions } from '../../src/platform/database/typeorm-options';

const DATABASE = 'maillage_bench_autocomplete';
const TARGET_MEDIAN_MS = 20;

/** What people look for in an SIAE (entretien, BTP, logistique, espaces verts, restauration, aide à la personne…). */
const SEARCHES = [
  'agent entretien',
  "agent d'entretien",
  'agent de propreté',
  'agent de nettoyage',
  'femme de ménage',
  'aide à domicile',
  'aide-soignant',
  'auxiliaire de vie',
  'electricien',
  'électricien bâtiment',
  'plombier',
  'peintre en bâtiment',
  'maçon',
  'manoeuvre',
  'manœuvre bâtiment',
  'carreleur',
  'plaquiste',
  'menuisier',
  'cariste',
  'préparateur de commandes',
  'preparateur commandes',
  'magasinier',
  'manutentionnaire',
  'chauffeur livreur',
  'chauffeur poids lourd',
  'jardinier',
  'ouvrier espaces verts',
  'paysagiste',
  'élagueur',
  'cuisinier',
  'commis de cuisine',
  'plongeur',
  'serveur',
  'employé polyvalent',
  'caissier',
  'vendeur',
  'employe libre service',
  'mise en rayon',
  'couturier',
  'secrétaire',
  'agent d accueil',
  'soudeur',
  'mécanicien auto',
  'recyclage',
  'valoriste',
  'trieur de déchets',
  'maraîcher',
  'ouvrier agricole',
];

/** Every prefix a user's browser would send while typing (from 2 characters, as the API requires). */
function typedPrefixes(search: string): string[] {
  const out: string[] = [];
  for (let i = 2; i <= search.length; i++) {
    const prefix = search.slice(0, i);
    if (prefix.trim().length >= 2 && !/[\s'-]$/.test(prefix)) out.push(prefix);
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rounds = Number(opt('--rounds') ?? 3);
  const dataDir = opt('--data-dir') ?? findDataDir();
  const { config } = await prepareBenchDatabase(DATABASE, argv, {
    QUEUE_PREFIX: 'bench_autocomplete',
    DATABASE_POOL_SIZE: 4,
  });
  const setup = new DataSource(typeormOptions(config));
  await setup.initialize();
  try {
    const migrations = await setup.runMigrations({ transaction: 'each' });
    const report = await new ReferentialsImporter(setup).run({ dataDir });
    const appellations = report.tables.find((t) => t.table === 'rome_appellation');
    console.log(
      `migrations applied: ${migrations.length}; referentials from ${dataDir}: ${appellations?.inFile} appellations, import ${report.durationMs} ms`,
    );
    await setup.query('ANALYZE rome_appellation, rome_fiche, rome_domain, commune');
  } finally {
    await setup.destroy();
  }

  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = (q: string) => `http://127.0.0.1:${port}/api/referentials/appellations?q=${encodeURIComponent(q)}`;
  const dataSource = app.get(DataSource);

  const queries = SEARCHES.flatMap(typedPrefixes);
  const words = queries.map((q) => q.trim().split(/[\s'-]+/).length);
  console.log(
    `${SEARCHES.length} searches → ${queries.length} typed prefixes (1 word: ${words.filter((w) => w === 1).length}, 2: ${words.filter((w) => w === 2).length}, 3+: ${words.filter((w) => w >= 3).length}), ${rounds} rounds, one request at a time, keep-alive`,
  );

  try {
    // Warm-up: JIT, connection pool, PostgreSQL caches.
    for (const q of queries) await (await fetch(url(q))).arrayBuffer();

    const http: number[] = [];
    const sql: number[] = [];
    const server: number[] = [];
    let empty = 0;
    for (let round = 0; round < rounds; round++) {
      for (const q of queries) {
        const t0 = performance.now();
        const res = await fetch(url(q));
        const body = (await res.json()) as unknown[];
        http.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`HTTP ${res.status} pour q=${q}: ${JSON.stringify(body)}`);
        if (round === 0 && body.length === 0) empty++;

        const built = appellationQuery(q, 10);
        if (!built) continue;
        const t1 = performance.now();
        await dataSource.query(built.sql, built.params);
        sql.push(performance.now() - t1);
        if (round === 0) {
          const [{ 'QUERY PLAN': plan }] = await dataSource.query(
            `EXPLAIN (ANALYZE, FORMAT JSON) ${built.sql}`,
            built.params,
          );
          server.push(plan[0]['Planning Time'] + plan[0]['Execution Time']);
        }
      }
    }

    console.log('');
    console.log(summary('HTTP GET /api/referentials/appellations', http));
    console.log(summary('same SQL through the driver', sql));
    console.log(summary('PostgreSQL planning + execution', server));
    console.log(`prefixes without any result: ${empty} of ${queries.length}`);
    const sample = (await (await fetch(url('agent entr'))).json()) as { label: string }[];
    console.log(
      `e.g. "agent entr" → ${sample
        .slice(0, 3)
        .map((a) => a.label)
        .join(' | ')}`,
    );
    const median = percentile(
      [...http].sort((a, b) => a - b),
      50,
    );
    console.log(`load average at end (1/5/15 min): ${loadAverage()}`);
    console.log(
      `acceptance: HTTP median ${median.toFixed(2)} ms ${median < TARGET_MEDIAN_MS ? '<' : '≥'} ${TARGET_MEDIAN_MS} ms → ${median < TARGET_MEDIAN_MS ? 'OK' : 'NOT MET'}`,
    );
  } finally {
    await app.close();
    await releaseBenchDatabase(DATABASE, argv);
  }
}

runBench(main);
