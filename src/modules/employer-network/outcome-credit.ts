import { EntityManager } from 'typeorm';
import { CompanyInteraction } from './entities';

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
