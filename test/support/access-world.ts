import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { eventBody, tokenInMail } from './event-world';
import { Fixtures } from './fixtures';
import type { TestApp } from './test-app';

/** The signed-in callers of the access tables: an admin, someone without role, and each role of two tenants. */
export type SignedInActor = 'admin' | 'noRole' | 'dirA' | 'cipA' | 'devA' | 'dirB' | 'cipB' | 'devB';

export interface AccessWorld {
  t: TestApp;
  f: Fixtures;
  users: Record<SignedInActor, User>;
  tokens: Map<SignedInActor, string>;
  siaeA: Siae;
  siaeB: Siae;
  c1: Collective;
  c2: Collective;
}

/**
 * Two tenants for the access tables: SIAE A in collective C1 (coordinated by A's direction), SIAE B in C2 (B's
 * direction), each with a direction, a CIP and a chargé·e de développement, all signed in.
 */
export async function buildAccessWorld(t: TestApp): Promise<AccessWorld> {
  const f = new Fixtures(t);
  const siaeA = await f.siae({ name: 'SIAE A' });
  const siaeB = await f.siae({ name: 'SIAE B' });
  const users: Record<SignedInActor, User> = {
    admin: await f.admin(),
    noRole: await f.user(),
    dirA: await f.member(siaeA, 'direction'),
    cipA: await f.member(siaeA, 'cip'),
    devA: await f.member(siaeA, 'charge_dev'),
    dirB: await f.member(siaeB, 'direction'),
    cipB: await f.member(siaeB, 'cip'),
    devB: await f.member(siaeB, 'charge_dev'),
  };
  const c1 = await f.collective({ name: 'C1' });
  const c2 = await f.collective({ name: 'C2' });
  await f.collectiveMember(c1, siaeA);
  await f.collectiveMember(c2, siaeB);
  await f.coordinator(c1, users.dirA);
  await f.coordinator(c2, users.dirB);
  const tokens = new Map<SignedInActor, string>();
  for (const [actor, user] of Object.entries(users)) tokens.set(actor as SignedInActor, await f.tokenFor(user));
  return { t, f, users, tokens, siaeA, siaeB, c1, c2 };
}

/*
 * Objects of the access world that several tables need, each made afresh per call (a destructive request never spoils
 * another entry's data). Through the API where a route makes them; pooled companies in SQL (the tables run without the
 * pooling job).
 */

let seq = 0;
const unique = (label: string) => `${label}-${process.pid}-${seq++}`;

/** A setup call by an actor of the world; a refusal fails the setup loudly. */
export async function asActor<T = Record<string, unknown>>(
  w: AccessWorld,
  actor: SignedInActor,
  method: 'post' | 'put',
  path: string,
  body: object,
): Promise<T> {
  const res = await w.t
    .http()
    [method](path)
    .set('authorization', `Bearer ${w.tokens.get(actor)}`)
    .send(body);
  if (res.status >= 300) throw new Error(`setup ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** An event of C1 made by its coordinator (`dirA`), moved through the given statuses. */
export async function eventOfC1(w: AccessWorld, to: Array<'open' | 'planning'> = []): Promise<string> {
  const { id } = await asActor<{ id: string }>(w, 'dirA', 'post', '/api/events', eventBody(w.c1.id));
  for (const status of to) await asActor(w, 'dirA', 'post', `/api/events/${id}/transitions`, { to: status });
  return id;
}

/** A candidate of SIAE A with a shared profile and an `employers` consent, through the API as A's CIP. */
export async function consentedCandidateOfA(w: AccessWorld): Promise<string> {
  const { id } = await asActor<{ id: string }>(w, 'cipA', 'post', '/api/candidates', {
    siaeId: w.siaeA.id,
    firstName: 'Alex',
    lastName: unique('Matrice'),
  });
  await asActor(w, 'cipA', 'put', `/api/candidates/${id}/profile`, {
    communeCode: '69266',
    mobilityRadiusKm: 10,
    targetJobs: [{ ogrCode: '10571', experienceLevel: 'beginner' }],
  });
  await asActor(w, 'cipA', 'post', `/api/candidates/${id}/consents`, {
    scope: 'employers',
    wording: 'J’accepte que mon profil sans mon nom soit montré aux employeurs.',
  });
  return id;
}

/** A pooled company of C1 over a record of SIAE A shared with its contact (who gets the invitations' mail). */
export async function pooledCompanyOfC1(
  w: AccessWorld,
  name: string,
): Promise<{ pooledCompanyId: string; companyId: string; email: string }> {
  const email = `${unique('rh')}@exemple.fr`;
  const q = (sql: string, params: unknown[]) => w.t.dataSource.query(sql, params);
  const [{ id: companyId }] = await q(
    `INSERT INTO company (siae_id, name, commune_code) VALUES ($1, $2, '69123') RETURNING id`,
    [w.siaeA.id, name],
  );
  await q(`INSERT INTO company_contact (company_id, last_name, email) VALUES ($1, 'Recrute', $2)`, [companyId, email]);
  await q(
    `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at) VALUES ($1, $2, true, now())`,
    [companyId, w.c1.id],
  );
  const [{ id: pooledCompanyId }] = await q(
    `INSERT INTO pooled_company (collective_id, display_name) VALUES ($1, $2) RETURNING id`,
    [w.c1.id, name],
  );
  await q(`INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`, [
    pooledCompanyId,
    w.c1.id,
    companyId,
  ]);
  return { pooledCompanyId, companyId, email };
}

/** An invitation of a new pooled company of C1 to the event (by its coordinator), and the link mailed to its contact. */
export async function invitationOfC1(
  w: AccessWorld,
  eventId: string,
  name = 'Entreprise Matrice',
): Promise<{ invitationId: string; link: string; companyId: string; pooledCompanyId: string }> {
  const company = await pooledCompanyOfC1(w, name);
  const { id } = await asActor<{ id: string }>(w, 'dirA', 'post', `/api/events/${eventId}/invitations`, {
    pooledCompanyId: company.pooledCompanyId,
  });
  const [{ body_text }] = await w.t.dataSource.query(`SELECT body_text FROM mail_message WHERE recipient = $1`, [
    company.email,
  ]);
  return { invitationId: id, link: tokenInMail(body_text as string), ...company };
}

/** The refusals of the events routes (events, planning, agendas, the day), as their tables state them. */
export const eventRefusals = {
  organiserOnly: { as: 'cipA', code: 'EVENT_ORGANISER_ONLY' },
  coordinatorOnly: { as: 'cipA', code: 'EVENT_COORDINATOR_ONLY' },
  otherCoordinator: { as: 'dirB', code: 'EVENT_NOT_FOUND' },
  cipOnly: { as: 'devA', code: 'EVENT_REGISTRATION_CIP_ONLY' },
  otherCip: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
} as const;
