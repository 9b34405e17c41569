/**
 * The access-matrix checks (anonymous 401, wrong role 403, other tenant 404, right role 2xx) for every employer-network
 * route, with the entries of test/support/employer-network-access.ts and the same actors as the shared matrix.
 */
import {
  employerNetworkEntries,
  type EnActor,
  type EnEntry,
  type EnRefusal,
  type EnWorld,
} from '../support/employer-network-access';
import { buildAccessWorld } from '../support/access-world';
import { routeRequest } from '../support/route-request';
import { TestApp } from '../support/test-app';

async function call(w: EnWorld, route: string, entry: EnEntry, actor: EnActor) {
  return routeRequest(
    w.t,
    route,
    entry.request ? await entry.request(w) : {},
    actor === 'anonymous' ? null : w.tokens.get(actor)!,
  );
}

describe('employer network access: every route, every kind of caller', () => {
  let t: TestApp;
  let w: EnWorld;
  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildAccessWorld(t);
  }, 180_000);
  afterAll(() => t.close());

  describe.each(Object.entries(employerNetworkEntries))('%s', (route, entry) => {
    it('refuses anonymous callers with 401', async () => {
      const res = await call(w, route, entry, 'anonymous');
      expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    });
    // An excused case (`none`) is documented in the table and makes no test: only real requests are tests.
    const wrong = entry.wrongRole;
    if (!('none' in Object(wrong))) {
      const want = typeof wrong === 'string' ? { as: wrong, status: 403, code: 'FORBIDDEN' } : (wrong as EnRefusal);
      it(`refuses a wrong role (${want.as}) with ${want.status} ${want.code}`, async () => {
        const res = await call(w, route, entry, want.as);
        expect([res.status, res.body.code]).toEqual([want.status, want.code]);
      });
    }
    const other = entry.otherTenant;
    if (!('none' in Object(other))) {
      const want = typeof other === 'string' ? { as: other, status: 404, code: undefined } : (other as EnRefusal);
      it(`answers another tenant (${want.as}) with ${want.status} ${want.code ?? '…NOT_FOUND'}`, async () => {
        const res = await call(w, route, entry, want.as);
        expect([res.status, res.body.code]).toEqual([want.status, want.code ?? expect.stringMatching(/NOT_FOUND$/)]);
      });
    }
    it(`serves the right role (${entry.allowed.as}) with ${entry.allowed.status}`, async () => {
      const res = await call(w, route, entry, entry.allowed.as);
      expect([res.status, res.status >= 400 ? res.body : undefined]).toEqual([entry.allowed.status, undefined]);
    });
  });
});
