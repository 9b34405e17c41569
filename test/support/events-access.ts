/**
 * Access entries for the events routes, on the shared access world (test/support/access-world.ts): SIAE A in C1
 * (coordinated by `dirA`), SIAE B in C2 (coordinated by `dirB`). Each refusal states its status AND its code. Run by
 * test/e2e/events-access.e2e-spec.ts; the shared matrix counts these routes as covered.
 */
import type { AccessWorld, SignedInActor } from './access-world';
import { employerHeaders, eventBody } from './event-world';
import { planningEntries } from './planning-access';
import { agendasEntries } from './agendas-access';

export interface EventsEntry {
  allowed: { as: SignedInActor; status: number };
  wrongRole: { as: SignedInActor; code: string } | { none: string };
  otherTenant: { as: SignedInActor; code: string } | { none: string };
  request: (w: AccessWorld) => Promise<{ params?: Record<string, string>; body?: object; link?: string }>;
  /** Routes opened by the employer link (header X-Employer-Link) instead of a session: `request` gives the link. */
  employerLink?: true;
}

async function eventOfC1(w: AccessWorld, open = false): Promise<string> {
  const res = await w.t
    .http()
    .post('/api/events')
    .set('authorization', `Bearer ${w.tokens.get('dirA')}`)
    .send(eventBody(w.c1.id));
  if (res.status !== 201) throw new Error(`event setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (open)
    await w.t
      .http()
      .post(`/api/events/${res.body.id}/transitions`)
      .set('authorization', `Bearer ${w.tokens.get('dirA')}`)
      .send({ to: 'open' });
  return res.body.id as string;
}

let seq = 0;

/** A pooled company of C1 over a shared record of SIAE A with a contact, written in SQL (no pooling job here). */
async function pooledOfC1(w: AccessWorld): Promise<string> {
  const email = `rh-${process.pid}-${seq++}@exemple.fr`;
  const [{ id: companyId }] = await w.t.dataSource.query(
    `INSERT INTO company (siae_id, name, commune_code) VALUES ($1, 'Entreprise Matrice', '69123') RETURNING id`,
    [w.siaeA.id],
  );
  await w.t.dataSource.query(`INSERT INTO company_contact (company_id, last_name, email) VALUES ($1, 'Matrice', $2)`, [
    companyId,
    email,
  ]);
  await w.t.dataSource.query(
    `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at) VALUES ($1, $2, true, now())`,
    [companyId, w.c1.id],
  );
  const [{ id }] = await w.t.dataSource.query(
    `INSERT INTO pooled_company (collective_id, display_name) VALUES ($1, 'Entreprise Matrice') RETURNING id`,
    [w.c1.id],
  );
  await w.t.dataSource.query(
    `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
    [id, w.c1.id, companyId],
  );
  return id;
}

