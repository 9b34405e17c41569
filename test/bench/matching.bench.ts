/**
 * npm run bench:matching [-- --fresh] [--drop] [--queries <n>] [--candidates <n>] [--client-in-process]
 *
 * Both match lists through HTTP, as a CIP of a Lyon SIAE calls them: the real application (createApp), a real session
 * (POST /api/auth/login), one request at a time on keep-alive, from a client in a process of its own
 * (support/http-client.ts: in the server's process, the client's own work was charged to the API). Beside each: the SQL pre-filter alone (the functions of
 * matching-queries.ts run on the same data source in the same kind of transaction, i.e. the statements the service
 * sends plus their row mapping: for a need, the pre-filter (index-only ids and versions, then the profiles not already
 * kept, with its own snapshot cache warmed like the service's; the consent check and what a page shows come with it); for a candidate, the
 * statement that reads the needs of both lists (ids and versions, then the needs not already kept, same kind of
 * cache)), as the floor the HTTP figure is compared with.
 *
 * Database `maillage_bench_matching` (created if missing, kept unless --drop, rebuilt with --fresh): all migrations,
 * the referentials import, then, in SQL with a fixed seed, over the communes within 80 km of Lyon:
 *  - 200 SIAE; the viewer's SIAE is in a collective of 40 of them;
 *  - 100,000 candidates, 1–3 target jobs each (85 % Zipf over 40 appellations common in SIAE, 15 % uniform over the
 *    referential), mobility 5–30 km, 70 % with an active collective consent, 2 skills and 2 soft skills;
 *  - 20,000 companies owned by the collective's 40 SIAE and all shared with it, pooled as 20,000 pooled companies (one
 *    record each: the linking is bench:pooling's business), 10 % of them with a solicitation this week;
 *  - 10,000 open hiring needs on them (same appellation draw, a commune of the region, random accommodations), plus
 *    3,000 filled in the last two years (the history the pooled-companies list reads).
 * Queries: needs the viewer may see (own or shared) for candidates-for-a-need; the viewer SIAE's candidates for
 * needs-for-a-candidate. Default radius (30 km around the need; the candidate's own radius the other way), page of 20.
 * Acceptance (issue 6): p95 < 20 ms (candidates for a need) and < 30 ms (needs for a candidate), and ≤ 3× the floor.
 */
import { createAppellationDrawTable } from './support/appellations';
import { seedBenchCandidateDetails } from './support/seed-candidates';
import { percentile, summary } from './support/stats';
import { prepareBenchDatabase, releaseBenchDatabase, runBench } from './support/bench-database';
import { loadAverage } from './support/machine';
import { HttpClientProcess } from './support/http-client';
import 'reflect-metadata';
import argon2 from 'argon2';
import { performance } from 'node:perf_hooks';
import { DataSource, type EntityManager } from 'typeorm';
import { SnapshotCache } from '../../src/modules/matching/snapshot-cache';
import { createApp } from '../../src/app.factory';
import {
  loadJobReferential,
  loadOwnCandidate,
  loadNeedsOfCandidate,
  loadVisibleNeed,
  loadMatchingViewer,
  prefilterCandidates,
  DEFAULT_NEED_RADIUS_KM,
  type CachedCandidate,
  type CachedNeed,
  type MatchingViewer,
} from '../../src/modules/matching/matching-queries';
import { ReferentialsImporter } from '../../src/modules/referentials/referentials.importer';
import { findDataDir } from '../../src/modules/referentials/referentials-data';
import { typeormOptions } from '../../src/platform/database/typeorm-options';
import { readSnapshot } from '../../src/platform/database/snapshot';

const DATABASE = 'maillage_bench_matching';
const LYON = { lat: 45.758, lon: 4.8351 };
const REGION_M = 80_000;
const PASSWORD = 'mot-de-passe-du-bench-42';
const EMAIL = 'cip.matching.bench@exemple.fr';
const TARGETS = { need: 20, candidate: 30 };

