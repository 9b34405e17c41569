/**
 * The access checks of every proposals route (anonymous 401, wrong role 403, other tenant 404, right role 2xx), with
 * the entries of test/support/proposals-access.ts (derived from proposals.permissions.ts): each refusal with its code.
 */
import { buildAccessWorld, type AccessWorld } from '../support/access-world';
import { employerHeaders } from '../support/event-world';
import { proposalsEntries } from '../support/proposals-access';
import { routeRequest } from '../support/route-request';
import { TestApp } from '../support/test-app';

describe('proposals access: every route, every kind of caller', () => {
  let t: TestApp;
  let w: AccessWorld;
  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildAccessWorld(t);
  }, 120_000);
  afterAll(() => t.close());

  describe.each(Object.entries(proposalsEntries))('%s', (route, entry) => {
    const call = async (actor: string | null) => {
      const { link, ...input } = await entry.request(w);
      if (entry.employerLink) {
        const req = routeRequest(t, route, { ...input, body: undefined }, null);
        if (actor !== null) req.set(await employerHeaders(t, link!));
        return input.body === undefined ? req : req.type(entry.page ? 'form' : 'json').send(input.body);
      }
      return routeRequest(t, route, input, actor === null ? null : w.tokens.get(actor as never)!);
    };
    const codeOf = (res: { body: { code?: string }; headers: Record<string, string> }) =>
      entry.page ? res.headers['x-error-code'] : res.body.code;
    it(`refuses anonymous callers with 401 ${entry.employerLink ? 'EMPLOYER_SESSION_REQUIRED' : 'UNAUTHENTICATED'}`, async () => {
      const res = await call(null);
      expect([res.status, codeOf(res)]).toEqual([
        401,
        entry.employerLink ? 'EMPLOYER_SESSION_REQUIRED' : 'UNAUTHENTICATED',
      ]);
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
