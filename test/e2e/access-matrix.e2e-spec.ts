/**
 * ACCESS MATRIX: every route the HTTP server answers, and who may call it.
 *
 * The routes are read from the Express router of the real application (so a route hidden from OpenAPI is still
 * listed). A route with no entry below FAILS this test, and so does an entry for a route that no longer exists.
 *
 * For each route, four checks (run by test/support/access-table.ts), each with data built afresh by `request` (so a
 * destructive call never spoils another):
 *   anonymous      → 401 UNAUTHENTICATED      (public routes: declare `public: '<why>'`, then `allowed.as` is 'anonymous')
 *   wrongRole      → 403 FORBIDDEN            (a signed-in actor whose role does not allow the route)
 *   otherTenant    → 404                      (an actor with the right role, but in another SIAE / collective)
 *   allowed        → the given 2xx status     (the right role in the right tenant)
 * When a case cannot exist, say why instead of naming an actor: `wrongRole: none('any signed-in user may …')`; such an
 * excused case makes no test (only real requests are tests). A refusal decided by a module with its own code lives in
 * the module's write table (test/e2e/access-shared-writes.e2e-spec.ts) or is stated with its code (see the
 * employer-network entries).
 *
 * The modules' routes live in their own tables (test/support/*-access.ts: employer network, events with planning and
 * agendas, the day, proposals, outcomes and reports), each run by its own spec through the same runner; the
 * completeness check below counts them all.
 *
 * TO ADD A ROUTE: add one line to `matrix` with the key `'METHOD /api/path/:param'` exactly as printed by the failure
 * message, pick actors from the access world (test/support/access-world.ts; extend `buildAccessWorld` if you need e.g. a candidate of SIAE A), and write `request`
 * returning the path params, the body and the query of a VALID call (validation runs before services, so a 403/404
 * decided by a service needs a valid body).
 *
 * Actors: `admin`; SIAE A (`dirA`, `cipA`, `devA`); SIAE B, the other tenant (`dirB`, `cipB`, `devB`); `noRole` (an
 * account without any grant); collective C1 (A active, coordinated by `dirA`) and C2 (B active, coordinated by
 * `dirB`); `fresh` (a new account with no grant, created for each check, for routes that close sessions).
 */
import { pageRouteExclusions } from '../../src/platform/web/page-controller';
import { STYLESHEET_PATH } from '../../src/platform/web/styles';
import { dayEntries } from '../support/day-access';
import { employerNetworkEntries } from '../support/employer-network-access';
import { eventsEntries } from '../support/events-access';
import { reportsEntries } from '../support/reports-access';
import { proposalsEntries } from '../support/proposals-access';
import { TEST_PASSWORD } from '../support/fixtures';
import { describeAccessTable, none, type AccessCall, type AccessEntry } from '../support/access-table';
import type { AccessWorld } from '../support/access-world';
import type { TestApp } from '../support/test-app';
import { validSiret } from '../support/fixtures';

/** A route whose only credential is an employer-link session: refused without one, whoever signs in on the API. */
const employerOnly = (
  status: number,
  request: NonNullable<AccessEntry['request']> = async () => ({}),
): AccessEntry => ({
  public: 'employer link session, not a staff account',
  allowed: { as: 'anonymous', status },
  wrongRole: none('no staff role opens it'),
  otherTenant: none('scoped by the link, tested in employer-links.e2e-spec.ts'),
  request,
});
const anyEvent: NonNullable<AccessEntry['request']> = async () => ({
  params: { eventId: '00000000-0000-4000-8000-000000000000' },
});

const anyId = '00000000-0000-4000-8000-000000000001';
/** A staff page: without its session cookie it redirects to the login (303); a bearer token is not a page session. */
const staffPage = (): AccessEntry => ({
  public: 'staff page: without its session cookie it redirects to the login (303)',
  allowed: { as: 'anonymous', status: 303 },
  wrongRole: none('decided by the use cases once signed in (browser test)'),
  otherTenant: none('decided by the use cases once signed in (browser test)'),
  request: anyEvent,
});
/** A staff form: without its CSRF token it is refused (403) before anything else. */
const staffForm = (params: Record<string, string>): AccessEntry => ({
  public: 'staff form: without its CSRF token it is refused (403) before the session is read',
  allowed: { as: 'anonymous', status: 403 },
  wrongRole: none('decided by the use cases once signed in (browser test)'),
  otherTenant: none('decided by the use cases once signed in (browser test)'),
  request: async () => ({ params: { eventId: anyId, ...params } }),
});

