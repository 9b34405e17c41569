import { CandidateFixtures, communes, rome } from './candidate-fixtures';
import {
  buildEventWorld,
  employerHeaders,
  eventBody,
  pooledCompany,
  tokenInMail,
  type EventWorld,
} from './event-world';
import type { TestApp } from './test-app';

/**
 * A job dating ready to plan, built through the API as people would: the coordinator creates and opens the event,
 * invites employers (the invitation mail through the test SMTP server, its link), each employer confirms with its
 * cells, needs and maximum; CIPs of SIAE A, B and C register consented candidates, the coordinator accepts them and
 * moves the event to `planning`. Used by the planning e2e tests, the SIGKILL test and `npm run bench:event-day`.
 */
export interface PlanningWorld extends EventWorld {
  eventId: string;
  slots: Array<{ id: string; position: number; startsAt: string; endsAt: string }>;
  employers: Array<{ key: string; invitationId: string; token: string; email: string }>;
  registrations: Array<{ id: string; candidateId: string; siae: 'A' | 'B' | 'C' }>;
  cf: CandidateFixtures;
}

export interface PlanningWorldOptions {
  employers: number;
  candidates: number;
  /** Morning windows; default 09:00–10:00 with 15-minute slots and 5 minutes between them (3 slots). */
  event?: Record<string, unknown>;
  /** Tables each employer books in every slot (default 1); `cellsOf` overrides per employer. */
  tablesPerEmployer?: number;
  cellsOf?: (employerIndex: number, slots: PlanningWorld['slots']) => Array<{ slotId: string; table: number }>;
  maxInterviews?: number;
  /** Progress lines (the bench prints them). */
  log?: (line: string) => void;
  /** Parallel requests while building (the in-process app serialises on the event row anyway). */
  concurrency?: number;
}

async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

function ok<T = Record<string, unknown>>(res: { status: number; body: unknown }, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export async function buildPlanningWorld(t: TestApp, options: PlanningWorldOptions): Promise<PlanningWorld> {
  const w = await buildEventWorld(t);
  const cf = new CandidateFixtures(t, w.f);
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 4;
  const tables = options.tablesPerEmployer ?? 1;
  const api = () => t.http();
  const perSiae = Math.ceil(options.candidates / 3);
  const created = ok<{ id: string; slots: PlanningWorld['slots'] }>(
    await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(
        eventBody(w.collective.id, {
          tableCount: Math.min(500, Math.max(4, options.employers * tables)),
          defaultSiaeQuota: Math.min(1000, perSiae),
          ...options.event,
        }),
      ),
    'create event',
  );
  const eventId = created.id;
  const slots = created.slots;
  ok(
    await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to: 'open' }),
    'open',
  );
  log(`event ${eventId}: ${slots.length} slots`);

  // Employers: a pooled company each, invited by the coordinator, confirmed through its link.
  const employers: PlanningWorld['employers'] = [];
  for (let i = 0; i < options.employers; i++) {
    const email = `rh${i}@employeur${i}.exemple.fr`;
    const company = await pooledCompany(w, `Employeur ${i}`, email);
    const invitation = ok<{ id: string }>(
      await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: company.id, overrideReason: 'Partenaire du job dating' }),
      'invite',
    );
    employers.push({ key: `e${i}`, invitationId: invitation.id, token: '', email });
  }
  await t.drainQueues(120_000);
  const appellations = Object.values(rome);
  await inBatches(employers, concurrency, async (employer, i) => {
    const mail = await t.smtp.waitFor(employer.email);
    employer.token = tokenInMail(mail.text);
    const cells =
      options.cellsOf?.(i, slots) ??
      slots.flatMap((slot) =>
        Array.from({ length: tables }, (_, k) => ({ slotId: slot.id, table: i * tables + k + 1 })),
      );
    ok(
      await api()
        .put('/api/employer/event/registration')
        .set(await employerHeaders(t, employer.token))
        .send({
          tables: Math.max(1, ...slots.map((s) => cells.filter((c) => c.slotId === s.id).length)),
          cells,
          maxInterviews: 100,
          // without these a need requires a driving licence B, which the fixtures' candidates do not hold
          accommodations: ['no_driving_licence', 'beginner_french'],
          needs: [{ appellationCode: appellations[i % appellations.length], positions: 2, contractType: 'cdd' }],
        }),
      'employer registration',
    );
  });
  log(`${employers.length} employers confirmed`);

  // Candidates: registered by the CIP of their SIAE, accepted by the coordinator.
  const registrations: PlanningWorld['registrations'] = [];
  const siaeKeys = ['A', 'B', 'C'] as const;
  const communeList = Object.values(communes).slice(0, 4);
  await inBatches(
    Array.from({ length: options.candidates }, (_, i) => i),
    concurrency,
    async (i) => {
      const siae = siaeKeys[i % 3];
      const cip = w.users[`cip${siae}`];
      const candidate = await cf.newCandidate(cip, w.siaes[siae].id, {
        profile: {
          targetJobs: [{ ogrCode: appellations[i % appellations.length], experienceLevel: 'experienced' }],
          communeCode: communeList[i % communeList.length],
        },
      });
      await cf.consent(cip, candidate.id, 'employers');
      const registration = ok<{ id: string }>(
        await api()
          .post(`/api/events/${eventId}/registrations`)
          .set('authorization', w.auth(`cip${siae}`))
          .send({ candidateId: candidate.id, maxInterviews: options.maxInterviews ?? 3 }),
        'register',
      );
      ok(
        await api()
          .post(`/api/events/${eventId}/registrations/${registration.id}/decision`)
          .set('authorization', w.auth('coord'))
          .send({ decision: 'accept' }),
        'accept',
      );
      registrations.push({ id: registration.id, candidateId: candidate.id, siae });
      if ((i + 1) % 50 === 0) log(`${i + 1} candidates registered`);
    },
  );
  ok(
    await api()
      .post(`/api/events/${eventId}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'planning' }),
    'planning',
  );
  return { ...w, eventId, slots, employers, registrations, cf };
}
