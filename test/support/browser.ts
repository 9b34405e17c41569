import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import type { TestApp } from './test-app';

/** Debian's chromium (installed by .ci/chromium.sh): playwright-core never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '.local', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; html: string }>;
}

/**
 * One headless chromium per test file (launching costs seconds on this machine), one context per scenario (its own
 * cookies), and the app listening on a free port of 127.0.0.1.
 */
export class BrowserHarness {
  private constructor(
    readonly browser: Browser,
    readonly baseUrl: string,
    private readonly folder: string,
  ) {}

  static async start(app: TestApp, suite: string): Promise<BrowserHarness> {
    const server = app.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const folder = join(SCREENSHOT_DIR, suite);
    await mkdir(folder, { recursive: true });
    return new BrowserHarness(browser, `http://127.0.0.1:${port}`, folder);
  }

  /** A phone-sized context by default (mobile first); the screenshots also take the desktop width. */
  async context(width = 390): Promise<BrowserContext> {
    return this.browser.newContext({ viewport: { width, height: 844 }, locale: 'fr-FR', baseURL: this.baseUrl });
  }

  /** axe-core in the page: the serious and critical violations (WCAG 2.0/2.1 A and AA rules, best practices). */
  async axe(page: Page): Promise<AxeViolation[]> {
    // Evaluated through the DevTools protocol rather than a <script> tag: the pages' CSP (script-src 'self') stays on.
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    });
    const violations = (results as { violations: AxeViolation[] }).violations;
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
      }));
  }

  /**
   * The check every page gets: no serious or critical axe violation, at 390 px and at 1280 px, each width screenshot
   * into .local/screenshots/<suite>/<name>-<width>.png (ignored by git). Restores the page's width afterwards.
   */
  async checkPage(page: Page, name: string): Promise<void> {
    const original = page.viewportSize() ?? { width: 390, height: 844 };
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: original.height });
      expect({ page: name, width, violations: await this.axe(page) }).toEqual({ page: name, width, violations: [] });
      await page.screenshot({ path: join(this.folder, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize(original);
  }

  async close(app: TestApp): Promise<void> {
    await this.browser.close();
    const server = app.app.getHttpServer();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
