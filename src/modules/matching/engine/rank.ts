/**
 * Rankings over whatever the query service pre-filtered (a SQL page, a whole region, a test's array): the order is a
 * total order on (score desc, id asc), so it depends neither on the input order nor on how the caller pages it.
 */
import { dayNumber } from './dates';
import { prepareCandidate, prepareNeed, scorePrepared } from './score-pair';
import type { CandidateSnapshot, MatchingContext, MatchResult, NeedSnapshot } from './types';

export interface RankOptions {
  /** Results to skip (after ranking), default 0. */
  offset?: number;
  /** Results to return, default all. */
  limit?: number;
}

export interface Ranking {
  /** The requested page, best first; never an excluded pair. */
  items: MatchResult[];
  /** Ranked (not excluded) pairs in total, for pagination. */
  total: number;
  /** Pairs left out by a hard rule (radius, licence, French): the service may say "n candidats exclus". */
  excludedCount: number;
}

export function rankCandidatesForNeed(need: NeedSnapshot, candidates: readonly CandidateSnapshot[], ctx: MatchingContext, options: RankOptions = {}): Ranking {
  assertUniqueIds(candidates, 'candidat');
  const today = dayNumber(ctx.today);
  const n = prepareNeed(need);
  const results = candidates.map((c) => scorePrepared(prepareCandidate(c), n, ctx, today));
  return rank(results, (r) => r.candidateId, options);
}

export function rankNeedsForCandidate(candidate: CandidateSnapshot, needs: readonly NeedSnapshot[], ctx: MatchingContext, options: RankOptions = {}): Ranking {
  assertUniqueIds(needs, 'besoin');
  const today = dayNumber(ctx.today);
  const c = prepareCandidate(candidate);
  const results = needs.map((n) => scorePrepared(c, prepareNeed(n), ctx, today));
  return rank(results, (r) => r.needId, options);
}

/** Best first; equal scores by id (code-unit order, not locale order, so every machine agrees). */
export function compareResults(idOf: (r: MatchResult) => string): (a: MatchResult, b: MatchResult) => number {
  return (a, b) => b.score - a.score || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
}

function rank(results: MatchResult[], idOf: (r: MatchResult) => string, options: RankOptions): Ranking {
  const kept = results.filter((r) => !r.excluded).sort(compareResults(idOf));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = options.limit === undefined ? kept.length : Math.max(0, Math.floor(options.limit));
  return { items: kept.slice(offset, offset + limit), total: kept.length, excludedCount: results.length - kept.length };
}

/** Two snapshots with one id would make the order depend on the input: a caller's bug, refused loudly. */
function assertUniqueIds(items: readonly { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new RangeError(`Identifiant de ${what} en double dans le matching : ${id}`);
    seen.add(id);
  }
}
