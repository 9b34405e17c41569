import { EntityManager, IsNull } from 'typeorm';
import { Candidate } from '../candidates/entities/candidate.entity';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { InteractionKind } from './employer-network-vocabulary';
import { CompanyInteraction } from './entities';

export interface OutcomeCredit {
  pooledCompanyId: string;
  /** The record through which the company was reached (e.g. the one an event invitation used). */
  viaCompanyId: string;
  /** The SIAE the outcome is credited to: the candidate's. */
  siaeId: string;
  candidateId: string;
  kind: InteractionKind;
  occurredOn: string;
  note: string | null;
  byUserId: string | null;
}

/**
 * An outcome obtained with a pooled company (a hire, an immersion… after an event or a proposal), logged as an
 * interaction of that company **credited to the candidate's SIAE** (`by_siae_id`), so that reciprocity's "outcomes
 * through others" counts it when another SIAE introduced the company. Pooled companies have no interaction table: the
 * row goes on the credited SIAE's own record of the company when it has one, else on the record it was reached
 * through. The rule of issue 11 holds here too: the candidate must be followed by the credited SIAE. Runs in the
 * caller's transaction; the caller decides who may record (this function trusts it).
 */
export async function creditOutcomeToSiae(manager: EntityManager, credit: OutcomeCredit): Promise<string> {
  const followed = await manager.existsBy(Candidate, {
    id: credit.candidateId,
    siaeId: credit.siaeId,
    erasedAt: IsNull(),
  });
  if (!followed) throw errors.outcomeCandidateNotOfSiae();
  const [record]: Array<{ id: string }> = await manager.query(
    `SELECT c.id FROM company c
      WHERE c.id = $3 OR c.id IN (SELECT m.company_id FROM pooled_company_member m WHERE m.pooled_company_id = $1)
      ORDER BY (c.siae_id = $2) DESC, (c.id = $3) DESC, c.id LIMIT 1`,
    [credit.pooledCompanyId, credit.siaeId, credit.viaCompanyId],
  );
  const inserted = await manager.insert(CompanyInteraction, {
    companyId: record.id,
    kind: credit.kind,
    occurredOn: credit.occurredOn,
    contactId: null,
    note: credit.note,
    byUserId: credit.byUserId,
    bySiaeId: credit.siaeId,
    candidateId: credit.candidateId,
  });
  return (inserted.identifiers[0] as { id: string }).id;
}

/**
 * A hire obtained through another module's use case (a proposal accepted by the employer), written as the `hire`
 * interaction the reciprocity figures count: on the company record the proposal went to, in the name of the SIAE whose
 * candidate was hired. The rule of issue 11 (an outcome names a candidate of the logging SIAE) holds by construction:
 * the caller passes the proposal's candidate and that candidate's own SIAE. So "outcomes through others' contacts"
 * (PooledCompaniesService.reciprocity) credits it whenever another SIAE introduced the company.
 */
export async function creditHireOutcome(
  manager: EntityManager,
  input: {
    companyId: string;
    bySiaeId: string;
    candidateId: string;
    byUserId: string | null;
    occurredOn: string;
    note: string;
  },
): Promise<string> {
  const inserted = await manager.insert(CompanyInteraction, {
    companyId: input.companyId,
    kind: 'hire',
    occurredOn: input.occurredOn,
    contactId: null,
    note: input.note.slice(0, 1000),
    byUserId: input.byUserId,
    bySiaeId: input.bySiaeId,
    candidateId: input.candidateId,
  });
  return (inserted.identifiers[0] as { id: string }).id;
}
