/**
 * Access entries for the routes of issue 15's outcomes and reports (`src/modules/events/outcomes`,
 * `src/modules/reports`), on the shared access world (test/support/access-world.ts): SIAE A in C1 (coordinated by
 * `dirA`), SIAE B in C2 (coordinated by `dirB`). Each refusal states its status AND its code. Run by
 * test/e2e/access-reports.e2e-spec.ts; the shared matrix counts these routes as covered.
 */
import type { AccessWorld, SignedInActor } from './access-world';
import { eventBody } from './event-world';

export interface ReportsEntry {
  allowed: { as: SignedInActor; status: number };
  wrongRole: { as: SignedInActor; code: string } | { none: string };
  otherTenant: { as: SignedInActor; code: string } | { none: string };
  request: (w: AccessWorld) => Promise<{ params?: Record<string, string>; query?: Record<string, string> }>;
  /** A staff page: its credential is the page session cookie; without it, a 303 to the login page. */
  page?: true;
}

async function eventOfC1(w: AccessWorld): Promise<string> {
  const res = await w.t
    .http()
    .post('/api/events')
    .set('authorization', `Bearer ${w.tokens.get('dirA')}`)
    .send(eventBody(w.c1.id));
  if (res.status !== 201) throw new Error(`event setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

const period = { from: '2027-01-01', to: '2027-12-31' };
const eventReport: ReportsEntry = {
  allowed: { as: 'dirA', status: 200 },
  wrongRole: { as: 'cipA', code: 'EVENT_ORGANISER_ONLY' },
  otherTenant: { as: 'dirB', code: 'EVENT_NOT_FOUND' },
  request: async (w) => ({ params: { id: await eventOfC1(w) } }),
};
const collectiveReport: ReportsEntry = {
  allowed: { as: 'dirA', status: 200 },
  wrongRole: { as: 'cipA', code: 'REPORT_COORDINATOR_ONLY' },
  otherTenant: { as: 'dirB', code: 'COLLECTIVE_NOT_FOUND' },
  request: async (w) => ({ params: { id: w.c1.id }, query: period }),
};
const reportPage: ReportsEntry = {
  page: true,
  allowed: { as: 'dirA', status: 200 },
  wrongRole: { none: 'decided by the report use case once signed in (tested through the API routes above)' },
  otherTenant: { none: 'decided by the report use case once signed in (tested through the API routes above)' },
  request: async (w) => ({ params: { eventId: await eventOfC1(w) } }),
};

export const reportsEntries: Record<string, ReportsEntry> = {
  'GET /api/events/:id/report': eventReport,
  'GET /api/events/:id/report.csv': eventReport,
  'GET /api/collectives/:id/report': collectiveReport,
  'GET /api/collectives/:id/report.csv': collectiveReport,
  'GET /equipe/evenements/:eventId/bilan': reportPage,
  'GET /equipe/evenements/:eventId/bilan.csv': reportPage,
};
