import { demoJobDatingInput, printDemoJobDating } from '../../src/cli/demo/demo-job-dating-input';
import { seedDemoTerritory } from '../../src/cli/demo/demo-seeder';
import { seedDemoJobDating } from '../../src/modules/events/demo/demo-job-dating';
import { DEMO_PASSWORD, demoAdminEmail, demoCollective, demoEmail, demoSiaes } from '../../src/cli/demo/territory';
import { TestApp } from '../support/test-app';

describe('demo territory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
  });
  afterAll(() => t.close());

  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM siae)::int AS siae, (SELECT count(*) FROM app_user)::int AS users,
              (SELECT count(*) FROM siae_membership)::int AS memberships, (SELECT count(*) FROM collective_membership)::int AS members,
              (SELECT count(*) FROM candidate)::int AS candidates, (SELECT count(*) FROM candidate_consent)::int AS consents,
              (SELECT count(*) FROM company)::int AS companies, (SELECT count(*) FROM hiring_need)::int AS needs,
              (SELECT count(*) FROM company_share)::int AS shares, (SELECT count(*) FROM outbox_message)::int AS jobs`,
      )
    )[0];

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

  it('seeds an open job dating through the use cases, pooling in process, and prints employer links that open the employer page', async () => {
    // No worker has run: the pooled companies come from the pooling use case run by the seed itself.
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM pooled_company`))[0].n).toBe(0);
    const input = await demoJobDatingInput(t.dataSource);
    const first = await seedDemoJobDating(t.app, input);
    const state = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM event)::int AS events, (SELECT count(*) FROM event_invitation)::int AS invitations,
                  (SELECT count(*) FROM event_registration)::int AS registrations, (SELECT count(*) FROM event_booking)::int AS cells,
                  (SELECT count(*) FROM event_meeting_request)::int AS requests, (SELECT count(*) FROM solicitation)::int AS solicitations,
                  (SELECT count(*) FROM candidate_consent)::int AS consents, (SELECT count(*) FROM outbox_message)::int AS jobs,
                  (SELECT count(*) FROM pooled_company)::int AS pooled`,
        )
      )[0];
    const after1 = await state();
    expect(after1).toMatchObject({ events: 1, invitations: 5, registrations: 6, requests: 3 });
    expect(after1.cells).toBeGreaterThan(10);
    const invitations: Array<{ status: string; n: number }> = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM event_invitation GROUP BY status ORDER BY status`,
    );
    expect(invitations).toEqual([
      { status: 'confirmed', n: 3 },
      { status: 'declined', n: 1 },
      { status: 'sent', n: 1 },
    ]);
    const registrations: Array<{ siae: string; statuses: string[] }> = await t.dataSource.query(
      `SELECT s.siret AS siae, array_agg(r.status::text ORDER BY r.status) AS statuses
         FROM event_registration r JOIN siae s ON s.id = r.siae_id GROUP BY s.siret ORDER BY s.siret`,
    );
    expect(registrations).toEqual([
      { siae: demoSiaes[0].siret, statuses: ['accepted', 'accepted', 'pending', 'waitlisted'] },
      { siae: demoSiaes[2].siret, statuses: ['accepted', 'accepted'] },
    ]);

    // Run twice (npm start twice): nothing duplicated, fresh links printed.
    const second = await seedDemoJobDating(t.app, input);
    expect(await state()).toEqual(after1);
    expect(second.eventId).toBe(first.eventId);
    expect(second.employerLinks.map((l) => l.url)).not.toEqual(first.employerLinks.map((l) => l.url));

    const printed = printDemoJobDating(second);
    expect(printed).toContain(`/equipe/evenements/${first.eventId}`);
    expect(printed).toContain(demoEmail(demoCollective.coordinatorSlug, 'direction'));
    for (const link of [...first.employerLinks, ...second.employerLinks]) {
      const path = new URL(link.url).pathname;
      const exchanged = await t.http().get(path).expect(303);
      const cookies = (exchanged.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]);
      expect(cookies.some((c) => c.startsWith('maillage_employeur='))).toBe(true);
      const page = await t.http().get(exchanged.headers.location).set('cookie', cookies.join('; ')).expect(200);
      expect(page.text).toContain(link.companyName);
    }
  });

  it('lets the documented demo accounts sign in and see their territory', async () => {
    const admin = await t
      .http()
      .post('/api/auth/login')
      .send({ email: demoAdminEmail, password: DEMO_PASSWORD })
      .expect(200);
    expect(admin.body.token).toBeTruthy();
    const coordinatorEmail = demoEmail(demoCollective.coordinatorSlug, 'direction');
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: coordinatorEmail, password: DEMO_PASSWORD })
      .expect(200);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${login.body.token}`).expect(200);
    expect(me.body.coordinatorOf).toHaveLength(1);
    expect(me.body.siaeGrants).toEqual([{ siaeId: expect.any(String), role: 'direction' }]);
    for (const siae of demoSiaes) {
      for (const member of siae.staff) {
        const res = await t
          .http()
          .post('/api/auth/login')
          .send({ email: demoEmail(siae.slug, member.role), password: DEMO_PASSWORD });
        expect({ email: demoEmail(siae.slug, member.role), status: res.status }).toEqual({
          email: demoEmail(siae.slug, member.role),
          status: 200,
        });
      }
    }
  });

  it('shows a CIP the candidates of the collective: their own in full, partners only with consent', async () => {
    const login = async (email: string) =>
      (await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body
        .token as string;
    const cip = await login(demoEmail('inser-rhone', 'cip'));
    const res = await t.http().get('/api/candidates').set('authorization', `Bearer ${cip}`).expect(200);
    const items: Array<Record<string, unknown>> = res.body.items ?? res.body;
    expect(items.length).toBeGreaterThan(5);
    const ownSiae = (await t.http().get('/api/auth/me').set('authorization', `Bearer ${cip}`)).body.siaeGrants[0]
      .siaeId;
    const partners = items.filter((c) => c.siaeId !== undefined && c.siaeId !== ownSiae);
    expect(partners.length).toBeGreaterThan(0);
    for (const c of items) expect(JSON.stringify(c)).not.toMatch(/"(lastName|birthDate|phone|email)"/);
  });

  it('gives the company networks something to pool and the matching something to propose', async () => {
    expect((await counts()).companies).toBeGreaterThanOrEqual(8);
    await t.drainQueues();
    // The three records of the cleaning company (two SIAE's spellings and a third without SIRET) are one pooled company.
    const pooled: Array<{ records: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS records FROM pooled_company_member m JOIN company c ON c.id = m.company_id WHERE c.name ILIKE 'propret%' GROUP BY m.pooled_company_id`,
    );
    expect(pooled).toEqual([{ records: 3 }]);
    const [{ id, siret }] = await t.dataSource.query(
      `SELECT k.id, s.siret FROM candidate k JOIN candidate_target_job tj ON tj.candidate_id = k.id JOIN siae s ON s.id = k.siae_id
        WHERE tj.ogr_code = '10571' ORDER BY k.id LIMIT 1`,
    );
    const slug = demoSiaes.find((d) => d.siret === siret)!.slug;
    const token = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: demoEmail(slug, 'cip'), password: DEMO_PASSWORD })
        .expect(200)
    ).body.token as string;
    const res = await t.http().get(`/api/candidates/${id}/matches`).set('authorization', `Bearer ${token}`).expect(200);
    expect(res.body.items.map((i: { appellation: { code: string } }) => i.appellation.code)).toContain('10571');
    expect(res.body.companies.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/propret/i)]),
    );
  });
});
