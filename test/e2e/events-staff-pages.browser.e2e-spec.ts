import type { Page } from 'playwright-core';
import { BrowserHarness } from '../support/browser';
import { CandidateFixtures } from '../support/candidate-fixtures';
import { TEST_PASSWORD } from '../support/fixtures';
import { buildEventWorld, eventBody, pooledCompany, type EventWorld } from '../support/event-world';
import { TestApp } from '../support/test-app';

/**
 * The staff event page's actions in chromium, without any script of ours (the pages have none): an organiser accepts a
 * registration and refuses another through its confirmation page, disables an employer link; a CIP registers a
 * consented candidate of her SIAE. axe-core on every page, screenshots at 390 and 1280 px.
 */
describe('browser: what organisers and CIPs do on the staff event page', () => {
  let t: TestApp;
  let w: EventWorld;
  let b: BrowserHarness;
  let eventId: string;
  const pseudonyms: string[] = [];
  let newcomer: string;
  const api = () => t.http();

  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildEventWorld(t);
    const cf = new CandidateFixtures(t, w.f);
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { defaultSiaeQuota: 3 }));
    eventId = created.body.id;
    await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to: 'open' });
    const company = await pooledCompany(w, 'Propreté Rhône Services', 'rh@propre.exemple.fr');
    await api()
      .post(`/api/events/${eventId}/invitations`)
      .set('authorization', w.auth('coord'))
      .send({ pooledCompanyId: company.id })
      .expect(201);
    for (let i = 0; i < 3; i++) {
      const c = await cf.newCandidate(w.users.cipA, w.siaes.A.id);
      await cf.consent(w.users.cipA, c.id, 'employers');
      const [{ pseudonym }] = await t.dataSource.query(
        `SELECT pseudonym FROM candidate_profile WHERE candidate_id = $1`,
        [c.id],
      );
      if (i < 2) {
        await api()
          .post(`/api/events/${eventId}/registrations`)
          .set('authorization', w.auth('cipA'))
          .send({ candidateId: c.id, maxInterviews: 3 })
          .expect(201);
        pseudonyms.push(pseudonym);
      } else newcomer = pseudonym;
    }
    b = await BrowserHarness.start(t, 'events-staff');
  }, 180_000);

  afterAll(async () => {
    await b?.close(t);
    await t.close();
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`/equipe/evenements/${eventId}`);
    await page.waitForURL(/\/equipe\/connexion\?suite=/);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`**/equipe/evenements/${eventId}`);
  }
  const stateOf = (page: Page, pseudonym: string) =>
    page.locator('tbody tr').filter({ hasText: pseudonym }).locator('td').nth(1).textContent();

  it('lets an organiser accept a registration, and refuse another after a confirmation page', async () => {
    const context = await b.context();
    const page = await context.newPage();
    await signIn(page, w.users.coord.email);
    expect(await stateOf(page, pseudonyms[0])).toBe('En attente de décision');
    await b.checkPage(page, '1-evenement-actions');

    await page.getByRole('button', { name: `Accepter : ${pseudonyms[0]}` }).click();
    await page.waitForURL(/\?fait=acceptee$/);
    expect(await page.getByRole('status').textContent()).toBe('L’inscription est acceptée.');
    expect(await stateOf(page, pseudonyms[0])).toBe('Acceptée');
    const [row] = await t.dataSource.query(
      `SELECT status FROM event_registration r JOIN candidate_profile p
       ON p.candidate_id = r.candidate_id WHERE p.pseudonym = $1`,
      [pseudonyms[0]],
    );
    expect(row.status).toBe('accepted');
    await b.checkPage(page, '2-inscription-acceptee');

    // Refusing frees a place: a page of its own asks first; "Annuler" changes nothing.
    await page.getByRole('button', { name: `Refuser : ${pseudonyms[1]}` }).click();
    expect(await page.locator('h1').textContent()).toBe('Refuser une inscription');
    expect(await page.textContent('main')).toContain(pseudonyms[1]);
    await b.checkPage(page, '3-confirmer-refus');
    await page.getByRole('link', { name: 'Annuler' }).click();
    expect(await stateOf(page, pseudonyms[1])).toBe('En attente de décision');
    await page.getByRole('button', { name: `Refuser : ${pseudonyms[1]}` }).click();
    await page.getByRole('button', { name: 'Refuser l’inscription' }).click();
    await page.waitForURL(/\?fait=refusee$/);
    expect(await stateOf(page, pseudonyms[1])).toBe('Refusée');

    // Disabling an employer link: confirmed, then the link is dead for the employer.
    await page.getByRole('button', { name: 'Désactiver le lien de Propreté Rhône Services' }).click();
    await b.checkPage(page, '4-confirmer-lien');
    await page.getByRole('button', { name: 'Désactiver le lien' }).click();
    await page.waitForURL(/\?fait=lien$/);
    expect(await page.locator('tbody tr').filter({ hasText: 'Propreté Rhône Services' }).textContent()).toContain(
      'Lien désactivé',
    );
    const live = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM employer_link WHERE kind = 'event_company' AND revoked_at IS NULL`,
    );
    expect(live[0].n).toBe(0);

    // A refusal of a use case comes back on the page at its status, in French: moving more places than are free.
    await page.getByLabel('De la structure').selectOption({ label: 'SIAE A (2 libre(s))' });
    await page.getByLabel('Vers la structure').selectOption({ label: 'SIAE B' });
    await page.getByLabel('Nombre de places').fill('5');
    const refused = page.waitForResponse((r) => r.url().endsWith('/places'));
    await page.getByRole('button', { name: 'Déplacer les places' }).click();
    expect((await refused).status()).toBe(409);
    expect(await page.getByRole('alert').textContent()).toContain('Action refusée');
    await b.checkPage(page, '5-refus-places');
    await context.close();
  });

  it('lets a CIP register a consented candidate of her SIAE, and shows her no employer', async () => {
    const context = await b.context(1280);
    const page = await context.newPage();
    await signIn(page, w.users.cipA.email);
    const main = (await page.textContent('main')) ?? '';
    expect(main).not.toContain('Propreté Rhône Services');
    expect(main).not.toContain('Salle : tables et créneaux');
    await page.getByLabel('Candidat·e', { exact: true }).selectOption({ label: `${newcomer} — SIAE A` });
    await page.getByLabel('Mot aux employeurs (facultatif)').fill('Très à l’aise en équipe');
    await b.checkPage(page, '6-inscrire-cip');
    await page.getByRole('button', { name: 'Inscrire' }).click();
    await page.waitForURL(/\?fait=inscrite$/);
    expect(await stateOf(page, newcomer)).toBe('En attente de décision');
    await b.checkPage(page, '7-inscrite');
    await context.close();
  });
});
