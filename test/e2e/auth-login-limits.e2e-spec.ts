import { FixedClock } from '../../src/platform/clock/clock';
import { Fixtures, TEST_PASSWORD } from '../support/fixtures';
import { TestApp } from '../support/test-app';

const ATTACKER = '203.0.113.7';
const OFFICE = '198.51.100.9';

describe('auth: login limits that an attacker cannot turn into a lock-out', () => {
  const clock = new FixedClock(new Date('2026-03-02T08:00:00Z'));
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    // Behind one trusted proxy on loopback, so that tests can speak from several addresses. Small limits: every
    // attempt that reaches the password check costs an argon2 verification.
    t = await TestApp.create({
      clock,
      config: { TRUST_PROXY: 'loopback', LOGIN_FREE_FAILURES: 3, LOGIN_RATE_LIMIT: 10, LOGIN_RATE_LIMIT_PER_IP: 1000 },
    });
    f = new Fixtures(t);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, from: string) =>
    t.http().post('/api/auth/login').set('x-forwarded-for', from).send({ email, password });

  it('20 wrong passwords from one address do not stop the right password from another address', async () => {
    const user = await f.user();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(user.email, 'mauvais', ATTACKER)).status);
    // 3 free failures and a fourth, then the address waits: the attacker is slowed, not the account.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
    await login(user.email, TEST_PASSWORD, OFFICE).expect(200);
    // Even the right password waits from the attacker's address.
    expect((await login(user.email, TEST_PASSWORD, ATTACKER)).body.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('makes each further failure from the same address wait twice as long', async () => {
    const user = await f.user();
    for (let i = 0; i < 3; i++) await login(user.email, 'mauvais', ATTACKER).expect(401);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await login(user.email, 'mauvais', ATTACKER).expect(401);
      const refused = await login(user.email, 'mauvais', ATTACKER).expect(429);
      expect(refused.body).toMatchObject({ code: 'LOGIN_RATE_LIMITED', message: expect.stringMatching(/réessayez/) });
      expect(refused.headers['retry-after']).toBe(String(refused.body.details.retryAfterSeconds));
      waits.push(refused.body.details.retryAfterSeconds);
      clock.advance(refused.body.details.retryAfterSeconds * 1000);
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it('forgets the failures of an address once the right password comes from it', async () => {
    const user = await f.user();
    for (let i = 0; i < 3; i++) await login(user.email, 'mauvais', OFFICE).expect(401);
    await login(user.email, TEST_PASSWORD, OFFICE).expect(200);
    for (let i = 0; i < 4; i++) await login(user.email, 'mauvais', OFFICE).expect(401);
  });

  it('stops a guess spread over many addresses at the per-account ceiling', async () => {
    const user = await f.user();
    const statuses: number[] = [];
    // 10 attempts allowed per account and window, whatever the address; 2 per address stay below the free failures.
    for (let i = 0; i < 12; i++) statuses.push((await login(user.email, 'mauvais', `192.0.2.${1 + (i % 6)}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    clock.advance(t.config.LOGIN_RATE_WINDOW_MS);
    await login(user.email, TEST_PASSWORD, OFFICE).expect(200);
  });

  it('does not count the refused attempts of a blocked address against the account ceiling', async () => {
    const user = await f.user();
    // 100 attempts from one address: 4 reach the password check, the other 96 wait and use nothing of the ceiling (10).
    for (let i = 0; i < 100; i++) await login(user.email, 'mauvais', ATTACKER);
    await login(user.email, TEST_PASSWORD, OFFICE).expect(200);
  });
});

describe('auth: addresses when no proxy is trusted (the default)', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    // A long first wait, so that the assertion does not depend on how fast the machine runs the requests.
    t = await TestApp.create({ config: { LOGIN_DELAY_BASE_MS: 60_000 } });
    f = new Fixtures(t);
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For: a client cannot pose as a new address to dodge the wait', async () => {
    const user = await f.user();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await t
            .http()
            .post('/api/auth/login')
            .set('x-forwarded-for', `203.0.113.${i + 1}`)
            .send({ email: user.email, password: 'mauvais' })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });
});
