import { FixedClock } from '../../src/platform/clock/clock';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';

/**
 * Meeting employers is what the `employers` consent covers: a candidate whose consent was withdrawn after her
 * registration was accepted is not planned, and a re-planning after publication cancels her announced meetings
 * (the people concerned are told through the usual re-planning notices). The others keep theirs.
 */
describe('events planning: the employers consent is read at every run', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: PlanningWorld;
  type Row = { id: string; registration_id: string; status: string; slot_id: string; table_number: number };
  const as = (who: string) => ({
    get: (path: string) => t.http().get(`/api${path}`).set('authorization', w.auth(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api${path}`).set('authorization', w.auth(who)).send(body),
  });
  const meetings = (): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT id, registration_id, status, slot_id, table_number FROM event_meeting WHERE event_id = $1`,
      [w.eventId],
    );
  const liveOf = async (registrationId: string) =>
    (await meetings()).filter(
      (m) => m.registration_id === registrationId && ['planned', 'announced', 'done'].includes(m.status),
    );
  const run = async () => {
    const res = await as('coord').post(`/events/${w.eventId}/planning-runs`);
    expect(res.status).toBe(202);
    await t.drainQueues(60_000);
    const stored = (await as('coord').get(`/events/${w.eventId}/planning-runs/${res.body.id}`)).body;
    expect(stored.status).toBe('succeeded');
    return stored;
  };
  const withdrawEmployersConsent = async (registration: PlanningWorld['registrations'][number]) => {
    const [{ id }] = await t.dataSource.query(
      `SELECT id FROM candidate_consent WHERE candidate_id = $1 AND scope = 'employers' AND withdrawn_at IS NULL`,
      [registration.candidateId],
    );
    const cip = `cip${registration.siae}`;
    const res = await as(cip).post(`/candidates/${registration.candidateId}/consents/${id}/withdraw`);
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildPlanningWorld(t, { employers: 2, candidates: 4, maxInterviews: 2 });
  }, 300_000);
  afterAll(() => t.close());

  it('leaves out a candidate whose employers consent was withdrawn after her registration was accepted', async () => {
    const [gone, ...others] = w.registrations;
    await withdrawEmployersConsent(gone);
    const stored = await run();
    expect(stored.stats).toMatchObject({ candidates: 3 });
    expect(await liveOf(gone.id)).toEqual([]);
    for (const r of others) expect((await liveOf(r.id)).length).toBeGreaterThan(0);
  });

  it('after publication, a withdrawal cancels her announced meetings at the next run; the others stay where they are', async () => {
    const published = await as('coord').post(`/events/${w.eventId}/plan/publication`);
    expect(published.status).toBe(201);
    const [, leaving, ...staying] = w.registrations;
    const hers = await liveOf(leaving.id);
    expect(hers.length).toBeGreaterThan(0);
    const kept = (await Promise.all(staying.map((r) => liveOf(r.id)))).flat();
    await withdrawEmployersConsent(leaving);
    await run();
    const after = await meetings();
    for (const m of hers) expect(after.find((x) => x.id === m.id)?.status).toBe('cancelled');
    for (const m of kept)
      expect(after.find((x) => x.id === m.id)).toMatchObject({
        status: 'announced',
        slot_id: m.slot_id,
        table_number: m.table_number,
      });
  });
});
