/**
 * What the pooled companies list shows of the few companies it keeps (matching.service → pooled-company-matches):
 * who knows them, their solicitations of the last 30 and 7 days, and their collective's budget rows. One statement for
 * at most POOLED_COMPANIES_SHOWN companies.
 */
import type { EntityManager } from 'typeorm';
import type { BudgetLimits } from '../employer-network/solicitation-budget';

export interface PooledCompanyFacts {
  /** SIAE of the collective that know the company (its records' owners). */
  knownBy: number;
  last30Days: number;
  last7Days: number;
  budgetRows: Array<{ sizeKey: string } & BudgetLimits>;
}

export async function loadPooledCompanyFacts(manager: EntityManager, pooledIds: string[], now: Date): Promise<Map<string, PooledCompanyFacts>> {
  if (pooledIds.length === 0) return new Map();
  const rows: Array<{ id: string } & PooledCompanyFacts> = await manager.query(
    `SELECT pc.id,
            (SELECT count(DISTINCT c.siae_id)::int FROM pooled_company_member m JOIN company c ON c.id = m.company_id WHERE m.pooled_company_id = pc.id) AS "knownBy",
            (SELECT count(*)::int FROM solicitation s WHERE s.pooled_company_id = pc.id AND s.occurred_at > $2::timestamptz - interval '30 days') AS "last30Days",
            (SELECT count(*)::int FROM solicitation s WHERE s.pooled_company_id = pc.id AND s.occurred_at > $2::timestamptz - interval '7 days') AS "last7Days",
            (SELECT coalesce(json_agg(json_build_object('sizeKey', b.size_key, 'maxPer30Days', b.max_per_30_days, 'maxPer7Days', b.max_per_7_days)), '[]')
               FROM solicitation_budget b WHERE b.collective_id = pc.collective_id) AS "budgetRows"
       FROM pooled_company pc WHERE pc.id = ANY($1::uuid[])`,
    [pooledIds, now],
  );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}
