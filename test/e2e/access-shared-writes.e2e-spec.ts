/**
 * WRITES ON SHARED OBJECTS, driven from the modules' write tables (employer-network.permissions.ts,
 * matching.permissions.ts): for every rule, every kind of caller makes the real request on fresh data, and gets what the
 * table says — 403 FORBIDDEN when it holds none of the route's `guard` roles anywhere, the success status when one of
 * its `may` parties holds, else the rule's `refused` error (status AND code) when it may see the object, else the
 * rule's `hidden` error; anonymous callers get 401 UNAUTHENTICATED. Each refusal by the rule (not the guard's 403, not
 * the 401) leaves one audit row `<rule.audit>.refused` for that caller, although its transaction was rolled back.
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
import { refusedAction, type Party, type WriteRule } from '../../src/modules/structures/access/write-rules';
import { employerHeaders, eventBody, tokenInMail } from '../support/event-world';
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
  userIds: Map<ActorName, string>;
  siae: Record<'A' | 'P' | 'B', { id: string }>;
  c1: { id: string };
}

/** Every object of a scenario is in C1 and its records belong to A: the owner and the contributor are A. */
function holds(place: ActorPlace, party: Party): boolean {
  switch (party.kind) {
    case 'employer':
      return false; // no signed-in actor is an employer: see 'the employer through its link' below
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

/** `byRule`: the service decided with the rule (past the guard, not allowed): a refusal to find in the audit trail. */
function expected(
  rule: WriteRule,
  success: number,
  actor: ActorName,
): { status: number; code?: string; byRule?: true } {
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
  return { status: error.status, code: error.code, byRule: true };
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
    const userIds = new Map<ActorName, string>();
    for (const actor of actors) {
      const place = places[actor];
      if (actor === 'anonymous') continue;
      const user = place.admin
        ? await f.admin()
        : place.siae
          ? await f.member(siae[place.siae], place.role!)
          : await f.coordinator(place.coordinates === 'C1' ? c1 : c2);
      tokens.set(actor, await f.tokenFor(user));
      userIds.set(actor, user.id);
    }
    w = { t, f, tokens, userIds, siae, c1 };
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
        const refusals = async () =>
          (
            await w.t.dataSource.query(
              `SELECT context FROM audit_entry WHERE action = $1 AND actor_user_id = $2 ORDER BY at`,
              [refusedAction(rule), w.userIds.get(actor) ?? null],
            )
          ).map((r: { context: { outcome: string; code: string } }) => r.context);
        const before = (await refusals()).length;
        const res = await routeRequest(w.t, scenario.route, input, actor === 'anonymous' ? null : w.tokens.get(actor)!);
        expect({ status: res.status, code: res.status >= 400 ? res.body.code : undefined }).toEqual({
          status: want.status,
          code: want.code,
        });
        // A refusal by the rule is audited although its transaction rolled back; nothing else writes a refusal row.
        const after = await refusals();
        if (want.byRule) {
          expect(after).toHaveLength(before + 1);
          expect(after[before]).toMatchObject({
            outcome: want.code === rule.hidden().code ? 'hidden' : 'refused',
            code: want.code,
          });
        } else expect(after).toHaveLength(before);
      },
    );
  });

  it('audits every allowed write under the action its table names', async () => {
    const [{ actions }] = await w.t.dataSource.query(`SELECT array_agg(DISTINCT action) AS actions FROM audit_entry`);
    const audited = rules.filter(({ key }) => key !== 'employer-network.ownRecord').map(({ rule }) => rule.audit);
    expect(audited.filter((a) => !actions.includes(a))).toEqual([]);
  });

  /**
   * The employer itself, through its personal link: where a rule names an `employer` party, the employer acts on its
   * `via` route with a link scoped to the object and succeeds; on the staff routes its session is no bearer (401).
   * Every other rule names no employer party. (The scope check itself, a link of another pooled company, is in
   * write-rules.spec.ts: no route lets a link name another company.)
   */
  describe('the employer through its link', () => {
    const withEmployer = rules.filter(({ rule }) => rule.may.some((p) => p.kind === 'employer'));

    it('is named by the pause rule only', () => {
      expect(withEmployer.map(({ key }) => key)).toEqual(['employer-network.pause']);
    });

    it.each(withEmployer)('$key: its link pauses its own pooled company, audited as the employer', async ({ rule }) => {
      const party = rule.may.find((p) => p.kind === 'employer') as Extract<Party, { kind: 'employer' }>;
      // A pooled company over a record of A shared with its contact (an invitation is mailed to the contact).
      const { id: companyId } = await as(w, 'devA', 'post', '/api/companies', {
        siaeId: w.siae.A.id,
        name: 'Entreprise Invitée',
      });
      await as(w, 'devA', 'post', `/api/companies/${companyId}/contacts`, {
        firstName: 'Claire',
        lastName: 'Recrute',
        email: `rh-${process.pid}@exemple.fr`,
      });
      await as(w, 'devA', 'post', `/api/companies/${companyId}/shares`, { collectiveId: w.c1.id, withContacts: true });
      const [{ id: pooledId }] = await w.t.dataSource.query(
        `INSERT INTO pooled_company (collective_id, display_name) VALUES ($1, 'Entreprise Invitée') RETURNING id`,
        [w.c1.id],
      );
      await w.t.dataSource.query(
        `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
        [pooledId, w.c1.id, companyId],
      );
      const coordAuth = `Bearer ${w.tokens.get('coord')}`;
      const event = await w.t.http().post('/api/events').set('authorization', coordAuth).send(eventBody(w.c1.id));
      expect(event.status).toBe(201);
      await w.t
        .http()
        .post(`/api/events/${event.body.id}/transitions`)
        .set('authorization', coordAuth)
        .send({ to: 'open' })
        .expect(201);
      await w.t
        .http()
        .post(`/api/events/${event.body.id}/invitations`)
        .set('authorization', coordAuth)
        .send({ pooledCompanyId: pooledId })
        .expect((r) => expect([r.status, r.body]).toEqual([201, expect.anything()]));
      const [{ body_text }] = await w.t.dataSource.query(
        `SELECT body_text FROM mail_message WHERE template = 'event-invitation' ORDER BY created_at DESC LIMIT 1`,
      );
      const headers = await employerHeaders(w.t, tokenInMail(body_text as string));
      // The staff route does not take a link session.
      await w.t
        .http()
        .put(`/api/pooled-companies/${pooledId}/pause`)
        .set(headers)
        .send({ until: inDays(30), reason: 'Inventaire' })
        .expect(401);
      const [method, path] = party.via.split(' ');
      expect([method, path]).toEqual(['POST', '/api/employer/event/decline']);
      const until = inDays(60);
      const res = await w.t.http().post(path).set(headers).send({ reason: 'Pas de besoin', pauseUntil: until });
      expect(res.status).toBe(201);
      const [pooled] = await w.t.dataSource.query(`SELECT paused_until::text FROM pooled_company WHERE id = $1`, [
        pooledId,
      ]);
      expect(pooled.paused_until).toBe(until);
      const audit = await w.t.dataSource.query(
        `SELECT actor_user_id, actor_label, context FROM audit_entry WHERE action = $1 AND subject_id = $2`,
        [rule.audit, pooledId],
      );
      expect(audit).toEqual([
        expect.objectContaining({ actor_user_id: null, context: expect.objectContaining({ byEmployer: true }) }),
      ]);
    });
  });
});
