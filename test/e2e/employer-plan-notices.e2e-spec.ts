import { EmployerPlanNoticesService } from '../../src/modules/events/agendas/plan-notices/employer-plan-notices.service';
import { PublicationService } from '../../src/modules/events/planning/publication.service';
import { FixedClock } from '../../src/platform/clock/clock';
import { OutboxService } from '../../src/platform/queue/outbox.service';
import { parseAgenda, type ParsedCalendar } from '../support/agenda-ics';
import { buildDayWorld, type DayWorld } from '../support/day-world';
import type { ReceivedMail } from '../support/smtp';
import { TestApp } from '../support/test-app';

/**
 * The employers' side of a change of the plan (`events.plan.employers-notify`, events/agendas): at publication each
 * confirmed employer's notice, received by the test SMTP server, carries its agenda as `agenda.ics` (text/calendar,
 * PUBLISH), which ical.js parses: Europe/Paris, one VEVENT per meeting of that employer, pseudonyms and no identity.
 * After a re-planning from the next slot (a no-show), the new notice's file has the change: the no-show's meetings
 * CANCELLED with a higher SEQUENCE, the places refilled. A job delivered again sends nothing.
 */
describe('events: employers told of their planning, with their agenda as ICS', () => {
  const clock = new FixedClock(new Date('2027-03-12T07:30:00Z'));
  let t: TestApp;
  let w: DayWorld;
  const emails = new Map<string, string>();
  const published = new Map<string, ParsedCalendar>();
  let identities: Array<{ last_name: string; email: string; phone: string; id: string }>;
  const coord = {
    put: (path: string, body: object) =>
      t.http().put(`/api/events/${w.eventId}${path}`).set('authorization', w.auth('coord')).send(body),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/events/${w.eventId}${path}`).set('authorization', w.auth('coord')).send(body),
  };
  const mailsTo = (email: string, subject: RegExp) =>
    t.smtp.received.filter((m) => m.to.includes(email) && subject.test(m.subject));
  // The meetings an employer's agenda shows (announced once, or held / missed), as the agendas' own rule says.
  const visibleOf = async (invitationId: string): Promise<Array<{ id: string; status: string; sequence: number }>> =>
    t.dataSource.query(
      `SELECT id, status, sequence FROM event_meeting WHERE invitation_id = $1
          AND (announced_at IS NOT NULL OR status IN ('done', 'no_show')) ORDER BY id`,
      [invitationId],
    );
  // As a word: the fixtures' last name "Nom<tag>" is inside the first name "Prénom<tag>" of the same person.
  const asWord = (value: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
  const icsOf = (mail: ReceivedMail) => {
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.params.method])).toEqual([
      ['agenda.ics', 'text/calendar', 'PUBLISH'],
    ]);
    const text = mail.attachments[0].content;
    for (const who of identities)
      for (const value of [who.last_name, who.email, who.phone, who.id])
        expect([value, asWord(value).test(text)]).toEqual([value, false]);
    const calendar = parseAgenda(text);
    expect([calendar.method, calendar.timezones]).toEqual(['PUBLISH', ['Europe/Paris']]);
    for (const e of calendar.events) expect([e.uid, e.tzid]).toEqual([e.uid, 'Europe/Paris']);
    return calendar;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildDayWorld(t, {
      employers: ['Propreté Rhône Services', 'Logistique du Confluent', 'Restaurant Le Tablier'],
      candidates: 5,
    });
    for (const e of w.employers) {
      const [{ email }] = await t.dataSource.query(
        `SELECT c.email FROM event_invitation i JOIN company_contact c ON c.id = i.contact_id WHERE i.id = $1`,
        [e.invitationId],
      );
      emails.set(e.invitationId, email);
    }
    identities = await t.dataSource.query(
      `SELECT c.id, c.last_name, c.email, c.phone FROM candidate c
         JOIN event_registration r ON r.candidate_id = c.id WHERE r.event_id = $1`,
      [w.eventId],
    );
    expect(identities.length).toBe(5);
    expect((await coord.post('/transitions', { to: 'planning' })).status).toBe(201);
    expect((await coord.post('/planning-runs', { timeLimitSeconds: 10 })).status).toBe(202);
    await t.drainQueues(60_000);
  }, 240_000);
  afterAll(() => t.close());

  it('at publication: each confirmed employer’s notice carries its agenda, one VEVENT per meeting, pseudonyms only', async () => {
    const res = await coord.post('/transitions', { to: 'published' });
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    await t.drainQueues(60_000);
    const confirmed: Array<{ id: string }> = await t.dataSource.query(
      `SELECT id FROM event_invitation WHERE event_id = $1 AND status = 'confirmed'`,
      [w.eventId],
    );
    expect(confirmed.map((i) => i.id).sort()).toEqual(w.employers.map((e) => e.invitationId).sort());
    for (const e of w.employers) {
      const mails = mailsTo(emails.get(e.invitationId)!, /^Votre planning/);
      expect([e.name, mails.length]).toEqual([e.name, 1]);
      const visible = await visibleOf(e.invitationId);
      expect(visible.length).toBeGreaterThan(0);
      // what employers already received: their meetings listed, their link
      expect(mails[0].text.match(/ · table \d+ · /g)).toHaveLength(visible.length);
      expect(mails[0].text).toMatch(/\/lien\/[A-Za-z0-9_-]{43}/);
      const calendar = icsOf(mails[0]);
      expect(calendar.events.map((v) => [v.uid, v.status, v.sequence]).sort()).toEqual(
        visible.map((m) => [m.id, 'CONFIRMED', m.sequence]).sort(),
      );
      // the scan above can fail: the pseudonyms it must not replace are there
      for (const v of calendar.events) expect(v.summary).toMatch(/^Entretien avec Candidate \d \(table \d+\)$/);
      published.set(e.invitationId, calendar);
    }
  });

  it('after a re-planning, the new notice’s ICS has the change: the no-show’s meetings CANCELLED, a higher SEQUENCE', async () => {
    // the no-show: a candidate with a meeting to come (after slot 1), so that the re-planning has one to cancel
    const [{ registration_id: absent }]: Array<{ registration_id: string }> = await t.dataSource.query(
      `SELECT m.registration_id FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id
        WHERE m.event_id = $1 AND s.position >= 2 AND m.status = 'announced' ORDER BY m.registration_id LIMIT 1`,
      [w.eventId],
    );
    for (const c of w.candidates.filter((x) => x.registrationId !== absent))
      expect((await coord.put(`/day/candidates/${c.registrationId}/presence`, { presence: 'present' })).status).toBe(
        200,
      );
    expect((await coord.put(`/day/candidates/${absent}/presence`, { presence: 'absent' })).status).toBe(200);
    clock.set(new Date(new Date(w.slots[0].startsAt).getTime() + 5 * 60_000)); // slot 1 in progress
    const res = await coord.post('/day/replanning');
    expect([res.status, res.body.code]).toEqual([202, undefined]);
    await t.drainQueues(60_000);
    const cancelled: Array<{ id: string; invitation_id: string; sequence: number }> = await t.dataSource.query(
      `SELECT id, invitation_id, sequence FROM event_meeting WHERE registration_id = $1 AND status = 'cancelled'`,
      [absent],
    );
    expect(cancelled.length).toBeGreaterThan(0);
    let told = 0;
    for (const e of w.employers) {
      const mails = mailsTo(emails.get(e.invitationId)!, /^Planning modifié/);
      const mine = cancelled.filter((m) => m.invitation_id === e.invitationId);
      if (mine.length > 0) expect([e.name, mails.length]).toEqual([e.name, 1]);
      if (mails.length === 0) continue;
      told++;
      expect(mails).toHaveLength(1);
      const calendar = icsOf(mails[0]);
      const visible = await visibleOf(e.invitationId);
      expect(calendar.events.map((v) => [v.uid, v.status, v.sequence]).sort()).toEqual(
        visible.map((m) => [m.id, m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED', m.sequence]).sort(),
      );
      const before = published.get(e.invitationId)!;
      for (const m of mine) {
        const was = before.events.find((v) => v.uid === m.id)!;
        const now = calendar.events.find((v) => v.uid === m.id)!;
        expect([was.status, now.status, now.sequence > was.sequence]).toEqual(['CONFIRMED', 'CANCELLED', true]);
      }
    }
    expect(told).toBeGreaterThan(0);
  });

  it('a job delivered again sends nothing more', async () => {
    const notices: Array<{ id: string; change: 'published' | 'replanned' }> = await t.dataSource.query(
      `SELECT n.id, n.change FROM event_plan_notice n JOIN outbox_message o ON o.id = n.id
        WHERE n.event_id = $1 AND o.job_name = 'events.plan.employers-notify'`,
      [w.eventId],
    );
    expect(notices.map((n) => n.change).sort()).toEqual(['published', 'replanned']);
    const before = t.smtp.received.length;
    const meetingIds = (await t.dataSource.query(`SELECT id FROM event_meeting WHERE event_id = $1`, [w.eventId])).map(
      (m: { id: string }) => m.id,
    );
    const service = t.get(EmployerPlanNoticesService);
    for (const n of notices)
      expect(await service.notify(n.id, { v: 1, eventId: w.eventId, change: n.change, meetingIds })).toBe('skipped');
    await t.drainQueues(60_000);
    expect(t.smtp.received.length).toBe(before);
  });

  it('an events.plan.notify queued before the split (v: 1) still tells the employers, with their ICS, once', async () => {
    const e = w.employers[0];
    const [meeting] = await visibleOf(e.invitationId);
    const email = emails.get(e.invitationId)!;
    const before = mailsTo(email, /^Planning modifié/).length;
    const handedOn = async () =>
      (
        (await t.dataSource.query(
          `SELECT payload FROM outbox_message WHERE job_name = 'events.plan.employers-notify' ORDER BY created_at, id`,
        )) as Array<{ payload: { meetingIds: string[] } }>
      ).map((o) => o.payload.meetingIds);
    const handedBefore = await handedOn();
    const jobId = await t.dataSource.transaction((manager) =>
      t.get(OutboxService).enqueue(manager, 'events.plan.notify', {
        v: 1,
        eventId: w.eventId,
        change: 'replanned',
        meetingIds: [meeting.id],
      }),
    );
    await t.drainQueues(60_000);
    const mails = mailsTo(email, /^Planning modifié/);
    expect(mails).toHaveLength(before + 1);
    expect(icsOf(mails[mails.length - 1]).events.map((v) => v.uid)).toContain(meeting.id);
    expect(await handedOn()).toEqual([...handedBefore, [meeting.id]]);
    const again = await t.get(PublicationService).notify(jobId, {
      v: 1,
      eventId: w.eventId,
      change: 'replanned',
      meetingIds: [meeting.id],
    });
    await t.drainQueues(60_000);
    expect([again, mailsTo(email, /^Planning modifié/).length]).toEqual(['skipped', before + 1]);
    expect(await handedOn()).toHaveLength(handedBefore.length + 1);
  });
});
