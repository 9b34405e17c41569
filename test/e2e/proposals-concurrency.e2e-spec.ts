import { Proposal } from '../../src/modules/proposals/entities';
import { ProposalFlow } from '../../src/modules/proposals/proposal-flow.service';
import { withWriteBarrier } from '../support/write-barrier';
import {
  buildProposalWorld,
  candidateOf,
  companyWithNeed,
  freshEmployerSession,
  proposalToken,
  type CompanyWithNeed,
  type ProposalWorld,
} from '../support/proposal-world';
import { TestApp } from '../support/test-app';

/**
 * Proposals racing (issue 14, acceptance "concurrency"): the same person proposed to the same need by two CIPs at
 * once, 20 proposals for the last unit of a company's solicitation budget, and an outcome credited once in the
 * reciprocity figures however many times it is asked for. Each race is forced to overlap by a
 * write barrier (test/support/write-barrier.ts), so it fails if the lock or the constraint it relies on goes away.
 */
describe('proposals under concurrency', () => {
  let t: TestApp;
  let w: ProposalWorld;

  beforeAll(async () => {
    t = await TestApp.create();
    w = await buildProposalWorld(t);
    // A second CIP in SIAE B, signed in like the others.
    const cip2 = await w.f.member(w.siaes.B, 'cip');
    const token = await w.f.tokenFor(cip2);
    const auth = w.auth;
    w.auth = (who) => (who === 'cipB2' ? `Bearer ${token}` : auth(who));
  }, 120_000);
  afterAll(() => t.close());

  const propose = (who: string, body: object) =>
    t.http().post('/api/proposals').set('authorization', w.auth(who)).send(body);

  it('two CIPs proposing the same person to the same need at once make one proposal; the other gets 409 with a code', async () => {
    const company = await companyWithNeed(w, 'Nettoyage Concurrence');
    const candidate = await candidateOf(w, 'B');
    const body = { candidateId: candidate.id, hiringNeedId: company.needId };
    const results = await withWriteBarrier(t.config.DATABASE_URL, 'proposal', 2, () =>
      Promise.all([propose('cipB', body), propose('cipB2', body)]),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.code).toBe('PROPOSAL_ALREADY_EXISTS');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM proposal WHERE candidate_id = $1`, [
      candidate.id,
    ]);
    expect(n).toBe(1);
  });

  it('20 proposals racing for the last unit of a company’s budget: exactly one is sent, 19 are refused with the date', async () => {
    const company: CompanyWithNeed = await companyWithNeed(w, 'Nettoyage Dernière Place', 20);
    // The collective's default budget: 1 solicitation per 7 days — the last (and only) unit is free.
    const candidates: Array<{ id: string }> = [];
    for (let i = 0; i < 20; i++) candidates.push(await candidateOf(w, i % 2 === 0 ? 'B' : 'C'));
    const results = await withWriteBarrier(t.config.DATABASE_URL, 'solicitation', 4, () =>
      Promise.all(
        candidates.map((c, i) =>
          propose(i % 2 === 0 ? 'cipB' : 'cipC', { candidateId: c.id, hiringNeedId: company.needId }),
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('SOLICITATION_BUDGET_EXCEEDED');
      expect(r.body.details.nextPossibleAt).toEqual(expect.any(String));
    }
    const [{ proposals, solicitations }] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM proposal WHERE pooled_company_id = $1) AS proposals,
              (SELECT count(*)::int FROM solicitation WHERE pooled_company_id = $1) AS solicitations`,
      [company.pooledCompanyId],
    );
    expect({ proposals, solicitations }).toEqual({ proposals: 1, solicitations: 1 });
  }, 180_000);

  it('credits an interview once in the reciprocity figures: two answers at once, then racing replays of the credit', async () => {
    const company = await companyWithNeed(w, 'Nettoyage Crédit Unique');
    const candidate = await candidateOf(w, 'B');
    const created = await propose('cipB', { candidateId: candidate.id, hiringNeedId: company.needId });
    expect(created.status).toBe(201);
    const token = await proposalToken(t, company.email);
    const [s1, s2] = [await freshEmployerSession(t, token), await freshEmployerSession(t, token)];
    const ask = (session: Record<string, string>) =>
      t.http().post('/api/employer/proposal/interview').set(session).send({ mode: 'call_me' });
    // Both answers reach the proposal's row lock together: one moves it, the other finds it moved.
    const answers = await withWriteBarrier(t.config.DATABASE_URL, 'proposal', 2, () => Promise.all([ask(s1), ask(s2)]));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('PROPOSAL_TRANSITION_NOT_ALLOWED');

    // The credit's own guard, without the proposal's lock: four transactions claim the same outcome at once (a
    // retried job, a replayed request); UQ_proposal_credit lets one write its interaction.
    const flow = t.get(ProposalFlow);
    const proposal = (await t.dataSource.getRepository(Proposal).findOneBy({ id: created.body.id as string }))!;
    const replay = (outcome: 'interview' | 'hire') =>
      withWriteBarrier(t.config.DATABASE_URL, 'proposal_credit', 4, () =>
        Promise.all(
          [0, 1, 2, 3].map(() => t.dataSource.transaction((m) => flow.creditOutcome(m, proposal, outcome, null))),
        ),
      );
    expect(await replay('interview')).toEqual([false, false, false, false]);
    expect((await replay('hire')).sort()).toEqual([false, false, false, true]);
    const rows: Array<{ kind: string; n: number }> = await t.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM company_interaction WHERE candidate_id = $1 GROUP BY kind ORDER BY kind`,
      [candidate.id],
    );
    expect(rows).toEqual([
      { kind: 'hire', n: 1 },
      { kind: 'interview', n: 1 },
    ]);
    const [{ n: introducerMails }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'proposal.introducer.notified' AND subject_id = $1`,
      [proposal.id],
    );
    expect(introducerMails).toBe(2);
  }, 180_000);
});
