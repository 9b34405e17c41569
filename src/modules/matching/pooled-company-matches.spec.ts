import type { MatchScore } from './engine';
import type { PooledNeedRow } from './matching-queries';
import { limitsFor } from '../employer-network/solicitation-budget';
import { bestPerPooledCompany, solicitationState } from './pooled-company-matches';

const result = (needId: string, score: number): MatchScore => ({
  needId,
  candidateId: 'c',
  score,
  maxScore: 100,
  normalizedScore: score / 100,
  distanceKm: 1,
});
const row = (needId: string, pooledCompanyId: string, status = 'open'): PooledNeedRow =>
  ({ pooledCompanyId, status, snapshot: { id: needId } }) as unknown as PooledNeedRow;

describe('pooled companies for a candidate', () => {
  it('keeps each company once, at the rank of its best need, and counts its open needs', () => {
    const ranked = [result('n1', 80), result('n2', 70), result('n3', 60), result('n4', 50)];
    const rows = new Map([
      ['n1', row('n1', 'A')],
      ['n2', row('n2', 'B', 'filled')],
      ['n3', row('n3', 'A')],
      ['n4', row('n4', 'C', 'closed')],
    ]);
    const out = bestPerPooledCompany(ranked, rows, 10);
    expect(out.map((o) => [o.row.pooledCompanyId, o.best.needId, o.openNeeds])).toEqual([
      ['A', 'n1', 2],
      ['B', 'n2', 0],
      ['C', 'n4', 0],
    ]);
    expect(bestPerPooledCompany(ranked, rows, 2).map((o) => o.row.pooledCompanyId)).toEqual(['A', 'B']);
  });

  it('prefers an open need to a filled one of the same score as the company’s best', () => {
    const ranked = [result('filled', 60), result('open', 60), result('other', 55)];
    const rows = new Map([
      ['filled', row('filled', 'A', 'filled')],
      ['open', row('open', 'A')],
      ['other', row('other', 'B')],
    ]);
    expect(
      bestPerPooledCompany(ranked, rows, 10).map((o) => [o.row.pooledCompanyId, o.best.needId, o.openNeeds]),
    ).toEqual([
      ['A', 'open', 1],
      ['B', 'other', 1],
    ]);
    // A filled need scoring higher stays the best: the score comes first.
    const higher = [result('filled', 61), result('open', 60)];
    expect(bestPerPooledCompany(higher, rows, 10)[0].best.needId).toBe('filled');
  });

  it('reads the budget of the size band, else the collective’s, else the defaults', () => {
    const budgets = [
      { collectiveId: 'k', sizeKey: 'any', maxPer30Days: 6, maxPer7Days: 2 },
      { collectiveId: 'k', sizeKey: 'micro', maxPer30Days: 2, maxPer7Days: 1 },
    ];
    const of = (collectiveId: string) => budgets.filter((b) => b.collectiveId === collectiveId);
    expect(limitsFor(of('k'), 'micro')).toEqual({ maxPer30Days: 2, maxPer7Days: 1 });
    expect(limitsFor(of('k'), 'large')).toEqual({ maxPer30Days: 6, maxPer7Days: 2 });
    expect(limitsFor(of('other'), 'micro')).toEqual({ maxPer30Days: 4, maxPer7Days: 1 });
  });

  it('says a company may be called now only within both windows and outside a pause (the solicitation rule)', () => {
    const limits = { maxPer30Days: 4, maxPer7Days: 1 };
    expect(solicitationState(undefined, limits, null, '2026-11-25').contactableNow).toBe(true);
    expect(solicitationState({ last30Days: 1, last7Days: 1 }, limits, null, '2026-11-25').contactableNow).toBe(false);
    expect(solicitationState({ last30Days: 4, last7Days: 0 }, limits, null, '2026-11-25').contactableNow).toBe(false);
    expect(solicitationState({ last30Days: 3, last7Days: 0 }, limits, null, '2026-11-25').contactableNow).toBe(true);
    expect(solicitationState(undefined, limits, '2026-11-25', '2026-11-25').contactableNow).toBe(false);
    expect(solicitationState(undefined, limits, '2026-11-24', '2026-11-25').contactableNow).toBe(true);
  });
});
