import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/platform/clock/clock';
import { BrowserHarness } from '../support/browser';
import { CandidateFixtures } from '../support/candidate-fixtures';
import { TEST_PASSWORD } from '../support/fixtures';
import { buildEventWorld, employerHeaders, eventBody, pooledCompany, type EventWorld } from '../support/event-world';
import { TestApp } from '../support/test-app';

/**
 * In chromium (issue 15 §8): an employer recording the outcomes of its meetings on a phone (390 px) through its event
 * link — a hire forgotten its contract type is told so beside the form, then recorded —, and the organiser's report
 * page with its chart. axe-core on every page (no serious/critical violation), screenshots at 390 and 1280 px.
 */
describe('browser: an employer records outcomes, the organiser reads the report', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: EventWorld;
  let b: BrowserHarness;
  let eventId: string;
  let link: string;
  const heading = (page: Page) => page.locator('h1').textContent();

  beforeAll(async () => {
    t = await TestApp.create({ clock });
    w = await buildEventWorld(t);
    const cf = new CandidateFixtures(t, w.f);
    const api = () => t.http();
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { tableCount: 1, defaultSiaeQuota: 3 }));
    eventId = created.body.id;
    const slots: Array<{ id: string }> = created.body.slots;
    await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to: 'open' });
    const company = await pooledCompany(w, 'Propreté Rhône Services', 'rh@propre.exemple.fr');
    const invited = await api()
      .post(`/api/events/${eventId}/invitations`)
      .set('authorization', w.auth('coord'))
      .send({ pooledCompanyId: company.id });
    const [{ body_text }] = await t.dataSource.query(
      `SELECT body_text FROM mail_message WHERE template = 'event-invitation' AND recipient = 'rh@propre.exemple.fr'`,
    );
    link = /\/lien\/([A-Za-z0-9_-]{43})/.exec(body_text as string)![1];
    await api()
      .put('/api/employer/event/registration')
      .set(await employerHeaders(t, link))
      .send({ tables: 1, cells: slots.map((s) => ({ slotId: s.id, table: 1 })) });
    const registrations: string[] = [];
    for (const siae of ['A', 'B'] as const) {
      const c = await cf.newCandidate(w.users[`cip${siae}`], w.siaes[siae].id);
      await cf.consent(w.users[`cip${siae}`], c.id, 'employers');
      const reg = await api()
        .post(`/api/events/${eventId}/registrations`)
        .set('authorization', w.auth(`cip${siae}`))
        .send({ candidateId: c.id, maxInterviews: 3 });
      await api()
        .post(`/api/events/${eventId}/registrations/${reg.body.id}/decision`)
        .set('authorization', w.auth('coord'))
        .send({ decision: 'accept' });
      registrations.push(reg.body.id);
    }
    // The plan, as the planning job stores it (its job is another helper's): two meetings at table 1.
    const [run] = await t.dataSource.query(
      `INSERT INTO event_planning_run (event_id, status, progress, time_limit_seconds, objective, bound, gap, plan_status, is_current)
       VALUES ($1, 'succeeded', 100, 10, 19, 20, 1, 'feasible', true) RETURNING id`,
      [eventId],
    );
    for (const [i, registrationId] of registrations.entries())
      await t.dataSource.query(
        `INSERT INTO event_meeting (event_id, run_id, registration_id, invitation_id, slot_id, table_number, status)
         VALUES ($1, $2, $3, $4, $5, 1, 'planned')`,
        [eventId, run.id, registrationId, invited.body.id, slots[i].id],
      );
    for (const to of ['planning', 'published'])
      await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to });
    // The day after the event.
    clock.set(new Date('2027-03-13T09:00:00Z'));
    b = await BrowserHarness.start(t, 'outcomes-report');
  }, 240_000);
  afterAll(async () => {
    await b?.close(t);
    await t.close();
  });

  it('an employer records a hire on a phone: the missing contract type is said beside the form, then it is saved', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    await page.goto(`/lien/${link}`);
    await page.getByRole('link', { name: 'Suites de vos entretiens' }).click();
    await page.waitForURL(`**/employeurs/evenements/${eventId}/suites`);
    expect(await heading(page)).toBe('Suites de vos entretiens');
    expect(await page.locator('form').count()).toBe(2);
    await b.checkPage(page, '1-suites');

    const first = page.locator('section.card').first();
    await first.getByLabel('Embauche').check();
    await first.getByRole('button', { name: 'Enregistrer la suite' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Une embauche se déclare avec son type de contrat et sa date de début.',
    );
    await b.checkPage(page, '2-suite-incomplete');

    const again = page.locator('section.card').first();
    expect(await again.getByLabel('Embauche').isChecked()).toBe(true);
    await again.getByLabel('Type de contrat').selectOption('cdi');
    await again.getByLabel('Premier jour du contrat').fill('2027-04-06');
    await again.getByRole('button', { name: 'Enregistrer la suite' }).click();
    await page.waitForURL(/\/suites\?enregistre=1$/);
    expect(await page.textContent('main')).toContain('Suite enregistrée, merci.');
    expect(await page.textContent('main')).toContain('CDI à partir du');
    expect(await page.locator('form').count()).toBe(1);
    await b.checkPage(page, '3-suite-enregistree');

    const [row] = await t.dataSource.query(
      `SELECT o.kind, o.contract_type, o.start_date::text AS start, i.kind AS interaction FROM event_outcome o
         JOIN company_interaction i ON i.id = o.interaction_id`,
    );
    expect(row).toEqual({ kind: 'hire', contract_type: 'cdi', start: '2027-04-06', interaction: 'hire' });
    await context.close();
  });

  it('the organiser reads the report: a chart with its title and description, the same numbers in tables', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    await page.goto(`/equipe/evenements/${eventId}/bilan`);
    await page.getByLabel('Adresse e-mail').fill(w.users.coord.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`**/equipe/evenements/${eventId}/bilan`);
    expect(await heading(page)).toBe('Bilan : Job dating logistique');
    const chart = page.getByRole('img', { name: /Des candidat·es accepté·es aux embauches/ });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('svg desc').textContent()).toContain('Embauches : 1');
    expect(
      await page
        .getByRole('row', { name: /Embauches/ })
        .first()
        .textContent(),
    ).toContain('1');
    expect(await page.textContent('main')).toContain('5 %'); // the plan's gap to the optimum
    await b.checkPage(page, '4-bilan');
    const download = await page.request.get(`/equipe/evenements/${eventId}/bilan.csv`);
    expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
    await context.close();
  });
});
