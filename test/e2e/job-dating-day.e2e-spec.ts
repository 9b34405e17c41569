import { creditOutcomeToSiae } from '../../src/modules/employer-network/outcome-credit';
import { RemindersService } from '../../src/modules/events/agendas/reminders/reminders.service';
import { OutcomeRequestsService } from '../../src/modules/events/outcomes/outcome-requests.service';
import { parseCsv, parseFrenchNumber } from '../../src/modules/reports/csv-writer';
import { REPORT_CSV_HEADER } from '../../src/modules/reports/report-csv';
import { FixedClock } from '../../src/platform/clock/clock';
import { QueueName } from '../../src/platform/queue/job-catalogue';
import { JobRunner } from '../../src/platform/queue/job-runner.service';
import { icsText, parseAgenda, tokenOfUrl } from '../support/agenda-ics';
import { CandidateFixtures, type NewCandidate } from '../support/candidate-fixtures';
import {
  buildEventWorld,
  employerHeaders,
  eventBody,
  pooledCompany,
  tokenInMail,
  type EventWorld,
} from '../support/event-world';
import { TestApp } from '../support/test-app';
import { withWriteBarrier } from '../support/write-barrier';

/**
 * The whole job dating of issue 15, through the API, in the order of its acceptance bullet. Each step builds on the
 * previous ones (one event, one world); the steps that exist today are listed in the describe's title and in
 * src/modules/reports/README.md.
 */
