/**
 * Access entries for the events routes, on the shared access world (test/support/access-world.ts): SIAE A in C1
 * (coordinated by `dirA`), SIAE B in C2 (coordinated by `dirB`). Each refusal states its status AND its code. Run by
 * test/e2e/events-access.e2e-spec.ts; the shared matrix counts these routes as covered.
 */
import type { AccessEntry } from './access-table';
import {
  asActor,
  consentedCandidateOfA,
  eventRefusals,
  eventOfC1,
  invitationOfC1 as invitedTo,
  pooledCompanyOfC1,
  type AccessWorld,
} from './access-world';
import { employerHeaders, eventBody } from './event-world';
import { planningEntries } from './planning-access';
import { agendasEntries } from './agendas-access';

const opened = (w: AccessWorld) => eventOfC1(w, ['open']);

/** An open event of C1 with one invitation sent by its coordinator, and the link mailed to the company. */
async function invitationOfC1(w: AccessWorld): Promise<{ eventId: string; invitationId: string; link: string }> {
  const eventId = await opened(w);
  const { invitationId, link } = await invitedTo(w, eventId);
  return { eventId, invitationId, link };
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

async function registrationOfA(w: AccessWorld): Promise<{ id: string; registrationId: string }> {
  const id = await opened(w);
  const registration = await asActor<{ id: string }>(w, 'cipA', 'post', `/api/events/${id}/registrations`, {
    candidateId: await consentedCandidateOfA(w),
    maxInterviews: 3,
  });
  return { id, registrationId: registration.id };
}

const employerRoute = (allowed: number, request: AccessEntry['request']): AccessEntry => ({
  employerLink: true,
  allowed: { as: 'admin', status: allowed },
  wrongRole: { none: 'an employer link opens its own invitation only: the scope is the token' },
  otherTenant: { none: 'another event’s or company’s link opens that one only (tested in events-job-dating)' },
  request,
});

const { organiserOnly, coordinatorOnly, otherCoordinator, cipOnly, otherCip } = eventRefusals;

export const eventsEntries: Record<string, AccessEntry> = {
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
      const id = await opened(w);
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
      params: { id: await opened(w) },
      body: { pooledCompanyId: (await pooledCompanyOfC1(w, 'Entreprise Matrice')).pooledCompanyId },
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
    request: async (w) => ({ params: { id: await opened(w) } }),
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
    wrongRole: cipOnly,
    otherTenant: otherCip,
    request: async (w) => ({
      params: { id: await opened(w) },
      body: { candidateId: await consentedCandidateOfA(w), maxInterviews: 3 },
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
    wrongRole: cipOnly,
    otherTenant: otherCip,
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
    wrongRole: cipOnly,
    otherTenant: otherCip,
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
