/**
 * Access entries for the routes of issue 15's outcomes and reports (`src/modules/events/outcomes`,
 * `src/modules/reports`), on the shared access world (test/support/access-world.ts): SIAE A in C1 (coordinated by
 * `dirA`), SIAE B in C2 (coordinated by `dirB`). Each refusal states its status AND its code. Run by
 * test/e2e/access-reports.e2e-spec.ts; the shared matrix counts these routes as covered.
 */
import type { AccessEntry } from './access-table';
import { eventOfC1, eventRefusals, invitationOfC1, type AccessWorld, type SignedInActor } from './access-world';

const as = (w: AccessWorld, actor: SignedInActor) => ({ authorization: `Bearer ${w.tokens.get(actor)}` });
let seq = 0;

/**
 * A meeting that took place: an open event of C1, a pooled company invited and booked through its link, a candidate of
 * SIAE A registered and accepted, and the plan's meeting written as the planning job stores it, its slot moved an hour
 * into the past (the access world runs on the real clock).
 */
async function heldMeetingOfA(w: AccessWorld): Promise<{ id: string; meetingId: string; link: string }> {
  const http = () => w.t.http();
  const id = await eventOfC1(w, ['open']);
  const q = (sql: string, params: unknown[]) => w.t.dataSource.query(sql, params);
  const { invitationId, link } = await invitationOfC1(w, id, 'Entreprise Suites');
  const [slot] = await q(`SELECT id FROM event_slot WHERE event_id = $1 ORDER BY position LIMIT 1`, [id]);
  const candidate = await http()
    .post('/api/candidates')
    .set(as(w, 'cipA'))
    .send({ siaeId: w.siaeA.id, firstName: 'Alex', lastName: `Suites${seq++}` });
  const registration = await q(
    `INSERT INTO event_registration (event_id, candidate_id, siae_id, status, max_interviews) VALUES ($1, $2, $3, 'accepted', 3) RETURNING id`,
    [id, candidate.body.id, w.siaeA.id],
  );
  const [run] = await q(
    `INSERT INTO event_planning_run (event_id, status, progress, time_limit_seconds, is_current) VALUES ($1, 'succeeded', 100, 10, true) RETURNING id`,
    [id],
  );
  // The event took place today (in France), its first slot an hour ago.
  await q(`UPDATE event SET event_date = (now() AT TIME ZONE 'Europe/Paris')::date WHERE id = $1`, [id]);
  await q(
    `UPDATE event_slot SET starts_at = now() - interval '1 hour', ends_at = now() - interval '45 minutes' WHERE id = $1`,
    [slot.id],
  );
  const [meeting] = await q(
    `INSERT INTO event_meeting (event_id, run_id, registration_id, invitation_id, slot_id, table_number, status)
     VALUES ($1, $2, $3, $4, $5, 1, 'planned') RETURNING id`,
    [id, run.id, registration[0].id, invitationId, slot.id],
  );
  return { id, meetingId: meeting.id, link };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const period = { from: '2027-01-01', to: '2027-12-31' };
const eventReport: AccessEntry = {
  allowed: { as: 'dirA', status: 200 },
  wrongRole: eventRefusals.organiserOnly,
  otherTenant: eventRefusals.otherCoordinator,
  request: async (w) => ({ params: { id: await eventOfC1(w) } }),
};
const collectiveReport: AccessEntry = {
  allowed: { as: 'dirA', status: 200 },
  wrongRole: { as: 'cipA', code: 'REPORT_COORDINATOR_ONLY' },
  otherTenant: { as: 'dirB', code: 'COLLECTIVE_NOT_FOUND' },
  request: async (w) => ({ params: { id: w.c1.id }, query: period }),
};
const reportPage: AccessEntry = {
  page: true,
  allowed: { as: 'dirA', status: 200 },
  wrongRole: { none: 'decided by the report use case once signed in (tested through the API routes above)' },
  otherTenant: { none: 'decided by the report use case once signed in (tested through the API routes above)' },
  request: async (w) => ({ params: { eventId: await eventOfC1(w) } }),
};
const employerRoute = (status: number, request: AccessEntry['request']): AccessEntry => ({
  employerLink: true,
  allowed: { as: 'admin', status },
  wrongRole: { none: 'an employer link opens its own invitation only: the scope is the token' },
  otherTenant: { none: 'another employer’s meeting is 404 PLANNING_MEETING_NOT_FOUND (job-dating-day e2e)' },
  request,
});

export const reportsEntries: Record<string, AccessEntry> = {
  'GET /api/events/:id/report': eventReport,
  'GET /api/events/:id/report.csv': eventReport,
  'GET /api/collectives/:id/report': collectiveReport,
  'GET /api/collectives/:id/report.csv': collectiveReport,
  'GET /equipe/evenements/:eventId/bilan': reportPage,
  'GET /equipe/evenements/:eventId/bilan.csv': reportPage,
  'GET /api/events/:id/outcomes': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { none: 'staff of a member SIAE see the meetings of their own SIAE’s candidates' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => ({ params: { id: await eventOfC1(w) } }),
  },
  'POST /api/events/:id/meetings/:meetingId/outcome': {
    allowed: { as: 'cipA', status: 201 },
    wrongRole: { as: 'devA', code: 'EVENT_OUTCOME_CIP_ONLY' },
    otherTenant: { as: 'cipB', code: 'EVENT_NOT_FOUND' },
    request: async (w) => {
      const { id, meetingId } = await heldMeetingOfA(w);
      return { params: { id, meetingId }, body: { kind: 'second_interview', date: today() } };
    },
  },
  'GET /api/employer/event/outcomes': employerRoute(200, async (w) => ({ link: (await heldMeetingOfA(w)).link })),
  'POST /api/employer/event/meetings/:meetingId/outcome': employerRoute(201, async (w) => {
    const { meetingId, link } = await heldMeetingOfA(w);
    return { link, params: { meetingId }, body: { kind: 'none', date: today() } };
  }),
  'GET /employeurs/evenements/:eventId/suites': employerRoute(200, async (w) => {
    const { id, link } = await heldMeetingOfA(w);
    return { link, params: { eventId: id } };
  }),
  'POST /employeurs/evenements/:eventId/suites/:meetingId': employerRoute(303, async (w) => {
    const { id, meetingId, link } = await heldMeetingOfA(w);
    return { link, params: { eventId: id, meetingId }, body: { kind: 'none', date: today() } };
  }),
};
