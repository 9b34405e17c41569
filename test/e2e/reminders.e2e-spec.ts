import { RemindersService } from '../../src/modules/events/agendas/reminders/reminders.service';
import { ComputeEventPlan } from '../../src/modules/events/planning/compute-event-plan';
import { FixedClock } from '../../src/platform/clock/clock';
import { QueueName } from '../../src/platform/queue/job-catalogue';
import { JobRunner } from '../../src/platform/queue/job-runner.service';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { parseAgenda } from '../support/agenda-ics';
import { TestApp } from '../support/test-app';

/**
 * Reminders J-2 and J-1 of a published job dating (issue 15 §4), on real PostgreSQL, Redis and SMTP: the sweep run
 * twice, in a parallel hammer, and after an outage of the worker — exactly one dispatch per (person, kind); people
 * whose meetings were cancelled get nothing; the SMS log and the SMTP server count the messages. The event: 2027-03-12,
 * first slot 09:00 in Lyon (08:00Z), so J-2 is due from 2027-03-10T08:00Z and J-1 from 2027-03-11T08:00Z.
 */
describe('reminders J-2 / J-1: one per person and kind, whatever the sweeps', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let pw: PlanningWorld;
  let reminders: RemindersService;
  const api = () => t.http();
  /** The candidate whose every meeting the organiser cancels before J-2, and the one cancelled between claim and send. */
  let dropped: string;
  let late: string;
  let candidatesReminded: Array<{ id: string; email: string; phone: string }>;
  let employersReminded: Array<{ invitationId: string; email: string }>;

  /** Staff sessions expire too: after a jump of the clock, everybody signs in again. */
  const signInAgain = async () => {
    const fresh = new Map<string, string>();
    for (const [key, user] of Object.entries(pw.users)) fresh.set(key, await pw.f.tokenFor(user));
    pw.auth = (who) => `Bearer ${fresh.get(who)}`;
  };
  const cancelAll = async (registrationId: string) => {
    const ids: Array<{ id: string }> = await t.dataSource.query(
      `SELECT id FROM event_meeting WHERE registration_id = $1 AND status = 'announced'`,
      [registrationId],
    );
    expect(ids.length).toBeGreaterThan(0);
    for (const { id } of ids) {
      const res = await api()
        .post(`/api/events/${pw.eventId}/meetings/${id}/cancellation`)
        .set('authorization', pw.auth('coord'))
        .send({ reason: 'Empêchement' });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
    }
  };
  const dispatches = async () =>
    (await t.dataSource.query(
      `SELECT person_type, person_id, kind, status, skip_reason FROM reminder_dispatch WHERE event_id = $1
        ORDER BY kind, person_type, person_id`,
      [pw.eventId],
    )) as Array<{ person_type: string; person_id: string; kind: string; status: string; skip_reason: string | null }>;
  const reminderMails = (to: string, kind: 'j2' | 'j1') =>
    t.smtp.received.filter(
      (m) =>
        m.to.includes(to) &&
        m.subject.startsWith('Rappel') &&
        (kind === 'j2' ? /après-demain,/ : /(?<!-)demain,/).test(m.subject),
    ).length;
  const sms = async (registrationId: string) =>
    (await t.dataSource.query(
      `SELECT s.status, d.kind FROM reminder_dispatch d JOIN sms_message s ON s.id = d.sms_message_id
        WHERE d.person_id = $1 ORDER BY d.kind`,
      [registrationId],
    )) as Array<{ status: string; kind: string }>;

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true, config: { DATABASE_POOL_SIZE: 12 } });
    reminders = t.get(RemindersService);
    pw = await buildPlanningWorld(t, { employers: 3, candidates: 6 });
    const run = await api()
      .post(`/api/events/${pw.eventId}/planning-runs`)
      .set('authorization', pw.auth('coord'))
      .send({ timeLimitSeconds: 10 });
    await t.get(ComputeEventPlan).execute(run.body.id as string);
    const published = await api()
      .post(`/api/events/${pw.eventId}/plan/publication`)
      .set('authorization', pw.auth('coord'));
    expect([published.status, published.body.code]).toEqual([201, undefined]);
    [dropped, late] = pw.registrations.map((r) => r.id);
    await cancelAll(dropped);
    await t.drainQueues(60_000);
    candidatesReminded = await t.dataSource.query(
      `SELECT r.id, c.email, c.phone FROM event_registration r JOIN candidate c ON c.id = r.candidate_id
        WHERE r.event_id = $1 AND r.id <> $2 AND EXISTS (SELECT 1 FROM event_meeting m WHERE m.registration_id = r.id
          AND m.status = 'announced') ORDER BY r.id`,
      [pw.eventId, dropped],
    );
    employersReminded = pw.employers.map((e) => ({ invitationId: e.invitationId, email: e.email }));
    expect(candidatesReminded.length).toBeGreaterThanOrEqual(4);
  }, 240_000);
  afterAll(() => t.close());

  it('nothing is due before J-2', async () => {
    clock.set(new Date('2027-03-10T07:59:00Z'));
    expect(await reminders.enqueueDue()).toBe(0);
    expect(await dispatches()).toEqual([]);
  });

  it('J-2: six sweeps at once then one more claim each person once; a cancellation before sending is skipped', async () => {
    clock.set(new Date('2027-03-10T08:00:00Z'));
    await signInAgain();
    const people = candidatesReminded.length + employersReminded.length;
    const hammer = await Promise.all(Array.from({ length: 6 }, () => reminders.enqueueDue()));
    expect(hammer.reduce((a, b) => a + b, 0)).toBe(people);
    expect(await reminders.enqueueDue()).toBe(0);
    // the organiser cancels `late`'s meetings after the claim, before the job runs: re-read at send time
    await cancelAll(late);
    await t.drainQueues(60_000);
    expect(await reminders.enqueueDue()).toBe(0);
    const rows = await dispatches();
    expect(rows).toHaveLength(people);
    expect(rows.every((r) => r.kind === 'event_reminder_j2')).toBe(true);
    expect(rows.find((r) => r.person_id === dropped)).toBeUndefined();
    expect(rows.find((r) => r.person_id === late)).toMatchObject({
      status: 'skipped',
      skip_reason: 'meeting_cancelled',
    });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(people - 1);
    for (const c of candidatesReminded.filter((x) => x.id !== late)) {
      expect([c.id, reminderMails(c.email, 'j2')]).toEqual([c.id, 1]);
      expect(await sms(c.id)).toEqual([{ status: 'sent', kind: 'event_reminder_j2' }]);
    }
    for (const e of employersReminded) expect([e.email, reminderMails(e.email, 'j2')]).toEqual([e.email, 1]);
    for (const id of [dropped, late]) {
      const c = (
        await t.dataSource.query(
          `SELECT c.email FROM candidate c JOIN event_registration r ON r.candidate_id = c.id WHERE r.id = $1`,
          [id],
        )
      )[0];
      expect(
        t.smtp.received.filter((m) => m.to.includes(c.email as string) && m.subject.startsWith('Rappel')),
      ).toHaveLength(0);
      expect(await sms(id)).toEqual([]);
    }
    // the SMS carries a link that opens the candidate's agenda
    const [{ body }] = await t.dataSource.query(
      `SELECT s.body FROM reminder_dispatch d JOIN sms_message s ON s.id = d.sms_message_id WHERE d.person_id = $1`,
      [candidatesReminded.find((c) => c.id !== late)!.id],
    );
    expect(body).toMatch(/\/lien\/[A-Za-z0-9_-]{43}/);
  });

  it('J-1 after an outage: the worker down past J-1, then up — one J-1 each, the J-2 not sent again', async () => {
    const runner = t.get(JobRunner);
    await runner.onApplicationShutdown();
    clock.set(new Date('2027-03-11T10:30:00Z')); // J-1 due since 08:00Z; no sweep ran meanwhile
    const mailsBefore = t.smtp.received.length;
    runner.start(Object.values(QueueName), 2);
    const people = candidatesReminded.length - 1 + employersReminded.length;
    expect(await reminders.enqueueDue()).toBe(people);
    expect(await reminders.enqueueDue()).toBe(0);
    await t.drainQueues(60_000);
    const rows = await dispatches();
    const perKey = new Map<string, number>();
    for (const r of rows) perKey.set(`${r.person_id}/${r.kind}`, (perKey.get(`${r.person_id}/${r.kind}`) ?? 0) + 1);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(rows.filter((r) => r.kind === 'event_reminder_j1' && r.status === 'sent')).toHaveLength(people);
    expect(t.smtp.received.length - mailsBefore).toBe(
      candidatesReminded.filter((c) => c.id !== late).length + employersReminded.length,
    );
    for (const c of candidatesReminded.filter((x) => x.id !== late)) {
      expect([c.id, reminderMails(c.email, 'j1')]).toEqual([c.id, 1]);
      expect((await sms(c.id)).map((s) => [s.kind, s.status])).toEqual([
        ['event_reminder_j1', 'sent'],
        ['event_reminder_j2', 'sent'],
      ]);
    }
    for (const e of employersReminded) expect([e.email, reminderMails(e.email, 'j1')]).toEqual([e.email, 1]);
  });

  it('the employer’s reminder carries its agenda as ICS (PUBLISH, Europe/Paris): its meetings, pseudonyms only', async () => {
    const identities: Array<{ id: string; last_name: string; email: string; phone: string }> = await t.dataSource.query(
      `SELECT c.id, c.last_name, c.email, c.phone FROM candidate c
           JOIN event_registration r ON r.candidate_id = c.id WHERE r.event_id = $1`,
      [pw.eventId],
    );
    expect(identities.length).toBeGreaterThanOrEqual(6);
    const pseudonyms = (
      (await t.dataSource.query(
        `SELECT p.pseudonym FROM candidate_profile p JOIN event_registration r ON r.candidate_id = p.candidate_id
          WHERE r.event_id = $1`,
        [pw.eventId],
      )) as Array<{ pseudonym: string }>
    ).map((p) => p.pseudonym);
    // as a word: the fixtures' last name "Nom<tag>" is inside the first name "Prénom<tag>" of the same person
    const asWord = (value: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
    let cancelledSeen = 0;
    for (const e of employersReminded) {
      const mails = t.smtp.received.filter((m) => m.to.includes(e.email) && m.subject.startsWith('Rappel'));
      expect(mails).toHaveLength(2); // J-2 and J-1
      for (const mail of mails) {
        expect(mail.attachments.map((a) => [a.filename, a.contentType, a.params.method])).toEqual([
          ['agenda.ics', 'text/calendar', 'PUBLISH'],
        ]);
        const ics = mail.attachments[0].content;
        const calendar = parseAgenda(ics);
        expect([calendar.method, calendar.timezones]).toEqual(['PUBLISH', ['Europe/Paris']]);
        const visible: Array<{ id: string; status: string }> = await t.dataSource.query(
          `SELECT id, status FROM event_meeting WHERE invitation_id = $1
              AND (announced_at IS NOT NULL OR status IN ('done', 'no_show')) ORDER BY id`,
          [e.invitationId],
        );
        expect(visible.length).toBeGreaterThan(0);
        expect(calendar.events.map((v) => [v.uid, v.status, v.tzid]).sort()).toEqual(
          visible.map((m) => [m.id, m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED', 'Europe/Paris']).sort(),
        );
        cancelledSeen += calendar.events.filter((v) => v.status === 'CANCELLED').length;
        for (const who of identities)
          for (const value of [who.last_name, who.email, who.phone, who.id])
            expect([value, asWord(value).test(ics)]).toEqual([value, false]);
        // the scan can fail: the pseudonyms it must find are there
        expect(pseudonyms.some((p) => asWord(p).test(ics))).toBe(true);
      }
    }
    // `dropped` and `late` were cancelled after the publication: their meetings stay, cancelled, in the files
    expect(cancelledSeen).toBeGreaterThan(0);
  });

  it('claims nothing once the event has started, nor again before it', async () => {
    const before = (await dispatches()).length;
    clock.set(new Date('2027-03-12T08:00:00Z')); // the first slot starts
    expect(await reminders.enqueueDue()).toBe(0);
    clock.set(new Date('2027-03-11T23:00:00Z'));
    expect(await reminders.enqueueDue()).toBe(0);
    expect((await dispatches()).length).toBe(before);
  });

  it('the delivery log, for organisers only: one row per dispatch with its SMS and e-mail', async () => {
    await signInAgain();
    const log = await api().get(`/api/events/${pw.eventId}/reminders`).set('authorization', pw.auth('coord'));
    expect([log.status, log.body.code]).toEqual([200, undefined]);
    expect(log.body).toHaveLength((await dispatches()).length);
    const sentCandidate = log.body.find(
      (r: { personType: string; status: string }) => r.personType === 'candidate' && r.status === 'sent',
    );
    expect(sentCandidate).toMatchObject({
      sms: { status: 'sent', provider: 'log', encoding: 'GSM-7' },
      mail: { status: 'sent' },
    });
    expect(sentCandidate.sms.segments).toBeGreaterThanOrEqual(1);
    expect(sentCandidate.sms.to).toMatch(/^\d\d •• •• •• \d\d$/);
    expect(log.body.find((r: { personId: string }) => r.personId === late)).toMatchObject({
      status: 'skipped',
      skipReason: 'meeting_cancelled',
      sms: null,
      mail: null,
    });
    const cip = await api().get(`/api/events/${pw.eventId}/reminders`).set('authorization', pw.auth('cipA'));
    expect([cip.status, cip.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
  });
});
