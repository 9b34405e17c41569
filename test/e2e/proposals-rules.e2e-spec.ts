import { FixedClock } from '../../src/platform/clock/clock';
import {
  buildProposalWorld,
  companyWithNeed,
  freshEmployerSession,
  proposalToken,
  wideBudget,
  type CompanyWithNeed,
  type ProposalWorld,
} from '../support/proposal-world';
import type { NewCandidate } from '../support/candidate-fixtures';
import { rome } from '../support/candidate-fixtures';
import { TestApp } from '../support/test-app';

const DAY = 86_400_000;

/**
 * Issue 14's refusals: what a proposal needs (consent, a clean message, a single target, the budget, the company's
 * pause), every move outside the state machine (409 with a code), every misuse of the employer's link (tampered,
 * another proposal's, revoked, expired: refused without data), and the identity scan of the employer's JSON and pages
 * (no name, phone or e-mail before an interview was asked for — and after it only if the person agreed).
 */
describe('proposals: rules, tokens and identity', () => {
  const clock = new FixedClock(new Date('2027-04-06T08:00:00Z'));
  let t: TestApp;
  let w: ProposalWorld;
  let company: CompanyWithNeed;

  const api = () => t.http();
  const as = (who: string) => ({ authorization: w.auth(who) });
  /** A candidate of B whose pseudonym is an alias: her first name must not show either. */
  const aliasCandidate = async (consent = true): Promise<NewCandidate> => {
    const c = await w.cf.newCandidate(w.users.cipB, w.siaes.B.id, { profile: { pseudonym: 'Sam R.' } });
    if (consent) await w.cf.consent(w.users.cipB, c.id, 'employers');
    return c;
  };
  const propose = (who: string, body: object) => api().post('/api/proposals').set(as(who)).send(body);
  const proposeOk = async (body: object, who = 'cipB'): Promise<{ id: string; token: string }> => {
    const res = await propose(who, body);
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, token: await proposalToken(t, company.email) };
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock });
    w = await buildProposalWorld(t);
    await wideBudget(w);
    company = await companyWithNeed(w, 'Entretien Lyonnais', 5);
  }, 180_000);
  afterAll(() => t.close());

  describe('proposing', () => {
    it('needs the person’s `employers` consent', async () => {
      const c = await aliasCandidate(false);
      const res = await propose('cipB', { candidateId: c.id, hiringNeedId: company.needId });
      expect([res.status, res.body.code]).toEqual([409, 'PROPOSAL_CONSENT_MISSING']);
    });

    it('refuses a message that gives the person’s identity away (SharedTextGuard)', async () => {
      const c = await aliasCandidate();
      const res = await propose('cipB', {
        candidateId: c.id,
        hiringNeedId: company.needId,
        message: `${c.lastName} est très motivée`,
      });
      expect([res.status, res.body.code]).toEqual([400, 'SHARED_TEXT_REVEALS_IDENTITY']);
    });

    it('takes one target: a need, or a pooled company and a job (spontaneous)', async () => {
      const c = await aliasCandidate();
      const both = await propose('cipB', {
        candidateId: c.id,
        hiringNeedId: company.needId,
        pooledCompanyId: company.pooledCompanyId,
        appellationCode: rome.agentPropreteLocaux,
      });
      expect([both.status, both.body.code]).toEqual([400, 'PROPOSAL_TARGET_INVALID']);
      const spontaneous = await propose('cipB', {
        candidateId: c.id,
        pooledCompanyId: company.pooledCompanyId,
        appellationCode: rome.agentEntretienBureaux,
      });
      expect(spontaneous.status).toBe(201);
      expect(spontaneous.body).toMatchObject({ hiringNeedId: null, appellation: { code: rome.agentEntretienBureaux } });
    });

    it('lets only the CIP or the direction of the person’s SIAE propose', async () => {
      const c = await aliasCandidate();
      const dev = await propose('devB', { candidateId: c.id, hiringNeedId: company.needId });
      expect([dev.status, dev.body.code]).toEqual([403, 'PROPOSAL_CIP_ONLY']);
      const other = await propose('cipC', { candidateId: c.id, hiringNeedId: company.needId });
      expect([other.status, other.body.code]).toEqual([404, 'CANDIDATE_NOT_FOUND']);
    });

    it('refuses during the company’s pause with the date, and beyond the budget unless a coordinator overrides (audited)', async () => {
      const paused = await companyWithNeed(w, 'Entreprise en Pause', 1);
      const pause = await api()
        .put(`/api/pooled-companies/${paused.pooledCompanyId}/pause`)
        .set(as('devA'))
        .send({ until: '2027-06-30', reason: 'Recrutements gelés jusqu’à l’été' });
      expect(pause.status).toBe(200);
      const c = await aliasCandidate();
      const res = await propose('cipB', { candidateId: c.id, hiringNeedId: paused.needId });
      expect([res.status, res.body.code, res.body.details]).toEqual([
        409,
        'COMPANY_PAUSED',
        { pausedUntil: '2027-06-30' },
      ]);

      await api()
        .put(`/api/collectives/${w.collective.id}/solicitation-budget`)
        .set(as('coord'))
        .send({ default: { maxPer30Days: 1, maxPer7Days: 1 } });
      const full = await companyWithNeed(w, 'Entreprise Sollicitée', 3);
      const first = await aliasCandidate();
      const second = await aliasCandidate();
      expect((await propose('cipB', { candidateId: first.id, hiringNeedId: full.needId })).status).toBe(201);
      const over = await propose('cipB', { candidateId: second.id, hiringNeedId: full.needId });
      expect([over.status, over.body.code]).toEqual([409, 'SOLICITATION_BUDGET_EXCEEDED']);
      expect(over.body.details.nextPossibleAt).toBe(new Date(clock.now().getTime() + 7 * DAY).toISOString());
      const notCoordinator = await propose('cipB', {
        candidateId: second.id,
        hiringNeedId: full.needId,
        overrideReason: 'Poste urgent',
      });
      expect([notCoordinator.status, notCoordinator.body.code]).toEqual([403, 'PROPOSAL_OVERRIDE_FORBIDDEN']);
      // B's CIP is made a coordinator of the collective: she may override, and the override is audited.
      await w.f.coordinator(w.collective, w.users.cipB);
      const overridden = await propose('cipB', {
        candidateId: second.id,
        hiringNeedId: full.needId,
        overrideReason: 'Poste urgent, l’employeur a appelé',
      });
      expect(overridden.status).toBe(201);
      const [audit] = await t.dataSource.query(
        `SELECT context FROM audit_entry WHERE action = 'solicitation.override' AND subject_id = $1`,
        [full.pooledCompanyId],
      );
      expect(audit.context.reason).toBe('Poste urgent, l’employeur a appelé');
      await wideBudget(w);
    });
  });

  describe('transitions outside the state machine', () => {
    it('are refused with PROPOSAL_TRANSITION_NOT_ALLOWED, saying what is possible', async () => {
      const c = await aliasCandidate();
      const p = await proposeOk({ candidateId: c.id, hiringNeedId: company.needId });
      const employer = await freshEmployerSession(t, p.token);
      const early = await api()
        .post('/api/employer/proposal/outcome')
        .set(employer)
        .send({ outcome: 'hired', contractType: 'cdi', startDate: '2027-05-01' });
      expect([early.status, early.body.code, early.body.details]).toEqual([
        409,
        'PROPOSAL_TRANSITION_NOT_ALLOWED',
        { from: 'sent', to: 'accepted', allowed: ['viewed', 'interview_planned', 'refused'] },
      ]);
      const staffEarly = await api()
        .post(`/api/proposals/${p.id}/outcome`)
        .set(as('cipB'))
        .send({ outcome: 'not_hired', reason: 'candidate_unreachable' });
      expect([staffEarly.status, staffEarly.body.code]).toEqual([409, 'PROPOSAL_TRANSITION_NOT_ALLOWED']);
      const noDates = await api().post('/api/employer/proposal/interview').set(employer).send({ mode: 'dates' });
      expect([noDates.status, noDates.body.code]).toEqual([400, 'PROPOSAL_INTERVIEW_DATES_REQUIRED']);
      const past = await api()
        .post('/api/employer/proposal/interview')
        .set(employer)
        .send({ mode: 'dates', dates: ['2027-01-01T10:00:00Z'] });
      expect([past.status, past.body.code]).toEqual([400, 'PROPOSAL_INTERVIEW_DATE_PAST']);
      const withdrawn = await api()
        .post(`/api/proposals/${p.id}/withdrawal`)
        .set(as('cipB'))
        .send({ reason: 'A trouvé un CDI' });
      expect(withdrawn.body.status).toBe('withdrawn');
      const again = await api().post(`/api/proposals/${p.id}/withdrawal`).set(as('cipB')).send({});
      expect([again.status, again.body.code]).toEqual([409, 'PROPOSAL_TRANSITION_NOT_ALLOWED']);
    });
  });

  describe('every route against every state', () => {
    type Move = 'employerInterview' | 'employerRefusal' | 'employerOutcome' | 'staffWithdrawal' | 'staffOutcome';
    type Answer = { status: number; body: { code?: string; details?: { from?: string } } };
    const moves: Record<Move, (p: { id: string }, employer: Record<string, string>) => PromiseLike<Answer>> = {
      employerInterview: (_p, e) => api().post('/api/employer/proposal/interview').set(e).send({ mode: 'call_me' }),
      employerRefusal: (_p, e) =>
        api().post('/api/employer/proposal/refusal').set(e).send({ reason: 'position_filled' }),
      employerOutcome: (_p, e) =>
        api()
          .post('/api/employer/proposal/outcome')
          .set(e)
          .send({ outcome: 'hired', contractType: 'cdi', startDate: '2027-05-01' }),
      staffWithdrawal: (p) => api().post(`/api/proposals/${p.id}/withdrawal`).set(as('cipB')).send({}),
      staffOutcome: (p) =>
        api()
          .post(`/api/proposals/${p.id}/outcome`)
          .set(as('cipB'))
          .send({ outcome: 'not_hired', reason: 'candidate_unreachable' }),
    };
    // What the state machine refuses from each state (the allowed moves are not sent: they would change the state).
    // A withdrawn proposal's link is revoked: the employer gets 410 without data, staff get the 409.
    const refusedFrom: Record<string, Move[]> = {
      sent: ['employerOutcome', 'staffOutcome'],
      viewed: ['employerOutcome', 'staffOutcome'],
      interview_planned: ['employerInterview'],
      accepted: ['employerInterview', 'employerRefusal', 'employerOutcome', 'staffWithdrawal', 'staffOutcome'],
      refused: ['employerInterview', 'employerRefusal', 'employerOutcome', 'staffWithdrawal', 'staffOutcome'],
      withdrawn: ['employerInterview', 'employerRefusal', 'employerOutcome', 'staffWithdrawal', 'staffOutcome'],
    };
    /** Brings a fresh proposal to `state` through the routes, with an employer session opened before any withdrawal. */
    const inState = async (state: string) => {
      const c = await aliasCandidate();
      const p = await proposeOk({ candidateId: c.id, hiringNeedId: company.needId });
      const employer = await freshEmployerSession(t, p.token);
      const ok = async (res: PromiseLike<{ status: number; body: unknown }>) => {
        const r = await res;
        if (r.status >= 300) throw new Error(`setup ${state}: ${r.status} ${JSON.stringify(r.body)}`);
      };
      if (state !== 'sent') await ok(api().get('/api/employer/proposal').set(employer));
      if (['interview_planned', 'accepted'].includes(state)) await ok(moves.employerInterview(p, employer));
      if (state === 'accepted')
        await ok(
          api()
            .post('/api/employer/proposal/outcome')
            .set(employer)
            .send({ outcome: 'hired', contractType: 'cdd', startDate: '2027-05-01' }),
        );
      if (state === 'refused') await ok(moves.employerRefusal(p, employer));
      if (state === 'withdrawn') await ok(moves.staffWithdrawal(p, employer));
      return { p, employer };
    };

    it.each(Object.entries(refusedFrom))(
      'from %s, refuses each move the state machine does not allow, with its code, and the state stays',
      async (state, refused) => {
        const { p, employer } = await inState(state);
        const before = await api().get(`/api/proposals/${p.id}`).set(as('cipB'));
        expect(before.body.status).toBe(state);
        const got: Record<string, [number, string | undefined, string | undefined]> = {};
        for (const move of refused) {
          const res = await moves[move](p, employer);
          got[move] = [res.status, res.body.code, res.body.details?.from];
        }
        const expected = Object.fromEntries(
          refused.map((move) =>
            state === 'withdrawn' && move.startsWith('employer')
              ? [move, [410, 'EMPLOYER_LINK_REVOKED', undefined]]
              : [move, [409, 'PROPOSAL_TRANSITION_NOT_ALLOWED', state]],
          ),
        );
        expect(got).toEqual(expected);
        const after = await api().get(`/api/proposals/${p.id}`).set(as('cipB'));
        expect([after.body.status, after.body.transitions.length]).toEqual([state, before.body.transitions.length]);
      },
    );
  });

  describe('the employer’s link', () => {
    const noData = (body: Record<string, unknown>) => expect(Object.keys(body).sort()).toEqual(['code', 'message']);

    it('refuses a tampered token, another proposal’s address, and a withdrawn proposal’s link — without data', async () => {
      const c1 = await aliasCandidate();
      const c2 = await aliasCandidate();
      const p1 = await proposeOk({ candidateId: c1.id, hiringNeedId: company.needId });
      const p2 = await proposeOk({ candidateId: c2.id, hiringNeedId: company.needId });
      const last = p1.token.slice(-1) === 'A' ? 'B' : 'A';
      const tampered = await api()
        .post('/api/employer-links/exchange')
        .send({ token: p1.token.slice(0, -1) + last });
      expect([tampered.status, tampered.body.code]).toEqual([401, 'EMPLOYER_LINK_INVALID']);
      noData(tampered.body);
      const page = await api().get(`/lien/${p1.token.slice(0, -1) + last}`);
      expect(page.status).toBe(401);
      expect(page.text).not.toContain('Sam R.');

      const session1 = await freshEmployerSession(t, p1.token);
      const other = await api().get(`/employeurs/propositions/${p2.id}`).set(session1);
      expect([other.status, other.headers['x-error-code']]).toEqual([404, 'EMPLOYER_LINK_OUT_OF_SCOPE']);
      expect(other.text).not.toContain('Sam R.');

      const open = await freshEmployerSession(t, p2.token);
      expect((await api().get('/api/employer/proposal').set(open)).status).toBe(200);
      await api().post(`/api/proposals/${p2.id}/withdrawal`).set(as('cipB')).send({});
      const revoked = await api().get('/api/employer/proposal').set(open);
      expect([revoked.status, revoked.body.code]).toEqual([410, 'EMPLOYER_LINK_REVOKED']);
      noData(revoked.body);
      const exchange = await api().post('/api/employer-links/exchange').send({ token: p2.token });
      expect([exchange.status, exchange.body.code]).toEqual([410, 'EMPLOYER_LINK_REVOKED']);
      noData(exchange.body);
    });

    it('never shows the identity before an interview request, and after it only if the person agreed', async () => {
      const agreed = await aliasCandidate();
      const private_ = await aliasCandidate();
      const pa = await proposeOk({
        candidateId: agreed.id,
        hiringNeedId: company.needId,
        revealIdentityOnInterview: true,
      });
      const pp = await proposeOk({ candidateId: private_.id, hiringNeedId: company.needId });
      const identityOf = (c: NewCandidate) => [c.firstName, c.lastName, c.email, c.phone, c.phone.replace(/ /g, '')];
      const scan = (text: string, c: NewCandidate) => identityOf(c).filter((v) => text.includes(v));

      for (const [p, c] of [
        [pa, agreed],
        [pp, private_],
      ] as const) {
        const employer = await freshEmployerSession(t, p.token);
        const json = await api().get('/api/employer/proposal').set(employer);
        const html = await api().get(`/employeurs/propositions/${p.id}`).set(employer);
        expect(json.status).toBe(200);
        expect(html.status).toBe(200);
        expect(html.text).toContain('Sam R.');
        expect({ json: scan(JSON.stringify(json.body), c), html: scan(html.text, c) }).toEqual({ json: [], html: [] });
        const asked = await api().post('/api/employer/proposal/interview').set(employer).send({ mode: 'call_me' });
        expect(asked.status).toBe(200);
      }
      // After the interview request: the person who agreed is named, the other is not.
      const agreedView = await api()
        .get('/api/employer/proposal')
        .set(await freshEmployerSession(t, pa.token));
      expect(agreedView.body.identity).toEqual({
        firstName: agreed.firstName,
        lastName: agreed.lastName,
        phone: expect.any(String),
        email: agreed.email,
      });
      const privateSession = await freshEmployerSession(t, pp.token);
      const privateJson = await api().get('/api/employer/proposal').set(privateSession);
      const privateHtml = await api().get(`/employeurs/propositions/${pp.id}`).set(privateSession);
      expect(privateJson.body.identity).toBeNull();
      expect({
        json: scan(JSON.stringify(privateJson.body), private_),
        html: scan(privateHtml.text, private_),
      }).toEqual({
        json: [],
        html: [],
      });
      const [reveals] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'proposal.identity.revealed' AND subject_id = $1`,
        [agreed.id],
      );
      expect(reveals.n).toBeGreaterThanOrEqual(2);
    });

    it('refuses an expired link without data (past the proposal’s delay + 30 days)', async () => {
      const c = await aliasCandidate();
      const p = await proposeOk({ candidateId: c.id, hiringNeedId: company.needId });
      clock.advance((t.config.PROPOSAL_EXPIRY_DAYS + 31) * DAY);
      const res = await api().post('/api/employer-links/exchange').send({ token: p.token });
      expect([res.status, res.body.code]).toEqual([410, 'EMPLOYER_LINK_EXPIRED']);
      noData(res.body);
      const page = await api().get(`/lien/${p.token}`);
      expect(page.status).toBe(410);
      expect(page.text).not.toContain('Sam R.');
    });
  });
});
