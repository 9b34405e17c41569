import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { Fixtures } from './fixtures';
import type { TestApp } from './test-app';

/**
 * A collective for event tests: coordinated by `coord`, three member SIAE (A, B, C) each with a direction, a CIP and a
 * chargé·e de développement, and an outsider SIAE in another collective. Everybody signed in through the real login.
 */
export interface EventWorld {
  t: TestApp;
  f: Fixtures;
  collective: Collective;
  other: Collective;
  siaes: { A: Siae; B: Siae; C: Siae; X: Siae };
  users: Record<string, User>;
  auth: (who: string) => string;
}

export async function buildEventWorld(t: TestApp): Promise<EventWorld> {
  const f = new Fixtures(t);
  const collective = await f.collective({ name: 'Inter-SIAE test' });
  const other = await f.collective({ name: 'Autre collectif' });
  const siaes = {
    A: await f.siae({ name: 'SIAE A' }),
    B: await f.siae({ name: 'SIAE B' }),
    C: await f.siae({ name: 'SIAE C' }),
    X: await f.siae({ name: 'SIAE X' }),
  };
  const users: Record<string, User> = {};
  for (const [key, siae] of Object.entries(siaes)) {
    await f.collectiveMember(key === 'X' ? other : collective, siae);
    users[`dir${key}`] = await f.member(siae, 'direction');
    users[`cip${key}`] = await f.member(siae, 'cip');
    users[`dev${key}`] = await f.member(siae, 'charge_dev');
  }
  users.coord = await f.coordinator(collective);
  users.coordX = await f.coordinator(other);
  const tokens = new Map<string, string>();
  for (const [key, user] of Object.entries(users)) tokens.set(key, await f.tokenFor(user));
  return {
    t,
    f,
    collective,
    other,
    siaes,
    users,
    auth: (who) => {
      const token = tokens.get(who);
      if (!token) throw new Error(`no actor ${who}`);
      return `Bearer ${token}`;
    },
  };
}

/** A valid event body for the collective (a morning of 15-minute slots with 5 minutes between them). */
export function eventBody(collectiveId: string, overrides: Record<string, unknown> = {}) {
  return {
    collectiveId,
    title: 'Job dating logistique',
    kind: 'job_dating',
    address: '12 rue du Dauphiné',
    communeCode: '69123',
    accessNotes: 'Métro D, arrêt Grange Blanche',
    date: '2027-03-12',
    timeWindows: [{ start: '09:00', end: '10:00' }],
    slotMinutes: 15,
    changeoverMinutes: 5,
    tableCount: 4,
    defaultSiaeQuota: 5,
    ...overrides,
  };
}

/**
 * A pooled company of the collective over one record of SIAE A (made through the API by A's chargé·e de développement,
 * with a contact that has an e-mail, shared with its contacts); the pooled row itself is written in SQL, as the pooling
 * job would (the tests of events do not run the linking).
 */
export async function pooledCompany(
  w: EventWorld,
  name: string,
  email: string,
): Promise<{ id: string; companyId: string }> {
  const as = async (method: 'post', path: string, body: object) => {
    const res = await w.t.http()[method](path).set('authorization', w.auth('devA')).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const company = await as('post', '/api/companies', { siaeId: w.siaes.A.id, name, communeCode: '69123' });
  await as('post', `/api/companies/${company.id}/contacts`, { firstName: 'Claire', lastName: 'Recrute', email });
  await as('post', `/api/companies/${company.id}/shares`, { collectiveId: w.collective.id, withContacts: true });
  const [{ id }] = await w.t.dataSource.query(
    `INSERT INTO pooled_company (collective_id, display_name, size_band) VALUES ($1, $2, 'small') RETURNING id`,
    [w.collective.id, name],
  );
  await w.t.dataSource.query(
    `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
    [id, w.collective.id, company.id],
  );
  return { id, companyId: company.id };
}

/** The link token in an invitation mail (a platform link: `/lien/<token>`). */
export function tokenInMail(text: string): string {
  const match = /\/lien\/([A-Za-z0-9_-]{40,100})/.exec(text);
  if (!match) throw new Error(`no employer link in: ${text}`);
  return match[1];
}

const employerSessions = new WeakMap<TestApp, Map<string, Record<string, string>>>();

/**
 * The headers of an employer session opened from a link token (platform/links): its cookies and the CSRF token that
 * writes need. Opened once per token and app, like a browser that keeps its cookie; a refused exchange gives no cookie.
 */
export async function employerHeaders(t: TestApp, token: string): Promise<Record<string, string>> {
  let sessions = employerSessions.get(t);
  if (!sessions) employerSessions.set(t, (sessions = new Map()));
  const known = sessions.get(token);
  if (known) return known;
  const res = await t.http().post('/api/employer-links/exchange').send({ token });
  if (res.status !== 200) return {};
  const cookies = ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((c) => c.split(';')[0]);
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': res.body.csrfToken as string };
  sessions.set(token, headers);
  return headers;
}
