import { EntityManager } from 'typeorm';
import type { SiaeRole } from '../../platform/auth/principal';
import { holdsRoleIn, viewerOf, type Viewer } from '../structures/access';
import { candidatesErrors } from './candidates.errors';
import { Candidate } from './entities/candidate.entity';

/** Who may write a candidate (identity, profile, consent, erasure): the CIP and the direction of its SIAE. */
export const CANDIDATE_WRITERS: readonly SiaeRole[] = ['direction', 'cip'];

/**
 * The viewer of the candidate queries is the structures module's `Viewer`: they see everything of their own SIAE's
 * candidates (`ownSiaeIds`) and the consenting shared profiles of their partner SIAE (`partnerSiaeIds`).
 */
export type { Viewer };
export { viewerOf };

/**
 * The one visibility rule for shared profiles, as SQL over a `candidate_profile` (or `candidate_target_job`) alias:
 * own SIAE always; partner SIAE only with the sharing flag AND an active `collective` consent row that names one of
 * the viewer's collectives (the flag serves the partial index, the consent row is the truth). `collectivesParam` is
 * the viewer's `memberCollectiveIds`: a collective their SIAE shares with the candidate's but that the consent does not
 * name (one joined after it was recorded) shows nothing.
 */
export function visibleProfileSql(
  alias: string,
  ownParam: string,
  partnerParam: string,
  collectivesParam: string,
): string {
  return `(${alias}.siae_id = ANY(${ownParam}::uuid[]) OR (${partnerSql(alias, partnerParam, collectivesParam)}))`;
}

/**
 * Shared profiles of the SIAE `siaeParam` the viewer reaches through their collectives `collectivesParam` (uuid[]
 * parameters). `ownParam`, when given, names SIAE whose consenting profiles count whatever collectives the consent
 * names (the match lists show the viewer's own consenting candidates beside the partners').
 */
export function partnerSql(alias: string, siaeParam: string, collectivesParam: string, ownParam?: string): string {
  const covers = `cc.collective_ids && ${collectivesParam}::uuid[]`;
  return `${alias}.siae_id = ANY(${siaeParam}::uuid[]) AND ${alias}.shared_with_collective AND EXISTS (
      SELECT 1 FROM candidate_consent cc WHERE cc.candidate_id = ${alias}.candidate_id AND cc.scope = 'collective' AND cc.withdrawn_at IS NULL
         AND ${ownParam ? `(${alias}.siae_id = ANY(${ownParam}::uuid[]) OR ${covers})` : covers})`;
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
  if (!holdsRoleIn(viewer, candidate.siaeId, CANDIDATE_WRITERS)) throw candidatesErrors.onlyCipOrDirection();
  return candidate;
}

export function assertNotErased(candidate: Candidate): void {
  if (candidate.erasedAt) throw candidatesErrors.candidateErased();
}
