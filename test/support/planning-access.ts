/**
 * Access entries for the planning routes (events/planning), on the shared access world: SIAE A in C1 (coordinated by
 * `dirA`), SIAE B in C2 (coordinated by `dirB`). Spread into `eventsEntries`, so the events access test runs them and
 * the shared matrix counts them as covered. Rows the routes need (runs, a meeting) are written in SQL: access is what
 * is tested here, the plan itself in events-planning.e2e-spec.ts.
 */
import type { AccessEntry } from './access-table';
import { eventOfC1, pooledCompanyOfC1, type AccessWorld } from './access-world';

const organiserOnly = { as: 'cipA', code: 'EVENT_ORGANISER_ONLY' } as const;
const otherCoordinator = { as: 'dirB', code: 'EVENT_NOT_FOUND' } as const;

/** A computed (empty) run of the event, current or not. */
async function runOf(w: AccessWorld, eventId: string, current = false): Promise<string> {
  const [{ id }] = await w.t.dataSource.query(
    `INSERT INTO event_planning_run (event_id, status, time_limit_seconds, plan, progress, is_current, plan_status,
                                     objective, bound, gap)
     VALUES ($1, 'succeeded', 5, '[]'::jsonb, 100, $2, 'optimal', 0, 0, 0) RETURNING id`,
    [eventId, current],
  );
  return id as string;
}

/** A planned meeting of an event of C1: a registration of A's candidate with a confirmed employer, written in SQL. */
async function meetingOfC1(w: AccessWorld): Promise<{ id: string; meetingId: string }> {
  const eventId = await eventOfC1(w, ['open']);
  const [{ id: candidateId }] = await w.t.dataSource.query(
    `INSERT INTO candidate (siae_id, first_name, last_name) VALUES ($1, 'Alex', 'Matrice') RETURNING id`,
    [w.siaeA.id],
  );
  const [{ id: registrationId }] = await w.t.dataSource.query(
    `INSERT INTO event_registration (event_id, candidate_id, siae_id, status, max_interviews)
     VALUES ($1, $2, $3, 'accepted', 3) RETURNING id`,
    [eventId, candidateId, w.siaeA.id],
  );
  const { companyId, pooledCompanyId: pooledId } = await pooledCompanyOfC1(w, 'Entreprise Planning');
  const [{ id: invitationId }] = await w.t.dataSource.query(
    `INSERT INTO event_invitation (event_id, pooled_company_id, company_id, status, sent_at, relaunch_due_at)
     VALUES ($1, $2, $3, 'confirmed', now(), now() + interval '7 days') RETURNING id`,
    [eventId, pooledId, companyId],
  );
  const runId = await runOf(w, eventId, true);
  const [{ id: meetingId }] = await w.t.dataSource.query(
    `INSERT INTO event_meeting (event_id, run_id, registration_id, invitation_id, slot_id, table_number)
     SELECT $1, $2, $3, $4, id, 1 FROM event_slot WHERE event_id = $1 ORDER BY position LIMIT 1 RETURNING id`,
    [eventId, runId, registrationId, invitationId],
  );
  return { id: eventId, meetingId };
}

const organisersOnly = (allowed: number, request: AccessEntry['request']): AccessEntry => ({
  allowed: { as: 'dirA', status: allowed },
  wrongRole: organiserOnly,
  otherTenant: otherCoordinator,
  request,
});

export const planningEntries: Record<string, AccessEntry> = {
  'POST /api/events/:id/planning-runs': organisersOnly(202, async (w) => ({
    params: { id: await eventOfC1(w, ['open', 'planning']) },
    body: { timeLimitSeconds: 5 },
  })),
  'GET /api/events/:id/planning-runs': organisersOnly(200, async (w) => ({ params: { id: await eventOfC1(w) } })),
  'GET /api/events/:id/planning-runs/:runId': organisersOnly(200, async (w) => {
    const id = await eventOfC1(w);
    return { params: { id, runId: await runOf(w, id) } };
  }),
  'GET /api/events/:id/planning-runs/:runId/comparison/:otherRunId': organisersOnly(200, async (w) => {
    const id = await eventOfC1(w);
    return { params: { id, runId: await runOf(w, id), otherRunId: await runOf(w, id) } };
  }),
  'GET /api/events/:id/plan': organisersOnly(200, async (w) => ({ params: { id: await eventOfC1(w) } })),
  'POST /api/events/:id/plan/publication': organisersOnly(201, async (w) => {
    const id = await eventOfC1(w, ['open', 'planning']);
    await runOf(w, id, true);
    return { params: { id } };
  }),
  'POST /api/events/:id/meetings/:meetingId/cancellation': organisersOnly(201, async (w) => ({
    params: await meetingOfC1(w),
    body: { reason: 'Le poste est pourvu.' },
  })),
};
