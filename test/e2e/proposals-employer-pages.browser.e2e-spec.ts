import type { Page } from 'playwright-core';
import { BrowserHarness } from '../support/browser';
import type { NewCandidate } from '../support/candidate-fixtures';
import { TEST_PASSWORD } from '../support/fixtures';
import {
  buildProposalWorld,
  companyWithNeed,
  proposalToken,
  wideBudget,
  type CompanyWithNeed,
  type ProposalWorld,
} from '../support/proposal-world';
import { TestApp } from '../support/test-app';

/**
 * The employer's answer page of a proposal in chromium (issue 14 §6), on a 390 px wide phone: from the e-mail link to
 * "je veux la/le rencontrer" (proposed dates), the person's contact once she agreed, then the hire; another employer's
 * "pas maintenant" (first without the required precision); and the CIP's list for staff. axe-core on every page (no
 * serious or critical violation), screenshots at 390 and 1280 px in .local/screenshots/proposals/.
 */
describe('browser: the employer answers a proposal from the e-mail link', () => {
  let t: TestApp;
  let w: ProposalWorld;
  let b: BrowserHarness;
  let company: CompanyWithNeed;
  let agreed: NewCandidate;
  let other: NewCandidate;
  let tokens: { agreed: string; other: string };
  let ids: { agreed: string; other: string };

  const heading = (page: Page) => page.locator('h1').textContent();
  const candidate = async (pseudonym: string) => {
    const c = await w.cf.newCandidate(w.users.cipB, w.siaes.B.id, { profile: { pseudonym } });
    await w.cf.consent(w.users.cipB, c.id, 'employers');
    return c;
  };
  const propose = async (c: NewCandidate, extra: object) => {
    const res = await t
      .http()
      .post('/api/proposals')
      .set('authorization', w.auth('cipB'))
      .send({ candidateId: c.id, hiringNeedId: company.needId, ...extra });
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, token: await proposalToken(t, company.email) };
  };

  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildProposalWorld(t);
    await wideBudget(w);
    company = await companyWithNeed(w, 'Propreté Rhône Services', 2);
    agreed = await candidate('Sam R.');
    other = await candidate('Lou M.');
    const a = await propose(agreed, {
      message: 'Sam a fait six mois sur nos chantiers de nettoyage, très fiable.',
      revealIdentityOnInterview: true,
    });
    const o = await propose(other, {});
    tokens = { agreed: a.token, other: o.token };
    ids = { agreed: a.id, other: o.id };
    b = await BrowserHarness.start(t, 'proposals');
  }, 180_000);

  afterAll(async () => {
    await b?.close(t);
    await t.close();
  });

  it('takes the employer from the link to an interview request, the person’s contact, then the hire', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    await page.goto(`/lien/${tokens.agreed}`);
    expect(page.url()).toBe(`${b.baseUrl}/employeurs/propositions/${ids.agreed}`);
    expect(await heading(page)).toBe('Une candidature pour votre poste : Agent / Agente de propreté de locaux');
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('Sam a fait six mois');
    expect(text).toContain('Pourquoi ce profil correspond');
    for (const v of [agreed.firstName, agreed.lastName, agreed.email, agreed.phone]) expect(text).not.toContain(v);
    // The page fits the phone: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await b.checkPage(page, '1-candidature');

    await page.getByLabel('Je propose des dates d’entretien').check();
    await page.getByLabel('Date et heure 1').fill('2030-01-15T10:00');
    await page.getByLabel('Précisions (facultatif)').fill('Au dépôt de Vénissieux, demander Claire.');
    await page.getByRole('button', { name: 'Je veux rencontrer Sam R.' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${b.baseUrl}/employeurs/propositions/${ids.agreed}`);
    const after = (await page.textContent('body')) ?? '';
    expect(after).toContain('Vous avez demandé à rencontrer cette personne');
    expect(after).toContain('mardi 15 janvier à 10:00');
    expect(after).toContain(`${agreed.firstName} ${agreed.lastName}`);
    await b.checkPage(page, '2-rencontre-demandee');

    await page.getByLabel('Je l’embauche').check();
    await page.getByLabel('Type de contrat').selectOption('cdi');
    await page.getByLabel('Date de début').fill('2030-02-01');
    await page.getByRole('button', { name: 'Enregistrer l’issue' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('Embauche enregistrée').count()).toBe(1);
    expect((await page.textContent('body')) ?? '').toContain('CDI à partir du');
    await b.checkPage(page, '3-embauche');
    const staff = await t.http().get(`/api/proposals/${ids.agreed}`).set('authorization', w.auth('cipB'));
    expect(staff.body).toMatchObject({ status: 'accepted', hire: { contractType: 'cdi', startDate: '2030-02-01' } });
    await context.close();
  });

  it('takes "pas maintenant" with a reason, asking for the precision "autre raison" needs', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    await page.goto(`/lien/${tokens.other}`);
    await page.getByRole('radio', { name: 'Autre raison' }).check();
    await page.getByRole('button', { name: 'Pas maintenant' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('Précisez la raison en quelques mots');
    await b.checkPage(page, '4-refus-a-preciser');
    await page.getByRole('radio', { name: 'Autre raison' }).check();
    await page
      .getByLabel('Précisez (obligatoire pour « Autre raison »)')
      .first()
      .fill('Nous recrutons plutôt au printemps.');
    await page.getByRole('button', { name: 'Pas maintenant' }).click();
    await page.waitForLoadState();
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('Vous avez répondu « pas maintenant »');
    expect(text).toContain('Nous recrutons plutôt au printemps.');
    for (const v of [other.firstName, other.lastName, other.email, other.phone]) expect(text).not.toContain(v);
    await b.checkPage(page, '5-refus');
    await context.close();
  });

  it('shows the CIP her proposals by status, with days waiting and what to do next', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    await page.goto('/equipe/propositions');
    await page.waitForURL(/\/equipe\/connexion\?suite=/);
    await page.getByLabel('Adresse e-mail').fill(w.users.cipB.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/equipe/propositions');
    expect(await heading(page)).toBe('Mes propositions de candidatures');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect((await page.textContent('tbody')) ?? '').toContain('Embauche');
    await b.checkPage(page, '6-liste-cip');
    await page.getByRole('link', { name: /^Refusée/ }).click();
    await page.waitForURL('**/equipe/propositions?etat=refused');
    expect(await rows.count()).toBe(1);
    expect((await page.textContent('tbody')) ?? '').toContain('Lou M.');
    await context.close();
  });

  it('shows the chargé·e de développement what the companies of her network received, without other SIAE’s people', async () => {
    const context = await b.context(390);
    const page = await context.newPage();
    await page.goto('/equipe/propositions/recues');
    await page.waitForURL(/\/equipe\/connexion\?suite=/);
    await page.getByLabel('Adresse e-mail').fill(w.users.devA.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/equipe/propositions/recues');
    expect(await heading(page)).toBe('Propositions reçues par les entreprises de votre réseau');
    // A introduced the company; B proposed Sam (hired) and Lou (refused): two rows, B named, its people not.
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const body = (await page.textContent('tbody')) ?? '';
    expect(body).toContain('Propreté Rhône Services — Agent / Agente de propreté de locaux');
    expect(body).toContain(w.siaes.B.name);
    expect(body).toContain('Embauche');
    expect(body).toContain('Refusée');
    for (const c of [agreed, other])
      for (const v of [c.firstName, c.lastName, c.email, c.phone]) expect(body).not.toContain(v);
    for (const pseudonym of ['Sam R.', 'Lou M.']) expect(body).not.toContain(pseudonym);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await b.checkPage(page, '7-recues-charge-dev');
    await context.close();
  });
});
