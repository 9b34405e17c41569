import { FixedClock } from '../../src/platform/clock/clock';
import { ProposalSweeps } from '../../src/modules/proposals/proposal-sweeps.service';
import { tokenInMail } from '../support/event-world';
import {
  buildProposalWorld,
  candidateOf,
  companyWithNeed,
  freshEmployerSession,
  proposalToken,
  wideBudget,
  type CompanyWithNeed,
  type ProposalWorld,
} from '../support/proposal-world';
import type { NewCandidate } from '../support/candidate-fixtures';
import { TestApp } from '../support/test-app';

const DAY = 86_400_000;

/**
 * Issue 14's acceptance, through the API, the worker and the test SMTP server, on one injected clock: propose; the
 * employer opens the link (viewed); one relaunch after 7 days however often the sweep runs; a refusal with a reason,
 * told to the CIP; a second proposal accepted with a hire, the need closed once its position is filled, the other open
 * proposal expired (its CIP told), the introducing SIAE told; the coordinator's response figures; companies that
 * never answer (CIP alerted, ranked lower in the match lists with the reason, expired after the delay).
 */
describe('proposals: from the CIP’s proposal to the employer’s answer', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: ProposalWorld;
  let company: CompanyWithNeed;
  let c1: NewCandidate, c2: NewCandidate, c3: NewCandidate;
  let p1: string, p2: string, p3: string;
  let relaunchToken: string;
  let token2: string;

  const api = () => t.http();
  const as = (who: string) => ({ authorization: w.auth(who) });
  const mailsTo = (email: string, subject?: RegExp) =>
    t.smtp.received.filter((m) => m.to.includes(email) && (!subject || subject.test(m.subject)));
  const sweeps = () => t.get(ProposalSweeps);
  const propose = async (who: string, body: object) => {
    const res = await api().post('/api/proposals').set(as(who)).send(body);
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock, withWorker: true });
    w = await buildProposalWorld(t);
    await wideBudget(w);
    company = await companyWithNeed(w, 'Propreté Rhône Services', 1);
    c1 = await candidateOf(w, 'B');
    c2 = await candidateOf(w, 'B');
    c3 = await candidateOf(w, 'C');
  }, 180_000);
  afterAll(() => t.close());

  it('proposes a consented person to an open need: counted as a solicitation, the employer mailed a personal link', async () => {
    const res = await api()
      .post('/api/proposals')
      .set(as('cipB'))
      .send({ candidateId: c1.id, hiringNeedId: company.needId, message: 'Très motivée, disponible tout de suite.' });
    expect(res.status).toBe(201);
    p1 = res.body.id;
    expect(res.body).toMatchObject({ status: 'sent', hiringNeedId: company.needId, budget: { last7Days: 1 } });
    expect(res.body.nextStep).toMatch(/relance automatique/);
    await t.drainQueues(60_000);
    const mail = await t.smtp.waitFor(company.email);
    expect(mail.subject).toMatch(/Une candidature pour votre poste de Agent/);
    expect(mail.text).toContain('Très motivée');
    // The fixtures' pseudonym is the first name and an initial (a CIP's choice): the rest of the identity never shows.
    for (const value of [c1.lastName, c1.email, c1.phone]) expect(mail.text).not.toContain(value);
    const again = await api()
      .post('/api/proposals')
      .set(as('cipB'))
      .send({ candidateId: c1.id, hiringNeedId: company.needId });
    expect([again.status, again.body.code]).toEqual([409, 'PROPOSAL_ALREADY_EXISTS']);
  });

  it('marks the proposal viewed when the employer opens the link: profile and match reasons, no identity', async () => {
    const token = tokenInMail((await t.smtp.waitFor(company.email)).text);
    const landing = await api().get(`/lien/${token}`);
    expect([landing.status, landing.headers.location]).toEqual([303, `/employeurs/propositions/${p1}`]);
    const view = await api()
      .get('/api/employer/proposal')
      .set(await freshEmployerSession(t, token));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      proposalId: p1,
      status: 'viewed',
      identity: null,
      companyName: 'Propreté Rhône Services',
    });
    expect(view.body.reasons.length).toBeGreaterThan(0);
    expect(view.body.profile.targetJobs).toContain('Agent / Agente de propreté de locaux');
    const staff = await api().get(`/api/proposals/${p1}`).set(as('cipB'));
    expect(staff.body.status).toBe('viewed');
    expect(staff.body.viewedAt).toEqual(expect.any(String));
    expect(staff.body.transitions.map((x: { to: string }) => x.to)).toEqual(['sent', 'viewed']);
  });

  it('relaunches the employer exactly once after 7 days without answer, the sweep run twice (and again later)', async () => {
    expect((await sweeps().enqueueDue()).relaunch).toBe(0);
    clock.advance(7 * DAY + 3_600_000);
    await w.relogin();
    expect((await sweeps().enqueueDue()).relaunch).toBe(1);
    expect((await sweeps().enqueueDue()).relaunch).toBe(1);
    await t.drainQueues(60_000);
    const relaunches = mailsTo(company.email, /^Relance/);
    expect(relaunches).toHaveLength(1);
    relaunchToken = tokenInMail(relaunches[0].text);
    expect((await sweeps().enqueueDue()).relaunch).toBe(0);
    await t.drainQueues(60_000);
    expect(mailsTo(company.email, /^Relance/)).toHaveLength(1);
  });

  it('takes the employer’s "pas maintenant" with a reason from the list, tells the CIP, and refuses any further move', async () => {
    const employer = await freshEmployerSession(t, relaunchToken);
    const vague = await api().post('/api/employer/proposal/refusal').set(employer).send({ reason: 'other' });
    expect([vague.status, vague.body.code]).toEqual([400, 'PROPOSAL_REFUSAL_TEXT_REQUIRED']);
    const refused = await api()
      .post('/api/employer/proposal/refusal')
      .set(employer)
      .send({ reason: 'profile_not_fit' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      refusal: { reason: 'profile_not_fit', label: 'Le profil ne correspond pas' },
    });
    await t.drainQueues(60_000);
    const told = mailsTo(w.users.cipB.email, /pas maintenant/);
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('Le profil ne correspond pas');
    const twice = await api().post('/api/employer/proposal/interview').set(employer).send({ mode: 'call_me' });
    expect([twice.status, twice.body.code]).toEqual([409, 'PROPOSAL_TRANSITION_NOT_ALLOWED']);
    const withdraw = await api().post(`/api/proposals/${p1}/withdrawal`).set(as('cipB')).send({});
    expect([withdraw.status, withdraw.body.code]).toEqual([409, 'PROPOSAL_TRANSITION_NOT_ALLOWED']);
  });

  it('accepts a second proposal with a hire: the need closes, the other open proposal expires, the introducer is told', async () => {
    // Reciprocity: B's outcomes through companies others (A) introduced, read before, after the interview, after the hire.
    const outcomesOfB = async () => {
      const res = await api().get(`/api/collectives/${w.collective.id}/reciprocity`).set(as('coord'));
      expect(res.status).toBe(200);
      return res.body.find((r: { siaeId: string }) => r.siaeId === w.siaes.B.id).outcomesThroughOthers as number;
    };
    const before = await outcomesOfB();
    p2 = await propose('cipB', { candidateId: c2.id, hiringNeedId: company.needId, revealIdentityOnInterview: true });
    token2 = await proposalToken(t, company.email);
    p3 = await propose('cipC', { candidateId: c3.id, hiringNeedId: company.needId });
    const employer = await freshEmployerSession(t, token2);
    const seen = await api().get('/api/employer/proposal').set(employer);
    expect([seen.body.status, seen.body.identity]).toEqual(['viewed', null]);
    const interview = await api()
      .post('/api/employer/proposal/interview')
      .set(employer)
      .send({
        mode: 'dates',
        dates: [new Date(clock.now().getTime() + 2 * DAY).toISOString()],
        note: 'Au dépôt, demander Claire.',
      });
    expect(interview.status).toBe(200);
    expect(interview.body.status).toBe('interview_planned');
    // The person agreed and an interview was asked for: her name and contact are given, and the showing is audited.
    expect(interview.body.identity).toMatchObject({ lastName: c2.lastName, email: c2.email });
    // The interview obtained through A's contact counts for B at once.
    expect(await outcomesOfB()).toBe(before + 1);
    const hired = await api()
      .post('/api/employer/proposal/outcome')
      .set(employer)
      .send({ outcome: 'hired', contractType: 'cdd', startDate: '2027-03-01' });
    expect(hired.status).toBe(200);
    expect(hired.body).toMatchObject({ status: 'accepted', hire: { contractType: 'cdd', startDate: '2027-03-01' } });
    await t.drainQueues(60_000);

    const [need] = await t.dataSource.query(`SELECT status, closed_at FROM hiring_need WHERE id = $1`, [
      company.needId,
    ]);
    expect(need.status).toBe('filled');
    const third = await api().get(`/api/proposals/${p3}`).set(as('cipC'));
    expect(third.body).toMatchObject({ status: 'expired', expiryReason: 'need_closed' });
    expect(mailsTo(w.users.cipC.email, /Proposition expirée/)).toHaveLength(1);
    // SIAE A introduced the company; B's proposal led to an interview, then to a hire.
    expect(mailsTo(w.users.devA.email, /a permis un entretien/)).toHaveLength(1);
    expect(mailsTo(w.users.devA.email, /a permis une embauche/)).toHaveLength(1);
    expect(mailsTo(w.users.dirA.email, /a permis une embauche/)).toHaveLength(1);
    for (const m of mailsTo(w.users.devA.email))
      for (const v of [c2.lastName, c2.email]) expect(m.text).not.toContain(v);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'proposal.identity.revealed' AND subject_id = $1`,
      [c2.id],
    );
    expect(audit.n).toBeGreaterThanOrEqual(1);
    // The hire is a second outcome B obtained through a company A introduced; each was credited once, in B's name,
    // with B's candidate (the interaction rows reciprocity counts).
    expect(await outcomesOfB()).toBe(before + 2);
    const credited = await t.dataSource.query(
      `SELECT pc.outcome, i.kind, i.by_siae_id, i.candidate_id FROM proposal_credit pc
         JOIN company_interaction i ON i.id = pc.interaction_id WHERE pc.proposal_id = $1 ORDER BY pc.outcome`,
      [p2],
    );
    expect(credited).toEqual([
      { outcome: 'hire', kind: 'hire', by_siae_id: w.siaes.B.id, candidate_id: c2.id },
      { outcome: 'interview', kind: 'interview', by_siae_id: w.siaes.B.id, candidate_id: c2.id },
    ]);
  });

  it('shows the coordinator the response rate and median response time per company and per SIAE', async () => {
    const res = await api().get(`/api/collectives/${w.collective.id}/proposal-figures`).set(as('coord'));
    expect(res.status).toBe(200);
    const row = res.body.byCompany.find(
      (c: { pooledCompanyId: string }) => c.pooledCompanyId === company.pooledCompanyId,
    );
    // p1 answered after 7 days and 1 hour, p2 the same hour; p3 expired unanswered before it was due (14 days).
    expect(row).toMatchObject({ proposals: 3, due: 2, answered: 2, responseRate: 1, neverAnswers: false });
    expect(row.medianResponseDays).toBeCloseTo((7 + 1 / 24) / 2, 1);
    const bySiae = Object.fromEntries(
      res.body.bySiae.map((s: { siaeId: string; answered: number; proposals: number }) => [
        s.siaeId,
        [s.proposals, s.answered],
      ]),
    );
    expect(bySiae[w.siaes.B.id]).toEqual([2, 2]);
    expect(bySiae[w.siaes.C.id]).toEqual([1, 0]);
    const forbidden = await api().get(`/api/collectives/${w.collective.id}/proposal-figures`).set(as('cipB'));
    expect(forbidden.status).toBe(403);
  });

  it('alerts the CIP after 14 days, expires after 30, and ranks a company that never answers lower, saying why', async () => {
    const silent = await companyWithNeed(w, 'Logistique Silencieuse', 3);
    const answering = await companyWithNeed(w, 'Nettoyage Réactif', 1);
    const c4 = await candidateOf(w, 'B');
    const c5 = await candidateOf(w, 'B');
    const p4 = await propose('cipB', { candidateId: c4.id, hiringNeedId: silent.needId });
    await propose('cipB', { candidateId: c5.id, hiringNeedId: silent.needId });
    await t.drainQueues(60_000);
    const alertsBefore = mailsTo(w.users.cipB.email, /Sans réponse/).length;
    clock.advance(15 * DAY);
    await w.relogin();
    const due = await sweeps().enqueueDue();
    expect(due).toMatchObject({ alert: 2, expire: 0 });
    await sweeps().enqueueDue();
    await t.drainQueues(60_000);
    expect(mailsTo(w.users.cipB.email, /Sans réponse/).length - alertsBefore).toBe(2);

    const figures = await api().get(`/api/collectives/${w.collective.id}/proposal-figures`).set(as('coord'));
    expect(figures.body.neverAnswering.map((c: { pooledCompanyId: string }) => c.pooledCompanyId)).toEqual([
      silent.pooledCompanyId,
    ]);
    const seeker = await candidateOf(w, 'B');
    const matches = await api().get(`/api/candidates/${seeker.id}/matches`).set(as('cipB'));
    expect(matches.status).toBe(200);
    const items: Array<{ pooledCompanyId: string; reasons: string[] }> = matches.body.companies.items;
    const ids = items.map((i) => i.pooledCompanyId);
    expect(ids).toContain(answering.pooledCompanyId);
    expect(ids[ids.length - 1]).toBe(silent.pooledCompanyId);
    expect(items[items.length - 1].reasons).toEqual([
      'Classée plus bas : cette entreprise n’a répondu à aucune des 2 propositions de candidature qui lui ont été faites.',
    ]);
    expect(items.find((i) => i.pooledCompanyId === answering.pooledCompanyId)!.reasons).toEqual([]);

    clock.advance(16 * DAY);
    await w.relogin();
    expect((await sweeps().enqueueDue()).expire).toBe(2);
    await t.drainQueues(60_000);
    const expired = await api().get(`/api/proposals/${p4}`).set(as('cipB'));
    expect(expired.body).toMatchObject({ status: 'expired', expiryReason: 'no_answer' });
    expect((await sweeps().enqueueDue()).expire).toBe(0);
  });

  it('lists the CIP’s proposals by status with days waiting and what to do next; the chargé·e de développement sees what her companies received', async () => {
    const mine = await api().get('/api/proposals').set(as('cipB'));
    expect(mine.status).toBe(200);
    const counts = Object.fromEntries(
      mine.body.counts.map((c: { status: string; count: number }) => [c.status, c.count]),
    );
    expect(counts).toMatchObject({ refused: 1, accepted: 1, expired: 2 });
    for (const item of mine.body.items) expect(item.nextStep).toEqual(expect.any(String));
    const refused = await api().get('/api/proposals?status=refused').set(as('cipB'));
    expect(refused.body.items.map((i: { id: string }) => i.id)).toEqual([p1]);
    expect(refused.body.items[0].daysWaiting).toBeGreaterThanOrEqual(31);
    const received = await api().get('/api/proposals/received').set(as('devA'));
    expect(received.status).toBe(200);
    expect(received.body.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([p1, p2, p3]));
    // A's staff do not get the pseudonyms of B's and C's candidates.
    expect(received.body.every((r: { pseudonym: string | null }) => r.pseudonym === null)).toBe(true);
    // C holds no record of these companies: none of what they received is in its list.
    const outside = await api().get('/api/proposals/received').set(as('cipC'));
    expect(outside.status).toBe(200);
    expect(outside.body.filter((r: { id: string }) => [p1, p2, p3].includes(r.id))).toEqual([]);
  });
});
