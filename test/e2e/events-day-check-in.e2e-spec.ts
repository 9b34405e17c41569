import { FixedClock } from '../../src/platform/clock/clock';
import { buildDayWorld, publish, walkInCandidate, type DayWorld } from '../support/day-world';
import { TestApp } from '../support/test-app';
import { withWriteBarrier } from '../support/write-barrier';

/**
 * The day through the API (issue 15 §5): check-in of candidates and employers (present, absent, undo), the first
 * check-in starting the day, an employer leaving early from a slot, walk-ins by a CIP within her SIAE's places (and
 * beyond them only by the organisers' decision), presence constraints and who may do what.
 */
describe('the day: check-in, departures, walk-ins', () => {
  // 08:30 Paris on the day: before the first slot (09:00 Paris = 08:00 UTC)
  const clock = new FixedClock(new Date('2027-03-12T07:30:00Z'));
  let t: TestApp;
  let w: DayWorld;
  const api = () => t.http();
  const as = (who: string) => ({
    get: (path: string) => api().get(`/api/events/${w.eventId}${path}`).set('authorization', w.auth(who)),
    put: (path: string, body: object) =>
      api().put(`/api/events/${w.eventId}${path}`).set('authorization', w.auth(who)).send(body),
    post: (path: string, body: object) =>
      api().post(`/api/events/${w.eventId}${path}`).set('authorization', w.auth(who)).send(body),
  });
  const candidatePresence = (who: string, index: number, presence: string) =>
    as(who).put(`/day/candidates/${w.candidates[index].registrationId}/presence`, { presence });
  const employerPresence = (who: string, index: number, presence: string) =>
    as(who).put(`/day/employers/${w.employers[index].invitationId}/presence`, { presence });

  beforeAll(async () => {
    t = await TestApp.create({ clock });
    w = await buildDayWorld(t, { quota: 5 });
  }, 180_000);
  afterAll(() => t.close());

  it('refuses check-in before the plan is published (409 EVENT_DAY_NOT_STARTED)', async () => {
    const res = await candidatePresence('coord', 0, 'present');
    expect([res.status, res.body.code]).toEqual([409, 'EVENT_DAY_NOT_STARTED']);
    const list = await as('coord').get('/day/check-in');
    expect(list.status).toBe(200);
    expect(list.body.candidates.map((c: { presence: string }) => c.presence)).toEqual(Array(4).fill('unrecorded'));
  });

  it('checks a candidate in with one call; the first check-in moves the published event to running', async () => {
    await publish(t, w, w.eventId);
    const res = await candidatePresence('coord', 0, 'present');
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    expect(res.body).toMatchObject({
      registrationId: w.candidates[0].registrationId,
      pseudonym: 'Candidate 1',
      presence: 'present',
      checkedInAt: clock.now().toISOString(),
      absentAt: null,
      walkIn: false,
    });
    const event = await as('coord').get('');
    expect(event.body.status).toBe('running');
    const moves = await t.dataSource.query(
      `SELECT from_status, to_status FROM event_status_change WHERE event_id = $1 AND to_status = 'running'`,
      [w.eventId],
    );
    expect(moves).toEqual([{ from_status: 'published', to_status: 'running' }]);
  });

  it('records an absence, switches it to present, and undoes a check-in', async () => {
    const absent = await candidatePresence('coord', 1, 'absent');
    expect(absent.body).toMatchObject({ presence: 'absent', checkedInAt: null });
    const present = await candidatePresence('coord', 1, 'present');
    expect(present.body).toMatchObject({ presence: 'present', absentAt: null });
    const undone = await candidatePresence('coord', 1, 'unrecorded');
    expect(undone.body).toMatchObject({ presence: 'unrecorded', checkedInAt: null, absentAt: null });
    const [row] = await t.dataSource.query(`SELECT checked_in_at, absent_at FROM event_registration WHERE id = $1`, [
      w.candidates[1].registrationId,
    ]);
    expect(row).toEqual({ checked_in_at: null, absent_at: null });
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'event.day.candidate-presence' AND subject_id = $1`,
      [w.eventId],
    );
    expect(audit[0].n).toBe(4);
  });

  it('searches by pseudonym, by SIAE and by employer name, without accents or case', async () => {
    const byPseudonym = await as('coord').get('/day/check-in?q=candidate 3');
    expect(byPseudonym.body.candidates.map((c: { pseudonym: string }) => c.pseudonym)).toEqual(['Candidate 3']);
    const byEmployer = await as('coord').get('/day/check-in?q=proprete');
    expect(byEmployer.body.employers.map((e: { companyName: string }) => e.companyName)).toEqual([
      'Propreté Rhône Services',
    ]);
    expect(byEmployer.body).toMatchObject({ candidatesExpected: 4, candidatesPresent: 1 });
    const bySiae = await as('coord').get('/day/check-in?q=siae a');
    expect(bySiae.body.candidates).toHaveLength(4);
  });

  it('never stores a person both present and absent, and keeps presence to accepted registrations', async () => {
    const both = t.dataSource.query(
      `UPDATE event_registration SET checked_in_at = now(), absent_at = now() WHERE id = $1`,
      [w.candidates[2].registrationId],
    );
    await expect(both).rejects.toMatchObject({ driverError: { constraint: 'CK_event_registration_presence' } });
    // withdrawing a checked-in candidate is refused with the constraint's domain error, never a 500
    const withdrawn = await as('cipA').post(`/registrations/${w.candidates[0].registrationId}/withdrawal`, {});
    expect([withdrawn.status, withdrawn.body.code]).toEqual([409, 'EVENT_PRESENCE_NOT_ACCEPTED']);
  });

  it('parallel taps on one person leave one consistent presence (row locked), never both', async () => {
    const id = w.candidates[3].registrationId;
    const results = await withWriteBarrier(t.config.DATABASE_URL, 'event_registration', 3, () =>
      Promise.all(
        ['present', 'absent', 'present', 'absent'].map((p) =>
          api()
            .put(`/api/events/${w.eventId}/day/candidates/${id}/presence`)
            .set('authorization', w.auth('coord'))
            .send({ presence: p }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const [row] = await t.dataSource.query(
      `SELECT (checked_in_at IS NOT NULL)::int + (absent_at IS NOT NULL)::int AS recorded FROM event_registration WHERE id = $1`,
      [id],
    );
    expect(row.recorded).toBe(1);
  });

  it('checks employers in, refuses a departure before arrival, and notes a departure from a coming slot', async () => {
    const early = await as('coord').put(`/day/employers/${w.employers[1].invitationId}/departure`, {
      fromSlotId: w.slots[2].id,
    });
    expect([early.status, early.body.code]).toEqual([409, 'EVENT_DEPARTURE_BEFORE_ARRIVAL']);
    for (const i of [0, 1]) expect((await employerPresence('coord', i, 'present')).body.presence).toBe('present');
    expect((await employerPresence('coord', 2, 'absent')).body.presence).toBe('absent');
    const left = await as('coord').put(`/day/employers/${w.employers[1].invitationId}/departure`, {
      fromSlotId: w.slots[2].id,
    });
    expect([left.status, left.body.code]).toEqual([200, undefined]);
    expect(left.body).toMatchObject({ presence: 'present', leftAt: w.slots[2].startsAt, leftFromSlotPosition: 3 });

    clock.set(new Date(new Date(w.slots[1].startsAt).getTime() + 60_000)); // slot 2 has begun
    const passed = await as('coord').put(`/day/employers/${w.employers[0].invitationId}/departure`, {
      fromSlotId: w.slots[1].id,
    });
    expect([passed.status, passed.body.code]).toEqual([409, 'EVENT_DEPARTURE_SLOT_PASSED']);
    const list = await as('coord').get('/day/check-in');
    expect(list.body.employersPresent).toBe(2);
    // a departure noted by mistake is undone by checking the employer in again
    const back = await employerPresence('coord', 1, 'present');
    expect(back.body).toMatchObject({ leftAt: null, leftFromSlotPosition: null });
  });

  it('registers a walk-in of the CIP’s SIAE: accepted and present at once, counted in the SIAE’s places', async () => {
    const candidateId = await walkInCandidate(w, 'Sur Place 1');
    const res = await as('cipA').post('/day/walk-ins', { candidateId, maxInterviews: 2 });
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    expect(res.body).toMatchObject({ pseudonym: 'Sur Place 1', walkIn: true, presence: 'present' });
    const [row] = await t.dataSource.query(
      `SELECT status, walk_in, checked_in_at IS NOT NULL AS here FROM event_registration WHERE id = $1`,
      [res.body.registrationId],
    );
    expect(row).toEqual({ status: 'accepted', walk_in: true, here: true });
    const again = await as('cipA').post('/day/walk-ins', { candidateId, maxInterviews: 2 });
    expect([again.status, again.body.code]).toEqual([409, 'EVENT_ALREADY_REGISTERED']);
    const [quota] = await t.dataSource.query(
      `SELECT places, used FROM event_siae_quota WHERE event_id = $1 AND siae_id = $2`,
      [w.eventId, w.siaes.A.id],
    );
    expect(quota).toEqual({ places: 5, used: 5 });
  });

  it('refuses a walk-in beyond the SIAE’s places until the organisers grant more; racers get one place each', async () => {
    const ids = [await walkInCandidate(w, 'Sur Place 2'), await walkInCandidate(w, 'Sur Place 3')];
    const full = await as('cipA').post('/day/walk-ins', { candidateId: ids[0], maxInterviews: 2 });
    expect([full.status, full.body.code]).toEqual([409, 'EVENT_SIAE_QUOTA_FULL']);
    expect(full.body.message).toMatch(/5 place\(s\)/);
    const notCip = await as('cipA').post('/day/extra-places', { siaeId: w.siaes.A.id, places: 1 });
    expect([notCip.status, notCip.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
    const granted = await as('coord').post('/day/extra-places', { siaeId: w.siaes.A.id, places: 1 });
    expect(granted.status).toBe(201);
    expect(granted.body.quotas.find((q: { siaeId: string }) => q.siaeId === w.siaes.A.id)).toMatchObject({
      places: 6,
      used: 5,
    });
    // two CIP taps for the one extra place at once: exactly one gets it
    const results = await withWriteBarrier(t.config.DATABASE_URL, 'event_siae_quota', 2, () =>
      Promise.all(
        ids.map((candidateId) =>
          api()
            .post(`/api/events/${w.eventId}/day/walk-ins`)
            .set('authorization', w.auth('cipA'))
            .send({ candidateId, maxInterviews: 2 }),
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('EVENT_SIAE_QUOTA_FULL');
  });

  it('keeps walk-ins to the candidate’s own SIAE staff, and check-in to the organisers', async () => {
    const candidateId = await walkInCandidate(w, 'Sur Place 4');
    const otherSiae = await as('cipB').post('/day/walk-ins', { candidateId, maxInterviews: 2 });
    expect([otherSiae.status, otherSiae.body.code]).toEqual([404, 'CANDIDATE_NOT_FOUND']);
    const notCip = await as('devA').post('/day/walk-ins', { candidateId, maxInterviews: 2 });
    expect([notCip.status, notCip.body.code]).toEqual([403, 'EVENT_REGISTRATION_CIP_ONLY']);
    const cip = await candidatePresence('cipA', 2, 'present');
    expect([cip.status, cip.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
    const outsider = await candidatePresence('coordX', 2, 'present');
    expect([outsider.status, outsider.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
    const bad = await as('coord').put(`/day/candidates/${w.candidates[2].registrationId}/presence`, {
      presence: 'maybe',
      extra: 1,
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
