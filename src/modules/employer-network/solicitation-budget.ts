/**
 * The solicitation budget rule, pure: which limits apply to a pooled company and whether one more solicitation now
 * stays within them. The solicitation service enforces it (refusing with a French error); the match lists show it
 * (`contactableNow`), so that a CIP sees before calling what the service would answer.
 */
export const DEFAULT_BUDGET = { maxPer30Days: 4, maxPer7Days: 1 } as const;

export interface BudgetLimits {
  maxPer30Days: number;
  maxPer7Days: number;
}

/** A collective's budget rows: its size band's row, else its row for every size ('any'), else the defaults. */
export function limitsFor(
  rows: ReadonlyArray<{ sizeKey: string } & BudgetLimits>,
  sizeBand: string | null,
): BudgetLimits {
  const row = rows.find((r) => r.sizeKey === sizeBand) ?? rows.find((r) => r.sizeKey === 'any');
  return row ? { maxPer30Days: row.maxPer30Days, maxPer7Days: row.maxPer7Days } : { ...DEFAULT_BUDGET };
}

export type BudgetRefusal =
  { kind: 'paused'; until: string } | { kind: 'window'; window: '7 jours' | '30 jours'; limit: number; count: number };

/** Why one more solicitation today would be refused (pause first, then the 7-day then the 30-day window), or null. */
export function budgetRefusal(
  counts: { last7Days: number; last30Days: number },
  limits: BudgetLimits,
  pausedUntil: string | null,
  today: string,
): BudgetRefusal | null {
  if (pausedUntil && pausedUntil >= today) return { kind: 'paused', until: pausedUntil };
  if (counts.last7Days >= limits.maxPer7Days)
    return { kind: 'window', window: '7 jours', limit: limits.maxPer7Days, count: counts.last7Days };
  if (counts.last30Days >= limits.maxPer30Days)
    return { kind: 'window', window: '30 jours', limit: limits.maxPer30Days, count: counts.last30Days };
  return null;
}
