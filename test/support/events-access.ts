/**
 * Access entries for the events routes, on the shared access world (test/support/access-world.ts): SIAE A in C1
 * (coordinated by `dirA`), SIAE B in C2 (coordinated by `dirB`). Each refusal states its status AND its code. Run by
 * test/e2e/events-access.e2e-spec.ts; the shared matrix counts these routes as covered.
 */
import type { AccessWorld, SignedInActor } from './access-world';
import { eventBody } from './event-world';

export interface EventsEntry {
  allowed: { as: SignedInActor; status: number };
  wrongRole: { as: SignedInActor; code: string } | { none: string };
  otherTenant: { as: SignedInActor; code: string } | { none: string };
  request: (w: AccessWorld) => Promise<{ params?: Record<string, string>; body?: object }>;
  /** Public routes authenticated by the employer link instead of a session. */
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

const organiserOnly = { as: 'cipA', code: 'EVENT_ORGANISER_ONLY' } as const;
const coordinatorOnly = { as: 'cipA', code: 'EVENT_COORDINATOR_ONLY' } as const;
const otherCoordinator = { as: 'dirB', code: 'EVENT_NOT_FOUND' } as const;

export const eventsEntries: Record<string, EventsEntry> = {
  'POST /api/events': {
    allowed: { as: 'dirA', status: 201 },
    wrongRole: { as: 'cipA', code: 'FORBIDDEN' },
    otherTenant: { as: 'dirB', code: 'NOT_FOUND' },
    request: async (w) => ({ body: eventBody(w.c1.id) }),
  },
  'GET /api/collectives/:id/events': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { none: 'any staff of a member SIAE reads the events of its collective' },
    otherTenant: { as: 'cipB', code: 'NOT_FOUND' },
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
};
