/**
 * Access entries for the proposals routes, on the shared access world (test/support/access-world.ts): SIAE A in C1
 * (coordinated by `dirA`), SIAE B in C2 (coordinated by `dirB`). The staff entries follow proposals.permissions.ts (its
 * `refused` / `hidden` errors give the codes); employer routes are opened by a proposal link. Run by
 * test/e2e/proposals-access.e2e-spec.ts; the shared matrix counts these routes as covered.
 */
import { proposalsReads, proposalsWrites } from '../../src/modules/proposals/proposals.permissions';
import type { AccessEntry } from './access-table';
import { consentedCandidateOfA, pooledCompanyOfC1, type AccessWorld } from './access-world';
import { employerHeaders } from './event-world';

const widened = new WeakSet<AccessWorld>();

/** An open need of a pooled company of C1 (over a shared record of A with a contact), written in SQL. */
async function needOfC1(w: AccessWorld): Promise<string> {
  if (!widened.has(w)) {
    await w.t.dataSource.query(
      `INSERT INTO solicitation_budget (collective_id, size_key, max_per_30_days, max_per_7_days) VALUES ($1, 'any', 100, 100)`,
      [w.c1.id],
    );
    widened.add(w);
  }
  const { companyId } = await pooledCompanyOfC1(w, 'Entreprise Proposition');
  const [{ id }] = await w.t.dataSource.query(
    `INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, place_commune_code, status, confirmed_at)
     VALUES ($1, '10571', 1, 'cdd', '69266', 'open', now()) RETURNING id`,
    [companyId],
  );
  return id as string;
}

/** A proposal of a candidate of A (by A's CIP) and the link token mailed to the employer. */
async function proposalOfA(w: AccessWorld): Promise<{ id: string; link: string }> {
  const res = await w.t
    .http()
    .post('/api/proposals')
    .set('authorization', `Bearer ${w.tokens.get('cipA')}`)
    .send({ candidateId: await consentedCandidateOfA(w), hiringNeedId: await needOfC1(w) });
  if (res.status !== 201) throw new Error(`proposal setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const [{ body_text }] = await w.t.dataSource.query(
    `SELECT body_text FROM mail_message WHERE template = 'proposal-received' ORDER BY created_at DESC LIMIT 1`,
  );
  return { id: res.body.id, link: /\/lien\/([A-Za-z0-9_-]{43})/.exec(body_text as string)![1] };
}

/** A proposal for which the employer asked for an interview (so an outcome may follow). */
async function interviewOfA(w: AccessWorld): Promise<{ id: string; link: string }> {
  const p = await proposalOfA(w);
  const res = await w.t
    .http()
    .post('/api/employer/proposal/interview')
    .set(await employerHeaders(w.t, p.link))
    .send({ mode: 'call_me' });
  if (res.status !== 200) throw new Error(`interview setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return p;
}

const code = (make: () => { code: string }) => make().code;
const writer = (rule: { refused: () => { code: string }; hidden: () => { code: string } }) => ({
  wrongRole: { as: 'devA' as const, code: code(rule.refused) },
  otherTenant: { as: 'cipB' as const, code: code(rule.hidden) },
});
const employerRoute = (status: number, request: AccessEntry['request'], page = false): AccessEntry => ({
  employerLink: true,
  ...(page ? { page: true as const } : {}),
  allowed: { as: 'admin', status },
  wrongRole: { none: 'a proposal link opens its own proposal only: the scope is the token' },
  otherTenant: { none: 'another proposal’s link is refused (tested in proposals-rules.e2e-spec.ts)' },
  request,
});

export const proposalsEntries: Record<string, AccessEntry> = {
  'POST /api/proposals': {
    allowed: { as: 'cipA', status: 201 },
    ...writer(proposalsWrites.propose),
    request: async (w) => ({ body: { candidateId: await consentedCandidateOfA(w), hiringNeedId: await needOfC1(w) } }),
  },
  'GET /api/proposals': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { none: 'any staff reads the proposals of their own SIAE' },
    otherTenant: { none: 'lists only the caller’s own SIAE' },
    request: async () => ({}),
  },
  'GET /api/proposals/received': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: { none: 'any staff reads what the companies of their SIAE’s network received' },
    otherTenant: { none: 'lists only the companies of the caller’s own SIAE' },
    request: async () => ({}),
  },
  'GET /api/proposals/:id': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: { none: 'any staff of the candidate’s SIAE reads it' },
    otherTenant: { as: 'cipB', code: code(proposalsReads.one.hidden) },
    request: async (w) => ({ params: { id: (await proposalOfA(w)).id } }),
  },
  'POST /api/proposals/:id/withdrawal': {
    allowed: { as: 'cipA', status: 201 },
    ...writer(proposalsWrites.withdraw),
    request: async (w) => ({ params: { id: (await proposalOfA(w)).id }, body: { reason: 'A trouvé un emploi' } }),
  },
  'POST /api/proposals/:id/outcome': {
    allowed: { as: 'cipA', status: 201 },
    ...writer(proposalsWrites.outcome),
    request: async (w) => ({
      params: { id: (await interviewOfA(w)).id },
      body: { outcome: 'hired', contractType: 'cdd', startDate: '2027-03-01' },
    }),
  },
  'GET /api/collectives/:id/proposal-figures': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: { as: 'cipA', code: code(proposalsReads.figures.refused) },
    otherTenant: { as: 'dirB', code: code(proposalsReads.figures.hidden) },
    request: async (w) => ({ params: { id: w.c1.id } }),
  },
  'GET /api/employer/proposal': employerRoute(200, async (w) => ({ link: (await proposalOfA(w)).link })),
  'POST /api/employer/proposal/interview': employerRoute(200, async (w) => ({
    link: (await proposalOfA(w)).link,
    body: { mode: 'call_me' },
  })),
  'POST /api/employer/proposal/refusal': employerRoute(200, async (w) => ({
    link: (await proposalOfA(w)).link,
    body: { reason: 'position_filled' },
  })),
  'POST /api/employer/proposal/outcome': employerRoute(200, async (w) => ({
    link: (await interviewOfA(w)).link,
    body: { outcome: 'not_hired', reason: 'profile_not_fit' },
  })),
  'GET /employeurs/propositions/:proposalId': employerRoute(
    200,
    async (w) => {
      const p = await proposalOfA(w);
      return { params: { proposalId: p.id }, link: p.link };
    },
    true,
  ),
  'POST /employeurs/propositions/:proposalId/rencontre': employerRoute(
    303,
    async (w) => {
      const p = await proposalOfA(w);
      return { params: { proposalId: p.id }, link: p.link, body: { mode: 'call_me' } };
    },
    true,
  ),
  'POST /employeurs/propositions/:proposalId/refus': employerRoute(
    303,
    async (w) => {
      const p = await proposalOfA(w);
      return { params: { proposalId: p.id }, link: p.link, body: { reason: 'position_filled' } };
    },
    true,
  ),
  'POST /employeurs/propositions/:proposalId/issue': employerRoute(
    303,
    async (w) => {
      const p = await interviewOfA(w);
      return { params: { proposalId: p.id }, link: p.link, body: { outcome: 'not_hired', reason: 'profile_not_fit' } };
    },
    true,
  ),
};
