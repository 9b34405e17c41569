import { FixedClock } from '../../src/platform/clock/clock';
import { buildDayWorld, walkInCandidate, type DayWorld } from '../support/day-world';
import { TestApp } from '../support/test-app';

interface MeetingRow {
  id: string;
  registration_id: string;
  invitation_id: string;
  slot_id: string;
  position: number;
  table_number: number;
  status: string;
}

/**
 * Re-planning from the next slot through the planning job (issue 15 §5), and the live view: a published plan, a
 * morning of check-ins (two no-shows, an employer absent, one leaving early, a walk-in, someone not yet there), then
 * the organiser's click during slot 1. Kept meetings must come back unchanged (same row, slot, table), no absent person
 * may keep a meeting to come, the freed places go to present candidates, and the people concerned are told.
 */
describe('the day: re-planning from the next slot, and the live view', () => {
  const clock = new FixedClock(new Date('2027-03-12T07:30:00Z'));
  let t: TestApp;
  let w: DayWorld;
  let before: MeetingRow[];
  let walkInId: string;
  const api = () => t.http();
  const coord = {
    get: (path: string) => api().get(`/api/events/${w.eventId}${path}`).set('authorization', w.auth('coord')),
    put: (path: string, body: object) =>
      api().put(`/api/events/${w.eventId}${path}`).set('authorization', w.auth('coord')).send(body),
    post: (path: string, body: object = {}) =>
      api().post(`/api/events/${w.eventId}${path}`).set('authorization', w.auth('coord')).send(body),
  };
  const meetings = async (): Promise<MeetingRow[]> =>
    t.dataSource.query(
      `SELECT m.id, m.registration_id, m.invitation_id, m.slot_id, s.position, m.table_number, m.status
         FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id WHERE m.event_id = $1 ORDER BY m.id`,
      [w.eventId],
    );
  const live = (rows: MeetingRow[]) => rows.filter((m) => ['planned', 'announced', 'done'].includes(m.status));
  const reg = (i: number) => w.candidates[i].registrationId;
  const inv = (i: number) => w.employers[i].invitationId;

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildDayWorld(t, {
      employers: ['Propreté Rhône Services', 'Logistique du Confluent', 'Restaurant Le Tablier'],
      candidates: 7,
    });
    await coord.post('/transitions', { to: 'planning' });
    const run = await coord.post('/planning-runs', { timeLimitSeconds: 10 });
    expect([run.status, run.body.code]).toEqual([202, undefined]);
    await t.drainQueues(60_000);
    const published = await coord.post('/transitions', { to: 'published' });
    expect([published.status, published.body.code]).toEqual([201, undefined]);
    before = await meetings();
  }, 240_000);
  afterAll(() => t.close());

  it('starts from a full published plan', () => {
    // 3 employers × 1 table × 3 slots, 7 candidates: every cell holds an announced meeting
    expect(live(before)).toHaveLength(9);
    expect(new Set(before.map((m) => m.status))).toEqual(new Set(['announced']));
  });

  it('records the morning: check-ins, two no-shows, an employer absent, one leaving early, a walk-in', async () => {
    // candidates 0–3 present, 4 and 5 absent (no-shows), 6 not there yet
    for (const i of [0, 1, 2, 3])
      expect((await coord.put(`/day/candidates/${reg(i)}/presence`, { presence: 'present' })).status).toBe(200);
    for (const i of [4, 5])
      expect((await coord.put(`/day/candidates/${reg(i)}/presence`, { presence: 'absent' })).status).toBe(200);
    expect((await coord.put(`/day/employers/${inv(0)}/presence`, { presence: 'present' })).status).toBe(200);
    expect((await coord.put(`/day/employers/${inv(1)}/presence`, { presence: 'present' })).status).toBe(200);
    const leaves = await coord.put(`/day/employers/${inv(1)}/departure`, { fromSlotId: w.slots[2].id });
    expect([leaves.status, leaves.body.leftFromSlotPosition]).toEqual([200, 3]);
    expect((await coord.put(`/day/employers/${inv(2)}/presence`, { presence: 'absent' })).status).toBe(200);
    const walkIn = await api()
      .post(`/api/events/${w.eventId}/day/walk-ins`)
      .set('authorization', w.auth('cipA'))
      .send({ candidateId: await walkInCandidate(w, 'Sur Place'), maxInterviews: 3 });
    expect([walkIn.status, walkIn.body.code]).toEqual([201, undefined]);
    walkInId = walkIn.body.registrationId;
  });

  it('re-plans from the next slot: kept meetings unchanged, no-shows out, their places refilled, people told', async () => {
    clock.set(new Date(new Date(w.slots[0].startsAt).getTime() + 5 * 60_000)); // slot 1 in progress
    const outboxBefore = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'events.plan.notify'`,
    );
    const res = await coord.post('/day/replanning');
    expect([res.status, res.body.code]).toEqual([202, undefined]);
    expect(res.body).toMatchObject({ fromSlotPosition: 2, fromSlotId: w.slots[1].id });
    await t.drainQueues(60_000);
    const [run] = await t.dataSource.query(
      `SELECT status, is_current, from_slot_position, error FROM event_planning_run WHERE id = $1`,
      [res.body.runId],
    );
    expect(run).toEqual({ status: 'succeeded', is_current: true, from_slot_position: 2, error: null });

    const after = await meetings();
    const byId = new Map(after.map((m) => [m.id, m]));
    const gone = new Set([reg(4), reg(5)]);
    // Slot 1 (in progress) is kept as it was; the no-shows' meetings there are recorded as such.
    for (const m of before.filter((m) => m.position === 1)) {
      const now = byId.get(m.id)!;
      expect({ ...now, status: undefined }).toEqual({ ...m, status: undefined });
      expect(now.status).toBe(gone.has(m.registration_id) || m.invitation_id === inv(2) ? 'no_show' : 'announced');
    }
    // Later meetings announced to people present (or not yet recorded) are kept exactly: same row, slot and table.
    const keptLater = before.filter(
      (m) =>
        m.position >= 2 &&
        !gone.has(m.registration_id) &&
        m.invitation_id !== inv(2) &&
        !(m.invitation_id === inv(1) && m.position >= 3),
    );
    expect(keptLater.length).toBeGreaterThan(0);
    for (const m of keptLater) expect(byId.get(m.id)).toEqual(m);
    const heldInSlot1 = before.filter(
      (m) => m.position === 1 && !gone.has(m.registration_id) && m.invitation_id !== inv(2),
    );
    expect(res.body.lockedMeetings).toBe(heldInSlot1.length + keptLater.length);
    // No absent person, and nobody at a table of an employer gone, in a meeting to come.
    const toCome = live(after).filter((m) => m.position >= 2);
    expect(toCome.filter((m) => gone.has(m.registration_id))).toEqual([]);
    expect(toCome.filter((m) => m.invitation_id === inv(2))).toEqual([]);
    expect(toCome.filter((m) => m.invitation_id === inv(1) && m.position === 3)).toEqual([]);
    // The freed places went to present candidates: the walk-in gets an interview; the one not yet there gets none new.
    expect(toCome.filter((m) => m.registration_id === walkInId).length).toBeGreaterThan(0);
    const lateBefore = live(before)
      .filter((m) => m.registration_id === reg(6))
      .map((m) => m.id);
    expect(
      live(after)
        .filter((m) => m.registration_id === reg(6))
        .every((m) => lateBefore.includes(m.id)),
    ).toBe(true);
    // Every cancelled meeting to come is one of a person gone; the people concerned are told through the outbox.
    const cancelled = after.filter((m) => m.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    const notices = await t.dataSource.query(
      `SELECT payload FROM outbox_message WHERE job_name = 'events.plan.notify' ORDER BY created_at OFFSET $1`,
      [outboxBefore[0].n],
    );
    const told = new Set(notices.flatMap((n: { payload: { meetingIds: string[] } }) => n.payload.meetingIds));
    for (const m of cancelled) expect(told.has(m.id)).toBe(true);
    for (const m of toCome.filter((m) => !before.some((b) => b.id === m.id))) expect(told.has(m.id)).toBe(true);
  });

  it('refuses a second re-planning while one is computing, and one after the last slot has begun', async () => {
    const first = await coord.post('/day/replanning');
    const second = await coord.post('/day/replanning');
    expect([first.status, second.status, second.body.code]).toEqual([202, 409, 'PLANNING_RUN_ACTIVE']);
    await t.drainQueues(60_000);
    clock.set(new Date(new Date(w.slots[2].startsAt).getTime() + 60_000));
    const late = await coord.post('/day/replanning');
    expect([late.status, late.body.code]).toEqual([409, 'EVENT_NO_SLOT_LEFT']);
  });

  it('shows the live view: meetings done, in progress and to come, who waits, which tables are free', async () => {
    clock.set(new Date(new Date(w.slots[1].startsAt).getTime() + 60_000)); // slot 2 in progress
    const res = await coord.get('/day/live');
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    const rows = live(await meetings());
    expect(res.body.currentSlot).toMatchObject({ position: 2 });
    expect(res.body.nextSlot).toMatchObject({ position: 3 });
    // Slot 1 is over: its meetings whose candidate and employer were both there are now `done` (held); the one of
    // the candidate never checked in is not.
    const checkedIn = new Set([0, 1, 2, 3].map(reg));
    const slot1 = rows.filter((m) => m.position === 1);
    expect(slot1.filter((m) => checkedIn.has(m.registration_id)).length).toBeGreaterThan(0);
    for (const m of slot1)
      expect([m.id, m.status]).toEqual([m.id, checkedIn.has(m.registration_id) ? 'done' : 'announced']);
    expect(res.body.done.map((m: { meetingId: string }) => m.meetingId).sort()).toEqual(
      slot1
        .filter((m) => m.status === 'done')
        .map((m) => m.id)
        .sort(),
    );
    // Read again: nothing is marked twice (sequence raised once).
    const sequences = await t.dataSource.query(
      `SELECT id, sequence FROM event_meeting WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [slot1.map((m) => m.id)],
    );
    expect((await coord.get('/day/live')).status).toBe(200);
    expect(
      await t.dataSource.query(`SELECT id, sequence FROM event_meeting WHERE id = ANY($1::uuid[]) ORDER BY id`, [
        slot1.map((m) => m.id),
      ]),
    ).toEqual(sequences);
    expect(res.body.inProgress).toHaveLength(rows.filter((m) => m.position === 2).length);
    expect(res.body.toCome).toHaveLength(rows.filter((m) => m.position === 3).length);
    const busy = new Set(rows.filter((m) => m.position >= 2).map((m) => m.registration_id));
    const present = [0, 1, 2, 3].map(reg).concat(walkInId);
    expect(res.body.candidatesWithoutInterview.map((c: { registrationId: string }) => c.registrationId).sort()).toEqual(
      present.filter((id) => !busy.has(id)).sort(),
    );
    // The absent employer has no free table listed; the one leaving has none after its departure.
    const free = res.body.employersWithFreeTables as Array<{ invitationId: string; freeCellsToCome: number }>;
    expect(free.find((e) => e.invitationId === inv(2))).toBeUndefined();
    const cipView = await api().get(`/api/events/${w.eventId}/day/live`).set('authorization', w.auth('cipA'));
    expect([cipView.status, cipView.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
  });
});
