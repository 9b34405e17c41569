import { EntityManager } from 'typeorm';
import { siaeIdsWith, type Principal } from '../../platform/auth/principal';
import { candidatesErrors } from './candidates.errors';
import { Candidate } from './entities/candidate.entity';

/**
 * Who is looking, reduced to what the candidate queries need: the SIAE whose staff they are (they see everything of
 * those SIAE's candidates), the SIAE where they may write (CIP, direction), and the partner SIAE (other active members
 * of an active collective membership of theirs), whose consenting candidates' shared profiles they may see.
 */
export interface Viewer {
  userId: string | null;
  ownSiaeIds: string[];
  writerSiaeIds: string[];
  partnerSiaeIds: string[];
}

/**
 * The partner SIAE rule as a query returning `siae_id` rows ($own = the viewer's SIAE): for a caller that folds it into a
 * statement of its own (one round trip less on a list read per keystroke).
 */
export function partnerSiaeIdsSql(ownParam: string): string {
  return `SELECT DISTINCT theirs.siae_id
       FROM collective_membership mine
       JOIN collective_membership theirs ON theirs.collective_id = mine.collective_id AND theirs.status = 'active'
      WHERE mine.status = 'active' AND mine.siae_id = ANY(${ownParam}::uuid[]) AND NOT (theirs.siae_id = ANY(${ownParam}::uuid[]))`;
}

/** Partner SIAE, read in the caller's transaction so a membership that ends is honoured by the very next query. */
export async function partnerSiaeIdsOf(manager: EntityManager, ownSiaeIds: string[]): Promise<string[]> {
  if (ownSiaeIds.length === 0) return [];
  const rows: Array<{ siae_id: string }> = await manager.query(partnerSiaeIdsSql('$1'), [ownSiaeIds]);
  return rows.map((r) => r.siae_id);
}

export async function viewerOf(manager: EntityManager, principal: Principal): Promise<Viewer> {
  const ownSiaeIds = siaeIdsWith(principal);
  return {
    userId: principal.userId,
    ownSiaeIds,
    writerSiaeIds: siaeIdsWith(principal, ['direction', 'cip']),
    partnerSiaeIds: await partnerSiaeIdsOf(manager, ownSiaeIds),
  };
}

/**
 * The one visibility rule for shared profiles, as SQL over a `candidate_profile` (or `candidate_target_job`) alias:
 * own SIAE always; partner SIAE only with the sharing flag AND an active `collective` consent row (the flag serves
 * the partial index, the consent row is the truth).
 */
export function visibleProfileSql(alias: string, ownParam: string, partnerParam: string): string {
  return `(${alias}.siae_id = ANY(${ownParam}::uuid[]) OR (${partnerSql(alias, partnerParam)}))`;
}

export function partnerSql(alias: string, partnerParam: string): string {
  return `${alias}.siae_id = ANY(${partnerParam}::uuid[]) AND ${alias}.shared_with_collective AND EXISTS (
      SELECT 1 FROM candidate_consent cc WHERE cc.candidate_id = ${alias}.candidate_id AND cc.scope = 'collective' AND cc.withdrawn_at IS NULL)`;
}

/**
 * Locks the identity row of a candidate the viewer may write (CIP or direction of its SIAE) for the rest of the
 * transaction, so that writes on one candidate (profile, consent, erasure) never interleave. Staff of the SIAE without
 * that role are told they may not (403); anybody else learns nothing (404).
 */
export async function lockWritableCandidate(
  manager: EntityManager,
  viewer: Viewer,
  candidateId: string,
): Promise<Candidate> {
  const candidate = await manager
    .createQueryBuilder(Candidate, 'c')
    .where('c.id = :candidateId AND c.siae_id = ANY(:siaeIds::uuid[])', { candidateId, siaeIds: viewer.ownSiaeIds })
    .setLock('pessimistic_write')
    .getOne();
  if (!candidate) throw candidatesErrors.candidateNotFound();
  if (!viewer.writerSiaeIds.includes(candidate.siaeId)) throw candidatesErrors.onlyCipOrDirection();
  return candidate;
}

export function assertNotErased(candidate: Candidate): void {
  if (candidate.erasedAt) throw candidatesErrors.candidateErased();
}
