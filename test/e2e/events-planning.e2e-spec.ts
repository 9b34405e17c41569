import { ComputeEventPlan } from '../../src/modules/events/planning/compute-event-plan';
import { EventPlanService } from '../../src/modules/events/planning/event-plan.service';
import { FixedClock } from '../../src/platform/clock/clock';
import { constraintNameOf } from '../../src/platform/errors/constraint-errors';
import { employerHeaders, tokenInMail } from '../support/event-world';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';

/**
 * Planning runs of a job dating through the API, the worker (in process) and the test SMTP server: launch (202, job id
 * = run id), progress, the stored plan checked against the bookings and the database's rules, idempotence, re-runs and
 * their comparison, a plan the database refuses failing the run whole, publication (announced meetings, e-mails with
 * the employer's link), re-planning that keeps announced meetings, an explicit cancellation, and refusals with codes.
 */
describe('events planning: runs, plan, publication', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: PlanningWorld;
  const api = () => t.http();
  const as = (who: string) => ({
    get: (path: string) => api().get(`/api${path}`).set('authorization', w.auth(who)),
    post: (path: string, body: object = {}) => api().post(`/api${path}`).set('authorization', w.auth(who)).send(body),
  });
  const launch = (body: object = {}, who = 'coord') => as(who).post(`/events/${w.eventId}/planning-runs`, body);
  const meetings = () =>
    t.dataSource.query(
      `SELECT id, registration_id, invitation_id, slot_id, table_number, status, sequence, run_id FROM event_meeting
        WHERE event_id = $1 ORDER BY registration_id, invitation_id`,
      [w.eventId],
    );
  const live = async () =>
    (await meetings()).filter((m: { status: string }) => ['planned', 'announced', 'done'].includes(m.status));

  const storedRun = async (plan: object[]): Promise<string> => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO event_planning_run (event_id, status, time_limit_seconds, plan, progress)
       VALUES ($1, 'succeeded', 5, $2::jsonb, 100) RETURNING id`,
      [w.eventId, JSON.stringify(plan)],
    );
    return id as string;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    // 3 employers × 1 table, one of them with 2 tables in the first slot only; 8 candidates, 3 slots.
    w = await buildPlanningWorld(t, {
      employers: 3,
      candidates: 8,
      maxInterviews: 2,
      cellsOf: (i, slots) =>
        i === 0
          ? [
              { slotId: slots[0].id, table: 1 },
              { slotId: slots[0].id, table: 2 },
              { slotId: slots[1].id, table: 2 },
              { slotId: slots[2].id, table: 2 },
            ]
          : slots.map((s) => ({ slotId: s.id, table: i + 2 })),
    });
  }, 300_000);
  afterAll(() => t.close());

  let firstRun: string;

  it('refuses launches from people who do not organise, with their codes', async () => {
    const cip = await launch({}, 'cipA');
    expect([cip.status, cip.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
    const outsider = await launch({}, 'coordX');
    expect([outsider.status, outsider.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
    const bad = await launch({ timeLimitSeconds: 0, extra: 1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toMatch(/timeLimitSeconds/);
    expect(JSON.stringify(bad.body.details)).toMatch(/extra/);
  });

  it('accepts a launch with 202 and the queued run; the job id is the run id; a second launch waits its turn', async () => {
    const res = await launch({ timeLimitSeconds: 10 });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      status: 'queued',
      progress: 0,
      phase: null,
      timeLimitSeconds: 10,
      isCurrent: false,
    });
    firstRun = res.body.id;
    const outbox = await t.dataSource.query(`SELECT job_name FROM outbox_message WHERE id = $1`, [firstRun]);
    expect(outbox).toEqual([{ job_name: 'events.plan.compute' }]);
    const twice = await Promise.all([launch(), launch()]);
    expect(twice.map((r) => [r.status, r.body.code])).toEqual([
      [409, 'PLANNING_RUN_ACTIVE'],
      [409, 'PLANNING_RUN_ACTIVE'],
    ]);
  });

  it('computes the run in the worker and stores a plan that fits the bookings and every rule', async () => {
    await t.drainQueues(60_000);
    const run = (await as('coord').get(`/events/${w.eventId}/planning-runs/${firstRun}`)).body;
    expect(run).toMatchObject({ status: 'succeeded', progress: 100, phase: null, isCurrent: true, attempts: 1 });
    expect(run.planStatus).toMatch(/^(optimal|feasible)$/);
    expect(run.bound).toBeGreaterThanOrEqual(run.objective);
    expect(run.gap).toBeCloseTo(run.bound - run.objective, 6);
    expect(run.stats).toMatchObject({ candidates: 8, employers: 3, slots: 3, phantomTables: 2 });
    const rows = await live();
    expect(rows.length).toBe(run.meetings);
    expect(rows.every((m: { run_id: string; status: string }) => m.run_id === firstRun && m.status === 'planned')).toBe(
      true,
    );
    // every meeting sits at a cell its employer booked
    const booked = await t.dataSource.query(
      `SELECT invitation_id, slot_id, table_number FROM event_booking WHERE event_id = $1`,
      [w.eventId],
    );
    const cells = new Set(
      booked.map((b: Record<string, unknown>) => `${b.invitation_id}|${b.slot_id}|${b.table_number}`),
    );
    for (const m of rows) expect(cells.has(`${m.invitation_id}|${m.slot_id}|${m.table_number}`)).toBe(true);
    // all 10 booked cells used: 8 candidates × 2 interviews leave room, and an empty table is worth less
    // the plan of the run and the event's meetings are the same set
    const stored = await t.dataSource.query(`SELECT plan FROM event_planning_run WHERE id = $1`, [firstRun]);
    expect(stored[0].plan.map((m: { registrationId: string }) => m.registrationId).sort()).toEqual(
      rows.map((m: { registration_id: string }) => m.registration_id).sort(),
    );
    const plan = (await as('coord').get(`/events/${w.eventId}/plan`)).body;
    expect(plan.currentRun.id).toBe(firstRun);
    expect(plan.activeRun).toBeNull();
    expect(plan.meetings).toHaveLength(10);
    expect(rows.length).toBe(10);
    expect(plan.meetings[0]).toMatchObject({
      employer: expect.stringMatching(/^Employeur /),
      pseudonym: expect.any(String),
    });
  });

  it('runs a delivered job only once: a second delivery of the same run stores nothing more', async () => {
    const before = await meetings();
    expect(await t.get(ComputeEventPlan).execute(firstRun)).toBe('skipped');
    expect(await meetings()).toEqual(before);
    const runs = await t.dataSource.query(`SELECT count(*)::int AS n FROM event_planning_run WHERE event_id = $1`, [
      w.eventId,
    ]);
    expect(runs[0].n).toBe(1);
  });

  it('re-runs after an employer’s priority request and compares the two runs', async () => {
    // employer 1 asks in priority for a candidate it did not meet in the first plan
    const e1 = w.employers[1];
    const met = new Set(
      (await live())
        .filter((m: { invitation_id: string }) => m.invitation_id === e1.invitationId)
        .map((m: { registration_id: string }) => m.registration_id),
    );
    const profiles = (
      await api()
        .get('/api/employer/event/profiles')
        .set(await employerHeaders(t, e1.token))
    ).body;
    const wanted = profiles.find((p: { profileId: string }) => !met.has(p.profileId));
    expect(wanted).toBeDefined();
    const saved = await api()
      .put('/api/employer/event/meeting-requests')
      .set(await employerHeaders(t, e1.token))
      .send({ requests: [{ profileId: wanted.profileId, priority: true }] });
    expect(saved.status).toBe(200);
    const second = await launch();
    expect(second.status).toBe(202);
    await t.drainQueues(60_000);
    const compared = await as('coord').get(
      `/events/${w.eventId}/planning-runs/${firstRun}/comparison/${second.body.id}`,
    );
    expect(compared.status).toBe(200);
    // (the employer's profiles are named by the registration's id)
    const registrationId = wanted.profileId;
    expect(compared.body.added).toContainEqual(
      expect.objectContaining({ registrationId, invitationId: e1.invitationId }),
    );
    expect(compared.body.objectiveDelta).toBeGreaterThan(0);
    expect(compared.body.base.isCurrent).toBe(false);
    expect(compared.body.other.isCurrent).toBe(true);
    // the event's meetings follow the current run; rows of pairs kept keep their ids
    const rows = await live();
    expect(rows).toContainEqual(
      expect.objectContaining({ registration_id: registrationId, invitation_id: e1.invitationId }),
    );
    const list = (await as('coord').get(`/events/${w.eventId}/planning-runs`)).body;
    expect(list.map((r: { id: string }) => r.id)).toEqual([second.body.id, firstRun]);
  });

  it('applies a swap of two meetings between tables in one step, keeping ids and raising sequences', async () => {
    const rows = await live();
    // employer 0 booked tables 1 and 2 in the first slot: its two meetings there swap tables
    const e0 = w.employers[0].invitationId;
    const [a, b] = rows.filter((m: Row) => m.invitation_id === e0 && m.slot_id === w.slots[0].id);
    expect([a.table_number, b.table_number].sort()).toEqual([1, 2]);
    const plan = rows.map((m: Row) => ({
      registrationId: m.registration_id,
      invitationId: m.invitation_id,
      slotId: m.slot_id,
      tableNumber: m === a ? b.table_number : m === b ? a.table_number : m.table_number,
      locked: false,
    }));
    const runId = await storedRun(plan);
    const applied = await t.get(EventPlanService).applyRun(runId);
    expect(applied.moved.sort()).toEqual([a.id, b.id].sort());
    expect([applied.added, applied.cancelled, applied.kept.length]).toEqual([[], [], rows.length - 2]);
    const after = await live();
    const movedA = after.find((m: Row) => m.id === a.id);
    expect([movedA.table_number, movedA.sequence, movedA.run_id]).toEqual([b.table_number, a.sequence + 1, runId]);
  });

  it('refuses as a whole a plan the database refuses: nothing of it is stored', async () => {
    const before = await meetings();
    const rows = await live();
    // employer 1's meeting of the second slot moved onto its meeting of the first slot (same table)
    const e1 = w.employers[1].invitationId;
    const first = rows.find((m: Row) => m.invitation_id === e1 && m.slot_id === w.slots[0].id);
    const second = rows.find((m: Row) => m.invitation_id === e1 && m.slot_id === w.slots[1].id);
    const plan = rows.map((m: Row) => ({
      registrationId: m.registration_id,
      invitationId: m.invitation_id,
      slotId: m === second ? first.slot_id : m.slot_id,
      tableNumber: m.table_number,
      locked: false,
    }));
    const runId = await storedRun(plan);
    const error = await t
      .get(EventPlanService)
      .applyRun(runId)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(['UQ_event_meeting_table', 'UQ_event_meeting_candidate_slot']).toContain(constraintNameOf(error));
    expect(await meetings()).toEqual(before);
    const current = await t.dataSource.query(`SELECT id FROM event_planning_run WHERE event_id = $1 AND is_current`, [
      w.eventId,
    ]);
    expect(current[0].id).not.toBe(runId);
  });

  let announced: Row[];

  it('publishes: meetings announced, employers mailed with their link, CIPs with their candidates’ meetings', async () => {
    // the stored runs of the two tests above are not computed plans: the organiser re-runs before publishing
    expect((await launch()).status).toBe(202);
    await t.drainQueues(60_000);
    const before = await live();
    const res = await as('coord').post(`/events/${w.eventId}/plan/publication`);
    expect([res.status, res.body.status]).toEqual([201, 'published']);
    announced = await live();
    expect(announced.every((m: Row) => m.status === 'announced')).toBe(true);
    for (const m of announced) expect(m.sequence).toBe(before.find((x: Row) => x.id === m.id).sequence + 1);
    await t.drainQueues(60_000);
    for (const employer of w.employers) {
      const mail = t.smtp.received.find((m) => m.to.includes(employer.email) && /Votre planning/.test(m.subject));
      expect(mail).toBeDefined();
      const count = announced.filter((m: Row) => m.invitation_id === employer.invitationId).length;
      expect(mail!.text.match(/ · table \d+ · /g)).toHaveLength(count);
      const opened = await api().get(`/lien/${tokenInMail(mail!.text)}`);
      expect([opened.status, opened.headers.location]).toEqual([303, `/employeurs/evenements/${w.eventId}`]);
    }
    for (const cip of ['cipA', 'cipB', 'cipC']) {
      const mail = t.smtp.received.find(
        (m) => m.to.includes(w.users[cip].email) && /Rencontres de vos/.test(m.subject),
      );
      expect(mail).toBeDefined();
    }
    const notices = await t.dataSource.query(`SELECT change, messages FROM event_plan_notice WHERE event_id = $1`, [
      w.eventId,
    ]);
    // the CIPs' notice (3 mails), the employers' (3 mails) and the candidates' (an SMS and an e-mail each), the last two
    // sent by events/agendas
    const candidatesMet = new Set(announced.map((m: Row) => m.registration_id)).size;
    expect(notices.sort((x: Row, y: Row) => x.messages - y.messages)).toEqual([
      { change: 'published', messages: 3 },
      { change: 'published', messages: 3 },
      { change: 'published', messages: 2 * candidatesMet },
    ]);
    const again = await as('coord').post(`/events/${w.eventId}/plan/publication`);
    expect([again.status, again.body.code]).toEqual([409, 'EVENT_TRANSITION_NOT_ALLOWED']);
  });

  it('re-plans after publication keeping every announced meeting where it is', async () => {
    expect((await launch()).status).toBe(202);
    await t.drainQueues(60_000);
    const after = await live();
    for (const m of announced)
      expect(after.find((x: Row) => x.id === m.id)).toMatchObject({
        slot_id: m.slot_id,
        table_number: m.table_number,
        sequence: m.sequence,
        status: 'announced',
      });
    const [run] = (await as('coord').get(`/events/${w.eventId}/planning-runs`)).body;
    expect(run.stats.lockedMeetings).toBe(announced.length);
  });

  it('cancels a meeting explicitly: people told, sequence raised, the pair never planned again', async () => {
    const target = announced[0];
    const employer = w.employers.find((e) => e.invitationId === target.invitation_id)!;
    const noReason = await as('coord').post(`/events/${w.eventId}/meetings/${target.id}/cancellation`, {});
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const byCip = await as('cipA').post(`/events/${w.eventId}/meetings/${target.id}/cancellation`, { reason: 'x' });
    expect([byCip.status, byCip.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
    const res = await as('coord').post(`/events/${w.eventId}/meetings/${target.id}/cancellation`, {
      reason: 'Le poste est pourvu.',
    });
    expect([res.status, res.body.status, res.body.sequence]).toEqual([201, 'cancelled', target.sequence + 1]);
    const twice = await as('coord').post(`/events/${w.eventId}/meetings/${target.id}/cancellation`, { reason: 'x' });
    expect([twice.status, twice.body.code]).toEqual([409, 'PLANNING_MEETING_NOT_CANCELLABLE']);
    await t.drainQueues(60_000);
    const mails = t.smtp.received.filter((m) => m.to.includes(employer.email) && /Planning modifié/.test(m.subject));
    expect(mails.some((m) => /ANNULÉE/.test(m.text))).toBe(true);
    expect((await launch()).status).toBe(202);
    await t.drainQueues(60_000);
    const rows = await meetings();
    const row = rows.find((m: Row) => m.id === target.id);
    expect([row.status, row.sequence]).toEqual(['cancelled', target.sequence + 1]);
  });
});

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An event without a plan cannot be published: the status machine's hook refuses it with its code. */
describe('events planning: publication refused without a plan', () => {
  let t: TestApp;
  afterAll(() => t?.close());
  it('answers 409 PLANNING_NO_CURRENT_PLAN and leaves the event in planning', async () => {
    t = await TestApp.create({ withWorker: true });
    const w = await buildPlanningWorld(t, { employers: 1, candidates: 1 });
    const res = await t.http().post(`/api/events/${w.eventId}/plan/publication`).set('authorization', w.auth('coord'));
    expect([res.status, res.body.code]).toEqual([409, 'PLANNING_NO_CURRENT_PLAN']);
    const viaTransition = await t
      .http()
      .post(`/api/events/${w.eventId}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'published' });
    expect(viaTransition.body.code).toBe('PLANNING_NO_CURRENT_PLAN');
    const event = await t.http().get(`/api/events/${w.eventId}`).set('authorization', w.auth('coord'));
    expect(event.body.status).toBe('planning');
  }, 300_000);
});
