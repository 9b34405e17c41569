/**
 * Pooled companies for a candidate: the companies of the collective that could hire the person, because they have an
 * open need on one of the person's trades or had one in the last two years. Each company is ranked by its best need
 * (the engine's score, so the same reasons as the needs list), and shows whether the collective's solicitation budget
 * lets the CIP call it now: a company called four times this month is not a lead, it is a company about to stop
 * answering.
 */
import { budgetRefusal, type BudgetLimits } from '../employer-network/solicitation-budget';
import type { MatchScore } from './engine';
import type { NeedRowInfo, PooledNeedRow } from './matching-queries';

export interface SolicitationState {
  last30Days: number;
  last7Days: number;
  maxPer30Days: number;
  maxPer7Days: number;
  pausedUntil: string | null;
  /** Within the budget and not paused: a solicitation now would be accepted without a coordinator's override. */
  contactableNow: boolean;
}

export interface PooledCompanyMatchItem {
  pooledCompanyId: string;
  name: string;
  commune: { code: string; name: string } | null;
  /** SIAE of the collective that know this company (same name as in the pooled directory). */
  knownBySiae: number;
  /** Open needs of this company on the candidate's trades (within the radius). */
  openNeeds: number;
  bestNeed: {
    needId: string;
    status: string;
    appellation: NeedRowInfo['appellation'];
    score: number;
    normalizedScore: number;
    distanceKm: number | null;
  };
  solicitation: SolicitationState;
  /** Why the company is placed where it is, beyond its best need's score (e.g. it never answers proposals). */
  reasons: string[];
}

/**
 * One item per pooled company, from needs already ranked best first (ties resolved by the engine's total order): the
 * company's best need is its first, except that an open need scoring the same wins over a filled or closed one (the
 * CIP can act on it today). Returns the companies in the order of their best score, at most `limit`.
 */
export function bestPerPooledCompany(
  ranked: readonly MatchScore[],
  rows: ReadonlyMap<string, PooledNeedRow>,
  limit: number,
): Array<{ row: PooledNeedRow; best: MatchScore; openNeeds: number }> {
  const byCompany = new Map<string, { row: PooledNeedRow; best: MatchScore; openNeeds: number }>();
  for (const r of ranked) {
    const row = rows.get(r.needId)!;
    const seen = byCompany.get(row.pooledCompanyId);
    if (!seen) byCompany.set(row.pooledCompanyId, { row, best: r, openNeeds: row.status === 'open' ? 1 : 0 });
    else {
      if (row.status === 'open') seen.openNeeds++;
      if (row.status === 'open' && seen.row.status !== 'open' && r.score === seen.best.score)
        Object.assign(seen, { row, best: r });
    }
  }
  // Map order is first-insertion order, i.e. the order of each company's first (best-scoring) need.
  return [...byCompany.values()].slice(0, limit);
}

export function solicitationState(
  counts: { last30Days: number; last7Days: number } | undefined,
  limits: BudgetLimits,
  pausedUntil: string | null,
  today: string,
): SolicitationState {
  const { last30Days, last7Days } = counts ?? { last30Days: 0, last7Days: 0 };
  return {
    last30Days,
    last7Days,
    ...limits,
    pausedUntil,
    contactableNow: budgetRefusal({ last7Days, last30Days }, limits, pausedUntil, today) === null,
  };
}