async function seed(ds: DataSource, total: number): Promise<void> {
  const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  await ds.transaction(async (m) => {
    await m.query(`SELECT setseed(0.6)`);
    await m.query(`CREATE TEMP TABLE b_communes ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY code) AS i, code, latitude, longitude FROM commune
       WHERE earth_box(ll_to_earth(${LYON.lat}, ${LYON.lon}), ${REGION_M}) @> ll_to_earth(latitude, longitude)
         AND earth_distance(ll_to_earth(${LYON.lat}, ${LYON.lon}), ll_to_earth(latitude, longitude)) < ${REGION_M}`);
    await createAppellationDrawTable(m);

    await m.query(`INSERT INTO siae (kind, name, siret, commune_code)
      SELECT (ARRAY['ACI','AI','EI','ETTI','EITI'])[1 + g % 5], 'SIAE bench ' || g, lpad((91000000000000 + g)::text, 14, '0'),
             (SELECT code FROM b_communes WHERE i = 1 + (g * 7) % (SELECT count(*) FROM b_communes))
        FROM generate_series(1, 200) g`);
    await m.query(
      `CREATE TEMP TABLE b_siae ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY siret) AS i, id FROM siae WHERE name LIKE 'SIAE bench %'`,
    );
    await m.query(`INSERT INTO collective (name) VALUES ('Collectif bench matching')`);
    await m.query(`INSERT INTO collective_membership (collective_id, siae_id, status, joined_at)
      SELECT (SELECT id FROM collective WHERE name = 'Collectif bench matching'), id, 'active', now() FROM b_siae WHERE i <= 40`);
    await m.query(`INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, 'CIP bench matching', $2)`, [
      EMAIL,
      passwordHash,
    ]);
    await m.query(
      `INSERT INTO siae_membership (user_id, siae_id, role) SELECT (SELECT id FROM app_user WHERE email = $1), id, 'cip' FROM b_siae WHERE i = 1`,
      [EMAIL],
    );

    await m.query(
      `CREATE TEMP TABLE b_place ON COMMIT DROP AS
      SELECT d.g, gen_random_uuid() AS id, d.consent, d.jobs, s.id AS siae_id, co.code, co.latitude, co.longitude
        FROM (SELECT g, random() < 0.7 AS consent, 1 + floor(random() * 3)::int AS jobs, 1 + floor(random() * 200)::int AS si,
                     1 + floor(random() * (SELECT count(*) FROM b_communes))::int AS ci
                FROM generate_series(1, $1::int) g) d
        JOIN b_siae s ON s.i = d.si JOIN b_communes co ON co.i = d.ci`,
      [total],
    );
    await m.query(`INSERT INTO candidate (id, siae_id, first_name, last_name, contract_start, contract_end, status)
      SELECT id, siae_id, 'Prénom' || g, 'Nom' || g, DATE '2025-01-01' + (g % 600), DATE '2026-06-01' + (g % 700), 'in_parcours' FROM b_place`);
    await m.query(`INSERT INTO candidate_profile (candidate_id, siae_id, pseudonym, commune_code, latitude, longitude, mobility_radius_km, transport_means, driving_licences,
        languages, french_as_foreign_language, available_from, work_time, shared_with_collective, contract_end)
      SELECT id, siae_id, 'Prénom' || g || ' N.', code, latitude, longitude, (ARRAY[5, 10, 15, 20, 30])[1 + g % 5],
             CASE WHEN g % 3 = 0 THEN ARRAY['car']::varchar[] ELSE ARRAY['public_transport']::varchar[] END,
             CASE WHEN g % 3 = 0 THEN ARRAY['B']::varchar[] ELSE '{}'::varchar[] END,
             CASE WHEN g % 7 = 0 THEN '[{"language":"fr","level":"A2"}]'::jsonb ELSE '[]'::jsonb END, g % 7 = 0,
             DATE '2026-09-01' + (g % 200), (ARRAY['full_time', 'part_time', 'either'])[1 + g % 3], consent, DATE '2026-06-01' + (g % 700)
        FROM b_place`);
    await seedBenchCandidateDetails(m, null);

    await m.query(`CREATE TEMP TABLE b_company ON COMMIT DROP AS
      SELECT g, gen_random_uuid() AS id, s.id AS siae_id, s.i AS si, co.code
        FROM (SELECT g, 1 + floor(random() * 40)::int AS si, 1 + floor(random() * (SELECT count(*) FROM b_communes))::int AS ci FROM generate_series(1, 20000) g) d
        JOIN b_siae s ON s.i = d.si JOIN b_communes co ON co.i = d.ci`);
    await m.query(
      `INSERT INTO company (id, siae_id, name, commune_code) SELECT id, siae_id, 'Entreprise bench ' || g, code FROM b_company`,
    );
    await m.query(`INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at)
      SELECT id, (SELECT id FROM collective WHERE name = 'Collectif bench matching'), false, now() FROM b_company`);
    await m.query(`INSERT INTO pooled_company (id, collective_id, display_name, commune_code)
      SELECT id, (SELECT id FROM collective WHERE name = 'Collectif bench matching'), 'Entreprise bench ' || g, code FROM b_company`);
    await m.query(`INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id)
      SELECT id, (SELECT id FROM collective WHERE name = 'Collectif bench matching'), id FROM b_company`);
    await m.query(`INSERT INTO solicitation (pooled_company_id, collective_id, siae_id, kind, occurred_at)
      SELECT id, (SELECT id FROM collective WHERE name = 'Collectif bench matching'), siae_id, 'candidate_proposal', now() - interval '2 days' FROM b_company WHERE g % 10 = 0`);
    await m.query(`INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, weekly_hours, place_commune_code, start_date, accommodations, status, confirmed_at)
      SELECT c.id, a.code, 1 + (n % 3), (ARRAY['cdi','cdd','iae','interim'])[1 + n % 4], (ARRAY[24, 26, 35, 35])[1 + n % 4], co.code,
             DATE '2026-11-01' + (n % 120),
             CASE n % 4 WHEN 0 THEN ARRAY['beginner_french', 'no_driving_licence'] WHEN 1 THEN ARRAY['no_driving_licence']
                        WHEN 2 THEN ARRAY['beginner_french', 'part_time', 'no_driving_licence'] ELSE ARRAY[]::text[] END::varchar[],
             'open', now()
        FROM (SELECT n, 1 + floor(random() * 20000)::int AS ci, random() AS u, 1 + floor(random() * (SELECT count(*) FROM b_communes))::int AS pi FROM generate_series(1, 10000) n) d
        JOIN b_company c ON c.g = d.ci JOIN b_apps a ON d.u >= a.lo AND d.u < a.hi JOIN b_communes co ON co.i = d.pi`);
    await m.query(`INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, weekly_hours, place_commune_code, accommodations, status, confirmed_at, closed_at)
      SELECT c.id, a.code, 1, 'cdd', 35, co.code, ARRAY['no_driving_licence']::varchar[], 'filled', now() - (n % 700) * interval '1 day', now() - (n % 700) * interval '1 day'
        FROM (SELECT n, 1 + floor(random() * 20000)::int AS ci, random() AS u, 1 + floor(random() * (SELECT count(*) FROM b_communes))::int AS pi FROM generate_series(1, 3000) n) d
        JOIN b_company c ON c.g = d.ci JOIN b_apps a ON d.u >= a.lo AND d.u < a.hi JOIN b_communes co ON co.i = d.pi`);
  });
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const queries = Number(opt('--queries') ?? 500);
  const total = Number(opt('--candidates') ?? 100_000);
  const { config } = await prepareBenchDatabase(DATABASE, argv, {
    QUEUE_PREFIX: 'bench_matching',
    DATABASE_POOL_SIZE: 4,
  });
  const setup = new DataSource(typeormOptions(config));
  await setup.initialize();
  try {
    const migrations = await setup.runMigrations({ transaction: 'each' });
    const [{ n: present }] = await setup.query(`SELECT count(*)::int AS n FROM candidate`);
    if (present !== total) {
      if (present > 0) throw new Error(`${present} candidats déjà présents (≠ ${total}) : relancez avec --fresh`);
      const report = await new ReferentialsImporter(setup).run({ dataDir: findDataDir() });
      console.log(`migrations applied: ${migrations.length}; referentials imported in ${report.durationMs} ms`);
      const t0 = performance.now();
      await seed(setup, total);
      await setup.query('VACUUM ANALYZE');
      console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else if (migrations.length > 0) {
      // Migrations that rewrote rows leave the visibility map unset, which forbids index-only scans until autovacuum
      // passes: measured as production runs, i.e. after it.
      await setup.query('VACUUM ANALYZE');
      console.log(
        `migrations applied to the kept data: ${migrations.map((m) => m.name).join(', ')} (then VACUUM ANALYZE)`,
      );
    }
    const [counts] =
      await setup.query(`SELECT (SELECT count(*) FROM candidate)::int AS candidates, (SELECT count(*) FROM candidate_target_job)::int AS target_jobs,
        (SELECT count(*) FROM candidate_profile WHERE shared_with_collective)::int AS shared, (SELECT count(*) FROM company)::int AS companies,
        (SELECT count(*) FROM hiring_need WHERE status = 'open')::int AS open_needs, (SELECT count(*) FROM company_share)::int AS shares, (SELECT count(*) FROM pooled_company)::int AS pooled_companies`);
    console.log(`data: ${JSON.stringify(counts)}`);
  } finally {
    await setup.destroy();
  }

  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  try {
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const ds = app.get(DataSource);

    const [{ siae_id: viewerSiae }] = await ds.query(
      `SELECT m.siae_id FROM siae_membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = $1`,
      [EMAIL],
    );
    const viewer: MatchingViewer = await loadMatchingViewer(ds.manager, [viewerSiae]);
    const partners = viewer.candidateSiaeIds.slice(1);
    const visibleNeeds: Array<{ id: string }> = await ds.query(
      `SELECT n.id FROM hiring_need n JOIN company co ON co.id = n.company_id
        WHERE n.status = 'open' AND (co.siae_id = $1 OR EXISTS (SELECT 1 FROM company_share s WHERE s.company_id = co.id AND s.withdrawn_at IS NULL AND s.collective_id = ANY($2::uuid[])))
        ORDER BY md5(n.id::text) LIMIT $3`,
      [viewerSiae, viewer.memberCollectiveIds, queries],
    );
    const ownCandidates: Array<{ candidate_id: string }> = await ds.query(
      `SELECT candidate_id FROM candidate_profile WHERE siae_id = $1 ORDER BY md5(candidate_id::text) LIMIT $2`,
      [viewerSiae, queries],
    );
    console.log(
      `viewer: CIP of one SIAE in a collective of ${partners.length + 1}; ${visibleNeeds.length} visible open needs and ${ownCandidates.length} own candidates sampled`,
    );
    const related = await loadJobReferential(ds.manager);

    // The client runs in a process of its own (support/http-client.ts), as any real client does.
    const client = HttpClientProcess.start({ inProcess: argv.includes('--client-in-process') });
    console.log(
      `HTTP client: ${argv.includes('--client-in-process') ? 'in the server process (--client-in-process)' : 'a process of its own'}`,
    );
    const needPaths = visibleNeeds.map(({ id }) => `/hiring-needs/${id}/matches`);
    const candPaths = ownCandidates.map(({ candidate_id }) => `/candidates/${candidate_id}/matches`);
    let needTimed: Array<{ ms: number; total: number }>;
    let candTimed: Array<{ ms: number; total: number }>;
    try {
      // Warm-up: JIT, pool, PostgreSQL caches, the related-jobs cache of the service.
      await client.run(base, token, needPaths.slice(0, 50));
      await client.run(base, token, candPaths.slice(0, 50));
      // HTTP first, then the floor, each in its own pass: interleaved, the floor's allocations made the garbage
      // collector pause inside the next HTTP request and charged it to the API.
      needTimed = await client.run(base, token, needPaths);
      candTimed = await client.run(base, token, candPaths);
    } finally {
      client.stop();
    }
    const needHttp = needTimed.map((r) => r.ms);
    const needTotals = needTimed.reduce((sum, r) => sum + r.total, 0);
    const candHttp = candTimed.map((r) => r.ms);
    const candTotals = candTimed.reduce((sum, r) => sum + r.total, 0);
    // The floor's statements run in the service's kind of transaction (readSnapshot: same isolation, no parallel workers);
    // only the statements themselves are timed.
    // Candidate snapshots are kept by match version (SnapshotCache) by the service; the floor keeps its own, warmed
    // on the same 50 needs as the HTTP pass, so both read from PostgreSQL only the profiles they have not seen yet.
    const floorCache = new SnapshotCache<CachedCandidate>();
    const floorNeed = (m: EntityManager, id: string) =>
      loadVisibleNeed(m, viewer, id).then((n) =>
        prefilterCandidates(m, viewer, n!.snapshot, related, { radiusKm: DEFAULT_NEED_RADIUS_KM }, floorCache),
      );
    for (const { id } of visibleNeeds.slice(0, 50)) await readSnapshot(ds, (m) => floorNeed(m, id));
    const needFloor: number[] = [];
    for (const { id } of visibleNeeds) {
      await readSnapshot(ds, async (m) => {
        const need = await loadVisibleNeed(m, viewer, id);
        const t0 = performance.now();
        await prefilterCandidates(m, viewer, need!.snapshot, related, { radiusKm: DEFAULT_NEED_RADIUS_KM }, floorCache);
        needFloor.push(performance.now() - t0);
      });
    }
    // Same for the needs: the floor keeps its own need snapshots, warmed on the same 50 candidates as the HTTP pass.
    const floorNeedCache = new SnapshotCache<CachedNeed>();
    const today = new Date().toISOString().slice(0, 10);
    const candFloor: number[] = [];
    for (const [i, { candidate_id }] of [...ownCandidates.slice(0, 50), ...ownCandidates].entries()) {
      await readSnapshot(ds, async (m) => {
        const found = await loadOwnCandidate(m, viewer, candidate_id);
        if (found.status !== 'ok') return;
        const t0 = performance.now();
        await loadNeedsOfCandidate(
          m,
          viewer,
          found.snapshot,
          related,
          { radiusKm: found.snapshot.mobilityRadiusKm, today },
          floorNeedCache,
        );
        if (i >= 50) candFloor.push(performance.now() - t0);
      });
    }

    const report = (label: string, httpMs: number[], floorMs: number[], target: number, avgTotal: number) => {
      const p95 = (samples: number[]) =>
        percentile(
          [...samples].sort((x, y) => x - y),
          95,
        );
      const h = { p95: p95(httpMs) };
      const f = { p95: p95(floorMs) };
      console.log(summary(`${label} — HTTP`, httpMs, 46));
      console.log(summary(`${label} — SQL pre-filter (floor)`, floorMs, 46));
      console.log(`  average ranked results per query: ${avgTotal.toFixed(0)}`);
      const okTarget = h.p95 < target;
      const ratio = h.p95 / f.p95;
      console.log(
        `  acceptance: p95 ${h.p95.toFixed(2)} ms ${okTarget ? '<' : '≥'} ${target} ms → ${okTarget ? 'OK' : 'NOT MET'}; p95 HTTP / p95 floor = ${ratio.toFixed(2)} ${ratio <= 3 ? '≤' : '>'} 3 → ${ratio <= 3 ? 'OK' : 'NOT MET'}`,
      );
    };
    console.log('');
    report('candidates for a need', needHttp, needFloor, TARGETS.need, needTotals / Math.max(1, visibleNeeds.length));
    report(
      'needs for a candidate',
      candHttp,
      candFloor,
      TARGETS.candidate,
      candTotals / Math.max(1, ownCandidates.length),
    );
    console.log(`load average at end (1/5/15 min): ${loadAverage()}`);
  } finally {
    await app.close();
    await releaseBenchDatabase(DATABASE, argv);
  }
}

runBench(main);
