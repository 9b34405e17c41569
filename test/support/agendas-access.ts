/**
 * Access entries for the agendas' routes (src/modules/events/agendas), on the shared access world: SIAE A in C1
 * (coordinated by `dirA`), SIAE B in C2 (`dirB`). Spread into `eventsEntries`, so the events access test runs them and
 * the shared matrix counts them. One published day of C1 (test/support/day-access.ts: one employer, one candidate of A,
 * one meeting) per world, shared by the entries: they only read it, or issue and revoke the candidate's own links
 * (each candidate entry issues a fresh one right before its call).
 */
import { eventCompanyLink } from '../../src/modules/events/booking/employer-link';
import { LinksService } from '../../src/platform/links/links.service';
import { tokenOfUrl } from './agenda-ics';
import type { AccessEntry } from './access-table';
import { eventRefusals, type AccessWorld } from './access-world';
import { dayOfC1, type DayOfC1 } from './day-access';

const days = new WeakMap<AccessWorld, Promise<DayOfC1>>();
const day = (w: AccessWorld) => {
  if (!days.has(w)) days.set(w, dayOfC1(w));
  return days.get(w)!;
};

const organisers = (request: AccessEntry['request']): AccessEntry => ({
  allowed: { as: 'dirA', status: 200 },
  wrongRole: eventRefusals.organiserOnly,
  otherTenant: eventRefusals.otherCoordinator,
  request,
});
const cips = (status: number, request: AccessEntry['request']): AccessEntry => ({
  allowed: { as: 'cipA', status },
  wrongRole: eventRefusals.cipOnly,
  otherTenant: eventRefusals.otherCip,
  request,
});
const byLink = (request: AccessEntry['request']): AccessEntry => ({
  employerLink: true,
  allowed: { as: 'dirA', status: 200 },
  wrongRole: { none: 'personal link only; misuse (other registration, kind, revoked, expired) in agendas.e2e-spec.ts' },
  otherTenant: { none: 'scoped by the link' },
  request,
});

const ofEvent = async (w: AccessWorld) => ({ params: { id: (await day(w)).eventId } });
const ofRegistration = async (w: AccessWorld) => {
  const d = await day(w);
  return { params: { id: d.eventId, registrationId: d.registrationId } };
};

/** A fresh link of the employer of the day (the invitation mail's token is not kept by dayOfC1). */
async function employerLink(w: AccessWorld): Promise<string> {
  const d = await day(w);
  const [{ pooled_company_id }] = await w.t.dataSource.query(
    `SELECT pooled_company_id FROM event_invitation WHERE id = $1`,
    [d.invitationId],
  );
  const link = await w.t
    .get(LinksService)
    .issue(eventCompanyLink, { eventId: d.eventId, pooledCompanyId: pooled_company_id }, new Date('2100-01-01'));
  return link.token;
}

/** A fresh link of the day's candidate, issued by her CIP through the API. */
async function candidateLink(w: AccessWorld): Promise<{ params: Record<string, string>; link: string }> {
  const d = await day(w);
  const res = await w.t
    .http()
    .post(`/api/events/${d.eventId}/registrations/${d.registrationId}/agenda-link`)
    .set('authorization', `Bearer ${w.tokens.get('cipA')}`);
  if (res.status !== 201) throw new Error(`agenda link: ${res.status} ${JSON.stringify(res.body)}`);
  return { params: { registrationId: d.registrationId }, link: tokenOfUrl(res.body.url as string) };
}

export const agendasEntries: Record<string, AccessEntry> = {
  'GET /api/events/:id/agendas/grid': organisers(ofEvent),
  'GET /api/events/:id/agendas/grid.ics': organisers(ofEvent),
  'GET /api/events/:id/reminders': organisers(ofEvent),
  'GET /api/events/:id/agendas/siae': cips(200, ofEvent),
  'GET /api/events/:id/agendas/siae.ics': cips(200, ofEvent),
  'GET /api/events/:id/registrations/:registrationId/agenda': cips(200, ofRegistration),
  'GET /api/events/:id/registrations/:registrationId/agenda.ics': cips(200, ofRegistration),
  'POST /api/events/:id/registrations/:registrationId/agenda-link': cips(201, ofRegistration),
  'POST /api/events/:id/registrations/:registrationId/agenda-link/revocation': cips(200, ofRegistration),
  'GET /api/employer/event/agenda': byLink(async (w) => ({ link: await employerLink(w) })),
  'GET /api/employer/event/agenda.ics': byLink(async (w) => ({ link: await employerLink(w) })),
  'GET /api/candidate-agenda/:registrationId': byLink(candidateLink),
  'GET /api/candidate-agenda/:registrationId/agenda.ics': byLink(candidateLink),
};
