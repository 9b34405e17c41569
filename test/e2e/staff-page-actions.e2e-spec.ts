import { WebSecurity } from '../../src/platform/web/web-security';
import { TestApp } from '../support/test-app';

/** The cookies of a response as `name=value` pairs for the next request. */
const cookiesOf = (res: { headers: Record<string, unknown> }) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0]).join('; ');

const eventId = '00000000-0000-4000-8000-000000000000';
const anyId = '00000000-0000-4000-8000-000000000001';
const event = `/equipe/evenements/${eventId}`;
const login = (page: string) => `/equipe/connexion?suite=${encodeURIComponent(page)}`;

/**
 * Every form of the staff event pages (event, planning, check-in, walk-in) when the page session has ended while the
 * form was open: the CSRF token is still good (it was made for that cookie), so the form is not refused but sent to
 * the login, which brings the staff member back to the page the form belongs to. Without the token: 403 first
 * (before the session is read), whatever the session. The browser tests cover the same forms signed in.
 */
describe('staff page forms: CSRF first, then the session (login and back to the page)', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    t = await TestApp.create();
    // A session cookie that no longer opens anything (expired or closed); the login page makes a token bound to it.
    const expired = `${t.get(WebSecurity).staffCookie}=${'x'.repeat(43)}`;
    const page = await t.http().get('/equipe/connexion').set('cookie', expired).expect(200);
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    cookie = `${expired}; ${cookiesOf(page)}`;
  });
  afterAll(() => t.close());

  const forms: Array<[string, Record<string, string>, string]> = [
    [`/ouverture`, {}, ''],
    [`/inscriptions`, { candidateId: anyId, maxInterviews: '3' }, ''],
    [`/inscriptions/${anyId}/decision`, { decision: 'accept' }, ''],
    [`/inscriptions/${anyId}/decision`, { decision: 'decline' }, ''],
    [`/inscriptions/${anyId}/decision`, { decision: 'decline', confirmation: 'oui' }, ''],
    [`/places`, { fromSiaeId: anyId, toSiaeId: anyId, places: '1' }, ''],
    [`/invitations/${anyId}/revocation`, {}, ''],
    [`/invitations/${anyId}/revocation`, { confirmation: 'oui' }, ''],
    [`/planning/calculs`, { timeLimitSeconds: '5' }, '/planning'],
    [`/planning/publication`, {}, '/planning'],
    [`/planning/publication`, { confirmation: 'oui' }, '/planning'],
    [`/accueil/candidats/${anyId}`, { presence: 'present', q: 'x' }, '/accueil'],
    [`/accueil/employeurs/${anyId}`, { presence: 'present' }, '/accueil'],
    [`/accueil/employeurs/${anyId}/depart`, { fromSlotId: anyId }, '/accueil'],
    [`/accueil/replanification`, {}, '/accueil'],
    [`/sur-place`, { candidateId: anyId, maxInterviews: '2' }, '/sur-place'],
  ];

  // Paths below the event's page (anyId stands for a registration, an invitation or a slot).
  it.each(forms)('POST …%s %j: 303 to the login, then back to <event>%s', async (path, fields, page) => {
    const res = await t
      .http()
      .post(`${event}${path}`)
      .type('form')
      .set('cookie', cookie)
      .send({ ...fields, _csrf: csrf });
    expect([res.status, res.headers.location]).toEqual([303, login(`${event}${page}`)]);
  });

  it.each(forms)('POST …%s %j without its token: 403, in French', async (path, fields) => {
    const res = await t.http().post(`${event}${path}`).type('form').set('cookie', cookie).send(fields);
    expect([res.status, res.headers['x-error-code']]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    expect(res.text).toContain('Ce formulaire a expiré');
  });
});
