/**
 * The one runner of the access tables (the shared matrix, and the tables of employer-network, events with planning and
 * agendas, the day, proposals, outcomes and reports): an entry per route, `'METHOD /path/:param'`, says who may call
 * it and what every other kind of caller gets; `describeAccessTable` turns each entry into its cases and makes each
 * case a real request on data built afresh by the entry's `request` (so a destructive call never spoils another).
 *
 *   anonymous   → 401 UNAUTHENTICATED (401 EMPLOYER_SESSION_REQUIRED for an employer-link route, a 303 to the login
 *                 page for a staff page); a public route (`public: '<why>'`) answers `allowed.status` instead
 *   wrongRole   → 403 FORBIDDEN, or the status and code the entry states (a module's own refusal)
 *   otherTenant → 404 with a code ending in NOT_FOUND, or the status and code the entry states
 *   allowed     → the given status, with no error body
 *
 * When a case cannot exist, the entry says why (`none('…')`): documented, it makes no test (only real requests are tests).
 */
import { WebSecurity } from '../../src/platform/web/web-security';
import { buildAccessWorld, type AccessWorld, type SignedInActor } from './access-world';
import { employerHeaders } from './event-world';
import { routeRequest, type RouteInput } from './route-request';
import { TestApp } from './test-app';

/** Who calls: a signed-in actor of the access world, nobody, or `fresh` (a new account without any grant, made for the
 * call: for routes that close the caller's session). */
export type Actor = SignedInActor | 'anonymous' | 'fresh';

/** A case that cannot exist, and why. */
export interface NoCase {
  none: string;
}
export const none = (reason: string): NoCase => ({ none: reason });

/** A refusal: who calls, and what they get when it is not the default of the case (403 FORBIDDEN, 404 …NOT_FOUND). */
export interface Refusal {
  as: SignedInActor;
  status?: number;
  code?: string;
}
export const refuse = (as: SignedInActor, status: number, code: string): Refusal => ({ as, status, code });

/** What an entry sends: the route's params, body and query, and for an employer-link route the link's token. */
export interface AccessCall extends RouteInput {
  link?: string;
}

export interface AccessEntry {
  /** Why anyone may call it without a session; `allowed.as` is then 'anonymous' and `allowed.status` what they get. */
  public?: string;
  allowed: { as: Actor; status: number };
  /** A signed-in actor alone: refused by the route's guard, 403 FORBIDDEN. */
  wrongRole: SignedInActor | Refusal | NoCase;
  /** A signed-in actor alone: 404 with a code ending in NOT_FOUND. */
  otherTenant: SignedInActor | Refusal | NoCase;
  request?: (w: AccessWorld) => Promise<AccessCall>;
  /** Opened by the session of an employer's (or a candidate's) link instead of a staff token: `request` gives the
   * link; any caller named in the entry stands for "the link's holder". */
  employerLink?: true;
  /** A page (outside /api). With `employerLink`: sent as a form, refusals are HTML pages whose code is in X-Error-Code.
   * Without: a staff page, whose credential is the page session cookie (without it, a 303 to the login page). */
  page?: true;
}

/** What a case must get: a status, and a code (exact or a pattern), or for a redirect the location. */
export interface Expected {
  status: number;
  code?: string | RegExp;
  location?: RegExp;
  /** A public route: only the status is checked (its body is whatever the route serves). */
  statusOnly?: true;
}

export interface AccessCase {
  title: string;
  actor: Actor;
  want: Expected;
}

const refusal = (
  stated: SignedInActor | Refusal | NoCase,
  defaults: { status: number; code: string | RegExp },
): { as: SignedInActor; status: number; code: string | RegExp } | null => {
  if (typeof stated === 'string') return { as: stated, ...defaults };
  if ('none' in stated) return null;
  return { as: stated.as, status: stated.status ?? defaults.status, code: stated.code ?? defaults.code };
};
const codeName = (code: string | RegExp | undefined) => (code instanceof RegExp ? '…NOT_FOUND' : (code ?? ''));

