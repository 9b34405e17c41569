import { CandidateFixtures, communes, rome, type NewCandidate } from './candidate-fixtures';
import { buildEventWorld, pooledCompany, type EventWorld } from './event-world';
import type { TestApp } from './test-app';

/**
 * The world of the proposals tests, on the events' world (collective with SIAE A, B, C, coordinator `coord`): pooled
 * companies over records of SIAE A (A introduced them), each with a contact that has an e-mail and an open hiring need
 * for "agent de propreté de locaux"; candidates of any SIAE with a profile on that trade and an `employers` consent.
 */
export interface ProposalWorld extends EventWorld {
  cf: CandidateFixtures;
  /** Signs everybody in again (after the test clock jumped past the sessions' lifetime). */
  relogin(): Promise<void>;
}

export async function buildProposalWorld(t: TestApp): Promise<ProposalWorld> {
  const w = await buildEventWorld(t);
  const world: ProposalWorld = {
    ...w,
    cf: new CandidateFixtures(t, w.f),
    relogin: async () => {
      const tokens = new Map<string, string>();
      for (const [key, user] of Object.entries(w.users)) tokens.set(key, await w.f.tokenFor(user));
      world.auth = (who) => `Bearer ${tokens.get(who) ?? ''}`;
      world.cf = new CandidateFixtures(t, w.f);
    },
  };
  return world;
}

/** Headers of a fresh employer session opened from a link token (cookie + CSRF), or `{}` if the exchange is refused. */
export async function freshEmployerSession(t: TestApp, token: string): Promise<Record<string, string>> {
  const res = await t.http().post('/api/employer-links/exchange').send({ token });
  if (res.status !== 200) return {};
  const cookies = ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((c) => c.split(';')[0]);
  return { cookie: cookies.join('; '), 'x-csrf-token': res.body.csrfToken as string };
}

export interface CompanyWithNeed {
  pooledCompanyId: string;
  companyId: string;
  needId: string;
  email: string;
}

let seq = 0;

/** A pooled company of A with one open need (`positions` places) of agent de propreté de locaux in Villeurbanne. */
export async function companyWithNeed(w: ProposalWorld, name: string, positions = 1): Promise<CompanyWithNeed> {
  const email = `rh-${seq++}-${process.pid}@entreprise.exemple.fr`;
  const pooled = await pooledCompany(w, name, email);
  const need = await w.t
    .http()
    .post(`/api/companies/${pooled.companyId}/needs`)
    .set('authorization', w.auth('devA'))
    .send({
      appellationCode: rome.agentPropreteLocaux,
      positions,
      contractType: 'cdd',
      placeCommuneCode: communes.villeurbanne,
      // Without it a need asks for a driving licence, which the fixtures' candidates do not hold (a hard exclusion).
      accommodations: ['no_driving_licence'],
    });
  if (need.status !== 201) throw new Error(`need: ${need.status} ${JSON.stringify(need.body)}`);
  return { pooledCompanyId: pooled.id, companyId: pooled.companyId, needId: need.body.id as string, email };
}

/** A candidate of SIAE `siae` (followed by its CIP), with a profile and an `employers` consent. */
export async function candidateOf(w: ProposalWorld, siae: 'A' | 'B' | 'C', consent = true): Promise<NewCandidate> {
  const cip = w.users[`cip${siae}`];
  const c = await w.cf.newCandidate(cip, w.siaes[siae].id);
  if (consent) await w.cf.consent(cip, c.id, 'employers');
  return c;
}

/** The collective's budget, wide enough for scenarios that are not about the budget. */
export async function wideBudget(w: ProposalWorld): Promise<void> {
  const res = await w.t
    .http()
    .put(`/api/collectives/${w.collective.id}/solicitation-budget`)
    .set('authorization', w.auth('coord'))
    .send({ default: { maxPer30Days: 100, maxPer7Days: 100 } });
  if (res.status !== 200) throw new Error(`budget: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The link token of the last proposal mail to `email`, read from the mail log (the outbox sends it). */
export async function proposalToken(t: TestApp, email: string): Promise<string> {
  const rows: Array<{ body_text: string }> = await t.dataSource.query(
    `SELECT body_text FROM mail_message WHERE template = 'proposal-received' AND recipient = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [email],
  );
  const match = /\/lien\/([A-Za-z0-9_-]{43})/.exec(rows[0]?.body_text ?? '');
  if (!match) throw new Error(`no proposal link mailed to ${email}`);
  return match[1];
}
