/**
 * The access checks of the outcomes and reports routes (anonymous 401 — or a 303 to the login for staff pages —, wrong
 * role 403, other tenant 404, right role 2xx), with the entries of test/support/reports-access.ts: each refusal checked
 * with its status and its code. Staff pages are opened with the page session cookie of the real login form.
 */
import { buildAccessWorld, type AccessWorld, type SignedInActor } from '../support/access-world';
import { employerHeaders } from '../support/event-world';
import { reportsEntries } from '../support/reports-access';
import { routeRequest } from '../support/route-request';
import { TestApp } from '../support/test-app';
import { WebSecurity } from '../../src/platform/web/web-security';

describe('outcomes and reports access: every route, every kind of caller', () => {
  let t: TestApp;
  let w: AccessWorld;
  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildAccessWorld(t);
  }, 120_000);
  afterAll(() => t.close());

  /** A staff page session for an actor: the bearer token of the access world, in the page cookie (as the login sets). */
  const pageCookie = (actor: SignedInActor) => `${t.get(WebSecurity).staffCookie}=${w.tokens.get(actor)}`;

  describe.each(Object.entries(reportsEntries))('%s', (route, entry) => {
    const call = async (actor: SignedInActor | null) => {
      const { link, ...input } = await entry.request(w);
      if (entry.employerLink) {
        // The employer's session (cookie + CSRF header) when a caller is given; nothing at all for "anonymous".
        const req = routeRequest(t, route, { ...input, body: undefined }, null).redirects(0);
        if (actor !== null) req.set(await employerHeaders(t, link!));
        return input.body === undefined ? req : req.send(input.body);
      }
      if (!entry.page) return routeRequest(t, route, input, actor === null ? null : w.tokens.get(actor)!);
      const req = routeRequest(t, route, input, null).redirects(0);
      return actor === null ? req : req.set('cookie', pageCookie(actor));
    };
    if (entry.employerLink)
      it('refuses a caller without an employer session with 401 EMPLOYER_SESSION_REQUIRED', async () => {
        const res = await call(null);
        expect(res.status).toBe(401);
        expect(res.headers['x-error-code'] ?? res.body.code).toBe('EMPLOYER_SESSION_REQUIRED');
      });
    else if (entry.page)
      it('sends an anonymous caller to the login page (303)', async () => {
        const res = await call(null);
        expect([res.status, res.headers.location]).toEqual([
          303,
          expect.stringMatching(/^\/equipe\/connexion\?suite=/),
        ]);
      });
    else
      it('refuses anonymous callers with 401 UNAUTHENTICATED', async () => {
        const res = await call(null);
        expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      });
    const wrong = entry.wrongRole;
    if ('as' in wrong)
      it(`refuses a wrong role (${wrong.as}) with 403 ${wrong.code}`, async () => {
        const res = await call(wrong.as);
        expect([res.status, res.body.code]).toEqual([403, wrong.code]);
      });
    const other = entry.otherTenant;
    if ('as' in other)
      it(`answers another tenant (${other.as}) with 404 ${other.code}`, async () => {
        const res = await call(other.as);
        expect([res.status, res.body.code]).toEqual([404, other.code]);
      });
    it(`serves the right role (${entry.allowed.as}) with ${entry.allowed.status}`, async () => {
      const res = await call(entry.allowed.as);
      expect([res.status, res.status >= 400 ? res.body : undefined]).toEqual([entry.allowed.status, undefined]);
    });
  });
});