/** An open event of C1 with one invitation sent by its coordinator; the link token read back from the mail log. */
async function invitationOfC1(w: AccessWorld): Promise<{ eventId: string; invitationId: string; link: string }> {
  const eventId = await eventOfC1(w, true);
  const res = await w.t
    .http()
    .post(`/api/events/${eventId}/invitations`)
    .set('authorization', `Bearer ${w.tokens.get('dirA')}`)
    .send({ pooledCompanyId: await pooledOfC1(w) });
  if (res.status !== 201) throw new Error(`invitation setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const [{ body_text }] = await w.t.dataSource.query(
    `SELECT body_text FROM mail_message WHERE template = 'event-invitation' ORDER BY created_at DESC LIMIT 1`,
  );
  const link = /\/lien\/([A-Za-z0-9_-]+)/.exec(body_text as string)![1];
  return { eventId, invitationId: res.body.id, link };
}

/** A confirmed employer of an open event (its link), for the routes that need a registration first. */
async function confirmedEmployer(w: AccessWorld): Promise<string> {
  const { link } = await invitationOfC1(w);
  const view = await w.t
    .http()
    .get('/api/employer/event')
    .set(await employerHeaders(w.t, link));
  const res = await w.t
    .http()
    .put('/api/employer/event/registration')
    .set(await employerHeaders(w.t, link))
    .send({ tables: 1, cells: [{ slotId: view.body.slots[0].id, table: 1 }] });
  if (res.status !== 200) throw new Error(`registration setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return link;
}

/** A candidate of SIAE A with a shared profile and an `employers` consent, through the API as A's CIP. */
async function candidateOfA(w: AccessWorld): Promise<string> {
  const auth = `Bearer ${w.tokens.get('cipA')}`;
  const created = await w.t
    .http()
    .post('/api/candidates')
    .set('authorization', auth)
    .send({ siaeId: w.siaeA.id, firstName: 'Alex', lastName: `Matrice${seq++}` });
  const id = created.body.id as string;
  await w.t
    .http()
    .put(`/api/candidates/${id}/profile`)
    .set('authorization', auth)
    .send({
      communeCode: '69266',
      mobilityRadiusKm: 10,
      targetJobs: [{ ogrCode: '10571', experienceLevel: 'beginner' }],
    });
  await w.t
    .http()
    .post(`/api/candidates/${id}/consents`)
    .set('authorization', auth)
    .send({ scope: 'employers', wording: 'J’accepte que mon profil sans mon nom soit montré aux employeurs.' });
  return id;
}

async function registrationOfA(w: AccessWorld): Promise<{ id: string; registrationId: string }> {
  const id = await eventOfC1(w, true);
  const res = await w.t
    .http()
    .post(`/api/events/${id}/registrations`)
    .set('authorization', `Bearer ${w.tokens.get('cipA')}`)
    .send({ candidateId: await candidateOfA(w), maxInterviews: 3 });
  if (res.status !== 201) throw new Error(`registration setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, registrationId: res.body.id };
}

const employerRoute = (allowed: number, request: EventsEntry['request']): EventsEntry => ({
  employerLink: true,
  allowed: { as: 'admin', status: allowed },
  wrongRole: { none: 'an employer link opens its own invitation only: the scope is the token' },
  otherTenant: { none: 'another event’s or company’s link opens that one only (tested in events-job-dating)' },
  request,
});

const organiserOnly = { as: 'cipA', code: 'EVENT_ORGANISER_ONLY' } as const;
const coordinatorOnly = { as: 'cipA', code: 'EVENT_COORDINATOR_ONLY' } as const;
const otherCoordinator = { as: 'dirB', code: 'EVENT_NOT_FOUND' } as const;

export const eventsEntries: Record<string, EventsEntry> = {
  'POST /api/events': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: { as: 'cipA', code: 'FORBIDDEN' },
    otherTenant: { as: 'dirB', code: 'COLLECTIVE_NOT_FOUND' },
    request: async (w) => ({ body: eventBody(w.c1.id) }),
  },
  'GET /api/collectives/:id/events': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { none: 'any staff of a member SIAE reads the events of its collective' },
    otherTenant: { as: 'cipB', code: 'COLLECTIVE_NOT_FOUND' },
    request: async (w) => ({ params: { id: w.c1.id } }),
  },
  'GET /api/events/:id': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { none: 'any staff of a member SIAE reads an event of its collective' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => ({ params: { id: await eventOfC1(w) } }),
  },
  'PATCH /api/events/:id': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: await eventOfC1(w) }, body: { title: 'Nouveau titre' } }),
  },
  'POST /api/events/:id/transitions': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: await eventOfC1(w) }, body: { to: 'open' } }),
  },
  'POST /api/events/:id/organisers': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: coordinatorOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({
      params: { id: await eventOfC1(w) },
      body: { userId: w.users.cipA.id, siaeId: w.siaeA.id },
    }),
  },
  'DELETE /api/events/:id/organisers/:userId': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: coordinatorOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: await eventOfC1(w), userId: w.users.cipA.id } }),
  },
  'POST /api/events/:id/quota-moves': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: coordinatorOnly,
    otherTenant: otherCoordinator,
    request: async (w) => {
      const id = await eventOfC1(w, true);
      const other = await w.f.siae();
      await w.f.collectiveMember(w.c1, other);
      return { params: { id }, body: { fromSiaeId: w.siaeA.id, toSiaeId: other.id, places: 1 } };
    },
  },
  'POST /api/events/:id/invitations': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({
      params: { id: await eventOfC1(w, true) },
      body: { pooledCompanyId: await pooledOfC1(w) },
    }),
  },
  'GET /api/events/:id/invitations': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: await eventOfC1(w) } }),
  },
  'GET /api/events/:id/invitable-companies': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: { id: await eventOfC1(w, true) } }),
  },
  'POST /api/events/:id/invitations/:invitationId/revocation': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => {
      const { eventId, invitationId } = await invitationOfC1(w);
      return { params: { id: eventId, invitationId } };
    },
  },
  'POST /api/events/:id/registrations': {
    allowed: { as: 'cipA', status: 201 },
    wrongRole: { as: 'devA', code: 'EVENT_REGISTRATION_CIP_ONLY' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => ({
      params: { id: await eventOfC1(w, true) },
      body: { candidateId: await candidateOfA(w), maxInterviews: 3 },
    }),
  },
  'GET /api/events/:id/registrations': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { none: 'staff of a member SIAE see their own SIAE’s registrations, organisers all' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => ({ params: { id: await eventOfC1(w) } }),
  },
  'PATCH /api/events/:id/registrations/:registrationId': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { as: 'devA', code: 'EVENT_REGISTRATION_CIP_ONLY' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => ({ params: await registrationOfA(w), body: { maxInterviews: 2 } }),
  },
  'POST /api/events/:id/registrations/:registrationId/decision': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: organiserOnly,
    otherTenant: otherCoordinator,
    request: async (w) => ({ params: await registrationOfA(w), body: { decision: 'accept' } }),
  },
  'POST /api/events/:id/registrations/:registrationId/withdrawal': {
    allowed: { as: 'cipA', status: 201 },
    wrongRole: { as: 'devA', code: 'EVENT_REGISTRATION_CIP_ONLY' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => registrationOfA(w).then((params) => ({ params })),
  },
  'GET /api/employer/event': employerRoute(200, async (w) => ({ link: (await invitationOfC1(w)).link })),
  'PUT /api/employer/event/registration': employerRoute(200, async (w) => {
    const { link } = await invitationOfC1(w);
    const view = await w.t
      .http()
      .get('/api/employer/event')
      .set(await employerHeaders(w.t, link));
    return { link, body: { tables: 1, cells: [{ slotId: view.body.slots[0].id, table: 1 }] } };
  }),
  'POST /api/employer/event/decline': employerRoute(201, async (w) => ({
    link: (await invitationOfC1(w)).link,
    body: { reason: 'Pas cette fois' },
  })),
  'GET /api/employer/event/profiles': employerRoute(200, async (w) => ({ link: await confirmedEmployer(w) })),
  'PUT /api/employer/event/meeting-requests': employerRoute(200, async (w) => ({
    link: await confirmedEmployer(w),
    body: { requests: [] },
  })),
  ...planningEntries,
  ...agendasEntries,
};
