import { parseCsv, parseFrenchNumber } from '../../src/modules/reports/csv-writer';
import { REPORT_CSV_HEADER } from '../../src/modules/reports/report-csv';
import { FixedClock } from '../../src/platform/clock/clock';
import { CandidateFixtures, type NewCandidate } from '../support/candidate-fixtures';
import {
  buildEventWorld,
  employerHeaders,
  eventBody,
  pooledCompany,
  tokenInMail,
  type EventWorld,
} from '../support/event-world';
import { TestApp } from '../support/test-app';

/**
 * The whole job dating of issue 15, through the API, in the order of its acceptance bullet. Each step builds on the
 * previous ones (one event, one world); the steps that exist today are listed in the describe's title and in
 * src/modules/reports/README.md.
 */
describe('a whole job dating: event → invitations → bookings → registrations → requests → report (CSV parsed back)', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: EventWorld;
  let cf: CandidateFixtures;
  let eventId: string;
  let slots: Array<{ id: string; position: number }>;
  const companies: Record<string, { id: string; companyId: string }> = {};
  const tokens: Record<string, string> = {};
  const candidates: Record<string, NewCandidate> = {};
  const registrations: Record<string, string> = {};
  const api = () => t.http();
  const asEmployer = async (name: string) => employerHeaders(t, tokens[name]);

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildEventWorld(t);
    cf = new CandidateFixtures(t, w.f);
  }, 180_000);
  afterAll(() => t.close());

  it('1. event: created by the coordinator (3 slots × 3 tables) and opened', async () => {
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { tableCount: 3, defaultSiaeQuota: 3 }));
    expect([created.status, created.body.code]).toEqual([201, undefined]);
    eventId = created.body.id;
    slots = created.body.slots;
    expect(slots).toHaveLength(3);
    const opened = await api()
      .post(`/api/events/${eventId}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'open' });
    expect(opened.body.status).toBe('open');
  });

  it('2. invitations: three pooled companies invited, each mail carries its link', async () => {
    for (const [key, name] of [
      ['propre', 'Propreté Rhône Services'],
      ['logi', 'Logistique du Confluent'],
      ['resto', 'Restaurant Le Tablier'],
    ]) {
      companies[key] = await pooledCompany(w, name, `rh@${key}.exemple.fr`);
      const res = await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: companies[key].id });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
    }
    await t.drainQueues();
    for (const key of Object.keys(companies))
      tokens[key] = tokenInMail((await t.smtp.waitFor(`rh@${key}.exemple.fr`)).text);
  });

  it('3. bookings: each employer books its table for the three slots through its link', async () => {
    for (const [i, key] of ['propre', 'logi', 'resto'].entries()) {
      const res = await api()
        .put('/api/employer/event/registration')
        .set(await asEmployer(key))
        .send({ tables: 1, cells: slots.map((s) => ({ slotId: s.id, table: i + 1 })), maxInterviews: 3 });
      expect([res.status, res.body.code]).toEqual([200, undefined]);
      expect(res.body.booked).toHaveLength(3);
    }
  });

  it('4. registrations: CIPs of A, B and C register consented candidates; the coordinator accepts them', async () => {
    const plan: Array<[string, 'A' | 'B' | 'C']> = [
      ['a1', 'A'],
      ['a2', 'A'],
      ['b1', 'B'],
      ['b2', 'B'],
      ['c1', 'C'],
    ];
    for (const [key, siae] of plan) {
      const cip = w.users[`cip${siae}`];
      candidates[key] = await cf.newCandidate(cip, w.siaes[siae].id);
      await cf.consent(cip, candidates[key].id, 'employers');
      const res = await api()
        .post(`/api/events/${eventId}/registrations`)
        .set('authorization', w.auth(`cip${siae}`))
        .send({ candidateId: candidates[key].id, maxInterviews: 3 });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      registrations[key] = res.body.id;
      const decided = await api()
        .post(`/api/events/${eventId}/registrations/${res.body.id}/decision`)
        .set('authorization', w.auth('coord'))
        .send({ decision: 'accept' });
      expect(decided.body.status).toBe('accepted');
    }
  });

  it('5. requests: each employer asks to meet the profiles it sees (one priority)', async () => {
    for (const key of ['propre', 'logi', 'resto']) {
      const profiles = await api()
        .get('/api/employer/event/profiles')
        .set(await asEmployer(key));
      expect(profiles.status).toBe(200);
      expect(profiles.body).toHaveLength(5);
      const saved = await api()
        .put('/api/employer/event/meeting-requests')
        .set(await asEmployer(key))
        .send({
          requests: profiles.body
            .slice(0, 3)
            .map((p: { profileId: string }, i: number) => ({ profileId: p.profileId, priority: i === 0 })),
        });
      expect(saved.body).toEqual({ requested: 3, priority: 1 });
    }
  });

  it('report: the organisers’ figures as JSON, and the same figures in a CSV a French spreadsheet opens', async () => {
    const json = await api().get(`/api/events/${eventId}/report`).set('authorization', w.auth('coord'));
    expect([json.status, json.body.code]).toEqual([200, undefined]);
    expect(json.body.employers).toMatchObject({ invited: 3, confirmed: 3, declined: 0 });
    expect(json.body.candidates).toMatchObject({ registered: 5, accepted: 5 });
    expect(json.body.bySiae.map((s: { siaeName: string; registered: number }) => [s.siaeName, s.registered])).toEqual([
      ['SIAE A', 2],
      ['SIAE B', 2],
      ['SIAE C', 1],
    ]);

    const csv = await api()
      .get(`/api/events/${eventId}/report.csv`)
      .set('authorization', w.auth('coord'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual([...REPORT_CSV_HEADER]);
    const value = (section: string, label: string, siae = '') =>
      parseFrenchNumber(rows.find((r) => r[2] === section && r[3] === label && r[4] === siae)?.[5] ?? 'NaN');
    expect(
      rows.slice(1).every((r) => r.length === 6 && r[0] === 'Job dating logistique' && r[1] === '12/03/2027'),
    ).toBe(true);
    expect(value('Employeurs', 'Invités')).toBe(json.body.employers.invited);
    expect(value('Candidat·es', 'Accepté·es')).toBe(5);
    expect(value('Par structure', 'Inscrit·es', 'SIAE B')).toBe(2);
  });

  it('report: refused to a CIP who does not organise the event, 404 for another collective’s coordinator', async () => {
    const cip = await api().get(`/api/events/${eventId}/report`).set('authorization', w.auth('cipA'));
    expect([cip.status, cip.body.code]).toEqual([403, 'EVENT_ORGANISER_ONLY']);
    const other = await api().get(`/api/events/${eventId}/report.csv`).set('authorization', w.auth('coordX'));
    expect([other.status, other.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
  });

  it('collective report over a period: the event inside, totals; a period over a year is refused', async () => {
    const res = await api()
      .get(`/api/collectives/${w.collective.id}/report`)
      .query({ from: '2027-01-01', to: '2027-06-30' })
      .set('authorization', w.auth('coord'));
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    expect(res.body.events.map((e: { event: { id: string } }) => e.event.id)).toEqual([eventId]);
    expect(res.body.totals).toMatchObject({ events: 1, candidates: { accepted: 5 } });
    const outside = await api()
      .get(`/api/collectives/${w.collective.id}/report`)
      .query({ from: '2027-04-01', to: '2027-06-30' })
      .set('authorization', w.auth('coord'));
    expect(outside.body.events).toEqual([]);
    const tooLong = await api()
      .get(`/api/collectives/${w.collective.id}/report.csv`)
      .query({ from: '2026-01-01', to: '2027-06-30' })
      .set('authorization', w.auth('coord'));
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'REPORT_PERIOD_INVALID']);
    const member = await api()
      .get(`/api/collectives/${w.collective.id}/report`)
      .query({ from: '2027-01-01', to: '2027-06-30' })
      .set('authorization', w.auth('dirA'));
    expect([member.status, member.body.code]).toEqual([403, 'REPORT_COORDINATOR_ONLY']);
  });
});
