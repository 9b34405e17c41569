import { RemindersService } from '../../src/modules/events/agendas/reminders/reminders.service';
import { SMS_MAX_LENGTH } from '../../src/modules/notifications/sms/sms-body';
import { smsSegments } from '../../src/modules/notifications/sms/sms-encoding';
import { FixedClock } from '../../src/platform/clock/clock';
import { tokenInMail } from '../support/event-world';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';

/**
 * Every SMS within its bound (3 segments; `SMS_MAX_LENGTH`, the column's length, too), whoever writes it, and never
 * without its link: employers with long names (200 characters, the column's most) make the candidates' plan notices
 * and reminders J-2 longer than an SMS; each one sent is cut with a visible « ... » and its link still opens the
 * candidate's agenda. The names carry French typography and letters outside GSM (« Forêt — … »): spelt in GSM-7, the
 * messages stay 3 segments, not the 7 that 459 characters cost in UCS-2. The event: 2027-03-12, first slot 08:00Z, so
 * J-2 is due from 2027-03-10T08:00Z.
 */
describe('SMS: one bound for every caller, the link kept', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: PlanningWorld;

  const smsOf = async (template: string) =>
    (await t.dataSource.query(
      `SELECT body, encoding, segments FROM sms_message WHERE template = $1 ORDER BY created_at, id`,
      [template],
    )) as Array<{ body: string; encoding: string; segments: number }>;
  /** Each body fits, and its link opens the agenda of a registration of the event; returns how many were cut. */
  const expectWithinBoundAndLinked = async (bodies: Array<{ body: string; encoding: string; segments: number }>) => {
    const registrations = new Set(w.registrations.map((r) => r.id));
    for (const { body, encoding, segments } of bodies) {
      expect([...body].length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
      // spelt in GSM-7 (no « … », « — », « ê » left), billed what the row says, 3 segments at most
      expect(body).not.toMatch(/[…—«»ê]/);
      expect({ encoding, segments }).toEqual({ encoding: 'GSM-7', segments: smsSegments(body, 'GSM-7') });
      expect(segments).toBeLessThanOrEqual(3);
      const opened = await t.http().get(`/lien/${tokenInMail(body)}`);
      expect(opened.status).toBe(303);
      expect(registrations.has(/^\/agenda\/(.+)$/.exec(String(opened.headers.location))?.[1] ?? '')).toBe(true);
    }
    return bodies.filter(({ body }) => body.includes('...')).length;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildPlanningWorld(t, { employers: 3, candidates: 3 });
    await t.dataSource.query(
      `UPDATE pooled_company pc
          SET display_name = rpad('Entreprise « Forêt » — très long nom ' || i.id, 200, ' et associés')
         FROM event_invitation i WHERE i.pooled_company_id = pc.id AND i.event_id = $1`,
      [w.eventId],
    );
    const run = await t.http().post(`/api/events/${w.eventId}/planning-runs`).set('authorization', w.auth('coord'));
    expect(run.status).toBe(202);
    await t.drainQueues(60_000);
  }, 300_000);
  afterAll(() => t.close());

  it('plan notices: cut at the bound after their link', async () => {
    const res = await t.http().post(`/api/events/${w.eventId}/plan/publication`).set('authorization', w.auth('coord'));
    expect(res.status).toBe(201);
    await t.drainQueues(60_000);
    const bodies = await smsOf('event-plan-candidate');
    expect(bodies.length).toBeGreaterThan(0);
    expect(await expectWithinBoundAndLinked(bodies)).toBeGreaterThan(0);
  });

  it('reminders: cut at the bound before their link, which stays whole', async () => {
    clock.set(new Date('2027-03-10T08:00:00Z'));
    expect(await t.get(RemindersService).enqueueDue()).toBeGreaterThan(0);
    await t.drainQueues(60_000);
    const bodies = await smsOf('event-reminder-candidate');
    expect(bodies.length).toBeGreaterThan(0);
    expect(await expectWithinBoundAndLinked(bodies)).toBeGreaterThan(0);
    for (const { body } of bodies) expect(body).toMatch(/Votre agenda : http\S+\/lien\/[A-Za-z0-9_-]{43}$/);
  });

  it('the column refuses a longer text written past the service', async () => {
    await expect(
      t.dataSource.query(
        `INSERT INTO sms_message (recipient, recipient_masked, template, body, provider)
         VALUES ('0600000000', '06 •• •• •• 00', 'test', $1, 'log')`,
        ['x'.repeat(SMS_MAX_LENGTH + 1)],
      ),
    ).rejects.toThrow(/too long/);
  });
});
