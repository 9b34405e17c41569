import { seedDemoTerritory } from '../../src/cli/demo/demo-seeder';
import { DEMO_PASSWORD, demoAdminEmail, demoCollective, demoEmail, demoSiaes } from '../../src/cli/demo/territory';
import { TestApp } from '../support/test-app';

describe('demo territory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  const counts = async () =>
    (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM siae)::int AS siae, (SELECT count(*) FROM app_user)::int AS users,
              (SELECT count(*) FROM siae_membership)::int AS memberships, (SELECT count(*) FROM collective_membership)::int AS members,
              (SELECT count(*) FROM candidate)::int AS candidates, (SELECT count(*) FROM candidate_consent)::int AS consents`,
    ))[0];

  it('is idempotent: a second run changes nothing', async () => {
    const first = await t.dataSource.transaction((m) => seedDemoTerritory(m));
    const after1 = await counts();
    await t.dataSource.transaction((m) => seedDemoTerritory(m));
    expect(await counts()).toEqual(after1);
    expect(first.siaes).toBe(8);
    expect(after1.members).toBe(8);
    expect(after1.candidates).toBeGreaterThanOrEqual(20);
    expect(first.candidates).toBe(after1.candidates);
    expect(new Set(demoSiaes.map((s) => s.kind)).size).toBeGreaterThanOrEqual(5);
  });

  it('lets the documented demo accounts sign in and see their territory', async () => {
    const admin = await t.http().post('/api/auth/login').send({ email: demoAdminEmail, password: DEMO_PASSWORD }).expect(200);
    expect(admin.body.token).toBeTruthy();
    const coordinatorEmail = demoEmail(demoCollective.coordinatorSlug, 'direction');
    const login = await t.http().post('/api/auth/login').send({ email: coordinatorEmail, password: DEMO_PASSWORD }).expect(200);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${login.body.token}`).expect(200);
    expect(me.body.coordinatorOf).toHaveLength(1);
    expect(me.body.siaeGrants).toEqual([{ siaeId: expect.any(String), role: 'direction' }]);
    for (const siae of demoSiaes) {
      for (const member of siae.staff) {
        const res = await t.http().post('/api/auth/login').send({ email: demoEmail(siae.slug, member.role), password: DEMO_PASSWORD });
        expect({ email: demoEmail(siae.slug, member.role), status: res.status }).toEqual({ email: demoEmail(siae.slug, member.role), status: 200 });
      }
    }
  });

  it('shows a CIP the candidates of the collective: their own in full, partners only with consent', async () => {
    const login = async (email: string) => (await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body.token as string;
    const cip = await login(demoEmail('inser-rhone', 'cip'));
    const res = await t.http().get('/api/candidates').set('authorization', `Bearer ${cip}`).expect(200);
    const items: Array<Record<string, unknown>> = res.body.items ?? res.body;
    expect(items.length).toBeGreaterThan(5);
    const ownSiae = (await t.http().get('/api/auth/me').set('authorization', `Bearer ${cip}`)).body.siaeGrants[0].siaeId;
    const partners = items.filter((c) => c.siaeId !== undefined && c.siaeId !== ownSiae);
    expect(partners.length).toBeGreaterThan(0);
    for (const c of items) expect(JSON.stringify(c)).not.toMatch(/"(lastName|birthDate|phone|email)"/);
  });
});

