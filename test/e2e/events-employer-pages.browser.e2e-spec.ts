import type { Page } from 'playwright-core';
import { BrowserHarness } from '../support/browser';
import { CandidateFixtures, type NewCandidate } from '../support/candidate-fixtures';
import { TEST_PASSWORD } from '../support/fixtures';
import { buildEventWorld, employerHeaders, eventBody, pooledCompany, type EventWorld } from '../support/event-world';
import { TestApp } from '../support/test-app';

/**
 * The employer journey of a job dating in chromium (issue 13 §7): the e-mail link → session → participation (tables and
 * slots, losing the race for the last table and taking what is left) → candidates to meet → "inscription confirmée";
 * and another employer declining with a pause. axe-core on every page, screenshots at 390 and 1280 px.
 */
describe('browser: the employer journey of a job dating', () => {
  let t: TestApp;
  let w: EventWorld;
  let b: BrowserHarness;
  let eventId: string;
  let slots: Array<{ id: string; position: number }>;
  let candidates: NewCandidate[];
  const links: Record<string, string> = {};

  const api = () => t.http();
  /** The link of the last invitation mail to `email`, as written to the mail log (the outbox sends it). */
  async function linkOf(email: string): Promise<string> {
    const rows = await t.dataSource.query(
      `SELECT body_text FROM mail_message WHERE template = 'event-invitation' AND recipient = $1 ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const match = /https?:\/\/[^\s]+\/lien\/([A-Za-z0-9_-]{43})/.exec(rows[0]?.body_text ?? '');
    if (!match) throw new Error(`no link mailed to ${email}`);
    return match[1];
  }

  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildEventWorld(t);
    const cf = new CandidateFixtures(t, w.f);
    // 2 tables × 3 slots of 15 minutes = 6 cells.
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { tableCount: 2, defaultSiaeQuota: 3 }));
    eventId = created.body.id;
    slots = created.body.slots;
    await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to: 'open' });
    for (const [key, name] of [
      ['propre', 'Propreté Rhône Services'],
      ['logi', 'Logistique du Confluent'],
      ['resto', 'Restaurant Le Tablier'],
    ]) {
      const company = await pooledCompany(w, name, `rh@${key}.exemple.fr`);
      const invited = await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: company.id });
      if (invited.status !== 201) throw new Error(`invite ${key}: ${invited.status} ${JSON.stringify(invited.body)}`);
      links[key] = await linkOf(`rh@${key}.exemple.fr`);
    }
    candidates = [];
    for (let i = 0; i < 2; i++) {
      const c = await cf.newCandidate(w.users.cipA, w.siaes.A.id);
      await cf.consent(w.users.cipA, c.id, 'employers');
      const reg = await api()
        .post(`/api/events/${eventId}/registrations`)
        .set('authorization', w.auth('cipA'))
        .send({ candidateId: c.id, maxInterviews: 3 });
      await api()
        .post(`/api/events/${eventId}/registrations/${reg.body.id}/decision`)
        .set('authorization', w.auth('coord'))
        .send({ decision: 'accept' });
      candidates.push(c);
    }
    // The competitor takes the first two slots entirely: 2 cells remain, both in the last slot.
    const logi = await employerHeaders(t, links.logi);
    const filled = await api()
      .put('/api/employer/event/registration')
      .set(logi)
      .send({
        tables: 2,
        cells: slots.slice(0, 2).flatMap((s) => [1, 2].map((table) => ({ slotId: s.id, table }))),
      });
    if (filled.status !== 200) throw new Error(`competitor: ${filled.status} ${JSON.stringify(filled.body)}`);
    b = await BrowserHarness.start(t, 'events-employer');
  }, 180_000);

  afterAll(async () => {
    await b?.close(t);
    await t.close();
  });

  const heading = (page: Page) => page.locator('h1').textContent();

  it('takes an employer from the e-mail link to "inscription confirmée", through a lost race for a table', async () => {
    const context = await b.context();
    const page = await context.newPage();
    await page.goto(`/lien/${links.propre}`);
    expect(page.url()).toBe(`${b.baseUrl}/employeurs/evenements/${eventId}`);
    expect(await heading(page)).toBe('Job dating logistique');
    expect(await page.textContent('body')).toContain('2 emplacement(s) encore libre(s)');
    await b.checkPage(page, '1-participation');

    // Looking for a job title works without JavaScript (a GET form), and keeps the page usable.
    await page.getByLabel('Rechercher un métier').fill('agent');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/metier=agent/);
    await b.checkPage(page, '1b-recherche-metier');

    const last = page.locator('fieldset fieldset').nth(2);
    await last.getByLabel('Table 1').check();
    await page.getByLabel('Français débutant accepté').check();
    await page.getByLabel(/Nombre maximum d’entretiens/).fill('6');

    // Meanwhile the competitor takes table 1 of the last slot.
    const raced = await api()
      .put('/api/employer/event/registration')
      .set(await employerHeaders(t, links.logi))
      .send({
        tables: 2,
        cells: [
          ...slots.slice(0, 2).flatMap((s) => [1, 2].map((table) => ({ slotId: s.id, table }))),
          { slotId: slots[2].id, table: 1 },
        ],
      });
    expect(raced.status).toBe(200);

    await page.getByRole('button', { name: 'Confirmer ma participation' }).click();
    await page.waitForLoadState();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toMatch(
      /Une table demandée vient d’être réservée par un autre employeur\. Il reste 1 emplacement\(s\) libre\(s\)/,
    );
    expect(await page.textContent('body')).toContain('1 emplacement(s) encore libre(s)');
    expect(await page.locator('input[name=cells]').count()).toBe(1);
    await b.checkPage(page, '2-table-perdue');

    await page.locator('fieldset fieldset').nth(2).getByLabel('Table 2').check();
    await page.getByRole('button', { name: 'Confirmer ma participation' }).click();
    await page.waitForURL(`**/employeurs/evenements/${eventId}/candidats`);
    expect(await heading(page)).toBe('Candidat·es à rencontrer');
    // Pseudonymised profiles: the fixtures' pseudonym is the first name and an initial; never the rest of the identity.
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('Travail en équipe');
    for (const c of candidates) for (const value of [c.lastName, c.email, c.phone]) expect(text).not.toContain(value);
    expect(await page.locator('input[name=meet]').count()).toBe(2);
    await b.checkPage(page, '3-candidats');

    await page.locator('input[name=meet]').first().check();
    await page.locator('input[name=priority]').nth(1).check();
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await page.waitForURL(`**/employeurs/evenements/${eventId}/confirmation`);
    expect(await heading(page)).toBe('Inscription confirmée');
    const summary = (await page.textContent('main')) ?? '';
    expect(summary).toContain('table 2');
    expect(summary).toContain('Candidat·es que vous souhaitez rencontrer : 2.');
    await b.checkPage(page, '4-inscription-confirmee');

    const rows = await t.dataSource.query(
      `SELECT i.status, i.max_interviews, i.accommodations, count(b.*)::int AS cells
         FROM event_invitation i JOIN pooled_company p ON p.id = i.pooled_company_id
         LEFT JOIN event_booking b ON b.invitation_id = i.id
        WHERE i.event_id = $1 AND p.display_name = 'Propreté Rhône Services' GROUP BY i.id`,
      [eventId],
    );
    expect(rows).toEqual([{ status: 'confirmed', max_interviews: 6, accommodations: ['beginner_french'], cells: 1 }]);
    const twice = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM event_booking WHERE event_id = $1 GROUP BY slot_id, table_number HAVING count(*) > 1) d`,
      [eventId],
    );
    expect(twice[0].n).toBe(0);
    await context.close();
  });

  it('lets an employer decline from a phone and ask for a pause of solicitations', async () => {
    const context = await b.context();
    const page = await context.newPage();
    await page.goto(`/lien/${links.resto}`);
    await page.getByRole('link', { name: 'Je ne peux pas venir' }).click();
    await page.waitForURL(`**/employeurs/evenements/${eventId}/declin`);
    expect(await heading(page)).toBe('Décliner l’invitation');
    await b.checkPage(page, '5-declin');
    await page.getByLabel('Pourquoi ? (facultatif)').fill('Pas de recrutement ce trimestre');
    await page.getByLabel(/Ne plus être sollicité·e/).fill('2027-06-30');
    await page.getByRole('button', { name: 'Décliner l’invitation' }).click();
    await page.getByRole('heading', { name: 'Réponse enregistrée' }).waitFor();
    expect(await page.textContent('main')).toContain(
      'Le collectif ne vous sollicitera plus avant le mercredi 30 juin 2027.',
    );
    await b.checkPage(page, '6-reponse-enregistree');
    const [invitation] = await t.dataSource.query(
      `SELECT i.status, i.decline_reason FROM event_invitation i JOIN pooled_company p ON p.id = i.pooled_company_id
        WHERE i.event_id = $1 AND p.display_name = 'Restaurant Le Tablier'`,
      [eventId],
    );
    expect(invitation).toEqual({ status: 'declined', decline_reason: 'Pas de recrutement ce trimestre' });
    await context.close();
  });

  it("shows another event's page to nobody: the session's scope decides", async () => {
    const context = await b.context();
    const page = await context.newPage();
    await page.goto(`/lien/${links.logi}`);
    const other = await page.goto(`/employeurs/evenements/${w.collective.id}`);
    expect(other?.status()).toBe(404);
    expect(await page.textContent('main')).not.toContain('Job dating logistique');
    await context.close();
  });

  it('shows the organisers the event: employers by answer, quotas, registrations, tables × slots', async () => {
    const context = await b.context();
    const page = await context.newPage();
    await page.goto(`/equipe/evenements/${eventId}`);
    await page.waitForURL(/\/equipe\/connexion\?suite=/);
    expect(await heading(page)).toBe('Connexion à Maillage');
    await b.checkPage(page, '7-connexion');
    await page.getByLabel('Adresse e-mail').fill(w.users.coord.email);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Adresse e-mail ou mot de passe incorrect.');
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`**/equipe/evenements/${eventId}`);
    expect(await heading(page)).toBe('Job dating logistique');
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('0 invité(s) sans réponse, 2 confirmé(s), 1 décliné(s).');
    expect(main).toContain('6 emplacement(s) réservé(s) sur 6.');
    expect(main).toContain('Pas de recrutement ce trimestre');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'maillage_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The room: row of the last slot, table 2 is the journey's employer, table 1 the competitor's.
    const lastRow = page.locator('tbody tr').filter({ hasText: '09:40' });
    expect(await lastRow.locator('td').allTextContents()).toEqual([
      'Logistique du Confluent',
      'Propreté Rhône Services',
    ]);
    const quotas = page.locator('table').filter({ hasText: 'Quota de candidat·es par structure' });
    expect(await quotas.locator('tbody tr').filter({ hasText: 'SIAE A' }).locator('td').allTextContents()).toEqual([
      '3',
      '2',
      '0',
    ]);
    await b.checkPage(page, '8-evenement-equipe');

    // A CIP of a member SIAE is not an organiser: her page has the event and her SIAE's registrations, never the
    // employers nor the room.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/equipe/connexion');
    await page.goto(`/equipe/evenements/${eventId}`);
    await page.getByLabel('Adresse e-mail').fill(w.users.cipB.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    const member = page.waitForResponse((r) => r.url().endsWith(`/equipe/evenements/${eventId}`));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect((await member).status()).toBe(200);
    expect(await page.textContent('main')).not.toContain('Propreté Rhône Services');
    expect(await page.textContent('main')).not.toContain('Salle : tables et créneaux');

    // Staff of a SIAE outside the collective get the French not-found page, without the event's data.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/equipe/connexion');
    await page.goto(`/equipe/evenements/${eventId}`);
    await page.getByLabel('Adresse e-mail').fill(w.users.cipX.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/equipe/evenements/${eventId}`));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect((await refused).status()).toBe(404);
    expect(await page.textContent('main')).not.toContain('Job dating logistique');
    await context.close();
  });
});
