import { ComputeEventPlan } from '../../src/modules/events/planning/compute-event-plan';
import { FixedClock } from '../../src/platform/clock/clock';
import { icsText, parseAgenda, tokenOfUrl, type ParsedCalendar } from '../support/agenda-ics';
import { employerHeaders } from '../support/event-world';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';

/**
 * Agendas of a published job dating (issue 15 §3), through the API: the organiser's grid, a CIP's candidates, the
 * candidate's own (personal link) and the employer's (event link), each as JSON and as ICS parsed back with ical.js.
 * The event: 2027-03-12, slots at 09:00, 09:20 and 09:40 in Lyon (CET, UTC+1), 3 employers, 6 candidates of A, B, C.
 */
describe('agendas: JSON and ICS for the organiser, CIPs, candidates and employers', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let pw: PlanningWorld;
  let meetings: Array<{ id: string; registration_id: string; invitation_id: string; sequence: number }>;
  const api = () => t.http();
  const coord = () => pw.auth('coord');
  const ics = async (path: string, headers: Record<string, string>): Promise<ParsedCalendar> =>
    parseAgenda(icsText(await api().get(path).set(headers)));
  const candidateLink = async (registrationId: string, siae: string) => {
    const res = await api()
      .post(`/api/events/${pw.eventId}/registrations/${registrationId}/agenda-link`)
      .set('authorization', pw.auth(`cip${siae}`));
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return tokenOfUrl(res.body.url as string);
  };
  const readMeetings = async () =>
    (meetings = await t.dataSource.query(
      `SELECT id, registration_id, invitation_id, sequence FROM event_meeting
        WHERE event_id = $1 AND status <> 'cancelled' ORDER BY id`,
      [pw.eventId],
    ));
  const plan = async () => {
    const run = await api()
      .post(`/api/events/${pw.eventId}/planning-runs`)
      .set('authorization', coord())
      .send({ timeLimitSeconds: 10 });
    expect([run.status, run.body.code]).toEqual([202, undefined]);
    await t.get(ComputeEventPlan).execute(run.body.id as string);
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    pw = await buildPlanningWorld(t, { employers: 3, candidates: 6 });
    await plan();
    const published = await api().post(`/api/events/${pw.eventId}/plan/publication`).set('authorization', coord());
    expect([published.status, published.body.code]).toEqual([201, undefined]);
    await readMeetings();
    expect(meetings.length).toBeGreaterThanOrEqual(6);
  }, 240_000);
  afterAll(() => t.close());

  it('the organiser’s grid: one row per table, one cell per slot, and every meeting in its ICS at Paris time', async () => {
    const grid = await api().get(`/api/events/${pw.eventId}/agendas/grid`).set('authorization', coord());
    expect([grid.status, grid.body.code]).toEqual([200, undefined]);
    expect(grid.body.slots.map((s: { id: string }) => s.id)).toEqual(pw.slots.map((s) => s.id));
    const placed = grid.body.tables.flatMap(
      (row: {
        tableNumber: number;
        cells: Array<{ slotId: string; meeting: { id: string; tableNumber: number } | null }>;
      }) => {
        expect(row.cells.map((c) => c.slotId)).toEqual(pw.slots.map((s) => s.id));
        return row.cells
          .filter((c) => c.meeting)
          .map((c) => (expect(c.meeting!.tableNumber).toBe(row.tableNumber), c.meeting!.id));
      },
    );
    expect(placed.sort()).toEqual(meetings.map((m) => m.id).sort());

    const cal = await ics(`/api/events/${pw.eventId}/agendas/grid.ics`, { authorization: coord() });
    expect(cal.method).toBe('PUBLISH');
    expect(cal.timezones).toEqual(['Europe/Paris']);
    expect(cal.events.map((e) => e.uid).sort()).toEqual(meetings.map((m) => m.id).sort());
    const slotOf = new Map<string, string>();
    for (const row of grid.body.tables) for (const c of row.cells) if (c.meeting) slotOf.set(c.meeting.id, c.slotId);
    for (const e of cal.events) {
      const slot = pw.slots.find((s) => s.id === slotOf.get(e.uid))!;
      expect(e.tzid).toBe('Europe/Paris');
      // 08:00Z, 08:20Z, 08:40Z are 09:00, 09:20, 09:40 in Lyon in March (CET)
      expect([e.start.toISOString(), e.end.toISOString()]).toEqual([slot.startsAt, slot.endsAt]);
      expect(e.localStart).toBe(['09:00', '09:20', '09:40'][slot.position - 1]);
      expect(e.location).toBe('12 rue du Dauphiné, Lyon');
      expect(e.description).toContain('Accès : Métro D, arrêt Grange Blanche');
      expect(e.sequence).toBe(meetings.find((m) => m.id === e.uid)!.sequence);
      expect(e.status).toBe('CONFIRMED');
    }
  });

  it('a CIP: the meetings of her SIAE’s candidates only (JSON and ICS); another SIAE’s candidate is refused', async () => {
    const ofA = pw.registrations.filter((r) => r.siae === 'A').map((r) => r.id);
    const res = await api().get(`/api/events/${pw.eventId}/agendas/siae`).set('authorization', pw.auth('cipA'));
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    const expected = meetings.filter((m) => ofA.includes(m.registration_id)).map((m) => m.id);
    expect(res.body.meetings.map((m: { id: string }) => m.id).sort()).toEqual(expected.sort());
    expect(res.body.meetings.every((m: { registrationId: string }) => ofA.includes(m.registrationId))).toBe(true);
    const cal = await ics(`/api/events/${pw.eventId}/agendas/siae.ics`, { authorization: pw.auth('cipA') });
    expect(cal.events.map((e) => e.uid).sort()).toEqual(expected.sort());

    const ofB = pw.registrations.find((r) => r.siae === 'B')!.id;
    const refused = await api()
      .get(`/api/events/${pw.eventId}/registrations/${ofB}/agenda`)
      .set('authorization', pw.auth('cipA'));
    expect([refused.status, refused.body.code]).toEqual([403, 'EVENT_REGISTRATION_CIP_ONLY']);
    const organiserOnly = await api()
      .get(`/api/events/${pw.eventId}/agendas/grid`)
      .set('authorization', pw.auth('cipA'));
    expect([organiserOnly.status, organiserOnly.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
  });

  it('the candidate, through the link her CIP gets: employer, table and times, the same in JSON and ICS', async () => {
    const registration = pw.registrations.find((r) => r.siae === 'A')!;
    const headers = await employerHeaders(t, await candidateLink(registration.id, 'A'));
    const res = await api().get(`/api/candidate-agenda/${registration.id}`).set(headers);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    const mine = meetings.filter((m) => m.registration_id === registration.id);
    expect(res.body.meetings.map((m: { id: string }) => m.id).sort()).toEqual(mine.map((m) => m.id).sort());
    const names = ['Employeur 0', 'Employeur 1', 'Employeur 2'];
    for (const m of res.body.meetings) expect(names).toContain(m.employer);
    expect(res.body.event).toMatchObject({ title: 'Job dating logistique', place: '12 rue du Dauphiné, Lyon' });
    const cal = await ics(`/api/candidate-agenda/${registration.id}/agenda.ics`, headers);
    expect(cal.timezones).toEqual(['Europe/Paris']);
    for (const m of res.body.meetings) {
      const e = cal.events.find((x) => x.uid === m.id)!;
      expect([e.start.toISOString(), e.summary]).toEqual([
        new Date(m.startsAt).toISOString(),
        `Entretien avec ${m.employer} (table ${m.tableNumber})`,
      ]);
    }
    // the page her link lands on: the same meetings, and the ICS as "Ajouter à mon agenda"
    const page = await api().get(`/agenda/${registration.id}`).set(headers);
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    for (const m of res.body.meetings) expect(page.text).toContain(m.employer);
    expect(page.text).toContain(`href="/api/candidate-agenda/${registration.id}/agenda.ics"`);
    expect(page.text).toContain('Ajouter à mon agenda');
    // her CIP reads the same agenda
    const byCip = await api()
      .get(`/api/events/${pw.eventId}/registrations/${registration.id}/agenda`)
      .set('authorization', pw.auth('cipA'));
    expect(byCip.body.meetings).toEqual(res.body.meetings);
  });

  it('the employer, through its event link: pseudonyms only, no part of any candidate’s identity', async () => {
    const employer = pw.employers[0];
    const headers = await employerHeaders(t, employer.token);
    const res = await api().get('/api/employer/event/agenda').set(headers);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    const its = meetings.filter((m) => m.invitation_id === employer.invitationId);
    expect(res.body.meetings.map((m: { id: string }) => m.id).sort()).toEqual(its.map((m) => m.id).sort());
    expect(res.body.company).toBe('Employeur 0');
    const text = icsText(await api().get('/api/employer/event/agenda.ics').set(headers));
    expect(
      parseAgenda(text)
        .events.map((e) => e.uid)
        .sort(),
    ).toEqual(its.map((m) => m.id).sort());
    // The identity held by the SIAE (the default pseudonym is the first name and an initial, by the profile's rule).
    const identities: Array<{ last_name: string; email: string; phone: string; address: string; id: string }> =
      await t.dataSource.query(
        `SELECT c.id, c.last_name, c.email, c.phone, c.address FROM candidate c
           JOIN event_registration r ON r.candidate_id = c.id WHERE r.event_id = $1`,
        [pw.eventId],
      );
    expect(identities).toHaveLength(6);
    const pseudonyms: Array<{ pseudonym: string }> = await t.dataSource.query(
      `SELECT p.pseudonym FROM candidate_profile p JOIN event_registration r ON r.candidate_id = p.candidate_id
        WHERE r.event_id = $1`,
      [pw.eventId],
    );
    for (const m of res.body.meetings) expect(pseudonyms.map((p) => p.pseudonym)).toContain(m.pseudonym);
    const bodies = `${JSON.stringify(res.body)}\n${text}`;
    // as a word: the fixtures' last name "Nom<tag>" is inside the first name "Prénom<tag>" of the same person
    const asWord = (value: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
    for (const who of identities)
      for (const value of [who.last_name, who.email, who.phone, who.address, who.id])
        expect([value, asWord(value).test(bodies)]).toEqual([value, false]);
    // the scan can fail: the pseudonyms it must find are there
    expect(res.body.meetings.length > 0 && asWord(res.body.meetings[0].pseudonym).test(bodies)).toBe(true);
  });

  it('a cancelled meeting stays in the ICS as CANCELLED with a higher SEQUENCE; a re-plan keeps every UID', async () => {
    const registration = pw.registrations.find((r) => meetings.filter((m) => m.registration_id === r.id).length > 0)!;
    const siae = registration.siae;
    const headers = await employerHeaders(t, await candidateLink(registration.id, siae));
    const path = `/api/candidate-agenda/${registration.id}/agenda.ics`;
    const before = await ics(path, headers);
    const target = before.events[0];
    const cancelled = await api()
      .post(`/api/events/${pw.eventId}/meetings/${target.uid}/cancellation`)
      .set('authorization', coord())
      .send({ reason: 'L’entreprise a réduit sa présence' });
    expect([cancelled.status, cancelled.body.code]).toEqual([201, undefined]);
    const after = await ics(path, headers);
    const gone = after.events.find((e) => e.uid === target.uid)!;
    expect([gone.status, gone.sequence > target.sequence]).toEqual(['CANCELLED', true]);
    for (const e of before.events.filter((x) => x.uid !== target.uid))
      expect(after.events.find((x) => x.uid === e.uid)).toMatchObject({ sequence: e.sequence, status: 'CONFIRMED' });

    // The organiser re-plans the published event: each pair keeps its meeting row, so its UID; moved ones get a
    // higher SEQUENCE, kept ones the same.
    const grid = async () => ics(`/api/events/${pw.eventId}/agendas/grid.ics`, { authorization: coord() });
    const beforePlan = await grid();
    await plan();
    const afterPlan = await grid();
    const pairs: Array<{ id: string; registration_id: string; invitation_id: string }> = await t.dataSource.query(
      `SELECT id, registration_id, invitation_id FROM event_meeting WHERE event_id = $1`,
      [pw.eventId],
    );
    expect(new Set(pairs.map((p) => `${p.registration_id}/${p.invitation_id}`)).size).toBe(pairs.length);
    for (const e of beforePlan.events) {
      const now = afterPlan.events.find((x) => x.uid === e.uid)!;
      expect(now).toBeDefined();
      expect(now.sequence).toBeGreaterThanOrEqual(e.sequence);
      if (now.start.getTime() !== e.start.getTime() || now.status !== e.status)
        expect(now.sequence).toBeGreaterThan(e.sequence);
    }
    expect(afterPlan.events.find((x) => x.uid === target.uid)).toMatchObject({ status: 'CANCELLED' });
    await readMeetings();
  });

  it('refuses a link misused — another registration’s, another kind’s, revoked, expired — with a code and no data', async () => {
    const [a1, a2] = pw.registrations.filter((r) => r.siae === 'A');
    const token = await candidateLink(a1.id, 'A');
    const headers = await employerHeaders(t, token);
    const noData = (body: Record<string, unknown>) => expect(Object.keys(body).sort()).toEqual(['code', 'message']);

    const other = await api().get(`/api/candidate-agenda/${a2.id}`).set(headers);
    expect([other.status, other.body.code]).toEqual([404, 'EMPLOYER_LINK_OUT_OF_SCOPE']);
    noData(other.body);
    const otherIcs = await api().get(`/api/candidate-agenda/${a2.id}/agenda.ics`).set(headers);
    expect([otherIcs.status, otherIcs.body.code]).toEqual([404, 'EMPLOYER_LINK_OUT_OF_SCOPE']);
    const asEmployer = await api().get('/api/employer/event/agenda').set(headers);
    expect([asEmployer.status, asEmployer.body.code]).toEqual([404, 'EMPLOYER_LINK_OUT_OF_SCOPE']);
    const employerOnCandidate = await api()
      .get(`/api/candidate-agenda/${a1.id}`)
      .set(await employerHeaders(t, pw.employers[0].token));
    expect([employerOnCandidate.status, employerOnCandidate.body.code]).toEqual([404, 'EMPLOYER_LINK_OUT_OF_SCOPE']);
    const anonymous = await api().get(`/api/candidate-agenda/${a1.id}`);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'EMPLOYER_SESSION_REQUIRED']);

    // revoked by her CIP: the open session and the link itself are refused
    const spare = await candidateLink(a2.id, 'A');
    const revoked = await api()
      .post(`/api/events/${pw.eventId}/registrations/${a1.id}/agenda-link/revocation`)
      .set('authorization', pw.auth('cipA'));
    expect([revoked.status, revoked.body.revoked >= 2]).toEqual([200, true]);
    const afterRevoke = await api().get(`/api/candidate-agenda/${a1.id}`).set(headers);
    expect([afterRevoke.status, afterRevoke.body.code]).toEqual([410, 'EMPLOYER_LINK_REVOKED']);
    noData(afterRevoke.body);
    const exchange = await api().post('/api/employer-links/exchange').send({ token });
    expect([exchange.status, exchange.body.code]).toEqual([410, 'EMPLOYER_LINK_REVOKED']);
    // a2's link was not touched
    const stillOk = await api()
      .get(`/api/candidate-agenda/${a2.id}`)
      .set(await employerHeaders(t, spare));
    expect(stillOk.status).toBe(200);

    // expired: the event's links end some days after its last slot
    clock.set(new Date('2027-06-01T09:00:00Z'));
    const expired = await api().post('/api/employer-links/exchange').send({ token: spare });
    expect([expired.status, expired.body.code]).toEqual([410, 'EMPLOYER_LINK_EXPIRED']);
    noData(expired.body);
    const tampered = await api()
      .post('/api/employer-links/exchange')
      .send({ token: `${spare.slice(0, 42)}${spare[42] === 'A' ? 'B' : 'A'}` });
    expect([tampered.status, tampered.body.code]).toEqual([401, 'EMPLOYER_LINK_INVALID']);
  });
});
