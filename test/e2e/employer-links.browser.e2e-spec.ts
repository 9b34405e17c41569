import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LinksService } from '../../src/platform/links/links.service';
import { BrowserHarness, SCREENSHOT_DIR } from '../support/browser';
import { TestEmployerPagesModule, testEventCompanyLink } from '../support/employer-link-pages';
import { TestApp } from '../support/test-app';

/** The harness itself, on the tests' own small employer page: link → session → form → confirmation, in chromium. */
describe('browser: an employer link opened in chromium', () => {
  let t: TestApp;
  let b: BrowserHarness;

  beforeAll(async () => {
    t = await TestApp.create({ modules: [TestEmployerPagesModule] });
    b = await BrowserHarness.start(t, 'employer-links');
  });
  afterAll(async () => {
    await b.close(t);
    await t.close();
  });

  it('opens the link, drops the token from the address, submits the form with keyboard only', async () => {
    const eventId = randomUUID();
    const companyId = randomUUID();
    const link = await t
      .get(LinksService)
      .issue(testEventCompanyLink, { eventId, companyId }, new Date(Date.now() + 86_400_000));
    const context = await b.context();
    const page = await context.newPage();
    const response = await page.goto(`/lien/${link.token}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${b.baseUrl}/essai-employeur/${eventId}/${companyId}`);
    expect(page.url()).not.toContain(link.token);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'maillage_employeur')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await b.checkPage(page, 'participation');

    // Keyboard: the first Tab reaches the skip link, which is visible when focused.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.getByLabel('Nombre de tables').focus();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Inscription confirmée' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Inscription confirmée');
    expect(await page.textContent('main')).toContain('Tables : 3');
    await b.checkPage(page, 'confirmee');
    expect(existsSync(join(SCREENSHOT_DIR, 'employer-links', 'confirmee-390.png'))).toBe(true);

    // The back button to the link's address does not show the token-bearing page again: it re-exchanges or refuses.
    await t.get(LinksService).revoke(link.linkId);
    const revoked = await page.goto(`/lien/${link.token}`);
    expect(revoked?.status()).toBe(410);
    expect(await page.textContent('h1')).toBe('Lien plus valable');
    await b.checkPage(page, 'lien-desactive');
    await context.close();
  });
});
