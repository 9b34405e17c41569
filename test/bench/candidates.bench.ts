/**
 * npm run bench:candidates [-- --fresh] [--drop] [--searches <n>] [--candidates <n>]
 *
 * Candidate search as a CIP of a partner SIAE runs it: commune + radius + ROME appellation, page 1 (20 profiles with
 * their target jobs, skills and soft skills), through `CandidateSearchService` — the same code the API runs (one
 * REPEATABLE READ transaction: partner SIAE lookup, the search over the partial GiST index, the page load), without HTTP.
 *
 * Database `maillage_bench_candidates` (created if missing, kept unless --drop, rebuilt with --fresh): all migrations,
 * the referentials import, then 100,000 candidates generated in SQL with a fixed seed:
 *  - 300 SIAE; 40 % of candidates in 120 SIAE within 60 km of Lyon, the rest in 180 SIAE across France;
 *  - the viewer is a CIP of a Lyon SIAE in a collective of 40 Lyon-area SIAE (39 partners, ~13k candidates);
 *  - 1 to 3 target jobs each: 85 % drawn from 40 appellations common in SIAE with Zipf weights (the most common one is
 *    the hard case: thousands of candidates around Lyon), 15 % uniformly among the ~11k appellations;
 *  - 70 % with an active collective consent, 2 skills and 2 soft skills each.
 * Searches: random appellation (same weights), a commune within 30 km of Lyon, radius 10/20/30/50 km.
 * Prints median / p95 / max, the same for the most common appellation alone, the machine and its load.
 * Acceptance (issue 4): p95 under 50 ms.
 */
import { loadViewer } from '../../src/modules/structures/grant-reader.service';
import {
  COMMON_APPELLATIONS,
  appellationWeights,
  appellationWeightSum,
  createAppellationDrawTable,
} from './support/appellations';
import { percentile, summary } from './support/stats';
import { prepareBenchDatabase, releaseBenchDatabase, runBench } from './support/bench-database';
import { loadAverage } from './support/machine';
import { seedBenchCandidateDetails } from './support/seed-candidates';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { CandidateSearchService } from '../../src/modules/candidates/candidate-search.service';
import { ReferentialsImporter } from '../../src/modules/referentials/referentials.importer';
import { findDataDir } from '../../src/modules/referentials/referentials-data';
import type { Principal } from '../../src/platform/auth/principal';
import { typeormOptions } from '../../src/platform/database/typeorm-options';

const DATABASE = 'maillage_bench_candidates';
const TARGET_P95_MS = 50;
const LYON = { lat: 45.758, lon: 4.8351 };