/** The cases of one entry, in the order they run: anonymous, wrong role, other tenant, allowed. */
export function accessCases(entry: AccessEntry): AccessCase[] {
  const cases: AccessCase[] = [];
  if (entry.public)
    cases.push({
      title: `is public (${entry.public})`,
      actor: 'anonymous',
      want: { status: entry.allowed.status, statusOnly: true },
    });
  else if (entry.page && !entry.employerLink)
    cases.push({
      title: 'sends an anonymous caller to the login page (303)',
      actor: 'anonymous',
      want: { status: 303, location: /^\/equipe\/connexion\?suite=/ },
    });
  else {
    const code = entry.employerLink ? 'EMPLOYER_SESSION_REQUIRED' : 'UNAUTHENTICATED';
    cases.push({
      title: `refuses anonymous callers with 401 ${code}`,
      actor: 'anonymous',
      want: { status: 401, code },
    });
  }
  const wrong = refusal(entry.wrongRole, { status: 403, code: 'FORBIDDEN' });
  if (wrong)
    cases.push({
      title: `refuses a wrong role (${wrong.as}) with ${wrong.status} ${codeName(wrong.code)}`,
      actor: wrong.as,
      want: { status: wrong.status, code: wrong.code },
    });
  const other = refusal(entry.otherTenant, { status: 404, code: /NOT_FOUND$/ });
  if (other)
    cases.push({
      title: `answers another tenant (${other.as}) with ${other.status} ${codeName(other.code)}`,
      actor: other.as,
      want: { status: other.status, code: other.code },
    });
  if (!entry.public)
    cases.push({
      title: `serves the right role (${entry.allowed.as}) with ${entry.allowed.status}`,
      actor: entry.allowed.as,
      want: { status: entry.allowed.status },
    });
  return cases;
}

/** The request of a case: the entry's data, and the caller's credential as the route takes it. */
export async function sendAccessCase(w: AccessWorld, route: string, entry: AccessEntry, actor: Actor) {
  const { link, ...input } = entry.request ? await entry.request(w) : {};
  if (entry.employerLink) {
    // The link's session (cookie + CSRF header) for any named caller; nothing at all for "anonymous".
    const req = routeRequest(w.t, route, { ...input, body: undefined }, null);
    if (actor !== 'anonymous') req.set(await employerHeaders(w.t, link!));
    return input.body === undefined ? req : req.type(entry.page ? 'form' : 'json').send(input.body as object);
  }
  const token =
    actor === 'anonymous' ? null : actor === 'fresh' ? await w.f.tokenFor(await w.f.user()) : w.tokens.get(actor)!;
  if (!entry.page || token === null) return routeRequest(w.t, route, input, token);
  // A staff page: the signed-in session is the page cookie the login sets, not a bearer token.
  return routeRequest(w.t, route, input, null).set('cookie', `${w.t.get(WebSecurity).staffCookie}=${token}`);
}

/** What a response shows of `want`, so that one comparison states the whole case (and a failure prints it all). */
function observed(
  res: { status: number; body: { code?: string }; headers: Record<string, string> },
  want: Expected,
  route: string,
) {
  if (want.statusOnly) return { route, status: res.status };
  if (want.location) return { status: res.status, location: res.headers.location };
  const code = res.headers['x-error-code'] ?? res.body?.code;
  if (want.code !== undefined) return { status: res.status, code };
  return { status: res.status, error: res.status >= 400 ? res.body : undefined };
}

function expected(want: Expected, route: string) {
  if (want.statusOnly) return { route, status: want.status };
  if (want.location) return { status: want.status, location: expect.stringMatching(want.location) };
  if (want.code !== undefined)
    return { status: want.status, code: want.code instanceof RegExp ? expect.stringMatching(want.code) : want.code };
  return { status: want.status, error: undefined };
}

/**
 * A describe block over a table: one access world on a fresh application, then for each route a describe named by the
 * route with one test per case. `more` adds tests that need the world (before the table's, in that order).
 */
export function describeAccessTable(
  title: string,
  entries: Record<string, AccessEntry>,
  more?: (world: () => AccessWorld) => void,
) {
  describe(title, () => {
    let t: TestApp | undefined;
    let w: AccessWorld;
    beforeAll(async () => {
      t = await TestApp.create();
      w = await buildAccessWorld(t);
    }, 180_000);
    afterAll(() => t?.close());

    more?.(() => w);
    describe.each(Object.entries(entries))('%s', (route, entry) => {
      for (const c of accessCases(entry))
        it(c.title, async () => {
          const res = await sendAccessCase(w, route, entry, c.actor);
          expect(observed(res, c.want, route)).toEqual(expected(c.want, route));
        });
    });
  });
}
