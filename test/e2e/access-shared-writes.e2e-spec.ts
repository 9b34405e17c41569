/**
 * WRITES ON SHARED OBJECTS, driven from the modules' write tables (employer-network.permissions.ts,
 * matching.permissions.ts): for every rule, every kind of caller makes the real request on fresh data, and gets what the
 * table says — 403 FORBIDDEN when it holds none of the route's `guard` roles anywhere, the success status when one of
 * its `may` parties holds, else the rule's `refused` error (status AND code) when it may see the object, else the
 * rule's `hidden` error; anonymous callers get 401 UNAUTHENTICATED.
 *
 * The expectation is computed here from the table's declarative parties and each actor's place in the world below
 * (not by the services' own `mayWrite`), so a service that decides otherwise than its table fails.
 *
 * World: SIAE A (brings the records: owner / contributor) and SIAE P (partner), both active members of C1; `coord`
 * coordinates C1 with no role in any SIAE; SIAE B is a member of another collective C2 coordinated by `coordB`; an admin.
 */
import type { SiaeRole } from '../../src/platform/auth/principal';
import { fieldDate } from '../../src/platform/clock/clock';
import { employerNetworkWrites } from '../../src/modules/employer-network/employer-network.permissions';
import { matchingWrites } from '../../src/modules/matching/matching.permissions';
import type { Party, WriteRule } from '../../src/modules/structures/access/write-rules';
import { Fixtures } from '../support/fixtures';
import { routeRequest, type RouteInput } from '../support/route-request';
import { TestApp } from '../support/test-app';

type ActorName =
  | 'dirA'
  | 'cipA'
  | 'devA'
  | 'dirP'
  | 'cipP'
  | 'devP'
  | 'coord'
  | 'dirB'
  | 'cipB'
  | 'devB'
  | 'coordB'
  | 'admin'
  | 'anonymous';
interface ActorPlace {
  siae?: 'A' | 'P' | 'B';
  role?: SiaeRole;
  coordinates?: 'C1' | 'C2';
  admin?: boolean;
}
const places: Record<ActorName, ActorPlace> = {
  dirA: { siae: 'A', role: 'direction' },
  cipA: { siae: 'A', role: 'cip' },
  devA: { siae: 'A', role: 'charge_dev' },
  dirP: { siae: 'P', role: 'direction' },
  cipP: { siae: 'P', role: 'cip' },
  devP: { siae: 'P', role: 'charge_dev' },
  coord: { coordinates: 'C1' },
  dirB: { siae: 'B', role: 'direction' },
  cipB: { siae: 'B', role: 'cip' },
  devB: { siae: 'B', role: 'charge_dev' },
  coordB: { coordinates: 'C2' },
  admin: { admin: true },
  anonymous: {},
};
const actors = Object.keys(places) as ActorName[];

interface World {
  t: TestApp;
  f: Fixtures;
  tokens: Map<ActorName, string>;
  siae: Record<'A' | 'P' | 'B', { id: string }>;
  c1: { id: string };
}

/** Every object of a scenario is in C1 and its records belong to A: the owner and the contributor are A. */
function holds(place: ActorPlace, party: Party): boolean {
  switch (party.kind) {
    case 'admin':
      return place.admin === true;
    case 'coordinator':
      return place.coordinates === 'C1';
    case 'staff': {
      const inRole = place.role !== undefined && party.roles.includes(place.role);
      if (party.of === 'member') return inRole && (place.siae === 'A' || place.siae === 'P');
      return inRole && place.siae === 'A';
    }
  }
}

function expected(rule: WriteRule, success: number, actor: ActorName): { status: number; code?: string } {
  if (actor === 'anonymous') return { status: 401, code: 'UNAUTHENTICATED' };
  const place = places[actor];
  const guardRoles = rule.guard ?? [];
  const passesGuard =
    !rule.guard ||
    guardRoles.some((role) =>
      role === 'admin' ? place.admin : role === 'coordinator' ? place.coordinates !== undefined : place.role === role,
    );
  if (!passesGuard) return { status: 403, code: 'FORBIDDEN' };
  if (rule.may.some((p) => holds(place, p))) return { status: success };
  const error = rule.visibleTo.some((p) => holds(place, p)) ? rule.refused() : rule.hidden();
  return { status: error.status, code: error.code };
}

