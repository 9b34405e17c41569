import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

describe('platform: health, errors, auth', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await TestApp.create({ config: { LOGIN_RATE_LIMIT: 5 } });
    f = new Fixtures(t);
  });
  afterAll(() => t.close());

  it('reports PostgreSQL and Redis healthy', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info).toMatchObject({ postgresql: { status: 'up' }, redis: { status: 'up' } });
  });

  it('tags every answer with a request id, keeping a sane one given by a proxy', async () => {
    const own = await t.http().get('/api/health');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.http().get('/api/health').set('x-request-id', 'proxy-abc.123');
    expect(given.headers['x-request-id']).toBe('proxy-abc.123');
    const hostile = await t.http().get('/api/health').set('x-request-id', 'bad id; with {spaces}');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/auth/login']).toBeDefined();
  });

  it('answers unknown routes with a French error body', async () => {
    const res = await t.http().get('/api/nope').expect(404);
    expect(res.body).toEqual({ code: 'ROUTE_NOT_FOUND', message: expect.stringMatching(/n'existe pas/) });
  });

  it('rejects malformed JSON, unknown fields, wrong types and oversized bodies with 4xx', async () => {
    const malformed = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');

    const unknown = await t.http().post('/api/auth/login').send({ email: 'a@b.fr', password: 'x', admin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'admin', problems: ['champ inconnu'] }],
    });

    const wrongType = await t.http().post('/api/auth/login').send({ email: 42, password: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details[0].field).toBe('email');

    const missing = await t.http().post('/api/auth/login').send({ email: 'a@b.fr' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);

    const big = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@b.fr', password: 'x'.repeat(300_000) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('logs in, reads /me, logs out and refuses the revoked token', async () => {
    const user = await f.user();
    const token = await f.tokenFor(user);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ userId: user.id, email: user.email, isAdmin: false, siaeGrants: [] });
    await t.http().post('/api/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    const after = await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(401);
    expect(after.body.code).toBe('SESSION_EXPIRED');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const user = await f.user();
    const wrong = await t.http().post('/api/auth/login').send({ email: user.email, password: 'mauvais' }).expect(401);
    const absent = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'personne@exemple.fr', password: 'mauvais' })
      .expect(401);
    expect(wrong.body).toEqual(absent.body);
  });

  it('closes every session when the password changes', async () => {
    const user = await f.user();
    const a = await f.tokenFor(user);
    const b = await f.tokenFor(user);
    await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${a}`)
      .send({ currentPassword: 'mot-de-passe-de-test-42', newPassword: 'un-nouveau-mot-de-passe' })
      .expect(204);
    await t.http().get('/api/auth/me').set('authorization', `Bearer ${b}`).expect(401);
    await t.http().post('/api/auth/login').send({ email: user.email, password: 'un-nouveau-mot-de-passe' }).expect(200);
  });

  it('rate-limits login attempts per account', async () => {
    const user = await f.user();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await t.http().post('/api/auth/login').send({ email: user.email, password: 'mauvais' })).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('tells a tampered token ("jeton invalide") from an expired session', async () => {
    const user = await f.user();
    const token = await f.tokenFor(user);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    for (const tampered of [token.slice(0, -1) + last, token + 'x', 'x'.repeat(43), 'pas-un-jeton!']) {
      const res = await t.http().get('/api/auth/me').set('authorization', `Bearer ${tampered}`).expect(401);
      expect(res.body).toEqual({ code: 'INVALID_TOKEN', message: expect.stringMatching(/^Jeton invalide/) });
    }
    await t.dataSource.query(`UPDATE access_token SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [
      user.id,
    ]);
    const expired = await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');
    const none = await t.http().get('/api/auth/me').expect(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
  });

  it('reads the Bearer scheme name in any case (RFC 7235)', async () => {
    const user = await f.user();
    const token = await f.tokenFor(user);
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR'])
      await t.http().get('/api/auth/me').set('authorization', `${scheme} ${token}`).expect(200);
    const basic = await t.http().get('/api/auth/me').set('authorization', `Basic ${token}`).expect(401);
    expect(basic.body.code).toBe('UNAUTHENTICATED');
  });

  it('sends security headers, with a CSP that still lets the documentation page load its files', async () => {
    const docs = await t.http().get('/api/docs/').expect(200);
    const csp = docs.headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    expect(docs.headers['referrer-policy']).toBe('no-referrer');
    // swagger-ui's page only loads scripts from files served under /api/docs, no inline script that the CSP would block.
    expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    const scripts = docs.text.match(/<script src="[^"]+"/g) ?? [];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const src of scripts) {
      const file = src.slice('<script src="'.length, -1);
      await t
        .http()
        .get(`/api/docs/${file.replace(/^\.\//, '')}`)
        .expect(200);
    }
    const api = await t.http().get('/api/health');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['x-powered-by']).toBeUndefined();
  });

  it('answers paths outside /api with the JSON error shape in French too', async () => {
    for (const path of ['/', '/favicon.ico', '/admin/login.php']) {
      const res = await t.http().get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ code: 'ROUTE_NOT_FOUND', message: "Cette adresse n'existe pas." });
    }
  });

  it('expires sessions', async () => {
    const user = await f.user();
    const token = await f.tokenFor(user);
    await t.dataSource.query(`UPDATE access_token SET expires_at = now() - interval '1 minute'`);
    await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(401);
  });
});
