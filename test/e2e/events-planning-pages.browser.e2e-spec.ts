import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/platform/clock/clock';
import { BrowserHarness } from '../support/browser';
import { buildDayWorld, type DayWorld } from '../support/day-world';
import { TEST_PASSWORD } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Issue 15 §8 and acceptance: the organiser, in real chromium with axe-core, launches a planning from the planning page,
 * follows it to the end (the worker computes it; the page reloads through its "Rafraîchir" link, no script), reads the
 * status, gap and grid (pseudonyms only), compares two runs, publishes through the confirmation page, then checks a
 * candidate in on the check-in page. Screenshots at 390 and 1280 px in .local/screenshots/events-planning/.
 */
describe('the organiser’s planning page in a browser', () => {
  const clock = new FixedClock(new Date('2027-03-12T07:30:00Z'));
  let t: TestApp;
  let w: DayWorld;
  let b: BrowserHarness;
  const heading = (page: Page) => page.locator('h1').textContent();
  const runs = (): Promise<Array<{ id: string; status: string; is_current: boolean }>> =>
    t.dataSource.query(
      `SELECT id, status, is_current FROM event_planning_run WHERE event_id = $1 ORDER BY created_at`,
      [w.eventId],
    );

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildDayWorld(t);
    const planning = await t
      .http()
      .post(`/api/events/${w.eventId}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'planning' });
    expect(planning.status).toBe(201);
    b = await BrowserHarness.start(t, 'events-planning');
  }, 180_000);
  afterAll(async () => {
    await b?.close(t);
    await t.close();
  });

  it('launches a planning, sees it finish, compares, publishes, then checks a candidate in', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`/equipe/evenements/${w.eventId}`);
    await page.waitForURL(/\/equipe\/connexion\?suite=/);
    await page.getByLabel('Adresse e-mail').fill(w.users.coord.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`**/equipe/evenements/${w.eventId}`);
    await page.getByRole('link', { name: 'Planning' }).click();
    await page.waitForURL(`**/equipe/evenements/${w.eventId}/planning`);
    expect(await heading(page)).toBe('Planning — Job dating logistique');
    expect(await page.textContent('main')).toContain('Pas encore de planning : lancez un calcul.');
    expect(await page.locator('script').count()).toBe(0);
    await b.checkPage(page, '1-planning-vide');

    await page.getByLabel('Temps de calcul maximal (secondes)').fill('10');
    await page.getByRole('button', { name: 'Lancer un calcul du planning' }).click();
    await page.waitForURL(/planning\?fait=lance/);
    expect(await page.textContent('main')).toContain('Le calcul est lancé');
    expect(await page.textContent('main')).toMatch(/Calcul du .* : en attente/);
    await b.checkPage(page, '2-calcul-en-attente');
    const [first] = await runs();
    expect(first.status).toBe('queued');

    // The worker computes it; the organiser reloads the page.
    await t.drainQueues(60_000);
    await page.getByRole('link', { name: 'Rafraîchir' }).click();
    await page.waitForURL(`**/equipe/evenements/${w.eventId}/planning`);
    const main = await page.textContent('main');
    expect(main).toContain('Aucun calcul en cours.');
    expect(main).toContain('optimal (prouvé)');
    expect(main).toContain('0 point (0 %)');
    // 3 employers × 1 table × 3 slots, 4 candidates of at most 3 interviews: every cell holds a meeting
    const grid = page.getByRole('table', { name: /Tables \(lignes\) × créneaux/ });
    expect(await grid.locator('tbody tr').count()).toBe(3);
    const cells = (await grid.locator('tbody td').allTextContents()).map((c) => c.trim());
    expect(cells).toHaveLength(9);
    for (const cell of cells) expect(cell).toMatch(/^Candidate [1-4]$/);
    // pseudonyms only: no identity of the fixtures' candidates on the page
    const identities: Array<{ last_name: string }> = await t.dataSource.query(
      `SELECT last_name FROM candidate WHERE id = ANY($1::uuid[])`,
      [w.candidates.map((c) => c.candidateId)],
    );
    expect(identities).toHaveLength(4);
    for (const { last_name } of identities) expect(main).not.toContain(last_name);
    await b.checkPage(page, '3-planning-calcule');

    // A second run, then the two compared.
    await page.getByRole('button', { name: 'Lancer un calcul du planning' }).click();
    await page.waitForURL(/planning\?fait=lance/);
    await t.drainQueues(60_000);
    await page.getByRole('link', { name: 'Rafraîchir' }).click();
    await page.waitForURL(`**/equipe/evenements/${w.eventId}/planning`);
    expect((await runs()).map((r) => [r.status, r.is_current])).toEqual([
      ['succeeded', false],
      ['succeeded', true],
    ]);
    await page.getByRole('button', { name: 'Comparer' }).click();
    await page.waitForURL(/planning\/comparaison\?a=/);
    expect(await heading(page)).toBe('Comparer deux calculs');
    expect(await page.textContent('main')).toMatch(/Valeur : 0 ; écart : 0 ; \d+ rencontres identiques/);
    await b.checkPage(page, '4-comparaison');
    await page.getByRole('link', { name: '← Retour au planning' }).click();

    // Publication: asked once more, then done.
    await page.getByRole('button', { name: 'Publier le planning' }).click();
    expect(await heading(page)).toBe('Publier le planning');
    expect(await page.textContent('main')).toContain('Publier le planning de 9 entretiens ?');
    await b.checkPage(page, '5-confirmation');
    const [{ status: before }] = await t.dataSource.query(`SELECT status FROM event WHERE id = $1`, [w.eventId]);
    expect(before).toBe('planning');
    await page.getByRole('button', { name: 'Publier le planning' }).click();
    await page.waitForURL(/planning\?fait=publie/);
    expect(await page.textContent('main')).toContain('Le planning est publié');
    const [{ status: after }] = await t.dataSource.query(`SELECT status FROM event WHERE id = $1`, [w.eventId]);
    expect(after).toBe('published');
    const statuses = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM event_meeting WHERE event_id = $1 GROUP BY status`,
      [w.eventId],
    );
    expect(statuses).toEqual([{ status: 'announced', n: 9 }]);
    // the publish button is gone once published
    expect(await page.getByRole('button', { name: 'Publier le planning' }).count()).toBe(0);
    await b.checkPage(page, '6-publie');

    // The morning: the organiser checks a candidate in.
    await page.goto(`/equipe/evenements/${w.eventId}/accueil`);
    await page.locator('li.card').filter({ hasText: 'Candidate 1' }).getByRole('button', { name: 'Présent·e' }).click();
    await page.waitForURL(/accueil/);
    expect(await page.locator('li.card').filter({ hasText: 'Candidate 1' }).textContent()).toContain(
      'Présent·e à 08:30',
    );
    const [row] = await t.dataSource.query(`SELECT checked_in_at FROM event_registration WHERE id = $1`, [
      w.candidates[0].registrationId,
    ]);
    expect(row.checked_in_at).toEqual(clock.now());
    await b.checkPage(page, '7-accueil');
    await context.close();
  });

  it('refuses the planning page to a CIP who does not organise the event, in French', async () => {
    const context = await b.context();
    const page = await context.newPage();
    await page.goto(`/equipe/evenements/${w.eventId}/planning`);
    await page.getByLabel('Adresse e-mail').fill(w.users.cipA.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/equipe/evenements/${w.eventId}/planning`));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect((await refused).status()).toBe(403);
    expect(await page.textContent('main')).not.toContain('Candidate 1');
    await context.close();
  });
});
