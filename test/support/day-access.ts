/**
 * Access entries for the day's routes (src/modules/events/day), on the shared access world: SIAE A in C1 (coordinated
 * by `dirA`), SIAE B in C2 (`dirB`). Same shape as test/support/events-access.ts; run by
 * test/e2e/events-day-access.e2e-spec.ts, counted by the access matrix. Each entry builds a published event of C1 with
 * a confirmed employer (checked in) and an accepted candidate of A, through the API.
 */
import type { AccessEntry } from './access-table';
import {
  asActor,
  consentedCandidateOfA,
  eventOfC1,
  eventRefusals,
  invitationOfC1,
  type AccessWorld,
} from './access-world';
import { employerHeaders } from './event-world';
import { computePlanAndPublish } from './day-world';

export interface DayOfC1 {
  eventId: string;
  invitationId: string;
  registrationId: string;
  slotIds: string[];
}

/** A published event of C1 (its day), with one confirmed employer checked in and one accepted candidate of A. */
export async function dayOfC1(w: AccessWorld): Promise<DayOfC1> {
  const eventId = await eventOfC1(w, ['open']);
  const slots: Array<{ id: string }> = await w.t.dataSource.query(
    `SELECT id FROM event_slot WHERE event_id = $1 ORDER BY position`,
    [eventId],
  );
  const { invitationId, link } = await invitationOfC1(w, eventId, 'Entreprise du Jour');
  const booked = await w.t
    .http()
    .put('/api/employer/event/registration')
    .set(await employerHeaders(w.t, link))
    .send({ tables: 1, cells: slots.map((s) => ({ slotId: s.id, table: 1 })) });
  if (booked.status !== 200) throw new Error(`employer registration: ${booked.status} ${JSON.stringify(booked.body)}`);
  const registration = await asActor<{ id: string }>(w, 'cipA', 'post', `/api/events/${eventId}/registrations`, {
    candidateId: await consentedCandidateOfA(w),
    maxInterviews: 3,
  });
  const path = `/api/events/${eventId}`;
  await asActor(w, 'dirA', 'post', `${path}/registrations/${registration.id}/decision`, { decision: 'accept' });
  await computePlanAndPublish(w.t, eventId, `Bearer ${w.tokens.get('dirA')}`);
  await asActor(w, 'dirA', 'put', `${path}/day/employers/${invitationId}/presence`, { presence: 'present' });
  return { eventId, invitationId, registrationId: registration.id, slotIds: slots.map((s) => s.id) };
}

const { organiserOnly, otherCoordinator, cipOnly, otherCip } = eventRefusals;

export const dayEntries: Record<string, AccessEntry> = {
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
    wrongRole: cipOnly,
    otherTenant: otherCip,
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
