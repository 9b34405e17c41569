/**
 * What the pooled companies list shows of the few companies it keeps (matching.service → pooled-company-matches):
 * who knows them, and their solicitation counts and budget. Read for at most POOLED_COMPANIES_SHOWN companies.
 */
import type { EntityManager } from 'typeorm';

/** How many SIAE of the collective know each pooled company (its records' owners), for the few shown. */
export async function loadKnownBy(manager: EntityManager, pooledIds: string[]): Promise<Map<string, number>> {
  if (pooledIds.length === 0) return new Map();
  const rows: Array<{ id: string; n: number }> = await manager.query(
    `SELECT m.pooled_company_id AS id, count(DISTINCT c.siae_id)::int AS n FROM pooled_company_member m JOIN company c ON c.id = m.company_id
      WHERE m.pooled_company_id = ANY($1::uuid[]) GROUP BY m.pooled_company_id`,
    [pooledIds],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Solicitations of the last 30 and 7 days, and the collective's budget for each size band, for a few pooled companies. */
export async function loadSolicitationCounts(manager: EntityManager, pooledIds: string[], now: Date): Promise<Map<string, { last30Days: number; last7Days: number }>> {
  if (pooledIds.length === 0) return new Map();
  const rows: Array<{ id: string; last30: number; last7: number }> = await manager.query(
    `SELECT pooled_company_id AS id, count(*)::int AS last30, count(*) FILTER (WHERE occurred_at > $2::timestamptz - interval '7 days')::int AS last7
       FROM solicitation WHERE pooled_company_id = ANY($1::uuid[]) AND occurred_at > $2::timestamptz - interval '30 days' GROUP BY pooled_company_id`,
    [pooledIds, now],
  );
  return new Map(rows.map((r) => [r.id, { last30Days: r.last30, last7Days: r.last7 }]));
}

export async function loadSolicitationBudgets(manager: EntityManager, collectiveIds: string[]): Promise<Array<{ collectiveId: string; sizeKey: string; maxPer30Days: number; maxPer7Days: number }>> {
  if (collectiveIds.length === 0) return [];
  const rows: Array<{ collective_id: string; size_key: string; max_per_30_days: number; max_per_7_days: number }> = await manager.query(
    `SELECT collective_id, size_key, max_per_30_days, max_per_7_days FROM solicitation_budget WHERE collective_id = ANY($1::uuid[])`,
    [collectiveIds],
  );
  return rows.map((r) => ({ collectiveId: r.collective_id, sizeKey: r.size_key, maxPer30Days: r.max_per_30_days, maxPer7Days: r.max_per_7_days }));
}
