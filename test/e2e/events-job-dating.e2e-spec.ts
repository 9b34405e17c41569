import { InvitationsService } from '../../src/modules/events/invitations/invitations.service';
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
 * A job dating through the API and the test SMTP server: invitations (the mail, its link, the solicitation budget, the
 * relaunch), an employer's registration (cells, needs, idempotency, a lost race), declining with a pause, CIPs
 * registering within their SIAE's places with a waitlist, the employer's view of profiles and its requests, a consent
 * withdrawn hiding a profile at once, and misused links.
 */
describe('job dating: invitations, employer registration, candidates, employer choices', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: EventWorld;
  let cf: CandidateFixtures;
  let eventId: string;
  let slots: Array<{ id: string; position: number }>;
  const companies: Record<string, { id: string; companyId: string }> = {};
  const tokens: Record<string, string> = {};

  const api = () => t.http();
  const employer = (name: string) => ({
    get: async (path: string) =>
      api()
        .get(`/api/employer/event${path}`)
        .set(await employerHeaders(t, tokens[name])),
    put: async (path: string, body: object, key?: string) => {
      const req = api()
        .put(`/api/employer/event${path}`)
        .set(await employerHeaders(t, tokens[name]));
      return (key ? req.set('idempotency-key', key) : req).send(body);
    },
    post: async (path: string, body: object) =>
      api()
        .post(`/api/employer/event${path}`)
        .set(await employerHeaders(t, tokens[name]))
        .send(body),
  });
  const invite = (company: string, body: object = {}, event = eventId) =>
    api()
      .post(`/api/events/${event}/invitations`)
      .set('authorization', w.auth('coord'))
      .send({ pooledCompanyId: companies[company].id, ...body });

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildEventWorld(t);
    cf = new CandidateFixtures(t, w.f);
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { tableCount: 2, defaultSiaeQuota: 2 }));
    eventId = created.body.id;
    slots = created.body.slots;
    await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to: 'open' });
    for (const [key, name] of [
      ['propre', 'Propreté Rhône Services'],
      ['logi', 'Logistique du Confluent'],
      ['resto', 'Restaurant Le Tablier'],
    ])
      companies[key] = await pooledCompany(w, name, `rh@${key}.exemple.fr`);
    // one solicitation a week per company (the collective's budget)
    const budget = await api()
      .put(`/api/collectives/${w.collective.id}/solicitation-budget`)
      .set('authorization', w.auth('coord'))
      .send({ default: { maxPer30Days: 4, maxPer7Days: 1 } });
    expect(budget.status).toBe(200);
  }, 180_000);
  afterAll(() => t.close());

  it('sends the invitation by mail through the outbox, and its link opens the employer’s side of the event', async () => {
    const res = await invite('propre');
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    expect(res.body).toMatchObject({
      status: 'sent',
      companyName: 'Propreté Rhône Services',
      budget: { last7Days: 1 },
    });
    await t.drainQueues();
    const mail = await t.smtp.waitFor('rh@propre.exemple.fr');
    expect(mail.subject).toMatch(/vous invite/);
    tokens.propre = tokenInMail(mail.text);
    const view = await employer('propre').get('');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ companyName: 'Propreté Rhône Services', status: 'sent', tableCount: 2 });
    expect(view.body.free).toHaveLength(6);
    // The platform link is the one copy of the link: a keyed hash, never the token.
    const stored = await t.dataSource.query(
      `SELECT token_hash FROM employer_link WHERE kind = 'event_company' AND scope->>'pooledCompanyId' = $1`,
      [companies.propre.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(tokens.propre);
    const columns = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'event_invitation' AND column_name IN ('token_hash', 'token_expires_at', 'revoked_at')`,
    );
    expect(columns).toEqual([]);
    const solicitation = await t.dataSource.query(`SELECT kind FROM solicitation WHERE pooled_company_id = $1`, [
      companies.propre.id,
    ]);
    expect(solicitation).toEqual([{ kind: 'event_invitation' }]);
  });

  it('refuses an invitation beyond the company’s budget with its code; a coordinator’s override is audited', async () => {
    await t.dataSource.query(
      `INSERT INTO solicitation (pooled_company_id, collective_id, kind, occurred_at) VALUES ($1, $2, 'information', $3)`,
      [companies.resto.id, w.collective.id, clock.now()],
    );
    const refused = await invite('resto');
    expect([refused.status, refused.body.code]).toEqual([409, 'SOLICITATION_BUDGET_EXCEEDED']);
    expect(refused.body.message).toMatch(/limite du collectif : 1/);
    const mails = t.smtp.received.filter((m) => m.to.includes('rh@resto.exemple.fr'));
    expect(mails).toHaveLength(0);
    const forced = await invite('resto', { overrideReason: 'Entreprise partenaire historique du job dating' });
    expect(forced.status).toBe(201);
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'solicitation.override' AND subject_id = $1`,
      [companies.resto.id],
    );
    expect(audit[0].n).toBe(1);
    await t.drainQueues();
    tokens.resto = tokenInMail((await t.smtp.waitFor('rh@resto.exemple.fr')).text);
    const again = await invite('resto');
    expect([again.status, again.body.code]).toEqual([409, 'EVENT_INVITATION_EXISTS']);
  });

  it('books the employer’s cells with its needs; a repeated submit with the same key changes nothing', async () => {
    const body = {
      tables: 2,
      cells: [
        { slotId: slots[0].id, table: 1 },
        { slotId: slots[0].id, table: 2 },
        { slotId: slots[1].id, table: 1 },
      ],
      maxInterviews: 6,
      accommodations: ['beginner_french', 'no_driving_licence'],
      needs: [{ appellationCode: '10571', positions: 2, contractType: 'cdd' }],
    };
    const first = await employer('propre').put('/registration', body, 'submit-0001');
    expect([first.status, first.body.code]).toEqual([200, undefined]);
    expect(first.body).toMatchObject({ status: 'confirmed', tables: 2, maxInterviews: 6 });
    expect(first.body.booked).toHaveLength(3);
    expect(first.body.free).toHaveLength(3);
    expect(first.body.needs).toEqual([expect.objectContaining({ appellationCode: '10571', positions: 2 })]);
    const repeat = await employer('propre').put('/registration', body, 'submit-0001');
    expect(repeat.body).toEqual(first.body);
    const needs = await t.dataSource.query(`SELECT count(*)::int AS n FROM hiring_need WHERE company_id = $1`, [
      companies.propre.companyId,
    ]);
    expect(needs[0].n).toBe(1);
    const tooMany = await employer('propre').put('/registration', { ...body, tables: 1 });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'EVENT_TABLES_PER_SLOT_EXCEEDED']);
  });

  it('answers a lost race for a cell with a French 409 and the cells still free', async () => {
    const lost = await employer('resto').put('/registration', {
      tables: 1,
      cells: [
        { slotId: slots[2].id, table: 2 },
        { slotId: slots[0].id, table: 1 },
      ],
    });
    expect([lost.status, lost.body.code]).toEqual([409, 'EVENT_CELL_TAKEN']);
    expect(lost.body.message).toMatch(/vient d’être réservée par un autre employeur/);
    expect(lost.body.details.free).toHaveLength(3);
    // nothing of the submit was kept, not even the free cell it asked for
    const mine = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM event_booking b JOIN event_invitation i ON i.id = b.invitation_id WHERE i.pooled_company_id = $1`,
      [companies.resto.id],
    );
    expect(mine[0].n).toBe(0);
    const won = await employer('resto').put('/registration', {
      tables: 1,
      cells: [{ slotId: slots[2].id, table: 2 }],
    });
    expect(won.status).toBe(200);
  });

  it('relaunches an unanswered invitation once after the delay, however often the sweep runs', async () => {
    await invite('logi');
    await t.drainQueues();
    const first = await t.smtp.waitFor('rh@logi.exemple.fr');
    expect(first.subject).not.toMatch(/Relance/);
    const sweep = t.get(InvitationsService);
    expect(await sweep.enqueueDueRelaunches()).toBe(0);
    const before = clock.now();
    clock.advance((t.config.EVENT_INVITATION_RELAUNCH_HOURS + 1) * 3_600_000);
    await sweep.enqueueDueRelaunches();
    await sweep.enqueueDueRelaunches();
    await t.drainQueues();
    // back to the day of the other tests (sessions last hours, not days)
    clock.set(before);
    const relaunches = t.smtp.received.filter((m) => m.to.includes('rh@logi.exemple.fr') && /^Relance/.test(m.subject));
    expect(relaunches).toHaveLength(1);
    tokens.logi = tokenInMail(relaunches[0].text);
    // confirmed or declined invitations are never relaunched
    const others = t.smtp.received.filter((m) => /^Relance/.test(m.subject) && !m.to.includes('rh@logi.exemple.fr'));
    expect(others).toHaveLength(0);
  });

  it('lets the employer decline and ask for a pause, which becomes the pooled company’s pause', async () => {
    const tooFar = await employer('logi').post('/decline', { pauseUntil: '2030-01-01' });
    expect([tooFar.status, tooFar.body.code]).toEqual([400, 'EVENT_PAUSE_TOO_FAR']);
    const declined = await employer('logi').post('/decline', {
      reason: 'Pas de recrutement ce trimestre',
      pauseUntil: '2027-06-30',
    });
    expect(declined.status).toBe(201);
    expect(declined.body).toEqual({ status: 'declined', pausedUntil: '2027-06-30' });
    const [pooled] = await t.dataSource.query(
      `SELECT to_char(paused_until, 'YYYY-MM-DD') AS d FROM pooled_company WHERE id = $1`,
      [companies.logi.id],
    );
    expect(pooled.d).toBe('2027-06-30');
    const second = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { date: '2027-04-02' }));
    await api()
      .post(`/api/events/${second.body.id}/transitions`)
      .set('authorization', w.auth('coord'))
      .send({ to: 'open' });
    const paused = await invite('logi', {}, second.body.id);
    expect([paused.status, paused.body.code]).toEqual([409, 'COMPANY_PAUSED']);
  });

  describe('candidates', () => {
    let c: NewCandidate[];
    const register = (candidateId: string, extra: object = {}, who = 'cipA') =>
      api()
        .post(`/api/events/${eventId}/registrations`)
        .set('authorization', w.auth(who))
        .send({ candidateId, maxInterviews: 3, ...extra });
    const decide = (id: string, decision: string) =>
      api()
        .post(`/api/events/${eventId}/registrations/${id}/decision`)
        .set('authorization', w.auth('coord'))
        .send({ decision });
    const registrationOf = async (candidateId: string) =>
      (await api().get(`/api/events/${eventId}/registrations`).set('authorization', w.auth('coord'))).body.find(
        (r: { candidateId: string }) => r.candidateId === candidateId,
      );

    beforeAll(async () => {
      c = [];
      for (let i = 0; i < 4; i++) c.push(await cf.newCandidate(w.users.cipA, w.siaes.A.id));
      for (const candidate of c.slice(0, 3)) await cf.consent(w.users.cipA, candidate.id, 'employers');
    }, 60_000);

    it('registers consented candidates within the SIAE’s places, then on the waitlist', async () => {
      const noConsent = await register(c[3].id);
      expect([noConsent.status, noConsent.body.code]).toEqual([409, 'EVENT_NO_EMPLOYER_CONSENT']);
      const otherSiae = await register(c[0].id, {}, 'cipB');
      expect(otherSiae.status).toBe(404);
      expect((await register(c[0].id, { wishedEmployerIds: [] })).body.status).toBe('pending');
      expect((await register(c[1].id)).body.status).toBe('pending');
      const full = await register(c[2].id);
      expect([full.status, full.body.code]).toEqual([409, 'EVENT_SIAE_QUOTA_FULL']);
      expect(full.body.message).toMatch(/Les 2 place\(s\) de votre structure/);
      const waiting = await register(c[2].id, { joinWaitlist: true });
      expect([waiting.status, waiting.body.status]).toEqual([201, 'waitlisted']);
      const twice = await register(c[0].id);
      expect(twice.body.code).toBe('EVENT_ALREADY_REGISTERED');
    });

    it('lets organisers accept; a withdrawal promotes the SIAE’s first waitlisted candidate', async () => {
      const r0 = await registrationOf(c[0].id);
      const r1 = await registrationOf(c[1].id);
      expect((await decide(r0.id, 'accept')).body.status).toBe('accepted');
      expect((await decide(r1.id, 'accept')).body.status).toBe('accepted');
      const byCip = await decide(r0.id, 'decline').set('authorization', w.auth('cipA'));
      expect(byCip.body.code).toBe('EVENT_ORGANISER_ONLY');
      const withdrawn = await api()
        .post(`/api/events/${eventId}/registrations/${r1.id}/withdrawal`)
        .set('authorization', w.auth('cipA'));
      expect(withdrawn.body.status).toBe('withdrawn');
      const promoted = await registrationOf(c[2].id);
      expect(promoted.status).toBe('pending');
      expect((await decide(promoted.id, 'accept')).body.status).toBe('accepted');
      const event = await api().get(`/api/events/${eventId}`).set('authorization', w.auth('coord'));
      expect(event.body.quotas.find((q: { siaeId: string }) => q.siaeId === w.siaes.A.id)).toMatchObject({
        places: 2,
        used: 2,
        waitlisted: 0,
      });
    });

    it('shows the employer pseudonymised profiles with match reasons, never identity, and stores its requests', async () => {
      const res = await employer('propre').get('/profiles');
      expect(res.status).toBe(200);
      expect(res.body.map((p: { pseudonym: string }) => p.pseudonym).sort()).toHaveLength(2);
      const profile = res.body[0];
      expect(profile.matches[0]).toMatchObject({ appellation: expect.any(String), score: expect.any(Number) });
      expect(profile.matches[0].reasons.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.body);
      // (the pseudonym is the candidates module's: first name + initial, as partner SIAE see it; never the rest)
      for (const candidate of c) {
        for (const field of [
          candidate.lastName,
          candidate.email,
          candidate.phone,
          candidate.id,
          '1990-04-12',
          'rue des Tests',
        ])
          expect(text).not.toContain(field);
      }
      const saved = await employer('propre').put('/meeting-requests', {
        requests: res.body.map((p: { profileId: string }, i: number) => ({
          profileId: p.profileId,
          priority: i === 0,
        })),
      });
      expect(saved.body).toEqual({ requested: 2, priority: 1 });
      const stored = await t.dataSource.query(`SELECT priority FROM event_meeting_request ORDER BY priority DESC`);
      expect(stored).toEqual([{ priority: true }, { priority: false }]);
    });

    it('hides a profile from the employer at once when its consent is withdrawn', async () => {
      const [consent] = await t.dataSource.query(
        `SELECT id FROM candidate_consent WHERE candidate_id = $1 AND scope = 'employers' AND withdrawn_at IS NULL`,
        [c[0].id],
      );
      const before = (await employer('propre').get('/profiles')).body.length;
      const withdrawn = await api()
        .post(`/api/candidates/${c[0].id}/consents/${consent.id}/withdraw`)
        .set('authorization', w.auth('cipA'));
      expect(withdrawn.status).toBeLessThan(300);
      const after = await employer('propre').get('/profiles');
      expect(after.body).toHaveLength(before - 1);
      const r0 = await registrationOf(c[0].id);
      const request = await employer('propre').put('/meeting-requests', { requests: [{ profileId: r0.id }] });
      expect([request.status, request.body.code]).toEqual([400, 'EVENT_CANDIDATE_NOT_AVAILABLE']);
    });
  });

  it('refuses misused links without data: tampered, unknown, revoked', async () => {
    const tampered = tokens.resto.slice(0, -2) + (tokens.resto.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [tampered, 'x'.repeat(43), 'court']) {
      const res = await api().post('/api/employer-links/exchange').send({ token });
      expect([res.status, res.body.code, res.body.details]).toEqual([401, 'EMPLOYER_LINK_INVALID', undefined]);
      const none = await api().get('/api/employer/event');
      expect([none.status, none.body.code, none.body.details]).toEqual([401, 'EMPLOYER_SESSION_REQUIRED', undefined]);
    }
    const [inv] = await t.dataSource.query(`SELECT id FROM event_invitation WHERE pooled_company_id = $1`, [
      companies.resto.id,
    ]);
    const revoked = await api()
      .post(`/api/events/${eventId}/invitations/${inv.id}/revocation`)
      .set('authorization', w.auth('coord'));
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const after = await employer('resto').get('');
    // The session opened before the revocation ends with its link (platform/links), and the link opens no new one.
    expect([after.status, after.body.code]).toEqual([410, 'EMPLOYER_LINK_REVOKED']);
    const reopen = await api().post('/api/employer-links/exchange').send({ token: tokens.resto });
    expect([reopen.status, reopen.body.code]).toEqual([410, 'EMPLOYER_LINK_REVOKED']);
  });
});
