/**
 * Access entries for the day's routes (src/modules/events/day), on the shared access world: SIAE A in C1 (coordinated
 * by `dirA`), SIAE B in C2 (`dirB`). Same shape as test/support/events-access.ts; run by
 * test/e2e/events-day-access.e2e-spec.ts, counted by the access matrix. Each entry builds a published event of C1 with
 * a confirmed employer (checked in) and an accepted candidate of A, through the API.
 */
import type { AccessWorld } from './access-world';
import { employerHeaders, eventBody } from './event-world';
import type { EventsEntry } from './events-access';
import { computePlanAndPublish } from './day-world';

let seq = 0;

export interface DayOfC1 {
  eventId: string;
  invitationId: string;
  registrationId: string;
  slotIds: string[];
}

async function as<T = Record<string, unknown>>(
  w: AccessWorld,
  who: 'dirA' | 'cipA',
  method: 'post' | 'put',
  path: string,
  body: object,
): Promise<T> {
  const res = await w.t
    .http()
    [method](path)
    .set('authorization', `Bearer ${w.tokens.get(who)}`)
    .send(body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** A consented candidate of SIAE A with a shared profile, through the API as A's CIP. */
export async function consentedCandidateOfA(w: AccessWorld): Promise<string> {
  const { id } = await as<{ id: string }>(w, 'cipA', 'post', '/api/candidates', {
    siaeId: w.siaeA.id,
    firstName: 'Alex',
    lastName: `Jour${seq++}`,
  });
  await as(w, 'cipA', 'put', `/api/candidates/${id}/profile`, {
    communeCode: '69266',
    mobilityRadiusKm: 10,
    targetJobs: [{ ogrCode: '10571', experienceLevel: 'beginner' }],
  });
  await as(w, 'cipA', 'post', `/api/candidates/${id}/consents`, {
    scope: 'employers',
    wording: 'J’accepte que mon profil sans mon nom soit montré aux employeurs.',
  });
  return id;
}

/** A published event of C1 (its day), with one confirmed employer checked in and one accepted candidate of A. */
export async function dayOfC1(w: AccessWorld): Promise<DayOfC1> {
  const event = await as<{ id: string; slots: Array<{ id: string }> }>(
    w,
    'dirA',
    'post',
    '/api/events',
    eventBody(w.c1.id),
  );
  const eventId = event.id;
  await as(w, 'dirA', 'post', `/api/events/${eventId}/transitions`, { to: 'open' });
  const email = `rh-jour-${process.pid}-${seq++}@exemple.fr`;
  const [{ id: companyId }] = await w.t.dataSource.query(
    `INSERT INTO company (siae_id, name, commune_code) VALUES ($1, 'Entreprise du Jour', '69123') RETURNING id`,
    [w.siaeA.id],
  );
  await w.t.dataSource.query(`INSERT INTO company_contact (company_id, last_name, email) VALUES ($1, 'Jour', $2)`, [
    companyId,
    email,
  ]);
  await w.t.dataSource.query(
    `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at) VALUES ($1, $2, true, now())`,
    [companyId, w.c1.id],
  );
  const [{ id: pooledCompanyId }] = await w.t.dataSource.query(
    `INSERT INTO pooled_company (collective_id, display_name) VALUES ($1, 'Entreprise du Jour') RETURNING id`,
    [w.c1.id],
  );
  await w.t.dataSource.query(
    `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
    [pooledCompanyId, w.c1.id, companyId],
  );
  const invitation = await as<{ id: string }>(w, 'dirA', 'post', `/api/events/${eventId}/invitations`, {
    pooledCompanyId,
  });
  const [{ body_text }] = await w.t.dataSource.query(`SELECT body_text FROM mail_message WHERE recipient = $1`, [
    email,
  ]);
  const link = /\/lien\/([A-Za-z0-9_-]+)/.exec(body_text as string)![1];
  const booked = await w.t
    .http()
    .put('/api/employer/event/registration')
    .set(await employerHeaders(w.t, link))
    .send({ tables: 1, cells: event.slots.map((s) => ({ slotId: s.id, table: 1 })) });
  if (booked.status !== 200) throw new Error(`employer registration: ${booked.status} ${JSON.stringify(booked.body)}`);
  const registration = await as<{ id: string }>(w, 'cipA', 'post', `/api/events/${eventId}/registrations`, {
    candidateId: await consentedCandidateOfA(w),
    maxInterviews: 3,
  });
  await as(w, 'dirA', 'post', `/api/events/${eventId}/registrations/${registration.id}/decision`, {
    decision: 'accept',
  });
  await computePlanAndPublish(w.t, eventId, `Bearer ${w.tokens.get('dirA')}`);
  await as(w, 'dirA', 'put', `/api/events/${eventId}/day/employers/${invitation.id}/presence`, { presence: 'present' });
  return {
    eventId,
    invitationId: invitation.id,
    registrationId: registration.id,
    slotIds: event.slots.map((s) => s.id),
  };
}

const organiserOnly = { as: 'cipA', code: 'EVENT_ORGANISER_ONLY' } as const;
const otherCoordinator = { as: 'dirB', code: 'EVENT_NOT_FOUND' } as const;

export const dayEntries: Record<string, EventsEntry> = {
  'GET /api/events/:id/day/check-in': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: (await dayOfC1(w)).eventId } }),
  },
  'PUT /api/events/:id/day/candidates/:registrationId/presence': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => {
      const day = await dayOfC1(w);
      return { params: { id: day.eventId, registrationId: day.registrationId }, body: { presence: 'present' } };
    },
  },
  'PUT /api/events/:id/day/employers/:invitationId/presence': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => {
      const day = await dayOfC1(w);
      return { params: { id: day.eventId, invitationId: day.invitationId }, body: { presence: 'absent' } };
    },
  },
  'PUT /api/events/:id/day/employers/:invitationId/departure': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => {
      const day = await dayOfC1(w);
      return { params: { id: day.eventId, invitationId: day.invitationId }, body: { fromSlotId: day.slotIds[1] } };
    },
  },
  'POST /api/events/:id/day/walk-ins': {
    allowed: { as: 'cipA', status: 201 },
    wrongRole: { as: 'devA', code: 'EVENT_REGISTRATION_CIP_ONLY' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => ({
      params: { id: (await dayOfC1(w)).eventId },
      body: { candidateId: await consentedCandidateOfA(w), maxInterviews: 2 },
    }),
  },
  'POST /api/events/:id/day/extra-places': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: (await dayOfC1(w)).eventId }, body: { siaeId: w.siaeA.id, places: 2 } }),
  },
  'POST /api/events/:id/day/replanning': {
    allowed: { as: 'dirA', status: 202 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: (await dayOfC1(w)).eventId } }),
  },
  'GET /api/events/:id/day/live': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: (await dayOfC1(w)).eventId } }),
  },
};