async function as(w: World, actor: ActorName, method: 'post' | 'put', path: string, body: object) {
  const res = await w.t
    .http()
    [method](path)
    .set('authorization', `Bearer ${w.tokens.get(actor)}`)
    .send(body);
  if (res.status >= 300) throw new Error(`setup ${method} ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function recordOfA(w: World, shared: boolean): Promise<string> {
  const { id } = await as(w, 'devA', 'post', '/api/companies', { siaeId: w.siae.A.id, name: 'Entreprise Partagée' });
  if (shared)
    await as(w, 'devA', 'post', `/api/companies/${id}/shares`, { collectiveId: w.c1.id, withContacts: false });
  return id as string;
}

/** A pooled company of C1 over `records` shared records of A (in SQL: these tests run without a worker). */
async function pooledOfA(w: World, records = 1, pausedUntil: string | null = null): Promise<string[]> {
  const companyIds: string[] = [];
  for (let i = 0; i < records; i++) companyIds.push(await recordOfA(w, true));
  const [{ id }] = await w.t.dataSource.query(
    `INSERT INTO pooled_company (collective_id, display_name, paused_until, pause_reason) VALUES ($1, 'Entreprise Partagée', $2, $3) RETURNING id`,
    [w.c1.id, pausedUntil, pausedUntil ? 'Inventaire' : null],
  );
  for (const companyId of companyIds)
    await w.t.dataSource.query(
      `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
      [id, w.c1.id, companyId],
    );
  return [id, ...companyIds];
}

const inDays = (days: number) => fieldDate(new Date(Date.now() + days * 86_400_000));

interface Scenario {
  route: string;
  success: number;
  request: (w: World, actor: ActorName) => Promise<RouteInput>;
}

/** One valid request per rule of each table; a rule without a scenario fails the completeness test. */
const scenarios: Record<string, Scenario> = {
  'employer-network.ownRecord': {
    route: 'PATCH /api/companies/:id',
    success: 200,
    request: async (w) => ({ params: { id: await recordOfA(w, true) }, body: { name: 'Nouveau nom' } }),
  },
  'employer-network.share': {
    route: 'POST /api/companies/:id/shares',
    success: 201,
    request: async (w) => ({
      params: { id: await recordOfA(w, false) },
      body: { collectiveId: w.c1.id, withContacts: false },
    }),
  },
  'employer-network.withdrawShare': {
    route: 'POST /api/companies/:id/shares/:collectiveId/withdraw',
    success: 200,
    request: async (w) => ({ params: { id: await recordOfA(w, true), collectiveId: w.c1.id } }),
  },
  'employer-network.interaction': {
    route: 'POST /api/companies/:id/interactions',
    success: 201,
    request: async (w) => ({
      params: { id: await recordOfA(w, true) },
      body: { kind: 'call', occurredOn: inDays(-1) },
    }),
  },
  'employer-network.pause': {
    route: 'PUT /api/pooled-companies/:id/pause',
    success: 200,
    request: async (w) => ({
      params: { id: (await pooledOfA(w))[0] },
      body: { until: inDays(30), reason: 'Inventaire annuel' },
    }),
  },
  'employer-network.liftPause': {
    route: 'DELETE /api/pooled-companies/:id/pause',
    success: 200,
    request: async (w) => ({ params: { id: (await pooledOfA(w, 1, inDays(30)))[0] } }),
  },
  'employer-network.split': {
    route: 'POST /api/pooled-companies/:id/split',
    success: 202,
    request: async (w) => {
      const [id, , second] = await pooledOfA(w, 2);
      return { params: { id }, body: { companyIds: [second] } };
    },
  },
  'employer-network.merge': {
    route: 'POST /api/pooled-companies/:id/merge',
    success: 202,
    request: async (w) => ({
      params: { id: (await pooledOfA(w))[0] },
      body: { otherPooledCompanyId: (await pooledOfA(w))[0] },
    }),
  },
  'employer-network.poolingRun': {
    route: 'POST /api/collectives/:id/pooling-runs',
    success: 202,
    request: async (w) => ({ params: { id: w.c1.id }, body: {} }),
  },
  'employer-network.solicitation': {
    route: 'POST /api/pooled-companies/:id/solicitations',
    success: 201,
    // in the name of the caller's own SIAE (a coordinator names a member SIAE)
    request: async (w, actor) => ({
      params: { id: (await pooledOfA(w))[0] },
      body: { siaeId: w.siae[places[actor].siae ?? 'A'].id, kind: 'information' },
    }),
  },
  'employer-network.budget': {
    route: 'PUT /api/collectives/:id/solicitation-budget',
    success: 200,
    request: async (w) => ({
      params: { id: w.c1.id },
      body: { default: { maxPer30Days: 40, maxPer7Days: 10 } },
    }),
  },
  'matching.weights': {
    route: 'PUT /api/collectives/:collectiveId/matching-weights',
    success: 200,
    request: async (w) => ({ params: { collectiveId: w.c1.id }, body: { overrides: { contractEnd: { max: 10 } } } }),
  },
};

