import { FixedClock } from '../../src/platform/clock/clock';
import type { User } from '../../src/platform/auth/user.entity';
import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { withWriteBarrier } from '../support/write-barrier';

const APPELLATION = '10571'; // K2204 Agent / Agente de propreté de locaux

describe('employer network: visibility, sharing, pooling, corrections, solicitation budget, needs expiry', () => {
  let t: TestApp;
  let f: Fixtures;
  // an hour ahead: the outbox relay publishes rows whose availability (database time, now()) the clock has reached
  const clock = new FixedClock(new Date(Date.now() + 3_600_000));
  const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  let siaeA: Siae, siaeB: Siae, siaeOut: Siae;
  let devA: User, cipA: User, devB: User, devOut: User, coordinator: User;
  let collective: Collective;
  const tokens = new Map<string, string>();
  const auth = async (u: User) => {
    if (!tokens.has(u.id)) tokens.set(u.id, await f.tokenFor(u));
    return `Bearer ${tokens.get(u.id)}`;
  };
  const api = () => t.http();
  /** Moves the clock on; sessions expire with it, so everybody signs in again. */
  const advanceDays = (days: number) => {
    clock.advance(days * 86_400_000);
    tokens.clear();
  };

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true, clock });
    f = new Fixtures(t);
    [siaeA, siaeB, siaeOut] = await Promise.all([f.siae(), f.siae(), f.siae()]);
    collective = await f.collective();
    await f.collectiveMember(collective, siaeA);
    await f.collectiveMember(collective, siaeB);
    [devA, cipA, devB, devOut] = await Promise.all([
      f.member(siaeA, 'charge_dev'),
      f.member(siaeA, 'cip'),
      f.member(siaeB, 'charge_dev'),
      f.member(siaeOut, 'charge_dev'),
    ]);
    coordinator = await f.coordinator(collective);
  });
  afterAll(() => t.close());

  async function createCompany(user: User, siae: Siae, body: Record<string, unknown>) {
    const res = await api()
      .post('/api/companies')
      .set('Authorization', await auth(user))
      .send({ siaeId: siae.id, ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }
  async function share(user: User, companyId: string, withContacts: boolean) {
    clock.advance(60_000); // who shared first introduced the company: shares must not tie
    const res = await api()
      .post(`/api/companies/${companyId}/shares`)
      .set('Authorization', await auth(user))
      .send({ collectiveId: collective.id, withContacts });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function pooledOf(companyId: string): Promise<string | null> {
    const rows = await t.dataSource.query(`SELECT pooled_company_id FROM pooled_company_member WHERE company_id = $1`, [
      companyId,
    ]);
    return rows[0]?.pooled_company_id ?? null;
  }

  describe('visibility of a company record', () => {
    let withContacts: string, withoutContacts: string;
    beforeAll(async () => {
      withContacts = (
        await createCompany(devA, siaeA, {
          name: 'SARL Transports Garcia et Fils',
          siret: '732 829 320 00074',
          communeCode: '69266',
          contacts: [
            {
              firstName: 'Jean-Pierre',
              lastName: 'Garcia',
              email: 'jp.garcia@transports-garcia.fr',
              phone: '06 12 34 56 78',
            },
          ],
        })
      ).id;
      withoutContacts = (
        await createCompany(devA, siaeA, {
          name: 'Boulangerie Dupont',
          communeCode: '69266',
          contacts: [{ firstName: 'Anne', lastName: 'Dupont', phone: '04 78 00 00 01' }],
        })
      ).id;
      await share(devA, withContacts, true);
      await share(devA, withoutContacts, false);
    });

    it('owner staff see everything, and reading contacts is audited', async () => {
      const res = await api()
        .get(`/api/companies/${withoutContacts}`)
        .set('Authorization', await auth(cipA));
      expect(res.status).toBe(200);
      expect(res.body.mine).toBe(true);
      expect(res.body.contacts).toHaveLength(1);
      const audit = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'company.contacts.read' AND subject_id = $1`,
        [withoutContacts],
      );
      expect(audit[0].n).toBeGreaterThan(0);
    });

    it('collective members see shared records, with contacts only when shared with them', async () => {
      const a = await api()
        .get(`/api/companies/${withContacts}`)
        .set('Authorization', await auth(devB));
      expect(a.status).toBe(200);
      expect(a.body.mine).toBe(false);
      expect(a.body.contacts[0].email).toBe('jp.garcia@transports-garcia.fr');
      expect(a.body.shares).toBeUndefined();
      const b = await api()
        .get(`/api/companies/${withoutContacts}`)
        .set('Authorization', await auth(devB));
      expect(b.status).toBe(200);
      expect(b.body.contacts).toBeNull();
    });

    it('others get 404, and staff of the owner without the role get 403 on writes', async () => {
      expect(
        (
          await api()
            .get(`/api/companies/${withContacts}`)
            .set('Authorization', await auth(devOut))
        ).status,
      ).toBe(404);
      expect(
        (
          await api()
            .patch(`/api/companies/${withContacts}`)
            .set('Authorization', await auth(devB))
            .send({ name: 'X' })
        ).status,
      ).toBe(404);
      const cip = await api()
        .post(`/api/companies/${withContacts}/contacts`)
        .set('Authorization', await auth(cipA))
        .send({ lastName: 'X' });
      expect(cip.status).toBe(403);
      expect((await api().get(`/api/companies/${withContacts}`)).status).toBe(401);
    });

    it('rejects bad input with a code and writes nothing', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM company`);
      const bad = await api()
        .post('/api/companies')
        .set('Authorization', await auth(devA))
        .send({ siaeId: siaeA.id, name: 'X', siret: '12', unknownField: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBeDefined();
      const commune = await api()
        .post('/api/companies')
        .set('Authorization', await auth(devA))
        .send({ siaeId: siaeA.id, name: 'X', communeCode: '99999' });
      expect(commune.status).toBe(400);
      expect(commune.body.code).toBe('UNKNOWN_COMMUNE');
      const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM company`);
      expect(after[0].n).toBe(before[0].n);
    });
  });

  describe('pooling', () => {
    let a1: string, b1: string, b2: string;
    beforeAll(async () => {
      a1 = (
        await createCompany(devA, siaeA, {
          name: 'Nettoyage Express SAS',
          siret: '73282932000116',
          communeCode: '69383',
          address: '5 rue Paul Bert',
          contacts: [{ firstName: 'Sofia', lastName: 'Martin', email: 'S.Martin@nettoyage-express.fr' }],
        })
      ).id;
      b1 = (
        await createCompany(devB, siaeB, {
          name: 'NETTOYAGE EXPRESS',
          communeCode: '69123',
          address: '5 r. Paul Bert',
          contacts: [
            { firstName: 'S.', lastName: 'MARTIN', email: 's.martin@nettoyage-express.fr', phone: '06 98 76 54 32' },
          ],
        })
      ).id;
      b2 = (
        await createCompany(devB, siaeB, {
          name: 'Ets Nettoyage Express',
          communeCode: '69123',
          siret: '73282932000116',
        })
      ).id;
      await share(devA, a1, true);
      await share(devB, b1, true);
      await share(devB, b2, false);
      await t.drainQueues();
    });

    it('links the spellings of one establishment into one pooled company, with its provenance', async () => {
      const p = await pooledOf(a1);
      expect(p).not.toBeNull();
      expect(await pooledOf(b1)).toBe(p);
      expect(await pooledOf(b2)).toBe(p);
      const res = await api()
        .get(`/api/pooled-companies/${p}`)
        .set('Authorization', await auth(devB));
      expect(res.status).toBe(200);
      expect(res.body.introducedBy.siaeId).toBe(siaeA.id);
      expect(res.body.knownBy.map((k: { siaeId: string }) => k.siaeId).sort()).toEqual(
        [siaeA.id, siaeB.id, siaeB.id].sort(),
      );
      // one person known by two SIAE, merged by e-mail
      expect(res.body.contacts).toHaveLength(1);
      expect(res.body.contacts[0].fromCompanyIds.sort()).toEqual([a1, b1].sort());
      expect(
        (
          await api()
            .get(`/api/pooled-companies/${p}`)
            .set('Authorization', await auth(devOut))
        ).status,
      ).toBe(404);
    });

    it('is idempotent: a second run on the same state moves nothing, and shows its progress', async () => {
      const before = await t.dataSource.query(
        `SELECT company_id, pooled_company_id FROM pooled_company_member ORDER BY company_id`,
      );
      const run = await api()
        .post(`/api/collectives/${collective.id}/pooling-runs`)
        .set('Authorization', await auth(coordinator));
      expect(run.status).toBe(202);
      await t.drainQueues();
      const progress = await api()
        .get(`/api/pooling-runs/${run.body.id}`)
        .set('Authorization', await auth(devA));
      expect(progress.status).toBe(200);
      expect(progress.body).toMatchObject({ status: 'done', percent: 100 });
      expect(progress.body.stats).toMatchObject({ moved: 0, created: 0, removed: 0 });
      const after = await t.dataSource.query(
        `SELECT company_id, pooled_company_id FROM pooled_company_member ORDER BY company_id`,
      );
      expect(after).toEqual(before);
      expect(
        (
          await api()
            .get(`/api/pooling-runs/${run.body.id}`)
            .set('Authorization', await auth(devOut))
        ).status,
      ).toBe(404);
    });

    it('a human split survives later runs, and a merge undoes it', async () => {
      const p = await pooledOf(a1);
      const split = await api()
        .post(`/api/pooled-companies/${p}/split`)
        .set('Authorization', await auth(coordinator))
        .send({ companyIds: [b2] });
      expect(split.status).toBe(202);
      await t.drainQueues();
      expect(await pooledOf(b2)).not.toBe(await pooledOf(a1));
      expect(await pooledOf(b1)).toBe(await pooledOf(a1));
      expect(await pooledOf(a1)).toBe(p); // the pooled company keeps its id (and its solicitation log)
      await api()
        .post(`/api/collectives/${collective.id}/pooling-runs`)
        .set('Authorization', await auth(devA))
        .expect(202);
      await t.drainQueues();
      expect(await pooledOf(b2)).not.toBe(await pooledOf(a1));

      const merge = await api()
        .post(`/api/pooled-companies/${p}/merge`)
        .set('Authorization', await auth(devB))
        .send({ otherPooledCompanyId: await pooledOf(b2) });
      expect(merge.status).toBe(202);
      await t.drainQueues();
      expect(await pooledOf(b2)).toBe(await pooledOf(a1));
    });

    it('the directory finds it by name, ROME domain of its needs and commune + radius; reciprocity credits who introduced it', async () => {
      await api()
        .post(`/api/companies/${b1}/needs`)
        .set('Authorization', await auth(devB))
        .send({ appellationCode: APPELLATION, positions: 3, contractType: 'cdd' })
        .expect(201);
      const p = await pooledOf(a1);
      const get = async (query: Record<string, string>) =>
        (
          await api()
            .get(`/api/collectives/${collective.id}/pooled-companies`)
            .query(query)
            .set('Authorization', await auth(devA))
        ).body as Array<{ id: string; openNeeds: number; distanceKm: number | null }>;
      expect((await get({ q: 'nettoyage EXPRESS' })).map((r) => r.id)).toContain(p);
      expect((await get({ rome: 'K22' })).map((r) => r.id)).toEqual([p]);
      expect((await get({ rome: 'F17' })).map((r) => r.id)).toEqual([]);
      const near = await get({ commune: '69266', radiusKm: '10' });
      expect(near.find((r) => r.id === p)?.distanceKm).toBeLessThan(10);
      expect((await get({ commune: '31555', radiusKm: '10' })).map((r) => r.id)).not.toContain(p);
      const bad = await api()
        .get(`/api/collectives/${collective.id}/pooled-companies`)
        .query({ radiusKm: '10' })
        .set('Authorization', await auth(devA));
      expect(bad.body.code).toBe('RADIUS_WITHOUT_COMMUNE');

      const reciprocity = async () => {
        const rec = await api()
          .get(`/api/collectives/${collective.id}/reciprocity`)
          .set('Authorization', await auth(coordinator));
        return new Map(rec.body.map((r: { siaeId: string }) => [r.siaeId, r])) as Map<
          string,
          { recordsContributed: number; companiesIntroduced: number; outcomesThroughOthers: number }
        >;
      };
      const bySiae = await reciprocity();
      expect(bySiae.get(siaeA.id)).toMatchObject({
        companiesIntroduced: expect.any(Number),
        recordsContributed: expect.any(Number),
      });
      expect(bySiae.get(siaeB.id)!.recordsContributed).toBeGreaterThanOrEqual(2);

      // A hire that B's staff obtained and logged on the record of the SIAE that introduced the company is B's outcome
      // through another's network, and the pooled view says it was B.
      const view = await api()
        .get(`/api/pooled-companies/${p}`)
        .set('Authorization', await auth(devA));
      const introducer = view.body.introducedBy.siaeId as string;
      const other = introducer === siaeA.id ? siaeB : siaeA;
      const onRecord = view.body.knownBy.find((k: { siaeId: string }) => k.siaeId === introducer).companyId as string;
      const before = bySiae.get(other.id)!.outcomesThroughOthers;
      const today = new Date().toISOString().slice(0, 10);
      const logHire = async (candidateId?: string) =>
        api()
          .post(`/api/companies/${onRecord}/interactions`)
          .set('Authorization', await auth(other === siaeA ? devA : devB))
          .send({ kind: 'hire', occurredOn: today, candidateId });
      // A hire names the person hired, a candidate of the SIAE that logs it: else it would count for nobody's work.
      expect((await logHire()).body.code).toBe('INTERACTION_CANDIDATE_REQUIRED');
      const cipOf = async (siae: Siae) => f.member(siae, 'cip');
      const candidateOf = async (siae: Siae) =>
        (
          await api()
            .post('/api/candidates')
            .set('Authorization', await auth(await cipOf(siae)))
            .send({ siaeId: siae.id, firstName: 'Awa', lastName: 'Réciprocité' })
        ).body.id as string;
      const foreign = await logHire(await candidateOf(introducer === siaeA.id ? siaeA : siaeB));
      expect([foreign.status, foreign.body.code]).toEqual([400, 'INTERACTION_CANDIDATE_NOT_OF_SIAE']);
      expect((await reciprocity()).get(other.id)!.outcomesThroughOthers).toBe(before);
      const logged = await logHire(await candidateOf(other));
      expect(logged.status).toBe(201);
      expect((await reciprocity()).get(other.id)!.outcomesThroughOthers).toBe(before + 1);
      const after = await api()
        .get(`/api/pooled-companies/${p}`)
        .set('Authorization', await auth(devA));
      // The record is the introducer's: before by_siae_id, the view credited the record's owner.
      expect(after.body.interactions).toEqual(
        expect.arrayContaining([expect.objectContaining({ companyId: onRecord, kind: 'hire', siaeId: other.id })]),
      );
    });

    it('a withdrawn sharing takes the record out of the pooled view at the next run', async () => {
      const res = await api()
        .post(`/api/companies/${b1}/shares/${collective.id}/withdraw`)
        .set('Authorization', await auth(devB));
      expect(res.status).toBe(200);
      await t.drainQueues();
      expect(await pooledOf(b1)).toBeNull();
      const view = await api()
        .get(`/api/pooled-companies/${await pooledOf(a1)}`)
        .set('Authorization', await auth(devA));
      expect(view.body.knownBy.map((k: { companyId: string }) => k.companyId)).not.toContain(b1);
      expect(
        (
          await api()
            .get(`/api/companies/${b1}`)
            .set('Authorization', await auth(devA))
        ).status,
      ).toBe(404);
    });
  });

  describe('solicitation budget', () => {
    let pooledId: string;
    beforeAll(async () => {
      const c = (await createCompany(devA, siaeA, { name: 'Garage du Lac', communeCode: '69259', sizeBand: 'small' }))
        .id;
      await share(devA, c, false);
      await t.drainQueues();
      pooledId = (await pooledOf(c))!;
    });

    it('concurrent solicitations racing for the last unit of budget: exactly one succeeds', async () => {
      const [ta, tb] = [await auth(devA), await auth(devB)];
      // The five transactions (the test pool's size) are held until all have read the budget or wait for the pooled
      // company's row lock: without that lock, all five count 0 solicitations and insert (checked by removing it).
      const attempts = await withWriteBarrier(t.config.DATABASE_URL, 'solicitation', 5, () =>
        Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            api()
              .post(`/api/pooled-companies/${pooledId}/solicitations`)
              .set('Authorization', i % 2 ? tb : ta)
              .send({ siaeId: i % 2 ? siaeB.id : siaeA.id, kind: 'candidate_proposal' }),
          ),
        ),
      );
      const statuses = attempts.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      const refused = attempts.find((r) => r.status === 409)!;
      expect(refused.body.code).toBe('SOLICITATION_BUDGET_EXCEEDED');
      expect(refused.body.message).toMatch(/7 jours/);
      const n = await t.dataSource.query(`SELECT count(*)::int AS n FROM solicitation WHERE pooled_company_id = $1`, [
        pooledId,
      ]);
      expect(n[0].n).toBe(1);
    });

    it('only a coordinator may override, and the override is audited', async () => {
      const denied = await api()
        .post(`/api/pooled-companies/${pooledId}/solicitations`)
        .set('Authorization', await auth(devB))
        .send({ siaeId: siaeB.id, kind: 'information', overrideReason: 'urgent' });
      expect(denied.status).toBe(403);
      const ok = await api()
        .post(`/api/pooled-companies/${pooledId}/solicitations`)
        .set('Authorization', await auth(coordinator))
        .send({
          siaeId: siaeB.id,
          kind: 'event_invitation',
          overrideReason: 'Job dating du 12 : accord de la gérante',
        });
      expect(ok.status).toBe(201);
      const audit = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'solicitation.override' AND subject_id = $1`,
        [pooledId],
      );
      expect(audit[0].n).toBe(1);
      const log = await api()
        .get(`/api/pooled-companies/${pooledId}/solicitations`)
        .set('Authorization', await auth(devA));
      expect(log.body.entries).toHaveLength(2);
    });

    it('budgets are per collective and company size; the 30-day window and a pause refuse with their own words', async () => {
      const c = (
        await createCompany(devB, siaeB, { name: 'Menuiserie Fabre', communeCode: '69123', sizeBand: 'medium' })
      ).id;
      await share(devB, c, false);
      await t.drainQueues();
      const medium = (await pooledOf(c))!;
      const put = await api()
        .put(`/api/collectives/${collective.id}/solicitation-budget`)
        .set('Authorization', await auth(coordinator))
        .send({
          default: { maxPer30Days: 4, maxPer7Days: 1 },
          bySize: [{ sizeBand: 'medium', maxPer30Days: 2, maxPer7Days: 2 }],
        });
      expect(put.status).toBe(200);
      expect(
        (
          await api()
            .put(`/api/collectives/${collective.id}/solicitation-budget`)
            .set('Authorization', await auth(devA))
            .send({ default: { maxPer30Days: 9, maxPer7Days: 9 } })
        ).status,
      ).toBe(403);
      const solicit = async () =>
        api()
          .post(`/api/pooled-companies/${medium}/solicitations`)
          .set('Authorization', await auth(devA))
          .send({ siaeId: siaeA.id, kind: 'information' });
      expect((await solicit()).status).toBe(201);
      expect((await solicit()).status).toBe(201); // the medium-size budget allows 2 a week, the default only 1
      const third = await solicit();
      expect(third.status).toBe(409);
      expect(third.body.message).toMatch(/7 jours/);
      advanceDays(8);
      const fourth = await solicit();
      expect(fourth.body.code).toBe('SOLICITATION_BUDGET_EXCEEDED');
      expect(fourth.body.message).toMatch(/30 jours/);

      const until = day(60);
      await api()
        .put(`/api/pooled-companies/${medium}/pause`)
        .set('Authorization', await auth(devB))
        .send({ until, reason: 'Inventaire' })
        .expect(200);
      advanceDays(30);
      const paused = await solicit();
      expect(paused.status).toBe(409);
      expect(paused.body.code).toBe('COMPANY_PAUSED');
      // The pause ends with its day in France: at 00:30 in Lyon the next day (still that day in UTC) it is over.
      clock.set(new Date(`${until}T23:30:00Z`));
      tokens.clear();
      expect((await solicit()).status).toBe(201);
      await api()
        .put(`/api/pooled-companies/${medium}/pause`)
        .set('Authorization', await auth(devB))
        .send({ until: day(10), reason: 'Travaux' })
        .expect(200);
      expect((await solicit()).body.code).toBe('COMPANY_PAUSED');
      await api()
        .delete(`/api/pooled-companies/${medium}/pause`)
        .set('Authorization', await auth(devB))
        .expect(200);
      expect((await solicit()).status).toBe(201);
    });
  });

  describe('hiring needs', () => {
    it('an open need left unconfirmed expires through the job; a confirmed one stays', async () => {
      const c = (await createCompany(devA, siaeA, { name: 'Propreté Lumière', communeCode: '69266' })).id;
      const stale = await api()
        .post(`/api/companies/${c}/needs`)
        .set('Authorization', await auth(devA))
        .send({
          appellationCode: APPELLATION,
          positions: 2,
          contractType: 'cdd',
          weeklyHours: 24,
          accommodations: ['beginner_french', 'no_driving_licence'],
        });
      expect(stale.status).toBe(201);
      advanceDays(30);
      const fresh = await api()
        .post(`/api/companies/${c}/needs`)
        .set('Authorization', await auth(devA))
        .send({ appellationCode: APPELLATION, positions: 1, contractType: 'cdi' });
      advanceDays(20);
      await api()
        .post(`/api/companies/${c}/needs/${fresh.body.id}/confirm`)
        .set('Authorization', await auth(devA))
        .expect(200);
      const bad = await api()
        .post(`/api/companies/${c}/needs`)
        .set('Authorization', await auth(devA))
        .send({ appellationCode: APPELLATION, positions: 1, contractType: 'cdi', accommodations: ['flying'] });
      expect(bad.status).toBe(400);

      const admin = await f.admin();
      await api()
        .post('/api/admin/hiring-needs/expire')
        .set('Authorization', await auth(admin))
        .expect(202);
      await t.drainQueues();
      const view = await api()
        .get(`/api/companies/${c}`)
        .set('Authorization', await auth(devA));
      const byId = new Map(view.body.needs.map((n: { id: string; status: string }) => [n.id, n.status]));
      expect(byId.get(stale.body.id)).toBe('expired');
      expect(byId.get(fresh.body.id)).toBe('open');
    });
  });
});
