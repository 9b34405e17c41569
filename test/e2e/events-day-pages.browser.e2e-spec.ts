import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/platform/clock/clock';
import { BrowserHarness } from '../support/browser';
import { buildDayWorld, publish, walkInCandidate, type DayWorld } from '../support/day-world';
import { TEST_PASSWORD } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * The organiser's day on a phone (390 px), in real chromium with axe-core: signing in, searching a candidate, checking
 * her in with one tap (a plain form, no script), undoing it, noting an absence and an employer leaving early; the live
 * view. Screenshots at 390 and 1280 px in .local/screenshots/events-day/.
 */
describe('the day’s pages in a browser', () => {
  const clock = new FixedClock(new Date('2027-03-12T07:30:00Z'));
  let t: TestApp;
  let w: DayWorld;
  let b: BrowserHarness;
  const heading = (page: Page) => page.locator('h1').textContent();

  beforeAll(async () => {
    t = await TestApp.create({ clock });
    w = await buildDayWorld(t);
    await publish(t, w, w.eventId);
    b = await BrowserHarness.start(t, 'events-day');
  }, 180_000);
  afterAll(async () => {
    await b?.close(t);
    await t.close();
  });

  it('lets the organiser check a candidate in from a phone, without JavaScript', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`/equipe/evenements/${w.eventId}/accueil`);
    await page.waitForURL(/\/equipe\/connexion\?suite=/);
    await page.getByLabel('Adresse e-mail').fill(w.users.coord.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`**/equipe/evenements/${w.eventId}/accueil`);
    expect(await heading(page)).toBe('Accueil — Job dating logistique');
    expect(await page.textContent('main')).toContain('0 présent·e(s), 0 absent·e(s) sur 4 candidat·es');
    await b.checkPage(page, '1-accueil');
    // plain forms: the page ships no script at all
    expect(await page.locator('script').count()).toBe(0);

    await page.getByLabel('Rechercher un pseudonyme, une structure ou un employeur').fill('candidate 2');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/accueil\?q=candidate/);
    const card = page.locator('li.card').filter({ hasText: 'Candidate 2' });
    expect(await page.locator('li.card').filter({ hasText: 'Candidate' }).count()).toBe(1);
    await card.getByRole('button', { name: 'Présent·e' }).click();
    await page.waitForURL(/accueil\?q=candidate/);
    expect(await page.locator('li.card').filter({ hasText: 'Candidate 2' }).textContent()).toContain(
      'Présent·e à 08:30',
    );
    await b.checkPage(page, '2-candidate-pointee');
    const [row] = await t.dataSource.query(`SELECT checked_in_at FROM event_registration WHERE id = $1`, [
      w.candidates[1].registrationId,
    ]);
    expect(row.checked_in_at).toEqual(clock.now());
    const [event] = await t.dataSource.query(`SELECT status FROM event WHERE id = $1`, [w.eventId]);
    expect(event.status).toBe('running');

    // undo, then absent
    await page
      .locator('li.card')
      .filter({ hasText: 'Candidate 2' })
      .getByRole('button', { name: 'Annuler le pointage' })
      .click();
    await page.waitForURL(/accueil\?q=candidate/);
    expect(await page.locator('li.card').filter({ hasText: 'Candidate 2' }).textContent()).toContain(
      'Pas encore pointé·e',
    );
    await page.locator('li.card').filter({ hasText: 'Candidate 2' }).getByRole('button', { name: 'Absent·e' }).click();
    await page.waitForURL(/accueil\?q=candidate/);
    expect(await page.locator('li.card').filter({ hasText: 'Candidate 2' }).textContent()).toContain('Absent·e');

    // an employer arrives, then leaves from the last slot
    await page.getByRole('link', { name: 'Tout afficher' }).click();
    const employer = page.locator('li.card').filter({ hasText: 'Logistique du Confluent' });
    await employer.getByRole('button', { name: 'Présent' }).click();
    await page.waitForURL(/accueil/);
    const arrived = page.locator('li.card').filter({ hasText: 'Logistique du Confluent' });
    await arrived.getByLabel('Part plus tôt, à partir du créneau').selectOption({ label: '3 — 09:40 – 09:55' });
    await arrived.getByRole('button', { name: 'Noter le départ' }).click();
    await page.waitForURL(/accueil/);
    expect(await page.locator('li.card').filter({ hasText: 'Logistique du Confluent' }).textContent()).toContain(
      'part à 09:40 (créneau 3)',
    );
    await b.checkPage(page, '3-employeur-part');
    const size = Buffer.byteLength(await page.content());
    // a page for a poor connection: well under 100 kB for this event (no script, one stylesheet cached a year)
    expect(size).toBeLessThan(100_000);

    // the re-planning button asks the planning job for a run from the next slot, then the live view
    await page.getByRole('button', { name: 'Replanifier à partir du prochain créneau' }).click();
    await page.waitForURL(/fait=replanification/);
    expect(await page.getByText('Replanification lancée').count()).toBe(1);
    const [run] = await t.dataSource.query(
      `SELECT status, from_slot_position FROM event_planning_run WHERE event_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [w.eventId],
    );
    expect(run).toEqual({ status: 'queued', from_slot_position: 1 });
    await page.getByRole('link', { name: 'Vue en direct' }).click();
    await page.waitForURL(`**/equipe/evenements/${w.eventId}/direct`);
    expect(await heading(page)).toBe('En direct — Job dating logistique');
    expect(await page.textContent('main')).toContain('Aucun créneau en cours. Prochain : créneau 1 à 09:00.');
    await b.checkPage(page, '4-direct');
    await context.close();
  });

  it('refuses the check-in page to a CIP who does not organise the event, in French', async () => {
    const context = await b.context();
    const page = await context.newPage();
    await page.goto(`/equipe/evenements/${w.eventId}/accueil`);
    await page.getByLabel('Adresse e-mail').fill(w.users.cipA.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/equipe/evenements/${w.eventId}/accueil`));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect((await refused).status()).toBe(403);
    expect(await page.textContent('main')).not.toContain('Candidate 1');
    await context.close();
  });

  it('lets a CIP register one of her candidates on the spot (walk-in page)', async () => {
    const candidateId = await walkInCandidate(w, 'Sur place Une');
    const context = await b.context(390);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`/equipe/evenements/${w.eventId}/sur-place`);
    await page.getByLabel('Adresse e-mail').fill(w.users.cipA.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`**/equipe/evenements/${w.eventId}/sur-place`);
    expect(await heading(page)).toBe('Inscription sur place — Job dating logistique');
    expect(await page.locator('script').count()).toBe(0);
    await b.checkPage(page, '5-sur-place');
    await page.getByLabel('Candidat·e').selectOption({ label: 'Sur place Une — SIAE A' });
    await page.getByLabel('Nombre maximum d’entretiens').fill('2');
    await page.getByRole('button', { name: 'Inscrire sur place' }).click();
    await page.waitForURL(/sur-place\?inscrite=/);
    expect(await page.textContent('main')).toContain('Sur place Une est inscrit·e sur place et pointé·e présent·e.');
    // no longer offered: she is registered
    expect(await page.locator('option', { hasText: 'Sur place Une' }).count()).toBe(0);
    const [row] = await t.dataSource.query(
      `SELECT status, walk_in, checked_in_at, max_interviews FROM event_registration WHERE event_id = $1 AND candidate_id = $2`,
      [w.eventId, candidateId],
    );
    expect(row).toEqual({ status: 'accepted', walk_in: true, checked_in_at: clock.now(), max_interviews: 2 });
    await b.checkPage(page, '6-sur-place-inscrite');
    await context.close();
  });
});
