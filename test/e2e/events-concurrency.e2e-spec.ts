import { eventCompanyLink } from '../../src/modules/events/booking/employer-link';
import { LinksService } from '../../src/platform/links/links.service';
import { CandidateFixtures } from '../support/candidate-fixtures';
import { buildEventWorld, employerHeaders, eventBody, type EventWorld } from '../support/event-world';
import { TestApp } from '../support/test-app';

/**
 * Races the database must settle, through HTTP: 200 employers booking the last 10 free (table, slot) cells at once, and
 * 50 CIP registrations racing for the last 3 places of an SIAE. No timing is asserted, only outcomes.
 */
describe('events under concurrency', () => {
  let t: TestApp;
  let w: EventWorld;

  beforeAll(async () => {
    t = await TestApp.create({ config: { DATABASE_POOL_SIZE: 10 } });
    w = await buildEventWorld(t);
  }, 180_000);
  afterAll(() => t.close());

  async function openEvent(overrides: Record<string, unknown>): Promise<{ id: string; slots: Array<{ id: string }> }> {
    const created = await t
      .http()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, overrides));
    await t
      .http()
      .post(`/api/events/${created.body.id}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'open' });
    return created.body;
  }

  /** `n` invitations of as many pooled companies, with their link tokens (written in SQL: the race is the subject). */
  async function employers(eventId: string, n: number): Promise<Array<{ id: string; token: string }>> {
    const [{ id: companyId }] = await t.dataSource.query(
      `INSERT INTO company (siae_id, name, commune_code) VALUES ($1, 'Employeur course', '69123') RETURNING id`,
      [w.siaes.A.id],
    );
    const pooled: Array<{ id: string }> = await t.dataSource.query(
      `INSERT INTO pooled_company (collective_id, display_name) SELECT $1, 'Employeur ' || i FROM generate_series(1, $2) i RETURNING id`,
      [w.collective.id, n],
    );
    const links = t.get(LinksService);
    const tokens: string[] = [];
    for (const p of pooled)
      tokens.push(
        (
          await links.issue(
            eventCompanyLink,
            { eventId, pooledCompanyId: p.id },
            new Date(Date.now() + 60 * 86_400_000),
          )
        ).token,
      );
    const rows: Array<{ id: string }> = await t.dataSource.query(
      `INSERT INTO event_invitation (event_id, pooled_company_id, company_id, status, sent_at, relaunch_due_at)
       SELECT $1, p, $2, 'sent', now(), now() + interval '3 days' FROM unnest($3::uuid[]) AS p RETURNING id`,
      [eventId, companyId, pooled.map((p) => p.id)],
    );
    return rows.map((r, i) => ({ id: r.id, token: tokens[i] }));
  }

  it('lets exactly 10 of 200 parallel bookings take the last 10 free cells; the others get a French 409', async () => {
    const event = await openEvent({ tableCount: 10, timeWindows: [{ start: '09:00', end: '10:40' }], slotMinutes: 15 });
    expect(event.slots).toHaveLength(5);
    const [filler, ...racers] = await employers(event.id, 201);
    // 40 of the 50 cells already taken: slots 1–4 full, slot 5 free
    await t.dataSource.query(
      `INSERT INTO event_booking (event_id, invitation_id, slot_id, table_number)
       SELECT $1, $2, s.id, tbl FROM event_slot s CROSS JOIN generate_series(1, 10) tbl WHERE s.event_id = $1 AND s.position <= 4`,
      [event.id, filler.id],
    );
    const last = event.slots[4].id;
    // Sessions opened first (one per employer, as each browser would): the race is on the booking only.
    const sessions: Array<Record<string, string>> = [];
    for (const r of racers) sessions.push(await employerHeaders(t, r.token));
    const responses = await Promise.all(
      racers.map((_, i) =>
        t
          .http()
          .put('/api/employer/event/registration')
          .set(sessions[i])
          .send({ tables: 1, cells: [{ slotId: last, table: (i % 10) + 1 }] }),
      ),
    );
    const byStatus = new Map<number, number>();
    for (const res of responses) byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 200: 10, 409: 190 });
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(res.body.code).toBe('EVENT_CELL_TAKEN');
      expect(res.body.message).toMatch(/vient d’être réservée par un autre employeur/);
    }
    const twice = await t.dataSource.query(
      `SELECT slot_id, table_number, count(*) FROM event_booking WHERE event_id = $1 GROUP BY 1, 2 HAVING count(*) > 1`,
      [event.id],
    );
    expect(twice).toEqual([]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM event_booking WHERE event_id = $1`, [
      event.id,
    ]);
    expect(n).toBe(50);
    const winners = await t.dataSource.query(
      `SELECT count(DISTINCT invitation_id)::int AS n FROM event_booking WHERE event_id = $1 AND slot_id = $2`,
      [event.id, last],
    );
    expect(winners[0].n).toBe(10);
  }, 120_000);

  it('gives the last 3 places of an SIAE to exactly 3 of 50 parallel registrations', async () => {
    const event = await openEvent({ defaultSiaeQuota: 3 });
    const cf = new CandidateFixtures(t, w.f);
    const candidates: string[] = [];
    for (let batch = 0; batch < 5; batch++)
      candidates.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => {
            const c = await cf.newCandidate(w.users.cipB, w.siaes.B.id);
            await cf.consent(w.users.cipB, c.id, 'employers');
            return c.id;
          }),
        )),
      );
    const responses = await Promise.all(
      candidates.map((candidateId) =>
        t
          .http()
          .post(`/api/events/${event.id}/registrations`)
          .set('authorization', w.auth('cipB'))
          .send({ candidateId, maxInterviews: 4 }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    for (const res of responses.filter((r) => r.status === 409)) expect(res.body.code).toBe('EVENT_SIAE_QUOTA_FULL');
    const [quota] = await t.dataSource.query(
      `SELECT places, used FROM event_siae_quota WHERE event_id = $1 AND siae_id = $2`,
      [event.id, w.siaes.B.id],
    );
    expect(quota).toEqual({ places: 3, used: 3 });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1 AND status IN ('pending', 'accepted')`,
      [event.id],
    );
    expect(n).toBe(3);
  }, 180_000);
});
