/**
 * Rankings over whatever the query service pre-filtered (a SQL page, a whole region, a test's array): the order is a
 * total order on (score desc, id asc), so it depends neither on the input order nor on how the caller pages it.
 */
import { dayNumber } from './dates';
import {
  explainPrepared,
  maxCents,
  newSheet,
  prepareCandidate,
  prepareNeed,
  scoreCents,
  scoreOf,
  type PreparedCandidate,
  type PreparedNeed,
} from './score-pair';
import type { CandidateSnapshot, MatchingContext, MatchResult, MatchScore, NeedSnapshot } from './types';

export interface RankOptions {
  /** Results to skip (after ranking), default 0. */
  offset?: number;
  /** Results to return, default all. */
  limit?: number;
  /** Pairs scoring below this many points are left out of the ranking (and of `total`), default none. */
  minScore?: number;
}

export interface Ranking<T extends MatchScore = MatchResult> {
  /** The requested page, best first; never an excluded pair. */
  items: T[];
  /** Ranked (not excluded) pairs in total, for pagination. */
  total: number;
  /** Pairs left out by a hard rule (radius, licence, French): the service may say "n candidats exclus". Below `minScore` is not counted here. */
  excludedCount: number;
}

export function rankCandidatesForNeed(
  need: NeedSnapshot,
  candidates: readonly CandidateSnapshot[],
  ctx: MatchingContext,
  options: RankOptions = {},
): Ranking {
  assertUniqueIds(candidates, 'candidat');
  const n = prepareNeed(need);
  return rank(
    candidates.map(prepareCandidate),
    (c) => c.snapshot.id,
    () => n,
    (c) => c,
    ctx,
    options,
    explainPrepared,
  );
}

export function rankNeedsForCandidate(
  candidate: CandidateSnapshot,
  needs: readonly NeedSnapshot[],
  ctx: MatchingContext,
  options: RankOptions = {},
): Ranking {
  assertUniqueIds(needs, 'besoin');
  const c = prepareCandidate(candidate);
  return rank(
    needs.map(prepareNeed),
    (n) => n.snapshot.id,
    (n) => n,
    () => c,
    ctx,
    options,
    explainPrepared,
  );
}

/**
 * The same ranking without the reasons: for a list that shows scores only (the pooled companies of a candidate), where
 * building a thousand explanations would cost more than scoring them. Same order, same figures as `rankNeedsForCandidate`.
 */
export function rankNeedScoresForCandidate(
  candidate: CandidateSnapshot,
  needs: readonly NeedSnapshot[],
  ctx: MatchingContext,
  options: RankOptions = {},
): Ranking<MatchScore> {
  assertUniqueIds(needs, 'besoin');
  const c = prepareCandidate(candidate);
  return rank(
    needs.map(prepareNeed),
    (n) => n.snapshot.id,
    (n) => n,
    () => c,
    ctx,
    options,
    null,
  );
}

/** Best first; equal scores by id (code-unit order, not locale order, so every machine agrees). */
export function compareResults(idOf: (r: MatchResult) => string): (a: MatchResult, b: MatchResult) => number {
  return (a, b) => b.score - a.score || compareIds(idOf(a), idOf(b));
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Two passes: every pair is scored without words (integers, no sentence built), the survivors are ordered, and only
 * the requested page is explained. The explanation runs the same scorers, so its score is the one that ranked it.
 */
function rank<T, R extends MatchScore>(
  items: readonly T[],
  idOf: (item: T) => string,
  needOf: (item: T) => PreparedNeed,
  candidateOf: (item: T) => PreparedCandidate,
  ctx: MatchingContext,
  options: RankOptions,
  explain: ((c: PreparedCandidate, n: PreparedNeed, ctx: MatchingContext, today: number) => R) | null,
): Ranking<R> {
  const today = dayNumber(ctx.today);
  const sheet = newSheet(false);
  // Parallel arrays rather than one object per pair: at 100k pairs the garbage collector is the main cost.
  const cents = new Float64Array(items.length);
  const distances: Array<number | null> = explain ? [] : new Array<number | null>(items.length);
  const ids: string[] = new Array<string>(items.length);
  const kept: number[] = [];
  // Compared in hundredths, as the score is summed, so `score >= minScore` holds for every item returned.
  const minCents = options.minScore === undefined ? -Infinity : Math.round(options.minScore * 100);
  let excludedCount = 0;
  for (let i = 0; i < items.length; i++) {
    cents[i] = scoreCents(candidateOf(items[i]), needOf(items[i]), ctx, today, sheet);
    if (sheet.excluded) excludedCount++;
    else if (cents[i] >= minCents) {
      ids[i] = idOf(items[i]);
      kept.push(i);
      if (!explain) distances[i] = sheet.distanceKm;
    }
  }
  kept.sort((a, b) => cents[b] - cents[a] || compareIds(ids[a], ids[b]));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = options.limit === undefined ? kept.length : Math.max(0, Math.floor(options.limit));
  const page = kept.slice(offset, offset + limit);
  return {
    items: explain
      ? page.map((i) => explain(candidateOf(items[i]), needOf(items[i]), ctx, today))
      : (page.map((i) =>
          scoreOf(
            candidateOf(items[i]),
            needOf(items[i]),
            cents[i],
            maxCents(needOf(items[i]), ctx.weights),
            distances[i],
          ),
        ) as R[]),
    total: kept.length,
    excludedCount,
  };
}

/** Two snapshots with one id would make the order depend on the input: a caller's bug, refused loudly. */
function assertUniqueIds(items: readonly { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new RangeError(`Identifiant de ${what} en double dans le matching : ${id}`);
    seen.add(id);
  }
}
