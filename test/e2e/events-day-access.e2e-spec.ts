/**
 * The access checks of every route of the day (anonymous 401, wrong role 403, other tenant 404, right role 2xx), with
 * the entries of test/support/day-access.ts: each refusal checked with its status and its code.
 */
import { buildAccessWorld, type AccessWorld } from '../support/access-world';
import { dayEntries } from '../support/day-access';
import { routeRequest } from '../support/route-request';
import { TestApp } from '../support/test-app';

describe('the day’s access: every route, every kind of caller', () => {
  let t: TestApp;
  let w: AccessWorld;
  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildAccessWorld(t);
  }, 120_000);
  afterAll(() => t.close());

  describe.each(Object.entries(dayEntries))('%s', (route, entry) => {
    const call = async (actor: string | null) => {
      const { link: _link, ...input } = await entry.request(w);
      return routeRequest(t, route, input, actor === null ? null : w.tokens.get(actor as never)!);
    };
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
