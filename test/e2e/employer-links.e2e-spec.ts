import { randomUUID } from 'node:crypto';
import { FixedClock } from '../../src/platform/clock/clock';
import { LinksService } from '../../src/platform/links/links.service';
import { TestEmployerPagesModule, testEventCompanyLink, testProposalLink } from '../support/employer-link-pages';
import { TestApp } from '../support/test-app';

const DAY = 86_400_000;

/** The cookies of a response as `name=value` pairs for the next request, and their raw attributes. */
function cookiesOf(res: { headers: Record<string, unknown> }): { header: string; raw: string[] } {
  const raw = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return { header: raw.map((c) => c.split(';')[0]).join('; '), raw };
}

/** A refusal "without data": exactly a code and a French sentence, none of the link's ids anywhere. */
function expectNoData(body: unknown, text: string, ids: string[], code: string): void {
  expect(body).toEqual({ code, message: expect.any(String) });
  for (const id of ids) expect(text).not.toContain(id);
  expect(text).not.toContain('données de');
}

describe('employer links: bearer tokens exchanged for a short session', () => {
  let t: TestApp;
  let links: LinksService;
  const clock = new FixedClock(new Date('2026-12-06T09:00:00Z'));
  const eventId = randomUUID();
  const companyId = randomUUID();
  const otherEventId = randomUUID();
  const otherCompanyId = randomUUID();
  const ids = [eventId, companyId, otherEventId, otherCompanyId];

  beforeAll(async () => {
    t = await TestApp.create({ clock, config: { LINK_RATE_LIMIT_PER_IP: 100000 }, modules: [TestEmployerPagesModule] });
    links = t.get(LinksService);
  });
  afterAll(() => t.close());

  const issue = (scope = { eventId, companyId }, ttlMs = 30 * DAY) =>
    links.issue(testEventCompanyLink, scope, new Date(clock.now().getTime() + ttlMs));

  async function open(token: string) {
    const res = await t.http().get(`/lien/${token}`);
    return { res, cookies: cookiesOf(res) };
  }

  it('stores only an HMAC of a 256-bit token and builds the address from PUBLIC_BASE_URL', async () => {
    const link = await issue();
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`${t.config.PUBLIC_BASE_URL}/lien/${link.token}`);
    const rows = await t.dataSource.query(`SELECT token_hash, kind, scope FROM employer_link WHERE id = $1`, [
      link.linkId,
    ]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(link.token);
    expect(rows[0]).toMatchObject({ kind: 'test_event_company', scope: { eventId, companyId } });
  });

  it('exchanges the link for an HttpOnly SameSite=Lax cookie and redirects so the token leaves the address bar', async () => {
    const link = await issue();
    const { res, cookies } = await open(link.token);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/essai-employeur/${eventId}/${companyId}`);
    expect(res.headers.location).not.toContain(link.token);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const session = cookies.raw.find((c) => c.startsWith('maillage_employeur='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toContain(link.token);
    // Over plain http (PUBLIC_BASE_URL http://…) the cookie cannot be Secure; the https case is tested below.
    expect(session).not.toMatch(/Secure/);

    const page = await t.http().get(res.headers.location).set('cookie', cookies.header).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const api = await t
      .http()
      .get(`/api/test-employer/events/${eventId}/companies/${companyId}`)
      .set('cookie', cookies.header)
      .expect(200);
    expect(api.body).toEqual({ eventId, companyId, secret: 'données de la participation' });
    const rows = await t.dataSource.query(`SELECT last_used_at FROM employer_link WHERE id = $1`, [link.linkId]);
    expect(rows[0].last_used_at).toEqual(clock.now());
  });

  it("refuses another event's and another company's data without showing any", async () => {
    const { cookies } = await open((await issue()).token);
    for (const [e, c] of [
      [otherEventId, companyId],
      [eventId, otherCompanyId],
      [otherEventId, otherCompanyId],
    ]) {
      const api = await t.http().get(`/api/test-employer/events/${e}/companies/${c}`).set('cookie', cookies.header);
      expect(api.status).toBe(404);
      expectNoData(api.body, api.text, ids, 'EMPLOYER_LINK_OUT_OF_SCOPE');
      const page = await t.http().get(`/essai-employeur/${e}/${c}`).set('cookie', cookies.header);
      expect(page.status).toBe(404);
      expect(page.headers['x-error-code']).toBe('EMPLOYER_LINK_OUT_OF_SCOPE');
      expect(page.text).toContain('introuvable');
      for (const id of ids) expect(page.text).not.toContain(id);
    }
    // A link of another kind (a proposal's) does not open an event's company, nor the reverse.
    const proposalId = randomUUID();
    const proposal = await links.issue(testProposalLink, { proposalId }, new Date(clock.now().getTime() + DAY));
    const other = await open(proposal.token);
    expect(other.res.headers.location).toBe(`/essai-employeur/propositions/${proposalId}`);
    const cross = await t
      .http()
      .get(`/api/test-employer/events/${eventId}/companies/${companyId}`)
      .set('cookie', other.cookies.header);
    expect(cross.status).toBe(404);
    expectNoData(cross.body, cross.text, ids, 'EMPLOYER_LINK_OUT_OF_SCOPE');
    const back = await t.http().get(`/api/test-employer/proposals/${proposalId}`).set('cookie', cookies.header);
    expect(back.status).toBe(404);
    await t.http().get(`/api/test-employer/proposals/${proposalId}`).set('cookie', other.cookies.header).expect(200);
  });

  it('refuses tampered, truncated and unknown tokens, and requests without a session', async () => {
    const link = await issue();
    const flipped = link.token.slice(0, -1) + (link.token.endsWith('A') ? 'B' : 'A');
    for (const token of [flipped, link.token.slice(0, 20), `${link.token}x`, 'A'.repeat(43), "'; DROP TABLE x;--"]) {
      const { res, cookies } = await open(encodeURIComponent(token));
      expect(res.status).toBe(401);
      expect(res.headers['x-error-code']).toBe('EMPLOYER_LINK_INVALID');
      expect(cookies.raw.some((c) => c.startsWith('maillage_employeur='))).toBe(false);
      const api = await t.http().post('/api/employer-links/exchange').send({ token });
      expect(api.status).toBe(401);
      expectNoData(api.body, api.text, ids, 'EMPLOYER_LINK_INVALID');
    }
    const none = await t.http().get(`/api/test-employer/events/${eventId}/companies/${companyId}`);
    expect(none.status).toBe(401);
    expectNoData(none.body, none.text, ids, 'EMPLOYER_SESSION_REQUIRED');
    const forged = await t
      .http()
      .get(`/api/test-employer/events/${eventId}/companies/${companyId}`)
      .set('cookie', `maillage_employeur=${link.token}`);
    expect(forged.status).toBe(401);
    expectNoData(forged.body, forged.text, ids, 'EMPLOYER_SESSION_REQUIRED');
  });

  it('refuses an expired link, and a session past its short lifetime or its link', async () => {
    const link = await issue({ eventId, companyId }, 3 * 3_600_000);
    const { cookies } = await open(link.token);
    const url = `/api/test-employer/events/${eventId}/companies/${companyId}`;
    await t.http().get(url).set('cookie', cookies.header).expect(200);
    clock.advance(t.config.EMPLOYER_SESSION_TTL_MINUTES * 60_000 + 1000);
    const stale = await t.http().get(url).set('cookie', cookies.header);
    expect(stale.status).toBe(401);
    expectNoData(stale.body, stale.text, ids, 'EMPLOYER_SESSION_REQUIRED');
    // The link itself still works (a new session), until it expires.
    const again = await open(link.token);
    expect(again.res.status).toBe(303);
    clock.advance(3 * 3_600_000);
    const expired = await open(link.token);
    expect(expired.res.status).toBe(410);
    expect(expired.res.headers['x-error-code']).toBe('EMPLOYER_LINK_EXPIRED');
    for (const id of ids) expect(expired.res.text).not.toContain(id);
    const api = await t.http().post('/api/employer-links/exchange').send({ token: link.token });
    expect(api.status).toBe(410);
    expectNoData(api.body, api.text, ids, 'EMPLOYER_LINK_EXPIRED');
    // A session opened just before the link's expiry ends with it.
    const late = await t.http().get(url).set('cookie', again.cookies.header);
    expect(late.status).toBe(401);
  });

  it('refuses a revoked link, and ends the sessions it opened (replay after revocation)', async () => {
    const link = await issue();
    const before = await open(link.token);
    const url = `/api/test-employer/events/${eventId}/companies/${companyId}`;
    await t.http().get(url).set('cookie', before.cookies.header).expect(200);
    expect(await links.revoke(link.linkId)).toBe(true);
    expect(await links.revoke(link.linkId)).toBe(false);

    const replay = await t.http().get(url).set('cookie', before.cookies.header);
    expect(replay.status).toBe(410);
    expectNoData(replay.body, replay.text, ids, 'EMPLOYER_LINK_REVOKED');
    const reopened = await open(link.token);
    expect(reopened.res.status).toBe(410);
    expect(reopened.res.headers['x-error-code']).toBe('EMPLOYER_LINK_REVOKED');
    for (const id of ids) expect(reopened.res.text).not.toContain(id);
    const api = await t.http().post('/api/employer-links/exchange').send({ token: link.token });
    expect(api.status).toBe(410);
    expectNoData(api.body, api.text, ids, 'EMPLOYER_LINK_REVOKED');
  });

  it('revokes every live link of a scope at once, and only that scope', async () => {
    const a = await issue();
    const b = await issue();
    const other = await issue({ eventId: otherEventId, companyId });
    expect(await links.revokeScope(testEventCompanyLink, { eventId, companyId })).toBeGreaterThanOrEqual(2);
    expect((await open(a.token)).res.status).toBe(410);
    expect((await open(b.token)).res.status).toBe(410);
    expect((await open(other.token)).res.status).toBe(303);
  });

  it('requires the CSRF token on forms and JSON writes made with the session cookie', async () => {
    const { cookies } = await open((await issue()).token);
    const page = await t.http().get(`/essai-employeur/${eventId}/${companyId}`).set('cookie', cookies.header);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const csrfCookie = cookiesOf(page).header;
    const both = `${cookies.header}; ${csrfCookie}`;
    const form = `/essai-employeur/${eventId}/${companyId}`;

    const missing = await t.http().post(form).type('form').set('cookie', both).send({ tables: '2' });
    expect(missing.status).toBe(403);
    expect(missing.headers['x-error-code']).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t
      .http()
      .post(form)
      .type('form')
      .set('cookie', both)
      .send({ tables: '2', _csrf: csrf.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) });
    expect(wrong.status).toBe(403);
    // The token is bound to the session: another session's cookie makes it worthless.
    const otherSession = await open((await issue()).token);
    const stolen = await t
      .http()
      .post(form)
      .type('form')
      .set('cookie', `${otherSession.cookies.header}; ${csrfCookie}`)
      .send({ tables: '2', _csrf: csrf });
    expect(stolen.status).toBe(403);
    const ok = await t.http().post(form).type('form').set('cookie', both).send({ tables: '2', _csrf: csrf });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('Inscription confirmée');

    // JSON: the exchange returns the token to send in x-csrf-token.
    const link = await issue();
    const exchanged = await t.http().post('/api/employer-links/exchange').send({ token: link.token }).expect(200);
    expect(exchanged.body).toMatchObject({
      kind: 'test_event_company',
      scope: { eventId, companyId },
      landingPath: `/essai-employeur/${eventId}/${companyId}`,
      csrfToken: expect.any(String),
    });
    const jar = cookiesOf(exchanged).header;
    await t.http().get('/api/employer-links/session').set('cookie', jar).expect(200);
    const noToken = await t.http().post('/api/employer-links/session/close').set('cookie', jar);
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('CSRF_TOKEN_INVALID');
    await t
      .http()
      .post('/api/employer-links/session/close')
      .set('cookie', jar)
      .set('x-csrf-token', exchanged.body.csrfToken)
      .expect(204);
    const closed = await t.http().get('/api/employer-links/session').set('cookie', jar);
    expect(closed.status).toBe(401);
  });

  it('keeps JSON answers outside the pages: an unknown /api route is still a JSON 404', async () => {
    const res = await t.http().get('/api/lien/abc').expect(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('employer links behind https, with a tight rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({
      config: { PUBLIC_BASE_URL: 'https://maillage.example.org', LINK_RATE_LIMIT_PER_IP: 3 },
      modules: [TestEmployerPagesModule],
    });
  });
  afterAll(() => t.close());

  it('sets Secure __Host- cookies, then answers 429 past the limit of the token endpoints', async () => {
    const links = t.get(LinksService);
    const link = await links.issue(
      testEventCompanyLink,
      { eventId: randomUUID(), companyId: randomUUID() },
      new Date(Date.now() + DAY),
    );
    expect(link.url).toMatch(/^https:\/\/maillage\.example\.org\/lien\//);
    const first = await t.http().get(`/lien/${link.token}`).expect(303);
    const session = cookiesOf(first).raw.find((c) => c.startsWith('__Host-maillage_employeur='))!;
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    await t.http().post('/api/employer-links/exchange').send({ token: link.token }).expect(200);
    await t.http().get(`/lien/${link.token}`).expect(303);
    const limited = await t.http().get(`/lien/${link.token}`);
    expect(limited.status).toBe(429);
    expect(limited.headers['x-error-code']).toBe('EMPLOYER_LINK_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    const api = await t.http().post('/api/employer-links/exchange').send({ token: link.token });
    expect(api.status).toBe(429);
    expect(api.body.code).toBe('EMPLOYER_LINK_RATE_LIMITED');
    expect(cookiesOf(api).raw).toEqual([]);
  });
});