describe('a whole job dating: event → invitations → bookings → registrations → requests → planning job → publish → agendas → reminders → check-in and re-planning → outcomes → report (CSV parsed back)', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: EventWorld;
  let cf: CandidateFixtures;
  let eventId: string;
  let slots: Array<{ id: string; position: number }>;
  const companies: Record<string, { id: string; companyId: string }> = {};
  const tokens: Record<string, string> = {};
  const candidates: Record<string, NewCandidate> = {};
  const registrations: Record<string, string> = {};
  const invitations: Record<string, string> = {};
  /** The published plan's meetings: who meets whom (candidate key a1…c1, its SIAE A/B/C, company key). */
  const meetings: Array<{ id: string; candidate: string; siae: string; company: string }> = [];
  /** Meetings cancelled by the organiser after publication (the agendas step): out of `meetings`. */
  const cancelled: Array<(typeof meetings)[number] & { sequence: number }> = [];
  /** Meetings the outcome steps have used, so that each step takes a fresh one. */
  const used = new Set<string>();
  const take = (siae: string, not: string[] = []) => {
    const m = meetings.find((x) => x.siae === siae && !used.has(x.id) && !not.includes(x.company));
    if (!m) throw new Error(`no meeting left for a candidate of ${siae}`);
    used.add(m.id);
    return m;
  };
  /**
   * Whom each employer asks to meet (the first one a priority), chosen so that every optimal plan gives the later steps
   * what they need, whoever the engine returns among them. By the plan's rules (events/planning/engine/plan-instance.ts,
   * matching/engine/job-dating-weight.ts): these employers bring no hiring need, so every candidate × employer pair is
   * listed and weighs by the requests alone, an asked pair more than an unasked one (190 or 36 against 1); the coverage
   * bonus counts each candidate once. Each employer has 3 cells and asks for 3 people who together cover all five, so
   * no plan is worth more than "each employer meets exactly whom it asked for", and a plan that is worth as much has
   * those 9 pairs. They can be placed: a2 and b1 are there at 9:00 only (slot 1: a2–resto, b1–logi), c1, whom all three
   * ask for, meets propre at 9:00 and logi and resto later, a1 and b2 fill slots 2 and 3 (in one order or the other).
   * Step 7 checks it. What the later steps draw from it:
   * - the reminders step calls off a2's one meeting (slot 1: on the day its cell is in the past);
   * - the no-shows are a1 (both her meetings after slot 1: two places to refill) and b1 (her slot-1 meeting becomes a
   *   no-show). On the day only the walk-in a3 is free at slots 2 and 3 (b2 and c1 are busy, a2 is there at 9:00 only),
   *   and she can take both places (two slots, two employers): a meeting adds value, so every optimal re-planning gives
   *   her both;
   * - the outcomes then find meetings of A (a3: 2), B (b2: 2) and C (c1: 3).
   */
  const requested: Record<string, [string, string, string]> = {
    propre: ['c1', 'a1', 'b2'],
    logi: ['b1', 'c1', 'a1'],
    resto: ['a2', 'c1', 'b2'],
  };
  const noShows = ['a1', 'b1'];
  let planRun: { meetings: number; planStatus: string; objective: number; bound: number; gap: number };
  /** Set by the day's re-planning: meetings cancelled then, and every other meeting row (held, to come, no-show). */
  let cancelledOnTheDay = 0;
  let notCancelled = 0;
  const api = () => t.http();
  /** An employer session per link and instant of the test clock (sessions last minutes; the clock jumps days). */
  const sessions = new Map<string, Record<string, string>>();
  const asEmployer = async (name: string) => {
    const key = `${tokens[name]}@${clock.now().toISOString()}`;
    if (!sessions.has(key)) {
      const res = await api().post('/api/employer-links/exchange').send({ token: tokens[name] });
      expect([res.status, res.body.code]).toEqual([200, undefined]);
      const cookies = ((res.headers['set-cookie'] as unknown as string[]) ?? []).map((c) => c.split(';')[0]);
      sessions.set(key, { cookie: cookies.join('; '), 'x-csrf-token': res.body.csrfToken as string });
    }
    return sessions.get(key)!;
  };
  /** Staff sessions expire too: after a jump of the clock, everybody signs in again. */
  const signInAgain = async () => {
    const fresh = new Map<string, string>();
    for (const [key, user] of Object.entries(w.users)) fresh.set(key, await w.f.tokenFor(user));
    w.auth = (who) => `Bearer ${fresh.get(who)}`;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildEventWorld(t);
    cf = new CandidateFixtures(t, w.f);
  }, 180_000);
  afterAll(() => t.close());

  it('1. event: created by the coordinator (3 slots × 3 tables) and opened', async () => {
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { tableCount: 3, defaultSiaeQuota: 3 }));
    expect([created.status, created.body.code]).toEqual([201, undefined]);
    eventId = created.body.id;
    slots = created.body.slots;
    expect(slots).toHaveLength(3);
    const opened = await api()
      .post(`/api/events/${eventId}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'open' });
    expect(opened.body.status).toBe('open');
  });

  it('2. invitations: three pooled companies invited, each mail carries its link', async () => {
    for (const [key, name] of [
      ['propre', 'Propreté Rhône Services'],
      ['logi', 'Logistique du Confluent'],
      ['resto', 'Restaurant Le Tablier'],
    ]) {
      companies[key] = await pooledCompany(w, name, `rh@${key}.exemple.fr`);
      const res = await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: companies[key].id });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      invitations[key] = res.body.id;
    }
    await t.drainQueues(60_000);
    for (const key of Object.keys(companies))
      tokens[key] = tokenInMail((await t.smtp.waitFor(`rh@${key}.exemple.fr`)).text);
  });

  it('3. bookings: each employer books its table for the three slots through its link', async () => {
    for (const [i, key] of ['propre', 'logi', 'resto'].entries()) {
      const res = await api()
        .put('/api/employer/event/registration')
        .set(await asEmployer(key))
        .send({ tables: 1, cells: slots.map((s) => ({ slotId: s.id, table: i + 1 })), maxInterviews: 3 });
      expect([res.status, res.body.code]).toEqual([200, undefined]);
      expect(res.body.booked).toHaveLength(3);
    }
  });

  it('4. registrations: CIPs of A, B and C register consented candidates (two there at 9:00 only); the coordinator accepts them', async () => {
    const first = slots.find((s) => s.position === 1)!.id;
    const plan: Array<[string, 'A' | 'B' | 'C', string[]]> = [
      ['a1', 'A', []],
      ['a2', 'A', [first]],
      ['b1', 'B', [first]],
      ['b2', 'B', []],
      ['c1', 'C', []],
    ];
    for (const [key, siae, presentSlotIds] of plan) {
      const cip = w.users[`cip${siae}`];
      candidates[key] = await cf.newCandidate(cip, w.siaes[siae].id);
      await cf.consent(cip, candidates[key].id, 'employers');
      const res = await api()
        .post(`/api/events/${eventId}/registrations`)
        .set('authorization', w.auth(`cip${siae}`))
        .send({ candidateId: candidates[key].id, maxInterviews: 3, presentSlotIds });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      registrations[key] = res.body.id;
      const decided = await api()
        .post(`/api/events/${eventId}/registrations/${res.body.id}/decision`)
        .set('authorization', w.auth('coord'))
        .send({ decision: 'accept' });
      expect(decided.body.status).toBe('accepted');
    }
  });

  it('5. requests: each employer asks to meet three of the profiles it sees (the first a priority)', async () => {
    for (const [key, asked] of Object.entries(requested)) {
      const profiles = await api()
        .get('/api/employer/event/profiles')
        .set(await asEmployer(key));
      expect(profiles.status).toBe(200);
      expect(profiles.body).toHaveLength(5);
      // A profile is named by the registration's id: the test knows whom it stands for, the employer does not.
      const seen = new Set(profiles.body.map((p: { profileId: string }) => p.profileId));
      expect(asked.every((c) => seen.has(registrations[c]))).toBe(true);
      const saved = await api()
        .put('/api/employer/event/meeting-requests')
        .set(await asEmployer(key))
        .send({ requests: asked.map((c, i) => ({ profileId: registrations[c], priority: i === 0 })) });
      expect(saved.body).toEqual({ requested: 3, priority: 1 });
    }
  });

  it('6. planning job: the organiser launches a run (202), the worker computes and stores the plan', async () => {
    const moved = await api()
      .post(`/api/events/${eventId}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'planning' });
    expect(moved.body.status).toBe('planning');
    const launched = await api()
      .post(`/api/events/${eventId}/planning-runs`)
      .set('authorization', w.auth('coord'))
      .send({ timeLimitSeconds: 10 });
    expect([launched.status, launched.body.status]).toEqual([202, 'queued']);
    await t.drainQueues(120_000);
    const run = await api()
      .get(`/api/events/${eventId}/planning-runs/${launched.body.id}`)
      .set('authorization', w.auth('coord'));
    expect(run.body).toMatchObject({ status: 'succeeded', isCurrent: true });
    expect(run.body.planStatus).toMatch(/^(optimal|feasible)$/);
    planRun = run.body;
  });

  it('7. publish: every meeting announced; the plan is the one the requests make, each candidate in it', async () => {
    const published = await api().post(`/api/events/${eventId}/plan/publication`).set('authorization', w.auth('coord'));
    expect([published.status, published.body.code]).toEqual([201, undefined]);
    const rows: Array<{
      id: string;
      registration_id: string;
      invitation_id: string;
      status: string;
      position: number;
    }> = await t.dataSource.query(
      `SELECT m.id, m.registration_id, m.invitation_id, m.status, s.position
           FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id WHERE m.event_id = $1 ORDER BY m.id`,
      [eventId],
    );
    expect(rows.length).toBe(planRun.meetings);
    expect(rows.every((m) => m.status === 'announced')).toBe(true);
    const positions: Record<string, number[]> = {};
    for (const m of rows) {
      const candidate = Object.keys(registrations).find((k) => registrations[k] === m.registration_id)!;
      const company = Object.keys(invitations).find((k) => invitations[k] === m.invitation_id)!;
      meetings.push({ id: m.id, candidate, siae: candidate[0].toUpperCase(), company });
      (positions[candidate] ??= []).push(m.position);
    }
    // The plan the requests make (see `requested`): the later steps rely on it, so a change of the planning's rules
    // that gives another plan fails here, not in a step that cannot find its meeting.
    expect(meetings.map((m) => `${m.company}/${m.candidate}`).sort()).toEqual(
      Object.entries(requested)
        .flatMap(([company, asked]) => asked.map((c) => `${company}/${c}`))
        .sort(),
    );
    for (const key of Object.keys(positions)) positions[key].sort();
    expect(positions).toEqual({ a1: [2, 3], a2: [1], b1: [1], b2: [2, 3], c1: [1, 2, 3] });
  });

  describe('agendas and reminders, once the plan is published', () => {
    const ics = async (path: string, headers: Record<string, string>) =>
      parseAgenda(icsText(await api().get(path).set(headers)));
    const uids = (cal: ReturnType<typeof parseAgenda>) => cal.events.map((e) => e.uid).sort();
    const ids = (list: typeof meetings) => list.map((m) => m.id).sort();
    const candidateHeaders = async (key: string) => {
      const link = await api()
        .post(`/api/events/${eventId}/registrations/${registrations[key]}/agenda-link`)
        .set('authorization', w.auth(`cip${key[0].toUpperCase()}`));
      expect([link.status, link.body.code]).toEqual([201, undefined]);
      return employerHeaders(t, tokenOfUrl(link.body.url as string));
    };

    it('agendas (every ICS parsed): the organiser’s grid, each CIP’s candidates, each candidate through her link, each employer through its own', async () => {
      const grid = await ics(`/api/events/${eventId}/agendas/grid.ics`, { authorization: w.auth('coord') });
      expect([grid.method, grid.timezones]).toEqual(['PUBLISH', ['Europe/Paris']]);
      expect(uids(grid)).toEqual(ids(meetings));
      for (const e of grid.events) {
        expect([e.tzid, ['09:00', '09:20', '09:40'].includes(e.localStart)]).toEqual(['Europe/Paris', true]);
        expect(e.location).toBe('12 rue du Dauphiné, Lyon');
      }
      for (const siae of ['A', 'B', 'C']) {
        const cal = await ics(`/api/events/${eventId}/agendas/siae.ics`, { authorization: w.auth(`cip${siae}`) });
        expect([siae, uids(cal)]).toEqual([siae, ids(meetings.filter((m) => m.siae === siae))]);
      }
      for (const key of Object.keys(registrations)) {
        const cal = await ics(`/api/candidate-agenda/${registrations[key]}/agenda.ics`, await candidateHeaders(key));
        expect([key, uids(cal)]).toEqual([key, ids(meetings.filter((m) => m.candidate === key))]);
        expect(cal.timezones).toEqual(['Europe/Paris']);
      }
      for (const key of Object.keys(companies)) {
        const text = icsText(
          await api()
            .get('/api/employer/event/agenda.ics')
            .set(await asEmployer(key)),
        );
        expect([key, uids(parseAgenda(text))]).toEqual([key, ids(meetings.filter((m) => m.company === key))]);
        for (const c of Object.values(candidates))
          for (const value of [c.lastName, c.email]) expect(text).not.toContain(value);
      }
    });

    it('reminders (sweep twice + after outage, exactly one per person and kind; a cancelled meeting gets none and its ICS is a CANCEL with higher SEQUENCE)', async () => {
      // The organiser calls off a2's meeting (her one, at 9:00: see `requested`).
      const off = 'a2';
      const headers = await candidateHeaders(off);
      const agendaPath = `/api/candidate-agenda/${registrations[off]}/agenda.ics`;
      const before = await ics(agendaPath, headers);
      for (const m of meetings.filter((x) => x.candidate === off)) {
        const res = await api()
          .post(`/api/events/${eventId}/meetings/${m.id}/cancellation`)
          .set('authorization', w.auth('coord'))
          .send({ reason: 'Empêchement de la candidate' });
        expect([res.status, res.body.code]).toEqual([201, undefined]);
        cancelled.push({ ...m, sequence: res.body.sequence as number });
        meetings.splice(meetings.indexOf(m), 1);
      }
      const after = await ics(agendaPath, headers);
      for (const e of before.events) {
        const now = after.events.find((x) => x.uid === e.uid)!;
        expect([now.status, now.sequence > e.sequence]).toEqual(['CANCELLED', true]);
      }
      await t.drainQueues(60_000);

      const reminders = t.get(RemindersService);
      const people = Object.keys(registrations).length - 1 + Object.keys(companies).length;
      const rows = async () =>
        (await t.dataSource.query(
          `SELECT person_id, kind, status FROM reminder_dispatch WHERE event_id = $1 AND kind LIKE 'event_reminder_%'`,
          [eventId],
        )) as Array<{ person_id: string; kind: string; status: string }>;
      // J-2 (the first slot is 2027-03-12 09:00 in Lyon): swept twice, one claim each
      clock.set(new Date('2027-03-10T08:05:00Z'));
      expect(await reminders.enqueueDue()).toBe(people);
      expect(await reminders.enqueueDue()).toBe(0);
      await t.drainQueues(60_000);
      // outage: the worker down while J-1 falls due, then up; the sweep catches up once
      const runner = t.get(JobRunner);
      await runner.onApplicationShutdown();
      clock.set(new Date('2027-03-11T11:00:00Z'));
      runner.start(Object.values(QueueName), 2);
      expect(await reminders.enqueueDue()).toBe(people);
      expect(await reminders.enqueueDue()).toBe(0);
      await t.drainQueues(60_000);
      const all = await rows();
      expect(all).toHaveLength(2 * people);
      expect(new Set(all.map((r) => `${r.person_id}/${r.kind}`)).size).toBe(2 * people);
      expect(all.every((r) => r.status === 'sent')).toBe(true);
      expect(all.some((r) => r.person_id === registrations[off])).toBe(false);
      for (const key of Object.keys(candidates)) {
        const mails = t.smtp.received.filter((m) => m.to.includes(candidates[key].email) && /^Rappel/.test(m.subject));
        const sms: Array<{ n: number }> = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM reminder_dispatch d JOIN sms_message s ON s.id = d.sms_message_id
            WHERE d.person_id = $1 AND s.status = 'sent'`,
          [registrations[key]],
        );
        expect([key, mails.length, sms[0].n]).toEqual(key === off ? [key, 0, 0] : [key, 2, 2]);
      }
      for (const key of Object.keys(companies))
        expect([
          key,
          t.smtp.received.filter((m) => m.to.includes(`rh@${key}.exemple.fr`) && /^Rappel/.test(m.subject)).length,
        ]).toEqual([key, 2]);
      await signInAgain();
      const log = await api().get(`/api/events/${eventId}/reminders`).set('authorization', w.auth('coord'));
      expect([log.status, log.body.length]).toEqual([200, 2 * people]);
    });
  });

  describe('the day: check-in with two no-shows and a walk-in, then re-planning from the next slot', () => {
    interface Row {
      id: string;
      registration_id: string;
      invitation_id: string;
      slot_id: string;
      position: number;
      table_number: number;
      status: string;
    }
    const rows = (): Promise<Row[]> =>
      t.dataSource.query(
        `SELECT m.id, m.registration_id, m.invitation_id, m.slot_id, s.position, m.table_number, m.status
           FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id WHERE m.event_id = $1 ORDER BY m.id`,
        [eventId],
      );
    const coord = (method: 'put' | 'post', path: string, body: object = {}) =>
      api()[method](`/api/events/${eventId}${path}`).set('authorization', w.auth('coord')).send(body);
    let before: Row[];

    beforeAll(async () => {
      // The walk-in's file exists before the day; fresh fixtures sign the CIP in at the clock's time (the reminders
      // step moved it past the first sessions' expiry).
      const fixtures = new CandidateFixtures(t, w.f);
      candidates.a3 = await fixtures.newCandidate(w.users.cipA, w.siaes.A.id);
      await fixtures.consent(w.users.cipA, candidates.a3.id, 'employers');
      // 12 March 2027, 08:45 in Lyon: the room opens, slot 1 starts at 09:00.
      clock.set(new Date('2027-03-12T07:45:00Z'));
      await signInAgain();
    });

    it('check-in: three employers and three candidates present, two no-shows, a walk-in registered by her CIP', async () => {
      // The organiser's cancellations of the reminders step stay as they are: the day works on live meetings.
      before = (await rows()).filter((m) => m.status !== 'cancelled');
      // The no-shows (see `requested`): a1, whose two meetings come after slot 1, and b1, whose one is at 9:00.
      const of = (key: string) => before.filter((m) => m.registration_id === registrations[key]);
      expect([
        of('a1')
          .map((m) => m.position)
          .sort(),
        of('b1').map((m) => m.position),
      ]).toEqual([[2, 3], [1]]);
      for (const key of Object.keys(invitations)) {
        const res = await coord('put', `/day/employers/${invitations[key]}/presence`, { presence: 'present' });
        expect([res.status, res.body.code]).toEqual([200, undefined]);
      }
      for (const key of Object.keys(registrations)) {
        const presence = noShows.includes(key) ? 'absent' : 'present';
        const res = await coord('put', `/day/candidates/${registrations[key]}/presence`, { presence });
        expect([res.status, res.body.presence]).toEqual([200, presence]);
      }
      const [event] = await t.dataSource.query(`SELECT status FROM event WHERE id = $1`, [eventId]);
      expect(event.status).toBe('running'); // the first check-in started the day

      // SIAE A has one place left (3, two used): its CIP registers a consented candidate on the spot.
      const walkIn = await api()
        .post(`/api/events/${eventId}/day/walk-ins`)
        .set('authorization', w.auth('cipA'))
        .send({ candidateId: candidates.a3.id, maxInterviews: 3, wishedEmployerIds: Object.values(invitations) });
      expect([walkIn.status, walkIn.body.presence, walkIn.body.walkIn]).toEqual([201, 'present', true]);
      registrations.a3 = walkIn.body.registrationId;
      const list = await api().get(`/api/events/${eventId}/day/check-in`).set('authorization', w.auth('coord'));
      expect([list.body.candidatesPresent, list.body.candidatesAbsent, list.body.employersPresent]).toEqual([4, 2, 3]);
    });

    it('re-planning during slot 1: kept meetings unchanged, no-shows out of what is to come, their places refilled', async () => {
      clock.set(new Date('2027-03-12T08:05:00Z')); // 09:05 in Lyon: slot 1 in progress
      const clicked = await coord('post', '/day/replanning');
      expect([clicked.status, clicked.body.fromSlotPosition]).toEqual([202, 2]);
      await t.drainQueues(120_000);
      const [run] = await t.dataSource.query(`SELECT status, is_current, error FROM event_planning_run WHERE id = $1`, [
        clicked.body.runId,
      ]);
      expect(run).toEqual({ status: 'succeeded', is_current: true, error: null });
      const after = await rows();
      const byId = new Map(after.map((m) => [m.id, m]));
      const absent = new Set(noShows.map((key) => registrations[key]));
      const live = (m: Row) => ['planned', 'announced', 'done'].includes(m.status);

      // Slot 1 has begun: each of its meetings stays on its row, slot and table; the no-shows' are recorded as such.
      const slot1 = before.filter((m) => m.position === 1);
      expect(slot1.length).toBeGreaterThan(0);
      for (const m of slot1)
        expect(byId.get(m.id)).toEqual({ ...m, status: absent.has(m.registration_id) ? 'no_show' : 'announced' });
      // Meetings announced to people present, later in the morning: kept exactly (id, slot, table, status).
      const announcedKept = before.filter((m) => m.position >= 2 && !absent.has(m.registration_id));
      expect(announcedKept.length).toBeGreaterThan(0);
      for (const m of announcedKept) expect(byId.get(m.id)).toEqual(m);
      expect(clicked.body.lockedMeetings).toBe(
        slot1.length - slot1.filter((m) => absent.has(m.registration_id)).length + announcedKept.length,
      );

      // The no-shows have nothing to come; each cell they left is taken again by someone present.
      const toCome = after.filter((m) => live(m) && m.position >= 2);
      expect(toCome.filter((m) => absent.has(m.registration_id))).toEqual([]);
      const freed = before.filter((m) => m.position >= 2 && absent.has(m.registration_id));
      expect(freed.length).toBeGreaterThan(0);
      for (const m of freed) {
        expect(byId.get(m.id)?.status).toBe('cancelled');
        const taker = toCome.find(
          (x) => x.slot_id === m.slot_id && x.invitation_id === m.invitation_id && x.table_number === m.table_number,
        );
        expect(taker && !absent.has(taker.registration_id)).toBe(true);
        // (nobody else is free then: see `requested`)
        expect(taker?.registration_id).toBe(registrations.a3);
      }
      expect(toCome.filter((m) => m.registration_id === registrations.a3).length).toBeGreaterThan(0);
      // No rule broken: one meeting per table and slot, per candidate and slot, per pair.
      const liveRows = after.filter(live);
      const distinct = (key: (m: Row) => string) => new Set(liveRows.map(key)).size;
      expect(distinct((m) => `${m.slot_id}/${m.invitation_id}/${m.table_number}`)).toBe(liveRows.length);
      expect(distinct((m) => `${m.slot_id}/${m.registration_id}`)).toBe(liveRows.length);
      expect(distinct((m) => `${m.registration_id}/${m.invitation_id}`)).toBe(liveRows.length);

      // What the next steps use: the current run (the report reads its figures), the meetings as they stand (the
      // outcomes take live ones; the report counts them).
      const current = await api()
        .get(`/api/events/${eventId}/planning-runs/${clicked.body.runId}`)
        .set('authorization', w.auth('coord'));
      expect(current.body).toMatchObject({ isCurrent: true, fromSlotPosition: 2 });
      planRun = current.body;
      cancelledOnTheDay = after.filter((m) => m.status === 'cancelled').length;
      notCancelled = after.length - cancelledOnTheDay;
      meetings.length = 0;
      for (const m of liveRows) {
        const candidate = Object.keys(registrations).find((k) => registrations[k] === m.registration_id)!;
        const company = Object.keys(invitations).find((k) => invitations[k] === m.invitation_id)!;
        meetings.push({ id: m.id, candidate, siae: candidate[0].toUpperCase(), company });
      }
    });

    it('the live view after slot 1: its meetings held by people present are done, the no-shows’ are not', async () => {
      clock.set(new Date('2027-03-12T08:25:00Z')); // 09:25: slot 2 in progress, slot 1 over
      const res = await api().get(`/api/events/${eventId}/day/live`).set('authorization', w.auth('coord'));
      expect([res.status, res.body.currentSlot?.position]).toEqual([200, 2]);
      const absent = new Set(noShows.map((key) => registrations[key]));
      // (a meeting the organiser called off before the day stays cancelled: not part of what was held)
      const slot1 = (await rows()).filter((m) => m.position === 1 && m.status !== 'cancelled');
      expect(slot1.length).toBeGreaterThan(0);
      for (const m of slot1) expect(m.status).toBe(absent.has(m.registration_id) ? 'no_show' : 'done');
      expect(res.body.done.map((m: { meetingId: string }) => m.meetingId).sort()).toEqual(
        slot1
          .filter((m) => m.status === 'done')
          .map((m) => m.id)
          .sort(),
      );
    });
  });

  describe('outcomes, the day after the event', () => {
    type Meeting = (typeof meetings)[number];
    const outcome = async (m: Meeting, body: object, company = m.company) =>
      api()
        .post(`/api/employer/event/meetings/${m.id}/outcome`)
        .set(await asEmployer(company))
        .send(body);
    const byCip = (siae: string, m: Meeting, body: object) =>
      api()
        .post(`/api/events/${eventId}/meetings/${m.id}/outcome`)
        .set('authorization', w.auth(`cip${siae}`))
        .send(body);
    let hired: Meeting;

    beforeAll(async () => {
      // 13 March 2027, 10:00 in Lyon: the day after the event, after the request hour.
      clock.set(new Date('2027-03-13T09:00:00Z'));
      await signInAgain();
    });

    it('refuses an outcome before its meeting took place', async () => {
      clock.set(new Date('2027-03-12T07:00:00Z'));
      const early = await outcome(
        meetings.find((m) => m.siae === 'A')!,
        { kind: 'none', date: '2027-03-12' },
      );
      expect([early.status, early.body.code]).toEqual([409, 'EVENT_OUTCOME_MEETING_NOT_HELD']);
      clock.set(new Date('2027-03-13T09:00:00Z'));
    });

    it('an employer records a hire through its link; it becomes an interaction credited to the candidate’s SIAE', async () => {
      hired = take('A');
      const res = await outcome(hired, {
        kind: 'hire',
        date: '2027-03-13',
        contractType: 'cdd',
        startDate: '2027-04-01',
      });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      expect(res.body).toMatchObject({
        kind: 'hire',
        contractType: 'cdd',
        startDate: '2027-04-01',
        recordedBy: 'employer',
      });
      const [interaction] = await t.dataSource.query(
        `SELECT i.kind, i.by_siae_id, i.candidate_id, i.occurred_on::text AS on FROM event_outcome o
           JOIN company_interaction i ON i.id = o.interaction_id WHERE o.id = $1`,
        [res.body.id],
      );
      expect(interaction).toEqual({
        kind: 'hire',
        by_siae_id: w.siaes.A.id,
        candidate_id: candidates[hired.candidate].id,
        on: '2027-03-13',
      });
    });

    it('states the rules of an outcome with their codes: one per meeting, hire fields for a hire only, dates in range', async () => {
      const again = await outcome(hired, { kind: 'none', date: '2027-03-13' });
      expect([again.status, again.body.code]).toEqual([409, 'EVENT_OUTCOME_ALREADY_RECORDED']);
      expect(again.body.message).toMatch(/« Embauche », par l’employeur/);
      const other = meetings.find((m) => !used.has(m.id))!;
      const noContract = await outcome(other, { kind: 'hire', date: '2027-03-13' });
      expect([noContract.status, noContract.body.code]).toEqual([400, 'EVENT_OUTCOME_HIRE_FIELDS_REQUIRED']);
      const notHire = await outcome(other, { kind: 'none', date: '2027-03-13', contractType: 'cdi' });
      expect([notHire.status, notHire.body.code]).toEqual([400, 'EVENT_OUTCOME_HIRE_FIELDS_ONLY_FOR_HIRE']);
      const before = await outcome(other, { kind: 'none', date: '2027-03-11' });
      expect([before.status, before.body.code]).toEqual([400, 'EVENT_OUTCOME_DATE_OUT_OF_RANGE']);
      const future = await outcome(other, { kind: 'none', date: '2027-03-20' });
      expect([future.status, future.body.code]).toEqual([400, 'EVENT_OUTCOME_DATE_OUT_OF_RANGE']);
      const unknown = await outcome(other, { kind: 'none', date: '2027-03-13', note: 'x' });
      expect(unknown.status).toBe(400);
      const stranger = ['propre', 'logi', 'resto'].find((c) => c !== other.company)!;
      const notMine = await outcome(other, { kind: 'none', date: '2027-03-13' }, stranger);
      expect([notMine.status, notMine.body.code]).toEqual([404, 'PLANNING_MEETING_NOT_FOUND']);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM event_outcome WHERE meeting_id = $1`, [
        other.id,
      ]);
      expect(n).toBe(0);
    });

    it('a CIP records for her SIAE’s candidates only', async () => {
      const ofB = take('B');
      const mine = await byCip('B', ofB, { kind: 'second_interview', date: '2027-03-13' });
      expect([mine.status, mine.body.recordedBy]).toEqual([201, 'cip']);
      const notMine = await byCip(
        'A',
        meetings.find((m) => m.siae === 'B' && !used.has(m.id))!,
        {
          kind: 'none',
          date: '2027-03-13',
        },
      );
      expect([notMine.status, notMine.body.code]).toEqual([403, 'EVENT_OUTCOME_CIP_ONLY']);
      const list = await api().get(`/api/events/${eventId}/outcomes`).set('authorization', w.auth('cipB'));
      expect(list.body.map((m: { meetingId: string }) => m.meetingId).sort()).toEqual(
        meetings
          .filter((m) => m.siae === 'B')
          .map((m) => m.id)
          .sort(),
      );
      expect(list.body.filter((m: { outcome: unknown }) => m.outcome !== null)).toHaveLength(1);
    });

    it('the employer and the CIP recording the same meeting at once: one outcome, the other told (409)', async () => {
      const ofC = take('C');
      const statuses = await withWriteBarrier(t.config.DATABASE_URL, 'event_outcome', 2, async () =>
        Promise.all([
          outcome(ofC, { kind: 'none', date: '2027-03-13' }),
          byCip('C', ofC, { kind: 'second_interview', date: '2027-03-13' }),
        ]),
      );
      expect(statuses.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(statuses.find((r) => r.status === 409)!.body.code).toBe('EVENT_OUTCOME_ALREADY_RECORDED');
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS outcomes, count(interaction_id)::int AS credited FROM event_outcome WHERE meeting_id = $1`,
        [ofC.id],
      );
      expect(rows).toEqual([{ outcomes: 1, credited: 1 }]);
    });

    it('reciprocity counts an immersion of B’s candidate with a company A introduced as an outcome through others', async () => {
      const reciprocity = async () =>
        (await api().get(`/api/collectives/${w.collective.id}/reciprocity`).set('authorization', w.auth('coord')))
          .body as Array<{ siaeName: string; outcomesThroughOthers: number }>;
      const before = await reciprocity();
      const res = await outcome(take('B'), { kind: 'immersion', date: '2027-03-13' });
      expect(res.status).toBe(201);
      const after = await reciprocity();
      const of = (rows: typeof after, name: string) => rows.find((r) => r.siaeName === name)!.outcomesThroughOthers;
      expect(of(after, 'SIAE B') - of(before, 'SIAE B')).toBe(1);
      // A introduced every company: its own candidate's hire is not "through others".
      expect(of(after, 'SIAE A')).toBe(0);
    });

    it('the credit keeps the rule of issue 11: an outcome names a candidate of the SIAE it is credited to', async () => {
      const credit = {
        pooledCompanyId: companies.propre.id,
        viaCompanyId: companies.propre.companyId,
        candidateId: candidates.b1.id,
        kind: 'hire' as const,
        occurredOn: '2027-03-13',
        note: null,
        byUserId: null,
      };
      await expect(
        t.dataSource.transaction((m) => creditOutcomeToSiae(m, { ...credit, siaeId: w.siaes.A.id })),
      ).rejects.toMatchObject({ code: 'INTERACTION_CANDIDATE_NOT_OF_SIAE' });
      const id = await t.dataSource.transaction((m) => creditOutcomeToSiae(m, { ...credit, siaeId: w.siaes.B.id }));
      const [row] = await t.dataSource.query(`SELECT company_id, by_siae_id FROM company_interaction WHERE id = $1`, [
        id,
      ]);
      // B has no record of the company: the interaction goes on the record it was reached through, in B's name.
      expect(row).toEqual({ company_id: companies.propre.companyId, by_siae_id: w.siaes.B.id });
      await t.dataSource.query(`DELETE FROM company_interaction WHERE id = $1`, [id]);
    });

    it('sends each employer exactly one outcome request, however often the sweep runs', async () => {
      const requests = t.get(OutcomeRequestsService);
      clock.set(new Date('2027-03-13T07:30:00Z')); // 08:30 in Lyon: not yet
      expect(await requests.enqueueDue()).toBe(0);
      clock.set(new Date('2027-03-13T09:00:00Z'));
      expect(await requests.enqueueDue()).toBe(3);
      expect(await requests.enqueueDue()).toBe(0); // already claimed: swept twice, one job each
      await t.drainQueues(60_000);
      expect(await requests.enqueueDue()).toBe(0);
      await t.drainQueues(60_000);
      for (const key of ['propre', 'logi', 'resto']) {
        const mails = t.smtp.received.filter(
          (m) => m.to.includes(`rh@${key}.exemple.fr`) && /Et après/.test(m.subject),
        );
        expect([key, mails.length]).toEqual([key, 1]);
      }
      const rows = await t.dataSource.query(
        `SELECT person_type, status, mail_message_id IS NOT NULL AS mailed FROM reminder_dispatch
          WHERE event_id = $1 AND kind = 'event_outcome_request'`,
        [eventId],
      );
      expect(rows).toEqual(Array(3).fill({ person_type: 'event_invitation', status: 'sent', mailed: true }));
      // the mailed link opens the employer's outcomes
      const mail = t.smtp.received.find((m) => m.to.includes('rh@logi.exemple.fr') && /Et après/.test(m.subject))!;
      tokens.logi = tokenInMail(mail.text);
      const list = await api()
        .get('/api/employer/event/outcomes')
        .set(await asEmployer('logi'));
      expect(list.body.map((m: { meetingId: string }) => m.meetingId).sort()).toEqual(
        meetings
          .filter((m) => m.company === 'logi')
          .map((m) => m.id)
          .sort(),
      );
      expect(JSON.stringify(list.body)).not.toContain(candidates.b1.lastName);
    });
  });

  it('report: the organisers’ figures as JSON, and the same figures in a CSV a French spreadsheet opens', async () => {
    const json = await api().get(`/api/events/${eventId}/report`).set('authorization', w.auth('coord'));
    expect([json.status, json.body.code]).toEqual([200, undefined]);
    expect(json.body.employers).toMatchObject({ invited: 3, confirmed: 3, declined: 0 });
    // five registered ahead, one walk-in on the day
    expect(json.body.candidates).toMatchObject({ registered: 6, accepted: 6 });
    expect(json.body.bySiae.map((s: { siaeName: string; registered: number }) => [s.siaeName, s.registered])).toEqual([
      ['SIAE A', 3],
      ['SIAE B', 2],
      ['SIAE C', 1],
    ]);

    const csv = await api()
      .get(`/api/events/${eventId}/report.csv`)
      .set('authorization', w.auth('coord'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual([...REPORT_CSV_HEADER]);
    const value = (section: string, label: string, siae = '') =>
      parseFrenchNumber(rows.find((r) => r[2] === section && r[3] === label && r[4] === siae)?.[5] ?? 'NaN');
    expect(
      rows.slice(1).every((r) => r.length === 6 && r[0] === 'Job dating logistique' && r[1] === '12/03/2027'),
    ).toBe(true);
    expect(value('Employeurs', 'Invités')).toBe(json.body.employers.invited);
    expect(value('Candidat·es', 'Accepté·es')).toBe(6);
    expect(value('Par structure', 'Inscrit·es', 'SIAE B')).toBe(2);
    expect(json.body.interviews).toMatchObject({ planned: notCancelled, cancelled: cancelledOnTheDay });
    expect(cancelledOnTheDay).toBeGreaterThan(0);
    expect(json.body.outcomes).toMatchObject({ recorded: 4, hire: 1, immersion: 1, daysToHire: [20] });
    expect(json.body.outcomes.hiresByContract).toEqual([{ contractType: 'cdd', count: 1 }]);
    expect(json.body.plan).toEqual({
      status: planRun.planStatus,
      objective: planRun.objective,
      bound: planRun.bound,
      gap: planRun.gap,
      relativeGap: planRun.gap / planRun.bound,
    });
    expect(value('Suites', 'Embauches')).toBe(1);
    expect(value('Suites', 'Embauches en CDD')).toBe(1);
    expect(value('Suites', 'Délai médian jusqu’à l’embauche (jours)')).toBe(20);
    expect(value('Planning', 'Écart relatif à l’optimum (%)')).toBeCloseTo((100 * planRun.gap) / planRun.bound, 1);
    expect(value('Par structure', 'Embauches', 'SIAE A')).toBe(1);
    expect(value('Entretiens', 'Prévus')).toBe(notCancelled);
  });

  it('report: refused to a CIP who does not organise the event, 404 for another collective’s coordinator', async () => {
    const cip = await api().get(`/api/events/${eventId}/report`).set('authorization', w.auth('cipA'));
    expect([cip.status, cip.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
    const other = await api().get(`/api/events/${eventId}/report.csv`).set('authorization', w.auth('coordX'));
    expect([other.status, other.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
  });

  it('collective report over a period: the event inside, totals; a period over a year is refused', async () => {
    const res = await api()
      .get(`/api/collectives/${w.collective.id}/report`)
      .query({ from: '2027-01-01', to: '2027-06-30' })
      .set('authorization', w.auth('coord'));
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    expect(res.body.events.map((e: { event: { id: string } }) => e.event.id)).toEqual([eventId]);
    expect(res.body.totals).toMatchObject({ events: 1, candidates: { accepted: 6 } });
    const outside = await api()
      .get(`/api/collectives/${w.collective.id}/report`)
      .query({ from: '2027-04-01', to: '2027-06-30' })
      .set('authorization', w.auth('coord'));
    expect(outside.body.events).toEqual([]);
    const tooLong = await api()
      .get(`/api/collectives/${w.collective.id}/report.csv`)
      .query({ from: '2026-01-01', to: '2027-06-30' })
      .set('authorization', w.auth('coord'));
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'REPORT_PERIOD_INVALID']);
    const member = await api()
      .get(`/api/collectives/${w.collective.id}/report`)
      .query({ from: '2027-01-01', to: '2027-06-30' })
      .set('authorization', w.auth('dirA'));
    expect([member.status, member.body.code]).toEqual([403, 'REPORT_COORDINATOR_ONLY']);
  });
});
