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
 * The one way the product credits an outcome obtained with a pooled company (an event's outcome, a proposal's interview
 * or hire): an interaction of that company **credited to the candidate's SIAE** (`by_siae_id`), so that reciprocity's
 * "outcomes through others" counts it when another SIAE introduced the company (`hire`, `immersion_hosted`,
 * `interview`). Pooled companies have no interaction table: the row goes on the credited SIAE's own record of the
 * company when it has one, else on the record it was reached through. The rule of issue 11 holds here too: the
 * candidate must be followed by the credited SIAE. Runs in the caller's transaction; the caller decides who may record
 * (this function trusts it) and makes the credit happen once (events: `UQ_event_outcome_meeting`; proposals:
 * `UQ_proposal_credit`), since an interaction row has no natural key of its own.
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
    note: credit.note === null ? null : credit.note.slice(0, 1000),
    byUserId: credit.byUserId,
    bySiaeId: credit.siaeId,
    candidateId: credit.candidateId,
  });
  return (inserted.identifiers[0] as { id: string }).id;
}
