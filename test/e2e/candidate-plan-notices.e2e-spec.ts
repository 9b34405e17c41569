import { CandidatePlanNoticesService } from '../../src/modules/events/agendas/plan-notices/candidate-plan-notices.service';
import { FixedClock } from '../../src/platform/clock/clock';
import { tokenInMail } from '../support/event-world';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';

/**
 * The candidates' side of a change of the plan (`events.plan.candidates-notify`): at publication each candidate with
 * meetings gets one SMS and one e-mail with her meetings and a fresh link that opens her agenda; a job delivered twice
 * sends nothing more; an explicit cancellation tells her, the cancelled meeting marked; nobody else is written to.
 */
describe('events: candidates told of their planning', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: PlanningWorld;
  const contacts = new Map<string, { email: string }>();
  const as = (who: string) => ({
    get: (path: string) => t.http().get(`/api${path}`).set('authorization', w.auth(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api${path}`).set('authorization', w.auth(who)).send(body),
  });
  const announcedOf = async (registrationId: string): Promise<Array<{ id: string }>> =>
    t.dataSource.query(`SELECT id FROM event_meeting WHERE registration_id = $1 AND status = 'announced'`, [
      registrationId,
    ]);
  const mailsTo = (email: string, subject: RegExp) =>
    t.smtp.received.filter((m) => m.to.includes(email) && subject.test(m.subject));
  // A sent SMS keeps no number (sms_message.recipient is cleared): the link it carries says whose agenda it opens.
  const smsByRegistration = async (): Promise<Map<string, string[]>> => {
    const rows: Array<{ body: string }> = await t.dataSource.query(
      `SELECT body FROM sms_message WHERE template = 'event-plan-candidate' ORDER BY created_at, id`,
    );
    const byRegistration = new Map<string, string[]>();
    for (const { body } of rows) {
      const opened = await t.http().get(`/lien/${tokenInMail(body)}`);
      const registrationId = /^\/agenda\/(.+)$/.exec(String(opened.headers.location))?.[1] ?? 'unknown';
      byRegistration.set(registrationId, [...(byRegistration.get(registrationId) ?? []), body]);
    }
    return byRegistration;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildPlanningWorld(t, { employers: 2, candidates: 5, maxInterviews: 1 });
    for (const r of w.registrations) {
      const [c] = await t.dataSource.query(`SELECT email FROM candidate WHERE id = $1`, [r.candidateId]);
      contacts.set(r.id, c);
    }
    const run = await as('coord').post(`/events/${w.eventId}/planning-runs`);
    expect(run.status).toBe(202);
    await t.drainQueues(60_000);
  }, 300_000);
  afterAll(() => t.close());

  it('at publication: one SMS and one e-mail per candidate with meetings, her meetings listed, her link opening her agenda', async () => {
    expect(t.smtp.received.some((m) => /Votre planning/.test(m.subject) && m.to.includes('candidat-'))).toBe(false);
    const res = await as('coord').post(`/events/${w.eventId}/plan/publication`);
    expect(res.status).toBe(201);
    await t.drainQueues(60_000);
    let withMeetings = 0;
    const smsOf = await smsByRegistration();
    expect(smsOf.has('unknown')).toBe(false);
    for (const r of w.registrations) {
      const { email } = contacts.get(r.id)!;
      const meetings = await announcedOf(r.id);
      const mails = mailsTo(email, /^Votre planning/);
      const sms = smsOf.get(r.id) ?? [];
      if (meetings.length === 0) {
        expect([mails.length, sms.length]).toEqual([0, 0]);
        continue;
      }
      withMeetings++;
      expect([mails.length, sms.length]).toEqual([1, 1]);
      expect(mails[0].text.match(/ · table \d+ · Employeur \d+/g)).toHaveLength(meetings.length);
      expect(sms[0]).toMatch(/votre planning est pret\. Votre agenda : http\S+\/lien\//);
      const opened = await t.http().get(`/lien/${tokenInMail(mails[0].text)}`);
      expect([opened.status, opened.headers.location]).toEqual([303, `/agenda/${r.id}`]);
    }
    expect(withMeetings).toBeGreaterThan(0);
  });

  it('a job delivered again sends nothing more', async () => {
    const notices: Array<{ id: string; change: 'published' }> = await t.dataSource.query(
      `SELECT id, change FROM event_plan_notice WHERE event_id = $1`,
      [w.eventId],
    );
    const before = t.smtp.received.length;
    const [{ n: smsBefore }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM sms_message`);
    const service = t.get(CandidatePlanNoticesService);
    for (const notice of notices)
      expect(await service.notify(notice.id, { v: 1, eventId: w.eventId, change: notice.change, meetingIds: [] })).toBe(
        'skipped',
      );
    await t.drainQueues(60_000);
    const [{ n: smsAfter }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM sms_message`);
    expect([t.smtp.received.length, smsAfter]).toEqual([before, smsBefore]);
  });

  it('an explicit cancellation tells the candidate concerned, and her only, the meeting marked cancelled', async () => {
    const withMeetings = [];
    for (const r of w.registrations) if ((await announcedOf(r.id)).length > 0) withMeetings.push(r);
    const target = withMeetings[0];
    const [meeting] = await announcedOf(target.id);
    const others = w.registrations.filter((r) => r.id !== target.id);
    const res = await as('coord').post(`/events/${w.eventId}/meetings/${meeting.id}/cancellation`, {
      reason: 'Le poste est pourvu.',
    });
    expect(res.status).toBe(201);
    await t.drainQueues(60_000);
    const { email } = contacts.get(target.id)!;
    const mails = mailsTo(email, /^Planning modifié/);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(/ANNULÉE/);
    const smsOf = await smsByRegistration();
    const sms = smsOf.get(target.id) ?? [];
    expect(sms.map((body) => /un entretien a été annulé/.test(body) && /\(ANNULÉ\)/.test(body))).toEqual([false, true]);
    for (const r of others) {
      expect(mailsTo(contacts.get(r.id)!.email, /^Planning modifié/)).toEqual([]);
      expect((smsOf.get(r.id) ?? []).length).toBeLessThanOrEqual(1);
    }
  });
});