let n = 0;
const unique = (label: string) => `${label}-${process.pid}-${n++}@exemple.fr`;

/** A pending user invitation in SIAE A (or collective C1) and its id. */
async function pendingInvitation(w: AccessWorld, target: 'siae' | 'collective'): Promise<string> {
  const path = target === 'siae' ? `/api/siae/${w.siaeA.id}/invitations` : `/api/collectives/${w.c1.id}/invitations`;
  const body = target === 'siae' ? { email: unique('inv'), role: 'cip' } : { email: unique('coord') };
  const res = await w.t
    .http()
    .post(path)
    .set('authorization', `Bearer ${w.tokens.get('dirA')}`)
    .send(body);
  if (res.status !== 201) throw new Error(`invitation setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** An invitation link token for a new address, issued through the real route and read back from the delivery log. */
async function invitationToken(w: AccessWorld): Promise<string> {
  const email = unique('link');
  await w.t
    .http()
    .post(`/api/siae/${w.siaeA.id}/invitations`)
    .set('authorization', `Bearer ${w.tokens.get('dirA')}`)
    .send({ email, role: 'cip' });
  const [{ body_text }] = await w.t.dataSource.query(`SELECT body_text FROM mail_message WHERE recipient = $1`, [
    email,
  ]);
  return /token=([A-Za-z0-9_-]{43})/.exec(body_text)![1];
}

/** A new collective coordinated by `dirA` where SIAE B stands as given: B's direction then decides for B. */
async function collectiveWithB(w: AccessWorld, status: 'invited' | 'active'): Promise<AccessCall> {
  const collective = await w.f.collective();
  await w.f.collectiveMember(collective, w.siaeA);
  await w.f.coordinator(collective, w.users.dirA);
  await w.f.collectiveMember(collective, w.siaeB, status);
  return { params: { collectiveId: collective.id, siaeId: w.siaeB.id } };
}

/**
 * A candidate of SIAE A with a shared profile (and, unless told otherwise, a collective consent whose id is returned),
 * made through the API. Other checks put A and B in common collectives: without consent, B must get 404 regardless.
 */
async function candidateOfA(w: AccessWorld, consent = true): Promise<{ id: string; consentId: string }> {
  const auth = `Bearer ${w.tokens.get('cipA')}`;
  const created = await w.t
    .http()
    .post('/api/candidates')
    .set('authorization', auth)
    .send({ siaeId: w.siaeA.id, firstName: 'Awa', lastName: 'Matrice' });
  if (created.status !== 201)
    throw new Error(`candidate setup failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  await w.t.http().put(`/api/candidates/${id}/profile`).set('authorization', auth).send(candidateProfile);
  if (!consent) return { id, consentId: '' };
  const given = await w.t
    .http()
    .post(`/api/candidates/${id}/consents`)
    .set('authorization', auth)
    .send({ scope: 'collective', wording: 'Texte du consentement au partage.' });
  return { id, consentId: given.body.id as string };
}
/** An open hiring need of a company of SIAE A, inserted in SQL (the matching routes only read it). */
async function openNeedOfA(w: AccessWorld): Promise<string> {
  const [{ id: companyId }] = await w.t.dataSource.query(
    `INSERT INTO company (siae_id, name) VALUES ($1, 'Entreprise matrice') RETURNING id`,
    [w.siaeA.id],
  );
  const [{ id }] = await w.t.dataSource.query(
    `INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, place_commune_code, status, confirmed_at) VALUES ($1, '10571', 1, 'cdd', '69123', 'open', now()) RETURNING id`,
    [companyId],
  );
  return id as string;
}
const candidateProfile = {
  communeCode: '69266',
  mobilityRadiusKm: 10,
  targetJobs: [{ ogrCode: '10571', experienceLevel: 'beginner' }],
};

const documentation = (): AccessEntry => ({
  public: 'API documentation',
  allowed: { as: 'anonymous', status: 200 },
  wrongRole: none('public'),
  otherTenant: none('public'),
});

const matrix: Record<string, AccessEntry> = {
  // ---- documentation and health (platform)
  'GET /api/docs': documentation(),
  'GET /api/docs/': documentation(),
  'GET /api/docs/index.html': documentation(),
  'GET /api/docs/swagger-ui-init.js': documentation(),
  'GET /api/docs/docs/swagger-ui-init.js': documentation(),
  // swagger-ui registers this route but swagger-ui-dist ships no LICENSE file here: public, and empty.
  'GET /api/docs/LICENSE': { ...documentation(), allowed: { as: 'anonymous', status: 404 } },
  'GET /api/docs-json': documentation(),
  'GET /api/docs-yaml': documentation(),
  'GET /api/health': {
    public: 'probes of the load balancer',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
  },

  // ---- auth (platform)
  'POST /api/auth/login': {
    public: 'signing in',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async (w) => ({ body: { email: (await w.f.user()).email, password: TEST_PASSWORD } }),
  },
  'POST /api/auth/logout': {
    allowed: { as: 'fresh', status: 204 },
    wrongRole: none('any signed-in user closes their own session'),
    otherTenant: none('acts on the caller only'),
  },
  'POST /api/auth/password': {
    allowed: { as: 'fresh', status: 204 },
    wrongRole: none('any signed-in user changes their own password'),
    otherTenant: none('acts on the caller only'),
    request: async () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: 'un-nouveau-mot-de-passe' } }),
  },
  'GET /api/auth/me': {
    allowed: { as: 'noRole', status: 200 },
    wrongRole: none('any signed-in user reads who they are'),
    otherTenant: none('acts on the caller only'),
  },

  // ---- referentials (public reference data)
  'GET /api/referentials/appellations': {
    public: 'reference data',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async () => ({ query: { q: 'maçon' } }),
  },
  'GET /api/referentials/communes': {
    public: 'reference data',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async () => ({ query: { q: 'lyon' } }),
  },
  'GET /api/referentials/communes/:code': {
    public: 'reference data',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async () => ({ params: { code: '69123' } }),
  },
  'GET /api/referentials/fiches/:code': {
    public: 'reference data',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async () => ({ params: { code: 'A1203' } }),
  },

  // ---- structures: SIAE
  'POST /api/siae': {
    allowed: { as: 'admin', status: 201 },
    wrongRole: 'dirA',
    otherTenant: none('creating an SIAE belongs to no tenant'),
    request: async () => ({
      body: {
        kind: 'ACI',
        name: 'Nouvelle SIAE',
        siret: validSiret(),
        communeCode: '69123',
        directionEmail: unique('first-direction'),
      },
    }),
  },
  'GET /api/siae': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: none('lists only the caller’s own SIAE'),
  },
  'GET /api/siae/:siaeId': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id } }),
  },
  'PATCH /api/siae/:siaeId': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id }, body: { contactPhone: '04 72 00 00 01' } }),
  },
  'GET /api/siae/:siaeId/members': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id } }),
  },
  'PATCH /api/siae/:siaeId/members/:userId': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'devA',
    otherTenant: 'dirB',
    request: async (w) => ({
      params: { siaeId: w.siaeA.id, userId: (await w.f.member(w.siaeA, 'cip')).id },
      body: { role: 'charge_dev' },
    }),
  },
  'DELETE /api/siae/:siaeId/members/:userId': {
    allowed: { as: 'dirA', status: 204 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id, userId: (await w.f.member(w.siaeA, 'cip')).id } }),
  },
  'POST /api/siae/:siaeId/invitations': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id }, body: { email: unique('invitee'), role: 'charge_dev' } }),
  },
  'GET /api/siae/:siaeId/invitations': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id } }),
  },
  'GET /api/siae/:siaeId/collectives': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id } }),
  },

  // ---- employer links and pages: the employer-link session is the only credential (a staff token opens nothing);
  // scope, expiry, revocation and CSRF are checked in employer-links.e2e-spec.ts and the events pages' tests.
  'GET /lien/:token': employerOnly(401, async () => ({ params: { token: 'x'.repeat(43) } })),
  'POST /api/employer-links/exchange': employerOnly(401, async () => ({ body: { token: 'x'.repeat(43) } })),
  'GET /api/employer-links/session': employerOnly(401),
  'POST /api/employer-links/session/close': employerOnly(401),
  'GET /agenda/:registrationId': employerOnly(401, async () => ({ params: { registrationId: anyId } })),
  'GET /employeurs/evenements/:eventId': employerOnly(401, anyEvent),
  'GET /employeurs/evenements/:eventId/candidats': employerOnly(401, anyEvent),
  'POST /employeurs/evenements/:eventId/candidats': employerOnly(401, anyEvent),
  'GET /employeurs/evenements/:eventId/confirmation': employerOnly(401, anyEvent),
  'GET /employeurs/evenements/:eventId/declin': employerOnly(401, anyEvent),
  'POST /employeurs/evenements/:eventId/declin': employerOnly(401, anyEvent),
  'POST /employeurs/evenements/:eventId/inscription': employerOnly(401, anyEvent),
  // Staff pages sign in with their own cookie session (platform/web/staff-session.tsx); the events use cases decide
  // access with that principal. Roles and tenants are tested in events-employer-pages.browser.e2e-spec.ts.
  'GET /equipe/connexion': {
    public: 'the staff login page',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
  },
  'POST /equipe/connexion': {
    public: 'the staff login form: without its CSRF token it is refused (403) before any password check',
    allowed: { as: 'anonymous', status: 403 },
    wrongRole: none('public'),
    otherTenant: none('public'),
  },
  'POST /equipe/deconnexion': {
    public: 'closes the cookie session: without its CSRF token it is refused (403)',
    allowed: { as: 'anonymous', status: 403 },
    wrongRole: none('public'),
    otherTenant: none('public'),
  },
  'GET /equipe/evenements/:eventId': {
    public:
      'staff page: without its session cookie it redirects to the login (303); a bearer token is not a page session',
    allowed: { as: 'anonymous', status: 303 },
    wrongRole: none('decided by the events use cases once signed in (browser test)'),
    otherTenant: none('decided by the events use cases once signed in (browser test)'),
    request: anyEvent,
  },
  // The day's pages (events/day): same session and CSRF rules as the organisers' event page; the day's use cases decide
  // access once signed in (events-day-pages.browser.e2e-spec.ts).
  'GET /equipe/evenements/:eventId/accueil': staffPage(),
  'GET /equipe/evenements/:eventId/direct': staffPage(),
  'POST /equipe/evenements/:eventId/accueil/candidats/:registrationId': staffForm({ registrationId: anyId }),
  'POST /equipe/evenements/:eventId/accueil/employeurs/:invitationId': staffForm({ invitationId: anyId }),
  'POST /equipe/evenements/:eventId/accueil/employeurs/:invitationId/depart': staffForm({ invitationId: anyId }),
  'POST /equipe/evenements/:eventId/accueil/replanification': staffForm({}),
  // The CIP's walk-in page (events/day): the walk-ins use case decides once signed in (events-day-pages browser test).
  'GET /equipe/evenements/:eventId/sur-place': staffPage(),
  'POST /equipe/evenements/:eventId/sur-place': staffForm({}),
  // The organisers' planning page (events/planning/pages): the planning use cases decide once signed in
  // (events-planning-pages.browser.e2e-spec.ts).
  'GET /equipe/evenements/:eventId/planning': staffPage(),
  'GET /equipe/evenements/:eventId/planning/comparaison': staffPage(),
  'POST /equipe/evenements/:eventId/planning/calculs': staffForm({}),
  'POST /equipe/evenements/:eventId/planning/publication': staffForm({}),
  // The organisers' and CIPs' forms of the event page (events/pages): the events use cases decide once signed in
  // (events-staff-pages.browser.e2e-spec.ts).
  'POST /equipe/evenements/:eventId/ouverture': staffForm({}),
  'POST /equipe/evenements/:eventId/inscriptions': staffForm({}),
  'POST /equipe/evenements/:eventId/inscriptions/:registrationId/decision': staffForm({ registrationId: anyId }),
  'POST /equipe/evenements/:eventId/places': staffForm({}),
  'POST /equipe/evenements/:eventId/invitations/:invitationId/revocation': staffForm({ invitationId: anyId }),
  'GET /equipe/propositions': {
    public:
      'staff page: without its session cookie it redirects to the login (303); the proposals use case decides once signed in',
    allowed: { as: 'anonymous', status: 303 },
    wrongRole: none('decided by the proposals use case once signed in (proposals browser test)'),
    otherTenant: none('lists the proposals of the signed-in person’s own SIAE only'),
  },
  'GET /equipe/propositions/recues': {
    public:
      'staff page: without its session cookie it redirects to the login (303); the proposals lists use case decides once signed in',
    allowed: { as: 'anonymous', status: 303 },
    wrongRole: none('any staff role reads what the companies of its SIAE’s network received (proposals browser test)'),
    otherTenant: none('lists the companies of the signed-in person’s own SIAE only (proposals e2e)'),
  },
  'GET /ressources/maillage.:version.css': {
    public: 'the stylesheet of every page',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async () => ({ params: { version: STYLESHEET_PATH.split('.').slice(-2, -1)[0] } }),
  },

  // ---- structures: invitations
  'GET /api/invitations/:token': {
    public: 'the invitee has no account yet; the token is the credential',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async (w) => ({ params: { token: await invitationToken(w) } }),
  },
  'POST /api/invitations/accept': {
    public: 'the invitee has no account yet; the token is the credential',
    allowed: { as: 'anonymous', status: 200 },
    wrongRole: none('public'),
    otherTenant: none('public'),
    request: async (w) => ({
      body: { token: await invitationToken(w), displayName: 'Nouvelle Personne', password: 'mot-de-passe-solide' },
    }),
  },
  'DELETE /api/invitations/:invitationId': {
    allowed: { as: 'dirA', status: 204 },
    wrongRole: 'noRole',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { invitationId: await pendingInvitation(w, 'siae') } }),
  },

  // ---- structures: collectives
  'POST /api/collectives': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ body: { name: 'Nouveau collectif', siaeId: w.siaeA.id } }),
  },
  'GET /api/collectives': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: none('lists only the caller’s own collectives'),
  },
  'GET /api/collectives/:collectiveId': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { collectiveId: w.c1.id } }),
  },
  'GET /api/collectives/:collectiveId/members': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'devB',
    request: async (w) => ({ params: { collectiveId: w.c1.id } }),
  },
  'POST /api/collectives/:collectiveId/members': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { collectiveId: w.c1.id }, body: { siret: (await w.f.siae()).siret } }),
  },
  'POST /api/collectives/:collectiveId/members/:siaeId/accept': {
    allowed: { as: 'dirB', status: 204 },
    wrongRole: 'cipB',
    otherTenant: 'dirA',
    request: (w) => collectiveWithB(w, 'invited'),
  },
  'POST /api/collectives/:collectiveId/members/:siaeId/decline': {
    allowed: { as: 'dirB', status: 204 },
    wrongRole: 'cipB',
    otherTenant: 'dirA',
    request: (w) => collectiveWithB(w, 'invited'),
  },
  'POST /api/collectives/:collectiveId/members/:siaeId/leave': {
    allowed: { as: 'dirB', status: 204 },
    wrongRole: 'cipB',
    otherTenant: 'dirA',
    request: (w) => collectiveWithB(w, 'active'),
  },
  'GET /api/collectives/:collectiveId/coordinators': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { collectiveId: w.c1.id } }),
  },
  'POST /api/collectives/:collectiveId/coordinators': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({
      params: { collectiveId: w.c1.id },
      body: { userId: (await w.f.member(w.siaeA, 'charge_dev')).id },
    }),
  },
  'DELETE /api/collectives/:collectiveId/coordinators/:userId': {
    allowed: { as: 'dirA', status: 204 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => {
      const extra = await w.f.member(w.siaeA, 'cip');
      await w.f.coordinator(w.c1, extra);
      return { params: { collectiveId: w.c1.id, userId: extra.id } };
    },
  },
  'POST /api/collectives/:collectiveId/invitations': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { collectiveId: w.c1.id }, body: { email: unique('coordinator') } }),
  },
  'GET /api/collectives/:collectiveId/invitations': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { collectiveId: w.c1.id } }),
  },
  // matching weights of a collective (matching module): members read, coordinators write; dirB coordinates C2, not C1
  'GET /api/collectives/:collectiveId/matching-weights': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { collectiveId: w.c1.id } }),
  },
  'PUT /api/collectives/:collectiveId/matching-weights': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { collectiveId: w.c1.id }, body: { overrides: { contractEnd: { max: 10 } } } }),
  },

  // ---- candidates (B shares no collective with A: its staff must not even learn a candidate exists)
  'POST /api/candidates': {
    allowed: { as: 'cipA', status: 201 },
    wrongRole: 'devA',
    otherTenant: 'cipB',
    request: async (w) => ({ body: { siaeId: w.siaeA.id, firstName: 'Awa', lastName: 'Matrice' } }),
  },
  'GET /api/candidates': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: none('lists only what the caller may see'),
  },
  'GET /api/candidates/:id': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: (await candidateOfA(w, false)).id } }),
  },
  'PATCH /api/candidates/:id': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'devA',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: (await candidateOfA(w)).id }, body: { phone: '06 11 22 33 44' } }),
  },
  'PUT /api/candidates/:id/profile': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'devA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { id: (await candidateOfA(w)).id }, body: candidateProfile }),
  },
  'POST /api/candidates/:id/consents': {
    allowed: { as: 'cipA', status: 201 },
    wrongRole: 'devA',
    otherTenant: 'cipB',
    request: async (w) => ({
      params: { id: (await candidateOfA(w)).id },
      body: { scope: 'employers', wording: 'Texte du consentement aux employeurs.' },
    }),
  },
  'POST /api/candidates/:id/consents/:consentId/withdraw': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'devA',
    otherTenant: 'cipB',
    request: async (w) => {
      const { id, consentId } = await candidateOfA(w);
      return { params: { id, consentId } };
    },
  },
  'GET /api/candidates/:id/export': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'devA',
    otherTenant: 'dirB',
    request: async (w) => ({ params: { id: (await candidateOfA(w)).id } }),
  },
  'POST /api/candidates/:id/erasure': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'devA',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: (await candidateOfA(w)).id } }),
  },
  // ---- matching (B shares no collective with A: the need and the candidate of A are 404 for B's staff)
  'GET /api/hiring-needs/:id/matches': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'devB',
    request: async (w) => ({ params: { id: await openNeedOfA(w) } }),
  },
  'GET /api/candidates/:id/matches': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: (await candidateOfA(w, false)).id } }),
  },
  'POST /api/admin/candidates/retention-sweep': {
    allowed: { as: 'admin', status: 202 },
    wrongRole: 'dirA',
    otherTenant: none('platform-wide maintenance'),
  },
};

/** `METHOD /path` for every route the Express app has, as Nest and Swagger registered them. */
function routesOf(t: TestApp): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  // Nest registers its "not found" handler on each path excluded from the /api prefix, for every HTTP method: those
  // wildcard layers are the fallback of the page roots, not routes of the application.
  const fallbacks = new Set(pageRouteExclusions().map((path) => `/${path.replace(/^\/+/, '')}`));
  const routes = express.router.stack
    .filter((layer) => layer.route && !fallbacks.has(layer.route.path))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
    );
  return [...new Set(routes)].sort();
}

describeAccessTable('access matrix: every route, every kind of caller', matrix, (world) => {
  it('has an entry for every route of the application, and no entry for a route that does not exist', () => {
    const routes = routesOf(world().t);
    // The modules' tables run on their own (same runner, same world): a route must be in one of them.
    const covered: Record<string, unknown> = {
      ...matrix,
      ...employerNetworkEntries,
      ...eventsEntries,
      ...reportsEntries,
      ...dayEntries,
      ...proposalsEntries,
    };
    const missing = routes.filter((r) => !(r in covered));
    const stale = Object.keys(covered).filter((r) => !routes.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });
});
