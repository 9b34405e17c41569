import { ConsentCollectives1796597829085 } from '../../migrations/1796597829085-ConsentCollectives';
import type { User } from '../../src/platform/auth/user.entity';
import { CandidateFixtures, CONSENT_WORDING, rome, type NewCandidate } from '../support/candidate-fixtures';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Issue 11 §6: a `collective` consent names the collectives it covers. SIAE A is in collective C1 with B; E is in C2
 * (and C3 has nobody of A). A candidate of A consents while A is only in C1; then A joins C2, which makes E a partner
 * of A: E must see nothing of that candidate (detail, directory, match list) until a new consent names C2.
 */
describe('candidates: a collective consent names its collectives', () => {
  let t: TestApp;
  let f: Fixtures;
  let c: CandidateFixtures;
  let cipA: User, cipB: User, cipE: User;
  let c1: string, c2: string, c3: string;
  let person: NewCandidate;
  let needOfE: string;
  const auth = async (u: User) => `Bearer ${await c.token(u)}`;

  /** What `as` gets of the person: the detail's status, whether the directory and E's match list hold them. */
  const seen = async (as: User) => {
    const detail = await t
      .http()
      .get(`/api/candidates/${person.id}`)
      .set('authorization', await auth(as));
    const list = await t
      .http()
      .get('/api/candidates')
      .query({ scope: 'collective', pageSize: 100 })
      .set('authorization', await auth(as))
      .expect(200);
    return {
      detail: detail.status,
      listed: list.body.items.some((i: { candidateId?: string; id?: string }) => (i.candidateId ?? i.id) === person.id),
    };
  };
  const matchedForE = async () => {
    const res = await t
      .http()
      .get(`/api/hiring-needs/${needOfE}/matches`)
      .query({ radiusKm: 60 })
      .set('authorization', await auth(cipE))
      .expect(200);
    // Listed, or counted among those a need's rule excludes: either way the pre-filter let the person through.
    return (
      res.body.items.some((i: { candidateId: string }) => i.candidateId === person.id) || res.body.excludedCount > 0
    );
  };
  const consents = async () =>
    (
      await t
        .http()
        .get(`/api/candidates/${person.id}`)
        .set('authorization', await auth(cipA))
        .expect(200)
    ).body.consents as Array<{ id: string; scope: string; active: boolean; collectiveIds: string[] | null }>;
  const withdrawActive = async () => {
    const active = (await consents()).find((x) => x.scope === 'collective' && x.active)!;
    await t
      .http()
      .post(`/api/candidates/${person.id}/consents/${active.id}/withdraw`)
      .set('authorization', await auth(cipA))
      .expect(200);
  };
  const consent = async (status: number, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/candidates/${person.id}/consents`)
      .set('authorization', await auth(cipA))
      .send({ scope: 'collective', wording: CONSENT_WORDING, ...body })
      .expect(status);

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    c = new CandidateFixtures(t, f);
    const [a, b, e, x] = await Promise.all([f.siae(), f.siae(), f.siae(), f.siae()]);
    [c1, c2, c3] = (await Promise.all([f.collective(), f.collective(), f.collective()])).map((k) => k.id);
    await c.membership(c1, a.id);
    await c.membership(c1, b.id);
    await c.membership(c2, e.id);
    await c.membership(c3, x.id);
    [cipA, cipB, cipE] = await Promise.all([f.member(a, 'cip'), f.member(b, 'cip'), f.member(e, 'cip')]);
    person = await c.newCandidate(cipA, a.id, {
      consent: true,
      profile: { targetJobs: [{ ogrCode: rome.agentPropreteLocaux, experienceLevel: 'beginner' }] },
    });
    const [{ id: companyId }] = await t.dataSource.query(
      `INSERT INTO company (siae_id, name, commune_code) VALUES ($1, 'Entreprise de E', '69123') RETURNING id`,
      [e.id],
    );
    [{ id: needOfE }] = await t.dataSource.query(
      `INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, weekly_hours, place_commune_code, accommodations, status, confirmed_at)
       VALUES ($1, $2, 1, 'cdd', 35, '69123', ARRAY['beginner_french', 'no_driving_licence']::varchar[], 'open', now()) RETURNING id`,
      [companyId, rome.agentPropreteLocaux],
    );
    // A joins C2 after the consent: E becomes a partner SIAE of A.
    await c.membership(c2, a.id);
  });
  afterAll(() => t.close());

  it('records by default the collectives of the SIAE at that moment', async () => {
    expect((await consents()).filter((x) => x.scope === 'collective')).toEqual([
      expect.objectContaining({ active: true, collectiveIds: [c1] }),
    ]);
    const [row] = await t.dataSource.query(
      `SELECT collective_ids FROM candidate_consent WHERE candidate_id = $1 AND withdrawn_at IS NULL`,
      [person.id],
    );
    expect(row.collective_ids).toEqual([c1]);
  });

  it('shows nothing to a collective the SIAE joined after the consent, and still shows the named one', async () => {
    expect(await seen(cipB)).toEqual({ detail: 200, listed: true });
    expect(await seen(cipE)).toEqual({ detail: 404, listed: false });
    expect(await matchedForE()).toBe(false);
  });

  it('refuses collectives the SIAE is not a member of, and collectives on an employers consent', async () => {
    await withdrawActive();
    const notMember = await consent(400, { collectiveIds: [c1, c3] });
    expect(notMember.body).toMatchObject({ code: 'CONSENT_COLLECTIVE_NOT_MEMBER', details: { collectiveIds: [c3] } });
    expect(notMember.body.message).toMatch(/membre active/);
    const employers = await consent(400, { scope: 'employers', collectiveIds: [c1] });
    expect(employers.body.code).toBe('CONSENT_COLLECTIVES_NOT_APPLICABLE');
    // Nothing was recorded by the refusals: nobody sees the person now.
    expect((await consents()).filter((x) => x.active)).toEqual([]);
    expect(await seen(cipB)).toEqual({ detail: 404, listed: false });
  });

  it('shows the profile to the new collective after a new consent that names it', async () => {
    const res = await consent(201);
    expect([...res.body.collectiveIds].sort()).toEqual([c1, c2].sort());
    expect(await seen(cipE)).toEqual({ detail: 200, listed: true });
    expect(await matchedForE()).toBe(true);
    expect(await seen(cipB)).toEqual({ detail: 200, listed: true });
  });

  it('covers only the subset a consent names', async () => {
    await withdrawActive();
    const res = await consent(201, { collectiveIds: [c2] });
    expect(res.body.collectiveIds).toEqual([c2]);
    expect(await seen(cipE)).toEqual({ detail: 200, listed: true });
    expect(await seen(cipB)).toEqual({ detail: 404, listed: false });
    const audit = await t.dataSource.query(
      `SELECT context FROM audit_entry WHERE subject_id = $1 AND action = 'candidate.consent.given' ORDER BY at DESC LIMIT 1`,
      [person.id],
    );
    expect(audit[0].context.collectiveIds).toEqual([c2]);
  });

  it('migration: consents recorded before it cover the collectives of their SIAE at migration time', async () => {
    const migration = new ConsentCollectives1796597829085();
    const runner = t.dataSource.createQueryRunner();
    try {
      // Down then up with rows present: every collective consent (withdrawn ones included) gets A's memberships now.
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows: Array<{ scope: string; collective_ids: string[] | null }> = await t.dataSource.query(
      `SELECT scope, collective_ids FROM candidate_consent WHERE candidate_id = $1`,
      [person.id],
    );
    expect(rows.length).toBe(3); // the first consent, the one naming C1 and C2, the one naming C2
    for (const row of rows)
      expect(row.scope === 'collective' ? [...row.collective_ids!].sort() : row.collective_ids).toEqual(
        row.scope === 'collective' ? [c1, c2].sort() : null,
      );
  });
});
