import { ComputeEventPlan } from '../../src/modules/events/planning/compute-event-plan';
import { CandidateFixtures } from './candidate-fixtures';
import { buildEventWorld, eventBody, employerHeaders, pooledCompany, type EventWorld } from './event-world';
import type { TestApp } from './test-app';

/**
 * A job dating ready for its day, built through the API: the collective of `buildEventWorld`, an event of 2027-03-12
 * (09:00–10:00 Paris, 15-minute slots with 5 minutes between them: 09:00, 09:20, 09:40), employers invited by the
 * coordinator and registered through their links (one table each, every slot), candidates of SIAE A registered by its
 * CIP and accepted. `publish()` then moves the event to `published`, as the planning's publication would.
 */
export interface DayWorld extends EventWorld {
  cf: CandidateFixtures;
  eventId: string;
  slots: Array<{ id: string; position: number; startsAt: string; endsAt: string }>;
  employers: Array<{ name: string; invitationId: string; token: string }>;
  candidates: Array<{ candidateId: string; registrationId: string; pseudonym: string }>;
}

export const DAY = '2027-03-12';

export async function buildDayWorld(
  t: TestApp,
  options: { employers?: string[]; candidates?: number; tableCount?: number; quota?: number } = {},
): Promise<DayWorld> {
  const w = await buildEventWorld(t);
  const cf = new CandidateFixtures(t, w.f);
  const api = () => t.http();
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const names = options.employers ?? ['Propreté Rhône Services', 'Logistique du Confluent', 'Restaurant Le Tablier'];
  const created = ok(
    await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(
        eventBody(w.collective.id, {
          date: DAY,
          tableCount: options.tableCount ?? Math.max(names.length, 1),
          defaultSiaeQuota: options.quota ?? 10,
        }),
      ),
    'event',
  );
  const eventId = created.id as string;
  const slots = created.slots as DayWorld['slots'];
  ok(
    await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to: 'open' }),
    'open',
  );
  const employers: DayWorld['employers'] = [];
  for (const [index, name] of names.entries()) {
    const email = `rh${index}-${eventId.slice(0, 8)}@exemple.fr`;
    const company = await pooledCompany(w, name, email);
    const invitation = ok(
      await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: company.id }),
      'invitation',
    );
    const [{ body_text }] = await t.dataSource.query(
      `SELECT body_text FROM mail_message WHERE recipient = $1 AND template = 'event-invitation'`,
      [email],
    );
    const token = /\/lien\/([A-Za-z0-9_-]+)/.exec(body_text as string)![1];
    ok(
      await api()
        .put('/api/employer/event/registration')
        .set(await employerHeaders(t, token))
        .send({ tables: 1, cells: slots.map((s) => ({ slotId: s.id, table: index + 1 })) }),
      'employer registration',
    );
    employers.push({ name, invitationId: invitation.id as string, token });
  }
  const candidates: DayWorld['candidates'] = [];
  for (let i = 0; i < (options.candidates ?? 4); i++) {
    const c = await cf.newCandidate(w.users.cipA, w.siaes.A.id, { profile: { pseudonym: `Candidate ${i + 1}` } });
    await cf.consent(w.users.cipA, c.id, 'employers');
    const registration = ok(
      await api()
        .post(`/api/events/${eventId}/registrations`)
        .set('authorization', w.auth('cipA'))
        .send({ candidateId: c.id, maxInterviews: 3 }),
      'registration',
    );
    ok(
      await api()
        .post(`/api/events/${eventId}/registrations/${registration.id as string}/decision`)
        .set('authorization', w.auth('coord'))
        .send({ decision: 'accept' }),
      'accept',
    );
    candidates.push({
      candidateId: c.id,
      registrationId: registration.id as string,
      pseudonym: registration.pseudonym as string,
    });
  }
  return { ...w, cf, eventId, slots, employers, candidates };
}

/**
 * open → planning → a planning run computed in this process (the planning job's use case, as the worker would run it)
 * → published, as an organiser does it.
 */
export async function publish(t: TestApp, w: EventWorld, eventId: string): Promise<void> {
  await computePlanAndPublish(t, eventId, w.auth('coord'));
}

export async function computePlanAndPublish(t: TestApp, eventId: string, authorization: string): Promise<string> {
  const call = async (path: string, body: object) => {
    const res = await t.http().post(`/api/events/${eventId}${path}`).set('authorization', authorization).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  await call('/transitions', { to: 'planning' });
  const run = await call('/planning-runs', { timeLimitSeconds: 10 });
  await t.get(ComputeEventPlan).execute(run.id);
  await call('/transitions', { to: 'published' });
  return run.id;
}

/** A new consented candidate of SIAE A (a walk-in), through the API. */
export async function walkInCandidate(w: DayWorld, pseudonym: string): Promise<string> {
  const c = await w.cf.newCandidate(w.users.cipA, w.siaes.A.id, { profile: { pseudonym } });
  await w.cf.consent(w.users.cipA, c.id, 'employers');
  return c.id;
}
