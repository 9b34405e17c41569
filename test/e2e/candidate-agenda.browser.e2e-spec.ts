import { readFileSync } from 'node:fs';
import { FixedClock } from '../../src/platform/clock/clock';
import { ComputeEventPlan } from '../../src/modules/events/planning/compute-event-plan';
import { parseAgenda } from '../support/agenda-ics';
import { BrowserHarness } from '../support/browser';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';

/**
 * In chromium (issue 15 §8): a candidate opens the personal link her CIP gave her, on a phone (390 px) and on a
 * computer (1280 px) — the page carries no script, and "Ajouter à mon agenda" downloads the
 * ICS of her meetings. axe-core on every page (no serious/critical violation), screenshots at 390 and 1280 px.
 */
describe('browser: the candidate’s agenda page, from her personal link', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let pw: PlanningWorld;
  let b: BrowserHarness;
  let registrationId: string;
  let employers: string[];

  const freshLink = async () => {
    const res = await t
      .http()
      .post(`/api/events/${pw.eventId}/registrations/${registrationId}/agenda-link`)
      .set('authorization', pw.auth('cipA'));
    expect(res.status).toBe(201);
    return new URL(res.body.url as string).pathname;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    pw = await buildPlanningWorld(t, { employers: 3, candidates: 3 });
    const run = await t
      .http()
      .post(`/api/events/${pw.eventId}/planning-runs`)
      .set('authorization', pw.auth('coord'))
      .send({ timeLimitSeconds: 10 });
    await t.get(ComputeEventPlan).execute(run.body.id as string);
    await t.http().post(`/api/events/${pw.eventId}/plan/publication`).set('authorization', pw.auth('coord'));
    registrationId = pw.registrations.find((r) => r.siae === 'A')!.id;
    employers = (
      await t.dataSource.query(
        `SELECT pc.display_name AS name FROM event_meeting m JOIN event_invitation i ON i.id = m.invitation_id
           JOIN pooled_company pc ON pc.id = i.pooled_company_id WHERE m.registration_id = $1 AND m.status = 'announced'`,
        [registrationId],
      )
    ).map((r: { name: string }) => r.name);
    expect(employers.length).toBeGreaterThan(0);
    b = await BrowserHarness.start(t, 'candidate-agenda');
  }, 240_000);
  afterAll(async () => {
    await b?.close(t);
    await t.close();
  });

  // checkPage runs axe and takes the screenshots at 390 and 1280 px; the page is opened at each width too.
  for (const width of [390, 1280])
    it(`reads her agenda at ${width} px with no script in the page, and "Ajouter à mon agenda" gives her the ICS`, async () => {
      const context = await b.context(width);
      const page = await context.newPage();
      await page.goto(await freshLink());
      await page.waitForURL(`**/agenda/${registrationId}`);
      expect(await page.locator('h1').textContent()).toBe('Mon agenda');
      const main = (await page.textContent('main'))!;
      for (const name of employers) expect(main).toContain(name);
      expect(main).toContain('Métro D, arrêt Grange Blanche');
      expect(main).toMatch(/09:[024]0/);
      expect(await page.locator('script').count()).toBe(0);
      // nothing wider than the screen on a phone
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await b.checkPage(page, `agenda-${width}`);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Ajouter à mon agenda' }).click(),
      ]);
      const path = await download.path();
      const text = readFileSync(path, 'utf8');
      const cal = parseAgenda(text);
      expect(cal.timezones).toEqual(['Europe/Paris']);
      expect(cal.events.length).toBe(employers.length);
      expect(download.suggestedFilename()).toBe('mon-agenda.ics');
      await context.close();
    });
});
