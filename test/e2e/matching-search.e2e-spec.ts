/**
 * The search structures behind the match lists: the columns the database derives (target job codes on the profile,
 * fiche/domain/coordinates on the need) follow every write, and the index-only pre-filters select exactly what the
 * plain rule selects (same fiches, same circle by earthdistance, same visibility), on a few hundred random candidates
 * and needs around Lyon.
 */
import { CandidateFixtures, communes, rome } from '../support/candidate-fixtures';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import {
  loadJobReferential,
  loadMatchingViewer,
  loadOwnCandidate,
  loadNeedsOfCandidate,
  loadVisibleNeed,
  prefilterCandidates,
  type JobReferential,
  type MatchingViewer,
} from '../../src/modules/matching/matching-queries';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';

describe('matching search structures (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let cf: CandidateFixtures;
  let siaeA: Siae;
  let siaeP: Siae;
  let siaeQ: Siae;
  let cipA: User;
  let c1Id: string;
  let viewer: MatchingViewer;
  let ref: JobReferential;

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    cf = new CandidateFixtures(t, f);
    [siaeA, siaeP, siaeQ] = [await f.siae(), await f.siae(), await f.siae()];
    const c1 = await f.collective();
    const c2 = await f.collective();
    await f.collectiveMember(c1, siaeA);
    await f.collectiveMember(c1, siaeP);
    await f.collectiveMember(c2, siaeQ);
    cipA = await f.member(siaeA, 'cip');
    c1Id = c1.id;
    viewer = await loadMatchingViewer(t.dataSource.manager, [siaeA.id]);
    expect(viewer).toMatchObject({
      ownSiaeIds: [siaeA.id],
      candidateSiaeIds: [siaeA.id, siaeP.id],
      memberCollectiveIds: [c1.id],
    });
    expect(viewer.collectiveMembers.get(c1.id)?.slice().sort()).toEqual([siaeA.id, siaeP.id].sort());
    ref = await loadJobReferential(t.dataSource.manager);
  });
  afterAll(() => t.close());

  describe('derived columns', () => {
    it('keeps the profile’s target job codes equal to its target jobs through every profile write', async () => {
      const codes = async (id: string) =>
        (
          await t.dataSource.query(
            `SELECT target_ogr_codes, target_fiche_codes FROM candidate_profile WHERE candidate_id = $1`,
            [id],
          )
        )[0] as {
          target_ogr_codes: string[];
          target_fiche_codes: string[];
        };
      const c = await cf.newCandidate(cipA, siaeA.id, {
        profile: {
          targetJobs: [
            { ogrCode: rome.macon, experienceLevel: 'beginner' },
            { ogrCode: rome.agentPropreteLocaux, experienceLevel: 'experienced' },
          ],
        },
      });
      expect(await codes(c.id)).toEqual({
        target_ogr_codes: [rome.agentPropreteLocaux, rome.macon],
        target_fiche_codes: ['K2204', 'F1703'],
      });

      const token = await cf.token(cipA);
      const put = await t
        .http()
        .put(`/api/candidates/${c.id}/profile`)
        .set('authorization', `Bearer ${token}`)
        .send({
          communeCode: communes.lyon,
          mobilityRadiusKm: 10,
          transportMeans: [],
          targetJobs: [{ ogrCode: rome.commisCuisine, experienceLevel: 'none' }],
          skills: [],
          softSkills: [],
        });
      expect(put.status).toBe(200);
      expect(await codes(c.id)).toEqual({ target_ogr_codes: [rome.commisCuisine], target_fiche_codes: ['G1602'] });

      // Even a write that bypasses the service (a script, a repair) keeps them: the trigger is on the table.
      await t.dataSource.query(`DELETE FROM candidate_target_job WHERE candidate_id = $1`, [c.id]);
      expect(await codes(c.id)).toEqual({ target_ogr_codes: [], target_fiche_codes: [] });

      // Several rows and several candidates in one statement: each profile rewritten once, with all of its jobs.
      const other = await cf.newCandidate(cipA, siaeA.id, { profile: { targetJobs: [] } });
      const [{ n: before }] = await t.dataSource.query(
        `SELECT n_tup_upd AS n FROM pg_stat_xact_user_tables WHERE relname = 'candidate_profile'`,
      );
      await t.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO candidate_target_job (candidate_id, ogr_code, fiche_code, domain_code, experience_level, siae_id, latitude, longitude, shared_with_collective)
          SELECT k.id, a.code, a.fiche_code, left(a.fiche_code, 3), 'beginner', p.siae_id, p.latitude, p.longitude, false
            FROM unnest($1::uuid[]) k(id) JOIN candidate_profile p ON p.candidate_id = k.id CROSS JOIN rome_appellation a WHERE a.code = ANY($2::varchar[])`,
          [
            [c.id, other.id],
            [rome.macon, rome.agentPropreteLocaux, rome.commisCuisine],
          ],
        );
        const [{ n }] = await m.query(
          `SELECT n_tup_upd AS n FROM pg_stat_xact_user_tables WHERE relname = 'candidate_profile'`,
        );
        expect(Number(n) - Number(before)).toBe(2);
      });
      for (const id of [c.id, other.id]) {
        expect(await codes(id)).toEqual({
          target_ogr_codes: [rome.agentPropreteLocaux, rome.commisCuisine, rome.macon].sort(),
          target_fiche_codes: expect.any(Array),
        });
        expect((await codes(id)).target_fiche_codes.slice().sort()).toEqual(['F1703', 'G1602', 'K2204']);
      }
    });

    it('derives a need’s fiche, domain and coordinates from its appellation and place, whoever writes them', async () => {
      const [{ id: companyId }] = await t.dataSource.query(
        `INSERT INTO company (siae_id, name) VALUES ($1, 'Propreté du Rhône') RETURNING id`,
        [siaeA.id],
      );
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, place_commune_code, status, confirmed_at)
         VALUES ($1, $2, 1, 'cdi', $3, 'open', now()) RETURNING id`,
        [companyId, rome.agentPropreteLocaux, communes.villeurbanne],
      );
      const row = async () =>
        (
          await t.dataSource.query(
            `SELECT fiche_code, domain_code, latitude, longitude FROM hiring_need WHERE id = $1`,
            [id],
          )
        )[0] as Record<string, unknown>;
      const [villeurbanne] = await t.dataSource.query(`SELECT latitude, longitude FROM commune WHERE code = $1`, [
        communes.villeurbanne,
      ]);
      expect(await row()).toEqual({
        fiche_code: 'K2204',
        domain_code: 'K22',
        latitude: villeurbanne.latitude,
        longitude: villeurbanne.longitude,
      });

      await t.dataSource.query(
        `UPDATE hiring_need SET appellation_code = $2, place_commune_code = NULL WHERE id = $1`,
        [id, rome.macon],
      );
      expect(await row()).toEqual({ fiche_code: 'F1703', domain_code: 'F17', latitude: null, longitude: null });

      // A direct write of a derived column is overwritten by the derivation.
      await t.dataSource.query(
        `UPDATE hiring_need SET fiche_code = 'A1101', domain_code = 'A11', latitude = 1 WHERE id = $1`,
        [id],
      );
      expect(await row()).toEqual({ fiche_code: 'F1703', domain_code: 'F17', latitude: null, longitude: null });
    });
    it('keeps a need’s owner and shared collectives equal to its company’s owner and active shares, whoever writes them', async () => {
      const [{ id: companyId }] = await t.dataSource.query(
        `INSERT INTO company (siae_id, name) VALUES ($1, 'Espaces verts du Rhône') RETURNING id`,
        [siaeA.id],
      );
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, status, confirmed_at) VALUES ($1, $2, 1, 'cdi', 'open', now()) RETURNING id`,
        [companyId, rome.agentPropreteLocaux],
      );
      const row = async () =>
        (
          await t.dataSource.query(`SELECT owner_siae_id, shared_collective_ids FROM hiring_need WHERE id = $1`, [id])
        )[0] as { owner_siae_id: string; shared_collective_ids: string[] };
      expect(await row()).toEqual({ owner_siae_id: siaeA.id, shared_collective_ids: [] });

      const c3 = await f.collective();
      await t.dataSource.query(
        `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at) VALUES ($1, $2, false, now()), ($1, $3, false, now())`,
        [companyId, c1Id, c3.id],
      );
      expect((await row()).shared_collective_ids.slice().sort()).toEqual([c1Id, c3.id].sort());

      await t.dataSource.query(
        `UPDATE company_share SET withdrawn_at = now() WHERE company_id = $1 AND collective_id = $2`,
        [companyId, c1Id],
      );
      expect(await row()).toEqual({ owner_siae_id: siaeA.id, shared_collective_ids: [c3.id] });

      await t.dataSource.query(`UPDATE company SET siae_id = $2 WHERE id = $1`, [companyId, siaeQ.id]);
      expect(await row()).toEqual({ owner_siae_id: siaeQ.id, shared_collective_ids: [c3.id] });

      // Every write of the need moves its match version, the trigger-made ones included.
      const version = async () =>
        BigInt(
          (await t.dataSource.query(`SELECT match_version FROM hiring_need WHERE id = $1`, [id]))[0].match_version,
        );
      const v1 = await version();
      await t.dataSource.query(`UPDATE hiring_need SET positions = 2 WHERE id = $1`, [id]);
      const v2 = await version();
      expect(v2).toBeGreaterThan(v1);
      await t.dataSource.query(`DELETE FROM company_share WHERE company_id = $1`, [companyId]);
      expect(await version()).toBeGreaterThan(v2);
      // A direct write of a copy is overwritten by the derivation.
      await t.dataSource.query(
        `UPDATE hiring_need SET owner_siae_id = $2, shared_collective_ids = ARRAY[$3::uuid] WHERE id = $1`,
        [id, siaeA.id, c1Id],
      );
      expect(await row()).toEqual({ owner_siae_id: siaeQ.id, shared_collective_ids: [] });
    });
    it('gives a profile a new match version on every write of what matching reads, and only then', async () => {
      const c = await cf.newCandidate(cipA, siaeA.id);
      const version = async () =>
        BigInt(
          (await t.dataSource.query(`SELECT match_version FROM candidate_profile WHERE candidate_id = $1`, [c.id]))[0]
            .match_version,
        );
      const seen = [await version()];
      const changes = [
        `UPDATE candidate_profile SET mobility_radius_km = 25 WHERE candidate_id = $1`,
        `INSERT INTO candidate_skill (candidate_id, label, evidence_level) VALUES ($1, 'Conduite d''autolaveuse', 'declared')`,
        `UPDATE candidate_skill SET evidence_level = 'observed' WHERE candidate_id = $1`,
        `DELETE FROM candidate_skill WHERE candidate_id = $1`,
        `DELETE FROM candidate_soft_skill WHERE candidate_id = $1`,
        `INSERT INTO candidate_soft_skill (candidate_id, soft_skill) VALUES ($1, 'ponctualite')`,
        `DELETE FROM candidate_target_job WHERE candidate_id = $1`,
        `UPDATE candidate_profile SET shared_with_collective = NOT shared_with_collective WHERE candidate_id = $1`,
      ];
      for (const sql of changes) {
        await t.dataSource.query(sql, [c.id]);
        const v = await version();
        expect(v).toBeGreaterThan(seen[seen.length - 1]);
        seen.push(v);
      }
      // A write elsewhere (the identity row's name) leaves it as it is, and a direct write of the version is overridden.
      await t.dataSource.query(`UPDATE candidate SET first_name = 'Autre' WHERE id = $1`, [c.id]);
      expect(await version()).toBe(seen[seen.length - 1]);
      await t.dataSource.query(`UPDATE candidate_profile SET match_version = 1 WHERE candidate_id = $1`, [c.id]);
      expect(await version()).toBeGreaterThan(seen[seen.length - 1]);

      // Eight skill writes in one transaction rewrite the profile once: one new version, not eight dead rows.
      const last = async () =>
        BigInt((await t.dataSource.query(`SELECT last_value FROM candidate_profile_match_version_seq`))[0].last_value);
      const before = await last();
      await t.dataSource.transaction(async (m) => {
        for (const label of ['Tri sélectif', 'Lavage des vitres', 'Monobrosse', 'Autolaveuse', 'Dosage des produits'])
          await m.query(
            `INSERT INTO candidate_skill (candidate_id, label, evidence_level) VALUES ($1, $2, 'observed')`,
            [c.id, label],
          );
        for (const soft of ['autonomie', 'rigueur', 'travail_en_equipe'])
          await m.query(
            `INSERT INTO candidate_soft_skill (candidate_id, soft_skill) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [c.id, soft],
          );
      });
      expect(await last()).toBe(before + 1n);
      expect(await version()).toBe(before + 1n);
    });
  });

  describe('pre-filters select what the plain rule selects', () => {
    // A few trades with related fiches and neighbours in their domain (K22 cleaning, G16 kitchen, F17 building, A12
    // green spaces, N11 logistics) plus a sprinkle of the whole referential.
    const appellations: string[] = [];
    let needIds: string[] = [];
    let ownCandidateIds: string[] = [];

    beforeAll(async () => {
      const picked: Array<{ code: string }> = await t.dataSource.query(
        `SELECT code FROM (SELECT a.code, row_number() OVER (PARTITION BY f.domain_code ORDER BY a.code) AS k FROM rome_appellation a JOIN rome_fiche f ON f.code = a.fiche_code
                            WHERE f.domain_code IN ('K22', 'G16', 'F17', 'A12', 'N11', 'G15')) x WHERE k <= 12
         UNION ALL (SELECT code FROM rome_appellation ORDER BY md5(code) LIMIT 20)`,
      );
      appellations.push(...picked.map((p) => p.code));
      await t.dataSource.transaction(async (m) => {
        await m.query(`SELECT setseed(0.42)`);
        await m.query(`CREATE TEMP TABLE s_communes ON COMMIT DROP AS
          SELECT row_number() OVER (ORDER BY code) AS i, code, latitude, longitude FROM commune
           WHERE earth_distance(ll_to_earth(45.758, 4.835), ll_to_earth(latitude, longitude)) < 60000`);
        await m.query(
          `CREATE TEMP TABLE s_apps ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY code) AS i, a.code, a.fiche_code, left(a.fiche_code, 3) AS domain_code
          FROM rome_appellation a WHERE a.code = ANY($1::varchar[])`,
          [appellations],
        );
        await m.query(
          `CREATE TEMP TABLE s_people ON COMMIT DROP AS
          SELECT g, gen_random_uuid() AS id, (ARRAY[$1::uuid, $2::uuid, $3::uuid])[1 + floor(random() * 3)::int] AS siae_id, random() < 0.75 AS consent,
                 c.code, c.latitude, c.longitude, (ARRAY[3, 5, 10, 15, 20, 30, 45])[1 + floor(random() * 7)::int] AS radius
            FROM generate_series(1, 450) g JOIN s_communes c ON c.i = 1 + floor(random() * (SELECT count(*) FROM s_communes))::int`,
          [siaeA.id, siaeP.id, siaeQ.id],
        );
        await m.query(
          `INSERT INTO candidate (id, siae_id, first_name, last_name, status) SELECT id, siae_id, 'P' || g, 'N' || g, 'in_parcours' FROM s_people`,
        );
        await m.query(`INSERT INTO candidate_profile (candidate_id, siae_id, pseudonym, commune_code, latitude, longitude, mobility_radius_km, available_from, shared_with_collective)
          SELECT id, siae_id, 'P' || g || ' N.', code, latitude, longitude, radius, CASE WHEN g % 4 = 0 THEN NULL ELSE DATE '2026-11-01' + (g % 90) END, consent FROM s_people`);
        // One consent in five names only a collective the viewer is not in (as if the SIAE had joined the viewer's
        // collective after it was recorded): partners must not see those, the own SIAE still does.
        await m.query(
          `INSERT INTO candidate_consent (candidate_id, scope, given_at, wording, collective_ids)
           SELECT id, 'collective', now(), 'Consentement (test).',
                  CASE WHEN random() < 0.2 THEN ARRAY[gen_random_uuid()]
                       ELSE (SELECT array_agg(cm.collective_id) FROM collective_membership cm WHERE cm.siae_id = s_people.siae_id AND cm.status = 'active') END
             FROM s_people WHERE consent`,
        );
        await m.query(`INSERT INTO candidate_target_job (candidate_id, ogr_code, fiche_code, domain_code, experience_level, siae_id, latitude, longitude, shared_with_collective)
          SELECT DISTINCT ON (p.id, a.code) p.id, a.code, a.fiche_code, a.domain_code, 'beginner', p.siae_id, p.latitude, p.longitude, p.consent
            FROM s_people p CROSS JOIN LATERAL generate_series(1, 1 + (p.g % 3)) k
            JOIN s_apps a ON a.i = 1 + floor(random() * (SELECT count(*) FROM s_apps) + k * 0)::int`);
        await m.query(
          `CREATE TEMP TABLE s_companies ON COMMIT DROP AS
          SELECT g, gen_random_uuid() AS id, (ARRAY[$1::uuid, $2::uuid, $3::uuid])[1 + g % 3] AS siae_id FROM generate_series(1, 60) g`,
          [siaeA.id, siaeP.id, siaeQ.id],
        );
        await m.query(
          `INSERT INTO company (id, siae_id, name) SELECT id, siae_id, 'Entreprise ' || g FROM s_companies`,
        );
        await m.query(`INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at)
          SELECT c.id, m.collective_id, false, now() FROM s_companies c JOIN collective_membership m ON m.siae_id = c.siae_id WHERE c.g % 2 = 0`);
        // Shares the rule must refuse: withdrawn ones, and shares with c1 of an SIAE that is not (or no longer) a member of it.
        await m.query(
          `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at)
          SELECT c.id, $1, false, now() FROM s_companies c WHERE c.siae_id = $2 AND c.g % 4 = 1`,
          [c1Id, siaeQ.id],
        );
        await m.query(
          `UPDATE company_share SET withdrawn_at = now() WHERE company_id IN (SELECT id FROM s_companies WHERE g % 8 = 0)`,
        );
        await m.query(`INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, place_commune_code, status, confirmed_at)
          SELECT c.id, a.code, 1, 'cdd', CASE WHEN n % 9 = 0 THEN NULL ELSE co.code END, CASE WHEN n % 11 = 0 THEN 'filled' ELSE 'open' END, now()
            FROM generate_series(1, 300) n
            JOIN s_companies c ON c.g = 1 + (n * 7) % 60
            JOIN s_apps a ON a.i = 1 + floor(random() * (SELECT count(*) FROM s_apps) + n * 0)::int
            JOIN s_communes co ON co.i = 1 + floor(random() * (SELECT count(*) FROM s_communes) + n * 0)::int`);
      });
      needIds = (
        await t.dataSource.query(
          `SELECT n.id FROM hiring_need n JOIN company c ON c.id = n.company_id WHERE c.siae_id = $1 AND n.status = 'open' ORDER BY md5(n.id::text) LIMIT 25`,
          [siaeA.id],
        )
      ).map((r: { id: string }) => r.id);
      ownCandidateIds = (
        await t.dataSource.query(
          `SELECT candidate_id FROM candidate_profile WHERE siae_id = $1 ORDER BY md5(candidate_id::text) LIMIT 25`,
          [siaeA.id],
        )
      ).map((r: { candidate_id: string }) => r.candidate_id);
    });

    /** The fiches a need's list covers, by the rule in words: the need's domain, or a fiche related either way. */
    const FICHE_RULE = `(tj.domain_code = left($2::varchar, 3) OR tj.fiche_code IN (SELECT related_code FROM rome_related WHERE fiche_code = $2 UNION SELECT fiche_code FROM rome_related WHERE related_code = $2))`;

    it.each([10, 30, 60])(
      'candidates for a need within %i km: the same set as earthdistance + visibility + consent rows',
      async (radiusKm) => {
        let compared = 0;
        for (const needId of needIds) {
          const need = await loadVisibleNeed(t.dataSource.manager, viewer, needId);
          expect(need).not.toBeNull();
          const got = (await prefilterCandidates(t.dataSource.manager, viewer, need!.snapshot, ref, { radiusKm }))
            .map((h) => h.snapshot.id)
            .sort();
          const place = need!.snapshot.location;
          const expected: Array<{ candidate_id: string }> = await t.dataSource.query(
            `SELECT DISTINCT p.candidate_id FROM candidate_profile p JOIN candidate_target_job tj ON tj.candidate_id = p.candidate_id
            WHERE p.siae_id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM candidate_consent cc WHERE cc.candidate_id = p.candidate_id AND cc.scope = 'collective' AND cc.withdrawn_at IS NULL
                                                            AND (p.siae_id = ANY($6::uuid[]) OR cc.collective_ids && $7::uuid[]))
              AND ${FICHE_RULE}
              AND ($3::float8 IS NULL OR (earth_distance(ll_to_earth($3, $4), ll_to_earth(p.latitude, p.longitude)) <= $5 * 1000
                                        AND earth_distance(ll_to_earth($3, $4), ll_to_earth(p.latitude, p.longitude)) <= p.mobility_radius_km * 1000))
            ORDER BY 1`,
            [
              viewer.candidateSiaeIds,
              need!.snapshot.ficheCode,
              place?.latitude ?? null,
              place?.longitude ?? null,
              radiusKm,
              viewer.ownSiaeIds,
              viewer.memberCollectiveIds,
            ],
          );
          expect(got).toEqual(expected.map((e) => e.candidate_id));
          compared += got.length;
        }
        // The comparison is not vacuous: at 30 and 60 km the lists hold more candidates than there are needs. At 10 km the
        // random draw can leave every list empty (55 to 142 candidates in 7 runs, then 0 once in CI on 2026-12-06): the
        // sets are still compared, but the wider radii are what prove the comparison reads candidates.
        if (radiusKm >= 30) expect(compared).toBeGreaterThan(needIds.length);
      },
    );

    it.each([undefined, 8, 40])(
      'needs for a candidate within %s km (default: their own radius): the same set as earthdistance + visibility',
      async (radius) => {
        let compared = 0;
        for (const candidateId of ownCandidateIds) {
          const found = await loadOwnCandidate(t.dataSource.manager, viewer, candidateId);
          if (found.status !== 'ok') throw new Error(found.status);
          const c = found.snapshot;
          const radiusKm = radius ?? c.mobilityRadiusKm;
          const got = (
            await loadNeedsOfCandidate(t.dataSource.manager, viewer, c, ref, {
              radiusKm,
              today: new Date().toISOString().slice(0, 10),
            })
          ).open
            .map((h) => h.snapshot.id)
            .sort();
          const fiches = c.targetJobs.map((j) => j.ficheCode);
          const expected: Array<{ id: string }> = await t.dataSource.query(
            `SELECT n.id FROM hiring_need n JOIN company co ON co.id = n.company_id JOIN rome_appellation a ON a.code = n.appellation_code LEFT JOIN commune cm ON cm.code = n.place_commune_code
            WHERE n.status = 'open'
              AND (left(a.fiche_code, 3) = ANY(SELECT left(x, 3) FROM unnest($1::varchar[]) x)
                   OR a.fiche_code IN (SELECT related_code FROM rome_related WHERE fiche_code = ANY($1::bpchar[]) UNION SELECT fiche_code FROM rome_related WHERE related_code = ANY($1::bpchar[])))
              AND (n.place_commune_code IS NULL OR earth_distance(ll_to_earth($2, $3), ll_to_earth(cm.latitude, cm.longitude)) <= $4 * 1000)
              AND (co.siae_id = $5 OR EXISTS (SELECT 1 FROM company_share s JOIN collective_membership om ON om.collective_id = s.collective_id AND om.siae_id = co.siae_id AND om.status = 'active'
                                              WHERE s.company_id = co.id AND s.withdrawn_at IS NULL AND s.collective_id = ANY($6::uuid[])))
            ORDER BY 1`,
            [fiches, c.location.latitude, c.location.longitude, radiusKm, siaeA.id, viewer.memberCollectiveIds],
          );
          expect(got).toEqual(expected.map((e) => e.id));
          compared += got.length;
        }
        expect(compared).toBeGreaterThan(0);
      },
    );
  });
});