/** Deterministic PRNG so two runs replay the same searches. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(ds: DataSource, total: number): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`SELECT setseed(0.42)`);
    await m.query(`CREATE TEMP TABLE b_lyon_communes ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY code) AS i, code, latitude, longitude FROM commune
       WHERE earth_box(ll_to_earth(${LYON.lat}, ${LYON.lon}), 60000) @> ll_to_earth(latitude, longitude)
         AND earth_distance(ll_to_earth(${LYON.lat}, ${LYON.lon}), ll_to_earth(latitude, longitude)) < 60000`);
    await m.query(
      `CREATE TEMP TABLE b_all_communes ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY code) AS i, code, latitude, longitude FROM commune WHERE code !~ '^(97|98)'`,
    );
    await createAppellationDrawTable(m);

    await m.query(`INSERT INTO siae (kind, name, siret, commune_code)
      SELECT (ARRAY['ACI','AI','EI','ETTI','EITI'])[1 + g % 5], 'SIAE bench ' || g, lpad((90000000000000 + g)::text, 14, '0'),
             CASE WHEN g <= 120 THEN (SELECT code FROM b_lyon_communes WHERE i = 1 + (g * 7) % (SELECT count(*) FROM b_lyon_communes))
                  ELSE (SELECT code FROM b_all_communes WHERE i = 1 + (g * 113) % (SELECT count(*) FROM b_all_communes)) END
        FROM generate_series(1, 300) g`);
    await m.query(
      `CREATE TEMP TABLE b_siae ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY siret) AS i, id FROM siae WHERE name LIKE 'SIAE bench %'`,
    );
    await m.query(`INSERT INTO collective (name) VALUES ('Collectif bench Lyon')`);
    await m.query(`INSERT INTO collective_membership (collective_id, siae_id, status, joined_at)
      SELECT (SELECT id FROM collective WHERE name = 'Collectif bench Lyon'), id, 'active', now() FROM b_siae WHERE i <= 40`);
    await m.query(`INSERT INTO app_user (email, display_name) VALUES ('cip.bench@exemple.fr', 'CIP bench')`);
    await m.query(
      `INSERT INTO siae_membership (user_id, siae_id, role) SELECT (SELECT id FROM app_user WHERE email = 'cip.bench@exemple.fr'), id, 'cip' FROM b_siae WHERE i = 1`,
    );

    // Draws are turned into row numbers first, then equality joins (hash joins): 100k lookups in 35k communes stay cheap.
    await m.query(
      `CREATE TEMP TABLE b_cand ON COMMIT DROP AS
      SELECT g, gen_random_uuid() AS id, lyon, consent, jobs,
             CASE WHEN lyon THEN 1 + floor(rs * 120)::int ELSE 121 + floor(rs * 180)::int END AS si,
             1 + floor(rc * CASE WHEN lyon THEN (SELECT count(*) FROM b_lyon_communes) ELSE (SELECT count(*) FROM b_all_communes) END)::int AS ci
        FROM (SELECT g, random() < 0.4 AS lyon, random() AS rs, random() AS rc, random() < 0.7 AS consent, 1 + floor(random() * 3)::int AS jobs
                FROM generate_series(1, $1::int) g) draws`,
      [total],
    );
    await m.query(`CREATE TEMP TABLE b_place ON COMMIT DROP AS
      SELECT c.g, c.id, c.consent, c.jobs, s.id AS siae_id, co.code, co.latitude, co.longitude
        FROM b_cand c JOIN b_siae s ON s.i = c.si JOIN b_lyon_communes co ON co.i = c.ci WHERE c.lyon
      UNION ALL
      SELECT c.g, c.id, c.consent, c.jobs, s.id AS siae_id, co.code, co.latitude, co.longitude
        FROM b_cand c JOIN b_siae s ON s.i = c.si JOIN b_all_communes co ON co.i = c.ci WHERE NOT c.lyon`);
    await m.query(`INSERT INTO candidate (id, siae_id, first_name, last_name, birth_date, phone, email, contract_start, status)
      SELECT id, siae_id, 'Prénom' || g, 'Nom' || g, DATE '1960-01-01' + (g % 15000), '06' || lpad(g::text, 8, '0'), 'candidat' || g || '@exemple.fr', DATE '2025-01-01' + (g % 600), 'in_parcours'
        FROM b_place`);
    await m.query(`INSERT INTO candidate_profile (candidate_id, siae_id, pseudonym, commune_code, latitude, longitude, mobility_radius_km, transport_means, driving_licences,
        available_from, work_time, shared_with_collective)
      SELECT id, siae_id, 'Prénom' || g || ' N.', code, latitude, longitude, (ARRAY[5, 10, 15, 20, 30])[1 + g % 5],
             CASE WHEN g % 3 = 0 THEN ARRAY['car']::varchar[] ELSE ARRAY['public_transport']::varchar[] END,
             CASE WHEN g % 3 = 0 THEN ARRAY['B']::varchar[] ELSE '{}'::varchar[] END,
             DATE '2026-09-01' + (g % 200), (ARRAY['full_time', 'part_time', 'either'])[1 + g % 3], consent
        FROM b_place`);
    await seedBenchCandidateDetails(m, 'Observé sur le chantier');
  });
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const searches = Number(opt('--searches') ?? 1000);
  const total = Number(opt('--candidates') ?? 100_000);
  const { config } = await prepareBenchDatabase(DATABASE, argv, { DATABASE_POOL_SIZE: 2 });
  const ds = new DataSource(typeormOptions(config));
  await ds.initialize();
  try {
    const migrations = await ds.runMigrations({ transaction: 'each' });
    const [{ n: present }] = await ds.query(`SELECT count(*)::int AS n FROM candidate`);
    if (present !== total) {
      if (present > 0) throw new Error(`${present} candidats déjà présents (≠ ${total}) : relancez avec --fresh`);
      const report = await new ReferentialsImporter(ds).run({ dataDir: findDataDir() });
      console.log(`migrations applied: ${migrations.length}; referentials imported in ${report.durationMs} ms`);
      const t0 = performance.now();
      await seed(ds, total);
      await ds.query('VACUUM ANALYZE');
      console.log(`seeded ${total} candidates in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const [counts] =
      await ds.query(`SELECT (SELECT count(*) FROM candidate)::int AS candidates, (SELECT count(*) FROM candidate_target_job)::int AS target_jobs,
        (SELECT count(*) FROM candidate_profile WHERE shared_with_collective)::int AS shared, (SELECT count(*) FROM collective_membership)::int AS memberships`);
    console.log(`data: ${JSON.stringify(counts)}`);

    const [viewerRow] = await ds.query(
      `SELECT u.id AS user_id, m.siae_id FROM app_user u JOIN siae_membership m ON m.user_id = u.id WHERE u.email = 'cip.bench@exemple.fr'`,
    );
    const principal: Principal = {
      userId: viewerRow.user_id,
      email: 'cip.bench@exemple.fr',
      tokenId: 'bench',
      isAdmin: false,
      siaeGrants: [{ siaeId: viewerRow.siae_id, role: 'cip' }],
      coordinatorOf: [],
      ...(({ memberships, partnerSiaeIds }) => ({ memberships, partnerSiaeIds }))(
        await loadViewer(ds.manager, viewerRow.user_id),
      ),
    };
    const service = new CandidateSearchService(ds);
    const near: Array<{ code: string }> = await ds.query(
      `SELECT code FROM commune WHERE earth_box(ll_to_earth(${LYON.lat}, ${LYON.lon}), 30000) @> ll_to_earth(latitude, longitude)
          AND earth_distance(ll_to_earth(${LYON.lat}, ${LYON.lon}), ll_to_earth(latitude, longitude)) < 30000 ORDER BY code`,
    );
    const rand = mulberry32(7);
    const pickAppellation = () => {
      let u = rand() * appellationWeightSum;
      for (let i = 0; i < appellationWeights.length; i++)
        if ((u -= appellationWeights[i]) <= 0) return COMMON_APPELLATIONS[i];
      return COMMON_APPELLATIONS[0];
    };
    const plan = Array.from({ length: searches }, () => ({
      appellation: pickAppellation(),
      commune: near[Math.floor(rand() * near.length)].code,
      radiusKm: [10, 20, 30, 50][Math.floor(rand() * 4)],
    }));
    console.log(
      `${searches} searches: appellation (Zipf over ${COMMON_APPELLATIONS.length} common ones), one of ${near.length} communes within 30 km of Lyon, radius 10/20/30/50 km, page 1 of 20`,
    );

    for (const q of plan.slice(0, 100)) await service.search(principal, q); // warm-up

    const all: number[] = [];
    const hardest: number[] = [];
    let returned = 0;
    for (const q of plan) {
      const t0 = performance.now();
      const result = await service.search(principal, q);
      const ms = performance.now() - t0;
      all.push(ms);
      if (q.appellation === COMMON_APPELLATIONS[0]) hardest.push(ms);
      returned += result.items.length;
      if (result.items.some((i) => !i.mine && !i.sharedWithCollective))
        throw new Error('a partner saw an unshared profile');
    }
    for (let i = 0; i < 200; i++) {
      const q = { appellation: COMMON_APPELLATIONS[0], commune: '69123', radiusKm: 50 };
      const t0 = performance.now();
      await service.search(principal, q);
      hardest.push(performance.now() - t0);
    }
    const [{ n: lyonHits }] = await ds.query(
      `SELECT count(*)::int AS n FROM candidate_target_job WHERE ogr_code = $1 AND earth_distance(ll_to_earth(${LYON.lat}, ${LYON.lon}), ll_to_earth(latitude, longitude)) < 50000`,
      [COMMON_APPELLATIONS[0]],
    );
    console.log('');
    console.log(summary('search (service, page of 20)', all, 44));
    console.log(summary(`most common appellation ${COMMON_APPELLATIONS[0]} (incl. 50 km)`, hardest, 44));
    console.log(
      `average profiles per page: ${(returned / searches).toFixed(1)}; candidates with ${COMMON_APPELLATIONS[0]} within 50 km of Lyon (all SIAE, any consent): ${lyonHits}`,
    );
    const p95 = percentile(
      [...all].sort((a, b) => a - b),
      95,
    );
    console.log(`load average at end (1/5/15 min): ${loadAverage()}`);
    console.log(
      `acceptance: p95 ${p95.toFixed(2)} ms ${p95 < TARGET_P95_MS ? '<' : '≥'} ${TARGET_P95_MS} ms → ${p95 < TARGET_P95_MS ? 'OK' : 'NOT MET'}`,
    );
  } finally {
    await ds.destroy();
    await releaseBenchDatabase(DATABASE, argv);
  }
}

runBench(main);
