import { eventStatuses, eventTransitions } from '../../src/modules/events/events-vocabulary';
import { buildEventWorld, eventBody, type EventWorld } from '../support/event-world';
import { TestApp } from '../support/test-app';

/** Events through the API: creation with derived slots, the status machine, co-organisers, quotas. */
describe('events: creation, slots, status machine, co-organisers, quotas', () => {
  let t: TestApp;
  let w: EventWorld;
  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildEventWorld(t);
  }, 120_000);
  afterAll(() => t.close());

  const create = async (overrides: Record<string, unknown> = {}) => {
    const res = await t
      .http()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, overrides));
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return res.body;
  };
  const move = (id: string, to: string, who = 'coord') =>
    t.http().post(`/api/events/${id}/transitions`).set('authorization', w.auth(who)).send({ to });

  it('creates a draft with its slots derived from the windows, and opens it with a quota per member SIAE', async () => {
    const event = await create();
    expect(event.status).toBe('draft');
    expect(event.place).toEqual({
      address: '12 rue du Dauphiné',
      communeCode: '69123',
      communeName: expect.any(String),
      accessNotes: 'Métro D, arrêt Grange Blanche',
    });
    expect(event.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      '2027-03-12T08:00:00.000Z',
      '2027-03-12T08:20:00.000Z',
      '2027-03-12T08:40:00.000Z',
    ]);
    const stored = await t.dataSource.query(`SELECT count(*)::int AS n FROM event_slot WHERE event_id = $1`, [
      event.id,
    ]);
    expect(stored[0].n).toBe(3);
    const opened = await move(event.id, 'open');
    expect(opened.status).toBe(201);
    expect(opened.body.status).toBe('open');
    expect(opened.body.statusDates.openedAt).toEqual(expect.any(String));
    expect(opened.body.quotas.map((q: { siaeName: string; places: number }) => [q.siaeName, q.places])).toEqual([
      ['SIAE A', 5],
      ['SIAE B', 5],
      ['SIAE C', 5],
    ]);
    const audit = await t.dataSource.query(
      `SELECT context FROM audit_entry WHERE action = 'event.status' AND subject_id = $1`,
      [event.id],
    );
    expect(audit.map((a: { context: unknown }) => a.context)).toEqual([{ from: 'draft', to: 'open' }]);
  });

  it('refuses every move that is not allowed with 409 and its code, from every status', async () => {
    // walk one event through every status, trying every forbidden move at each step
    const path = ['draft', 'open', 'planning', 'published', 'running', 'closed'] as const;
    const event = await create();
    for (let i = 0; i < path.length; i++) {
      const from = path[i];
      for (const to of eventStatuses.filter((s) => !eventTransitions[from].includes(s))) {
        const res = await move(event.id, to);
        expect([from, to, res.status, res.body.code]).toEqual([from, to, 409, 'EVENT_TRANSITION_NOT_ALLOWED']);
        expect(res.body.message).toMatch(/ne peut pas passer/);
      }
      // publishing needs a computed plan (events/planning's hook): an empty computed run stands for it here
      if (path[i + 1] === 'published')
        await t.dataSource.query(
          `INSERT INTO event_planning_run (event_id, status, time_limit_seconds, plan, progress, is_current)
           VALUES ($1, 'succeeded', 5, '[]'::jsonb, 100, true)`,
          [event.id],
        );
      if (i + 1 < path.length) expect((await move(event.id, path[i + 1])).status).toBe(201);
    }
    const cancelled = await create();
    expect((await move(cancelled.id, 'cancelled')).status).toBe(201);
    for (const to of eventStatuses) expect((await move(cancelled.id, to)).status).toBe(409);
    const history = await t.dataSource.query(
      `SELECT from_status, to_status FROM event_status_change WHERE event_id = $1 ORDER BY changed_at, to_status`,
      [event.id],
    );
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual([...path]);
  });

  it('lets only organisers move an event; a co-organiser named among member staff can, an outsider learns nothing', async () => {
    const event = await create();
    expect((await move(event.id, 'open', 'cipA')).body.code).toBe('EVENT_ORGANISER_ONLY');
    expect((await move(event.id, 'open', 'coordX')).status).toBe(404);
    expect((await move(event.id, 'open', 'cipX')).status).toBe(404);
    const refused = await t
      .http()
      .post(`/api/events/${event.id}/organisers`)
      .set('authorization', w.auth('coord'))
      .send({ userId: w.users.cipX.id, siaeId: w.siaes.X.id });
    expect([refused.status, refused.body.code]).toEqual([400, 'EVENT_ORGANISER_NOT_MEMBER_STAFF']);
    const named = await t
      .http()
      .post(`/api/events/${event.id}/organisers`)
      .set('authorization', w.auth('coord'))
      .send({ userId: w.users.dirA.id, siaeId: w.siaes.A.id });
    expect(named.status).toBe(201);
    expect((await move(event.id, 'open', 'dirA')).status).toBe(201);
  });

  it('recomputes slots while a draft, refuses timing changes once open, and rejects bad windows in French', async () => {
    const event = await create();
    const patched = await t
      .http()
      .patch(`/api/events/${event.id}`)
      .set('authorization', w.auth('coord'))
      .send({ slotMinutes: 10, changeoverMinutes: 0 });
    expect(patched.body.slots).toHaveLength(6);
    const bad = await t
      .http()
      .patch(`/api/events/${event.id}`)
      .set('authorization', w.auth('coord'))
      .send({ timeWindows: [{ start: '11:00', end: '10:00' }] });
    expect([bad.status, bad.body.code]).toEqual([400, 'EVENT_WINDOWS_INVALID']);
    await move(event.id, 'open');
    const late = await t
      .http()
      .patch(`/api/events/${event.id}`)
      .set('authorization', w.auth('coord'))
      .send({ tableCount: 8 });
    expect([late.status, late.body.code]).toEqual([409, 'EVENT_NOT_EDITABLE']);
    const badInput = await t
      .http()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { slotMinutes: 500 }));
    expect(badInput.status).toBe(400);
    expect(JSON.stringify(badInput.body.details)).toMatch(/entre 5 et 120/);
  });

  it('moves unused places between SIAE (coordination only), never more than unused', async () => {
    const event = await create();
    await move(event.id, 'open');
    const moved = await t
      .http()
      .post(`/api/events/${event.id}/quota-moves`)
      .set('authorization', w.auth('coord'))
      .send({ fromSiaeId: w.siaes.A.id, toSiaeId: w.siaes.B.id, places: 3 });
    expect(moved.status).toBe(201);
    const places = Object.fromEntries(
      moved.body.quotas.map((q: { siaeName: string; places: number }) => [q.siaeName, q.places]),
    );
    expect(places).toEqual({ 'SIAE A': 2, 'SIAE B': 8, 'SIAE C': 5 });
    const tooMany = await t
      .http()
      .post(`/api/events/${event.id}/quota-moves`)
      .set('authorization', w.auth('coord'))
      .send({ fromSiaeId: w.siaes.A.id, toSiaeId: w.siaes.B.id, places: 3 });
    expect([tooMany.status, tooMany.body.code]).toEqual([409, 'EVENT_QUOTA_MOVE_TOO_LARGE']);
    const notCoord = await t
      .http()
      .post(`/api/events/${event.id}/quota-moves`)
      .set('authorization', w.auth('dirA'))
      .send({ fromSiaeId: w.siaes.A.id, toSiaeId: w.siaes.B.id, places: 1 });
    expect(notCoord.body.code).toBe('EVENT_COORDINATOR_ONLY');
  });
});
