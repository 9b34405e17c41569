/**
 * Scores for the pairs of a job dating (candidates registered × needs the employers brought), for the employer's view of
 * profiles and later for the planning's pair weights: the same snapshots and the same pure engine as the match lists,
 * with the organising collective's weights. Consent and visibility are the caller's (events decides who is shown).
 */
import { EntityManager } from 'typeorm';
import { profileColumns, candidateSnapshot, type CandidateRow } from './candidate-queries';
import { loadCollectiveWeights } from './collective-weights';
import { defaultMatchingWeights, relatedJobsFromRows, scorePair, type MatchResult, type RelatedJobs } from './engine';
import { loadJobReferential } from './matching-sql';
import { NEED_SCORE_COLUMNS, scoreRowNeed, type NeedScoreRow } from './need-queries';

// The referential changes only with an import (a deployment): loaded once per process, as the match lists do.
let related: Promise<RelatedJobs> | null = null;

export async function scoreEventPairs(
  manager: EntityManager,
  input: { collectiveId: string; candidateIds: string[]; needIds: string[]; today: string },
): Promise<MatchResult[]> {
  if (input.candidateIds.length === 0 || input.needIds.length === 0) return [];
  if (!related) {
    related = loadJobReferential(manager).then((ref) => relatedJobsFromRows(ref.related));
    related.catch(() => (related = null));
  }
  const relatedJobs = await related;
  const weights = (await loadCollectiveWeights(manager, input.collectiveId)) ?? defaultMatchingWeights;
  const candidates: CandidateRow[] = await manager.query(
    `SELECT ${profileColumns()} FROM candidate_profile p WHERE p.candidate_id = ANY($1::uuid[])`,
    [input.candidateIds],
  );
  const needs: NeedScoreRow[] = await manager.query(
    `SELECT ${NEED_SCORE_COLUMNS} FROM hiring_need n WHERE n.id = ANY($1::uuid[])`,
    [input.needIds],
  );
  const context = { today: input.today, weights, relatedJobs };
  const needSnapshots = needs.map((n) => scoreRowNeed(n).snapshot);
  return candidates.flatMap((c) => {
    const snapshot = candidateSnapshot(c);
    return needSnapshots.map((need) => scorePair(snapshot, need, context));
  });
}
