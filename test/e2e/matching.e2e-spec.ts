/**
 * Matching through HTTP: who may appear (consent, collective), what is said (scores, reasons, no identity), in which
 * order, and what other tenants and bad input get. Companies, needs and shares are inserted in SQL (their tables are
 * migrated; the employer-network routes are not what is under test here); candidates go through the real API.
 */
import { CandidateFixtures, communes, rome } from '../support/candidate-fixtures';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';

const commisEtage = '12764'; // G1501, related to K2204 in rome_related (score 0.3069)
const laveurCarreaux = '16165'; // K2202: same domain as K2204, not related

describe('matching (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let cf: CandidateFixtures;
  let siaeA: Siae;
  let siaeP: Siae;
  let siaeQ: Siae;
  let devA: User;
  let cipA: User;
  let cipP: User;
  let devP: User;
  let cipQ: User;
  let devB: User;
  let cipB: User;
  let c1: string;
  // Signed in once in beforeAll, so that a request can be built synchronously (and `.expect` chained on it).
  const tokens = new Map<string, string>();
  const auth = (u: User) => `Bearer ${tokens.get(u.id)}`;

  async function company(siae: Siae, name: string, sharedWith: string[] = []): Promise<string> {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO company (siae_id, name, commune_code) VALUES ($1, $2, '69123') RETURNING id`,
      [siae.id, name],
    );
    for (const collectiveId of sharedWith)
      await t.dataSource.query(
        `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at) VALUES ($1, $2, false, now())`,
        [id, collectiveId],
      );
    return id as string;
  }

  async function need(
    companyId: string,
    appellation: string,
    place: string | null = communes.lyon,
    accommodations = ['beginner_french', 'no_driving_licence'],
    status = 'open',
  ): Promise<string> {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, weekly_hours, place_commune_code, accommodations, status, confirmed_at)
       VALUES ($1, $2, 1, 'cdd', 35, $3, $4::varchar[], $5, now()) RETURNING id`,
      [companyId, appellation, place, accommodations, status],
    );
    return id as string;
  }

  const candidatesFor = (needId: string, as: User, query: Record<string, string | number> = {}) =>
    t.http().get(`/api/hiring-needs/${needId}/matches`).query(query).set('authorization', auth(as));

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    cf = new CandidateFixtures(t, f);
    [siaeA, siaeP, siaeQ] = [await f.siae(), await f.siae(), await f.siae()];
    const siaeB = await f.siae();
    const collective1 = await f.collective();
    const collective2 = await f.collective();
    c1 = collective1.id;
    await f.collectiveMember(collective1, siaeA);
    await f.collectiveMember(collective1, siaeP);
    await f.collectiveMember(collective2, siaeQ);
    await f.collectiveMember(collective2, siaeB);
    devA = await f.member(siaeA, 'charge_dev');
    cipA = await f.member(siaeA, 'cip');
    cipP = await f.member(siaeP, 'cip');
    devP = await f.member(siaeP, 'charge_dev');
    cipQ = await f.member(siaeQ, 'cip');
    devB = await f.member(siaeB, 'charge_dev');
    cipB = await f.member(siaeB, 'cip');
    for (const u of [devA, cipA, cipP, devP, cipQ, devB, cipB]) tokens.set(u.id, await f.tokenFor(u));
  });
  afterAll(() => t.close());

  describe('candidates for a need', () => {
    let needA: string;
    const ids: Record<string, string> = {};
    const consents: Record<string, string> = {};

    beforeAll(async () => {
      needA = await need(await company(siaeA, 'Nettoyage Rhône'), rome.agentPropreteLocaux);
      const job = (ogrCode: string) => ({ targetJobs: [{ ogrCode, experienceLevel: 'experienced' }] });
      // All in Villeurbanne (≈ 4.4 km from Lyon) unless told: only the job relation differs between them.
      ids.sameFiche = (
        await cf.newCandidate(cipP, siaeP.id, { profile: job(rome.agentPropreteLocaux), consent: true })
      ).id;
      ids.sameFicheFar = (
        await cf.newCandidate(cipP, siaeP.id, {
          profile: { ...job(rome.agentPropreteLocaux), communeCode: communes.venissieux },
          consent: true,
        })
      ).id;
      ids.related = (await cf.newCandidate(cipA, siaeA.id, { profile: job(commisEtage), consent: true })).id;
      ids.sameDomain = (await cf.newCandidate(cipP, siaeP.id, { profile: job(laveurCarreaux), consent: true })).id;
      ids.unrelated = (await cf.newCandidate(cipP, siaeP.id, { profile: job(rome.macon), consent: true })).id;
      ids.noConsent = (await cf.newCandidate(cipP, siaeP.id, { profile: job(rome.agentPropreteLocaux) })).id;
      ids.ownNoConsent = (await cf.newCandidate(cipA, siaeA.id, { profile: job(rome.agentPropreteLocaux) })).id;
      ids.otherCollective = (
        await cf.newCandidate(cipQ, siaeQ.id, { profile: job(rome.agentPropreteLocaux), consent: true })
      ).id;
      ids.outOfRadius = (
        await cf.newCandidate(cipP, siaeP.id, {
          profile: { ...job(rome.agentPropreteLocaux), communeCode: communes.villefranche, mobilityRadiusKm: 10 },
          consent: true,
        })
      ).id;
      const withdrawable = await cf.newCandidate(cipP, siaeP.id, { profile: job(rome.agentPropreteLocaux) });
      ids.withdrawable = withdrawable.id;
      consents.withdrawable = await cf.consent(cipP, withdrawable.id);
    });

    it('ranks same fiche > related fiche > same domain, closer first, and only consenting candidates of the caller’s collectives', async () => {
      const res = await candidatesFor(needA, devA, { radiusKm: 60 }).expect(200);
      const order = res.body.items.map(
        (i: { candidateId: string }) =>
          Object.entries(ids).find(([, id]) => id === i.candidateId)?.[0] ?? i.candidateId,
      );
      // `withdrawable` is the same as `sameFiche` (same commune, same job): their tie is broken by id.
      expect(order.slice(0, 3).sort()).toEqual(['sameFiche', 'withdrawable', 'sameFicheFar'].sort());
      expect(order.indexOf('sameFicheFar')).toBe(2);
      expect(order.slice(3)).toEqual(['related', 'sameDomain']);
      for (const hidden of ['noConsent', 'ownNoConsent', 'otherCollective', 'unrelated', 'outOfRadius'])
        expect(order).not.toContain(hidden);
      // Villefranche is beyond its candidate's own 10 km: the SQL pre-filter already leaves it out (not even counted).
      expect(res.body).toMatchObject({ total: 5, excludedCount: 0, offset: 0, limit: 20, weights: 'default' });

      const [best] = res.body.items;
      expect(best.score).toBeGreaterThan(0);
      expect(best.components.map((c: { key: string }) => c.key)).toEqual(
        expect.arrayContaining(['job', 'distance', 'availability']),
      );
      for (const c of best.components) expect(c.reason).toMatch(/[a-zéèàç]/i);
      expect(best.components.find((c: { key: string }) => c.key === 'job').points).toBe(35);
      expect(res.body.items[3].components.find((c: { key: string }) => c.key === 'job').reason).toMatch(/connexe/i);
      // A pseudonym and a commune; never a name, an email or a phone.
      expect(Object.keys(best).sort()).toEqual(
        [
          'candidateId',
          'commune',
          'components',
          'distanceKm',
          'maxScore',
          'mine',
          'normalizedScore',
          'pseudonym',
          'score',
        ].sort(),
      );
      const text = JSON.stringify(res.body);
      // A phone as the fixtures write it (06 and four pairs): a bare "06 " also matched a pseudonym whose random tag ends
      // in 06 ("Prénomab1206 N."), one run in fifty.
      expect(text).not.toMatch(/@exemple\.fr|Nom[0-9a-f]{6}|\b06( \d{2}){4}\b/);
      expect(res.body.items.find((i: { candidateId: string }) => i.candidateId === ids.related).mine).toBe(true);
    });

    it('drops a candidate at once when the consent is withdrawn', async () => {
      const before = await candidatesFor(needA, devA).expect(200);
      expect(before.body.items.map((i: { candidateId: string }) => i.candidateId)).toContain(ids.withdrawable);
      await t
        .http()
        .post(`/api/candidates/${ids.withdrawable}/consents/${consents.withdrawable}/withdraw`)
        .set('authorization', auth(cipP))
        .expect(200);
      const after = await candidatesFor(needA, devA).expect(200);
      expect(after.body.items.map((i: { candidateId: string }) => i.candidateId)).not.toContain(ids.withdrawable);
    });

    it('never ranks a candidate whose sharing flag says yes without an active consent row (a bug elsewhere must not leak)', async () => {
      const before = await candidatesFor(needA, devA, { radiusKm: 60 }).expect(200);
      await t.dataSource.query(`UPDATE candidate_profile SET shared_with_collective = true WHERE candidate_id = $1`, [
        ids.noConsent,
      ]);
      try {
        const after = await candidatesFor(needA, devA, { radiusKm: 60 }).expect(200);
        expect(after.body.items.map((i: { candidateId: string }) => i.candidateId)).not.toContain(ids.noConsent);
        expect(after.body.total).toBe(before.body.total);
      } finally {
        await t.dataSource.query(
          `UPDATE candidate_profile SET shared_with_collective = false WHERE candidate_id = $1`,
          [ids.noConsent],
        );
      }
    });

    it('filters by domain, minimum score and radius, and pages without overlap', async () => {
      const domain = await candidatesFor(needA, devA, { domain: 'G15' }).expect(200);
      expect(domain.body.items.map((i: { candidateId: string }) => i.candidateId)).toEqual([ids.related]);
      const all = await candidatesFor(needA, devA).expect(200);
      const min = all.body.items[1].score;
      const strong = await candidatesFor(needA, devA, { minScore: min }).expect(200);
      expect(strong.body.items.every((i: { score: number }) => i.score >= min)).toBe(true);
      expect(strong.body.total).toBe(all.body.items.filter((i: { score: number }) => i.score >= min).length);
      // Vénissieux is ≈ 7 km from Lyon, Villeurbanne ≈ 4.4 km.
      const near = await candidatesFor(needA, devA, { radiusKm: 5 }).expect(200);
      expect(near.body.items.map((i: { candidateId: string }) => i.candidateId)).not.toContain(ids.sameFicheFar);
      const p1 = await candidatesFor(needA, devA, { limit: 2 }).expect(200);
      const p2 = await candidatesFor(needA, devA, { limit: 2, offset: 2 }).expect(200);
      expect([...p1.body.items, ...p2.body.items].map((i: { candidateId: string }) => i.candidateId)).toEqual(
        all.body.items.slice(0, 4).map((i: { candidateId: string }) => i.candidateId),
      );
    });

    it('lets a partner SIAE see the candidates for a need shared with their collective, and nobody else', async () => {
      const sharedNeed = await need(await company(siaeA, 'Propreté partagée', [c1]), rome.agentPropreteLocaux);
      const privateNeed = await need(await company(siaeA, 'Propreté privée'), rome.agentPropreteLocaux);
      const seen = await candidatesFor(sharedNeed, devP).expect(200);
      // P sees its own consenting candidates and A's, never Q's.
      expect(seen.body.items.map((i: { candidateId: string }) => i.candidateId)).toContain(ids.sameFiche);
      expect(seen.body.items.map((i: { candidateId: string }) => i.candidateId)).not.toContain(ids.otherCollective);
      expect((await candidatesFor(privateNeed, devP).expect(404)).body.code).toBe('HIRING_NEED_NOT_FOUND');
      expect((await candidatesFor(needA, devB).expect(404)).body.code).toBe('HIRING_NEED_NOT_FOUND');
      expect((await candidatesFor(sharedNeed, cipB).expect(404)).body.code).toBe('HIRING_NEED_NOT_FOUND');
    });

    it('answers 409 for a need no longer open', async () => {
      const filled = await need(await company(siaeA, 'Pourvu'), rome.agentPropreteLocaux, communes.lyon, [], 'filled');
      expect((await candidatesFor(filled, devA).expect(409)).body.code).toBe('HIRING_NEED_NOT_OPEN');
    });

    it('refuses bad input with a code, before any query', async () => {
      expect(
        (await t.http().get('/api/hiring-needs/not-a-uuid/matches').set('authorization', auth(devA)).expect(400)).body
          .code,
      ).toBe('INVALID_ID');
      for (const query of <Array<Record<string, string | number>>>[
        { limit: 101 },
        { limit: 0 },
        { offset: -1 },
        { radiusKm: 0 },
        { radiusKm: 500 },
        { domain: 'k22' },
        { minScore: 'beaucoup' },
        { availableBy: '2027-13-01' },
        { colour: 'bleu' },
      ]) {
        const res = await candidatesFor(needA, devA, query).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await candidatesFor(needA, devA, { domain: 'Z99' }).expect(400)).body.code).toBe('UNKNOWN_DOMAIN');
    });

    it('scores a profile as it is now: a change is seen by the very next request, never an earlier snapshot', async () => {
      const { id } = await cf.newCandidate(cipP, siaeP.id, {
        profile: { targetJobs: [{ ogrCode: laveurCarreaux, experienceLevel: 'beginner' }] },
        consent: true,
      });
      const item = async () =>
        (await candidatesFor(needA, devA).expect(200)).body.items.find(
          (i: { candidateId: string }) => i.candidateId === id,
        );
      const jobPoints = async () => (await item()).components.find((c: { key: string }) => c.key === 'job').points;
      expect(await jobPoints()).toBe(14);
      const put = (profile: Record<string, unknown>) =>
        t
          .http()
          .put(`/api/candidates/${id}/profile`)
          .set('authorization', auth(cipP))
          .send({
            communeCode: communes.villeurbanne,
            mobilityRadiusKm: 15,
            transportMeans: ['public_transport'],
            skills: [],
            softSkills: [],
            targetJobs: [{ ogrCode: laveurCarreaux, experienceLevel: 'beginner' }],
            ...profile,
          })
          .expect(200);
      await put({ targetJobs: [{ ogrCode: rome.agentPropreteLocaux, experienceLevel: 'beginner' }] });
      expect(await jobPoints()).toBe(35);
      const before = (await item()).components.find((c: { key: string }) => c.key === 'contractEnd').points;
      await t
        .http()
        .patch(`/api/candidates/${id}`)
        .set('authorization', auth(cipP))
        .send({ contractEnd: new Date().toISOString().slice(0, 10) })
        .expect(200);
      expect((await item()).components.find((c: { key: string }) => c.key === 'contractEnd').points).toBeGreaterThan(
        before,
      );
      // Moved beyond its own radius: no longer a candidate for this need at all.
      await put({
        targetJobs: [{ ogrCode: rome.agentPropreteLocaux, experienceLevel: 'beginner' }],
        communeCode: communes.villefranche,
        mobilityRadiusKm: 10,
      });
      expect(await item()).toBeUndefined();
    });
  });

  describe('needs for a candidate', () => {
    let candidateId: string;
    const needs: Record<string, string> = {};

    beforeAll(async () => {
      candidateId = (
        await cf.newCandidate(cipA, siaeA.id, {
          profile: { targetJobs: [{ ogrCode: rome.agentPropreteLocaux, experienceLevel: 'beginner' }] },
        })
      ).id;
      needs.own = await need(await company(siaeA, 'Entreprise de A'), rome.agentPropreteLocaux);
      needs.sharedByP = await need(await company(siaeP, 'Entreprise de P partagée', [c1]), laveurCarreaux);
      needs.relatedByP = await need(await company(siaeP, 'Hôtel de P', [c1]), commisEtage, communes.villeurbanne);
      needs.notShared = await need(await company(siaeP, 'Entreprise de P non partagée'), rome.agentPropreteLocaux);
      needs.ofQ = await need(await company(siaeQ, 'Entreprise de Q'), rome.agentPropreteLocaux);
      needs.closed = await need(
        await company(siaeA, 'Entreprise fermée'),
        rome.agentPropreteLocaux,
        communes.lyon,
        [],
        'closed',
      );
      needs.unrelated = await need(await company(siaeA, 'BTP de A'), rome.macon);
      needs.tooFar = await need(await company(siaeA, 'Loin'), rome.agentPropreteLocaux, communes.villefranche);
      needs.licence = await need(await company(siaeA, 'Permis exigé'), rome.agentPropreteLocaux, communes.lyon, [
        'beginner_french',
      ]);
    });

    it('lists the open needs the candidate’s SIAE may see, best first, with the company and why', async () => {
      const res = await t
        .http()
        .get(`/api/candidates/${candidateId}/matches`)
        .set('authorization', auth(cipA))
        .expect(200);
      const order = res.body.items.map(
        (i: { needId: string }) => Object.entries(needs).find(([, id]) => id === i.needId)?.[0],
      );
      // Needs of the other tests (same SIAE A, same job) rank among these: only this test's are named here.
      expect(order.filter(Boolean)).toEqual(['own', 'relatedByP', 'sharedByP']);
      // The licence the candidate does not hold excludes; Villefranche is beyond the 15 km the search uses.
      expect(res.body.excludedCount).toBe(1);
      const own = res.body.items.find((i: { needId: string }) => i.needId === needs.own);
      expect(own).toMatchObject({
        company: { name: 'Entreprise de A' },
        appellation: { code: rome.agentPropreteLocaux },
        place: { code: communes.lyon },
        contractType: 'cdd',
        weeklyHours: 35,
      });
      for (const c of own.components) expect(c.reason).toMatch(/[a-zéèàç]/i);
    });

    it('reads a need as it is now: a change of the need or of its sharing is seen by the very next request', async () => {
      const companyId = await company(siaeP, 'Entreprise de P, partagée puis retirée', [c1]);
      const needId = await need(companyId, laveurCarreaux, communes.villeurbanne);
      const item = async () =>
        (
          await t.http().get(`/api/candidates/${candidateId}/matches`).set('authorization', auth(cipA)).expect(200)
        ).body.items.find((i: { needId: string }) => i.needId === needId);
      expect((await item()).components.find((c: { key: string }) => c.key === 'job').points).toBe(14);
      await t.dataSource.query(`UPDATE hiring_need SET appellation_code = $2, weekly_hours = 20 WHERE id = $1`, [
        needId,
        rome.agentPropreteLocaux,
      ]);
      const now = await item();
      expect(now.components.find((c: { key: string }) => c.key === 'job').points).toBe(35);
      expect(now.weeklyHours).toBe(20);
      await t.dataSource.query(`UPDATE hiring_need SET accommodations = '{}' WHERE id = $1`, [needId]);
      // A B licence is now required, which the candidate does not hold: excluded, so not listed.
      expect(await item()).toBeUndefined();
      await t.dataSource.query(
        `UPDATE hiring_need SET accommodations = '{beginner_french,no_driving_licence}' WHERE id = $1`,
        [needId],
      );
      expect(await item()).toBeDefined();
      await t.dataSource.query(`UPDATE company_share SET withdrawn_at = now() WHERE company_id = $1`, [companyId]);
      expect(await item()).toBeUndefined();
    });

    it('is 404 for another SIAE, even one of the same collective, and 400 on bad input', async () => {
      expect(
        (await t.http().get(`/api/candidates/${candidateId}/matches`).set('authorization', auth(cipB)).expect(404)).body
          .code,
      ).toBe('CANDIDATE_NOT_FOUND');
      expect(
        (await t.http().get(`/api/candidates/${candidateId}/matches`).set('authorization', auth(cipP)).expect(404)).body
          .code,
      ).toBe('CANDIDATE_NOT_FOUND');
      expect(
        (
          await t
            .http()
            .get(`/api/candidates/${candidateId}/matches`)
            .query({ limit: 1000 })
            .set('authorization', auth(cipA))
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
    });

    it('lists the pooled companies that could hire the person, by their best need, with whether the budget lets the CIP call now', async () => {
      const c2 = (
        await t.dataSource.query(`SELECT collective_id FROM collective_membership WHERE siae_id = $1`, [siaeQ.id])
      )[0].collective_id as string;
      const pooled = async (
        collectiveId: string,
        name: string,
        companyIds: string[],
        pausedUntil: string | null = null,
      ): Promise<string> => {
        const [{ id }] = await t.dataSource.query(
          `INSERT INTO pooled_company (collective_id, display_name, commune_code, paused_until) VALUES ($1, $2, '69123', $3) RETURNING id`,
          [collectiveId, name, pausedUntil],
        );
        for (const companyId of companyIds)
          await t.dataSource.query(
            `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
            [id, collectiveId, companyId],
          );
        return id as string;
      };
      // Known by A and P, an open need for the trade and a past one.
      const acmeA = await company(siaeA, 'Acme Propreté (fiche de A)', [c1]);
      const acmeP = await company(siaeP, 'ACME PROPRETE (fiche de P)', [c1]);
      await need(acmeA, rome.agentPropreteLocaux);
      await need(acmeP, rome.agentPropreteLocaux, communes.lyon, undefined, 'filled');
      const acme = await pooled(c1, 'Acme Propreté', [acmeA, acmeP]);
      // Hired for the trade eight months ago, nothing open; called this week (the default budget allows 1 per 7 days).
      const hotel = await company(siaeP, 'Hôtel Bellecour', [c1]);
      const filled = await need(hotel, rome.agentPropreteLocaux, communes.lyon, undefined, 'filled');
      await t.dataSource.query(`UPDATE hiring_need SET closed_at = now() - interval '8 months' WHERE id = $1`, [
        filled,
      ]);
      const bellecour = await pooled(c1, 'Hôtel Bellecour', [hotel]);
      await t.dataSource.query(
        `INSERT INTO solicitation (pooled_company_id, collective_id, siae_id, kind, occurred_at) VALUES ($1, $2, $3, 'candidate_proposal', now() - interval '2 days')`,
        [bellecour, c1, siaeP.id],
      );
      // Paused by the company until next year.
      const pausedCo = await company(siaeP, 'Nettoyage en pause', [c1]);
      await need(pausedCo, rome.agentPropreteLocaux);
      const paused = await pooled(c1, 'Nettoyage en pause', [pausedCo], '2099-01-01');
      // Not listed: a need filled three years ago, a company of another collective, a trade the person does not aim at.
      const old = await company(siaeP, 'Ancien client', [c1]);
      const oldNeed = await need(old, rome.agentPropreteLocaux, communes.lyon, undefined, 'filled');
      await t.dataSource.query(`UPDATE hiring_need SET closed_at = now() - interval '3 years' WHERE id = $1`, [
        oldNeed,
      ]);
      const oldPooled = await pooled(c1, 'Ancien client', [old]);
      const qCompany = await company(siaeQ, 'Entreprise de Q mutualisée', [c2]);
      await need(qCompany, rome.agentPropreteLocaux);
      const ofQ = await pooled(c2, 'Entreprise de Q mutualisée', [qCompany]);
      const mason = await company(siaeP, 'Maçonnerie', [c1]);
      await need(mason, rome.macon);
      const masonry = await pooled(c1, 'Maçonnerie', [mason]);

      const res = await t
        .http()
        .get(`/api/candidates/${candidateId}/matches`)
        .set('authorization', auth(cipA))
        .expect(200);
      const byId = new Map<string, Record<string, unknown>>(
        res.body.companies.items.map((i: { pooledCompanyId: string }) => [i.pooledCompanyId, i]),
      );
      expect(byId.get(acme)).toMatchObject({
        name: 'Acme Propreté',
        knownBySiae: 2,
        openNeeds: 1,
        bestNeed: { status: 'open', appellation: { code: rome.agentPropreteLocaux } },
      });
      expect(byId.get(acme)!.solicitation).toMatchObject({
        last30Days: 0,
        maxPer30Days: 4,
        maxPer7Days: 1,
        contactableNow: true,
      });
      expect(byId.get(bellecour)).toMatchObject({
        openNeeds: 0,
        bestNeed: { needId: filled, status: 'filled' },
        solicitation: { last7Days: 1, contactableNow: false },
      });
      expect(byId.get(paused)).toMatchObject({
        openNeeds: 1,
        solicitation: { pausedUntil: '2099-01-01', contactableNow: false },
      });
      for (const absent of [oldPooled, ofQ, masonry]) expect(byId.has(absent)).toBe(false);
      expect(res.body.companies.total).toBe(res.body.companies.items.length);
      // Best first: scores never increase down the list.
      const scores = res.body.companies.items.map((i: { bestNeed: { score: number } }) => i.bestNeed.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    });

    it('ranks with the collective’s weights and boosts a contract ending soon, in both lists alike', async () => {
      const coordinator = await f.coordinator({ id: c1 } as never);
      const ending = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
      const person = await cf.newCandidate(cipA, siaeA.id, {
        identity: { contractEnd: ending },
        profile: {
          communeCode: communes.lyon,
          targetJobs: [{ ogrCode: rome.agentPropreteLocaux, experienceLevel: 'beginner' }],
        },
        consent: true,
      });
      const needId = await need(await company(siaeA, 'Propreté Bellecour'), rome.agentPropreteLocaux);
      const componentOf = (
        items: Array<{ components: Array<{ key: string; points: number; maxPoints: number }> }>,
        key: string,
      ) => items[0].components.find((c) => c.key === key)!;

      const before = await t
        .http()
        .get(`/api/candidates/${person.id}/matches`)
        .set('authorization', auth(cipA))
        .expect(200);
      expect(before.body).toMatchObject({ weights: 'default', weightsCollectiveId: c1 });
      const mine = before.body.items.filter((i: { needId: string }) => i.needId === needId);
      // 20 days before the end of a 90-day window: 7 × 70/90 points.
      expect(componentOf(mine, 'contractEnd').points).toBeCloseTo((7 * 70) / 90, 0);
      const forNeed = await candidatesFor(needId, cipA).expect(200);
      const same = forNeed.body.items.filter((i: { candidateId: string }) => i.candidateId === person.id);
      expect(same[0].score).toBe(mine[0].score);

      const put = await t
        .http()
        .put(`/api/collectives/${c1}/matching-weights`)
        .set('authorization', `Bearer ${await f.tokenFor(coordinator)}`)
        .send({ overrides: { contractEnd: { max: 20 }, distance: { max: 0 } } });
      expect(put.status).toBe(200);
      const after = await t
        .http()
        .get(`/api/candidates/${person.id}/matches`)
        .set('authorization', auth(cipA))
        .expect(200);
      expect(after.body).toMatchObject({ weights: 'collective', weightsCollectiveId: c1 });
      const mineAfter = after.body.items.filter((i: { needId: string }) => i.needId === needId);
      expect(componentOf(mineAfter, 'contractEnd')).toMatchObject({ maxPoints: 20 });
      expect(componentOf(mineAfter, 'contractEnd').points).toBeCloseTo((20 * 70) / 90, 0);
      expect(componentOf(mineAfter, 'distance')).toMatchObject({ points: 0, maxPoints: 0 });
      const forNeedAfter = await candidatesFor(needId, cipA, { collectiveId: c1 }).expect(200);
      expect(forNeedAfter.body.weights).toBe('collective');
      expect(forNeedAfter.body.items.find((i: { candidateId: string }) => i.candidateId === person.id).score).toBe(
        mineAfter[0].score,
      );

      // A collective the caller's SIAE is not in: refused, not silently replaced by the defaults.
      const c2 = (
        await t.dataSource.query(`SELECT collective_id FROM collective_membership WHERE siae_id = $1`, [siaeQ.id])
      )[0].collective_id as string;
      expect((await candidatesFor(needId, cipA, { collectiveId: c2 }).expect(400)).body.code).toBe(
        'COLLECTIVE_NOT_MEMBER',
      );
      await t
        .http()
        .put(`/api/collectives/${c1}/matching-weights`)
        .set('authorization', `Bearer ${await f.tokenFor(coordinator)}`)
        .send({ overrides: {} })
        .expect(200);
    });

    it('says a candidate without a profile has to be completed first', async () => {
      const bare = await cf.newCandidate(cipA, siaeA.id, { profile: null });
      expect(
        (await t.http().get(`/api/candidates/${bare.id}/matches`).set('authorization', auth(devA)).expect(409)).body
          .code,
      ).toBe('CANDIDATE_WITHOUT_PROFILE');
    });

    // Last of the file: SIAE A joins a second collective.
    it('lists a company pooled in two of the caller’s collectives once per pooled company, its need once', async () => {
      const c2 = (
        await t.dataSource.query(`SELECT collective_id FROM collective_membership WHERE siae_id = $1`, [siaeQ.id])
      )[0].collective_id as string;
      await f.collectiveMember({ id: c2 } as never, siaeA);
      const companyId = await company(siaeP, 'Propreté des deux collectifs', [c1]);
      await t.dataSource.query(
        `INSERT INTO collective_membership (collective_id, siae_id, status, joined_at) VALUES ($1, $2, 'active', now())`,
        [c2, siaeP.id],
      );
      await t.dataSource.query(
        `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at) VALUES ($1, $2, false, now())`,
        [companyId, c2],
      );
      const needId = await need(companyId, rome.agentPropreteLocaux);
      const pooledIds: string[] = [];
      for (const collectiveId of [c1, c2]) {
        const [{ id }] = await t.dataSource.query(
          `INSERT INTO pooled_company (collective_id, display_name, commune_code) VALUES ($1, 'Propreté des deux collectifs', '69123') RETURNING id`,
          [collectiveId],
        );
        await t.dataSource.query(
          `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
          [id, collectiveId, companyId],
        );
        pooledIds.push(id as string);
      }
      const res = await t
        .http()
        .get(`/api/candidates/${candidateId}/matches`)
        .set('authorization', auth(cipA))
        .expect(200);
      expect(res.body.items.filter((i: { needId: string }) => i.needId === needId)).toHaveLength(1);
      const listed = res.body.companies.items.filter((i: { pooledCompanyId: string }) =>
        pooledIds.includes(i.pooledCompanyId),
      );
      expect(listed.map((i: { bestNeed: { needId: string } }) => i.bestNeed.needId)).toEqual([needId, needId]);
      // Two collectives and none chosen: the defaults rank, and the answer says so.
      expect(res.body).toMatchObject({ weights: 'default', weightsCollectiveId: null });
    });
  });
});