const tables: Record<string, Record<string, WriteRule>> = {
  'employer-network': employerNetworkWrites,
  matching: matchingWrites,
};
const rules = Object.entries(tables).flatMap(([module, table]) =>
  Object.entries(table).map(([name, rule]) => ({ key: `${module}.${name}`, rule })),
);

describe('writes on shared objects: who may, from the modules’ write tables', () => {
  let w: World;

  beforeAll(async () => {
    const t = await TestApp.create();
    const f = new Fixtures(t);
    const siae = { A: await f.siae({ name: 'SIAE A' }), P: await f.siae({ name: 'SIAE P' }), B: await f.siae() };
    const c1 = await f.collective({ name: 'C1' });
    const c2 = await f.collective({ name: 'C2' });
    await f.collectiveMember(c1, siae.A);
    await f.collectiveMember(c1, siae.P);
    await f.collectiveMember(c2, siae.B);
    const tokens = new Map<ActorName, string>();
    for (const actor of actors) {
      const place = places[actor];
      if (actor === 'anonymous') continue;
      const user = place.admin
        ? await f.admin()
        : place.siae
          ? await f.member(siae[place.siae], place.role!)
          : await f.coordinator(place.coordinates === 'C1' ? c1 : c2);
      tokens.set(actor, await f.tokenFor(user));
    }
    w = { t, f, tokens, siae, c1 };
  }, 180_000);
  afterAll(() => w.t.close());

  it('has a scenario for every rule of every write table, on one of the rule’s routes', () => {
    const missing = rules.filter(({ key }) => !scenarios[key]).map(({ key }) => key);
    const offRoute = rules
      .filter(({ key, rule }) => scenarios[key] && !rule.routes.includes(scenarios[key].route))
      .map(({ key }) => key);
    const stale = Object.keys(scenarios).filter((key) => !rules.some((r) => r.key === key));
    expect({ missing, offRoute, stale }).toEqual({ missing: [], offRoute: [], stale: [] });
  });

  describe.each(rules.filter(({ key }) => scenarios[key]))('$key', ({ key, rule }) => {
    const scenario = scenarios[key];
    it.each(actors.map((actor) => ({ actor, want: expected(rule, scenario.success, actor) })))(
      '$actor → $want.status $want.code',
      async ({ actor, want }) => {
        const input = await scenario.request(w, actor);
        const res = await routeRequest(w.t, scenario.route, input, actor === 'anonymous' ? null : w.tokens.get(actor)!);
        expect({ status: res.status, code: res.status >= 400 ? res.body.code : undefined }).toEqual({
          status: want.status,
          code: want.code,
        });
      },
    );
  });

  it('audits every allowed write under the action its table names', async () => {
    const [{ actions }] = await w.t.dataSource.query(`SELECT array_agg(DISTINCT action) AS actions FROM audit_entry`);
    const audited = rules.filter(({ key }) => key !== 'employer-network.ownRecord').map(({ rule }) => rule.audit);
    expect(audited.filter((a) => !actions.includes(a))).toEqual([]);
  });
});
