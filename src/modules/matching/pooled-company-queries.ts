/**
 * What the pooled companies list shows of the few companies it keeps (matching.service → pooled-company-matches):
 * name and commune, who knows them, their solicitations of the last 30 and 7 days, their pause and size band, and their
 * collective's budget rows. Read for at most POOLED_COMPANIES_SHOWN companies, in the statement that reads the names of
 * the needs shown (`loadShownDetails`).
 */
import type { BudgetLimits } from '../employer-network/solicitation-budget';

export interface PooledCompanyFacts {
  name: string;
  commune: { code: string; name: string } | null;
  pausedUntil: string | null;
  sizeBand: string | null;
  /** SIAE of the collective that know the company (its records' owners). */
  knownBy: number;
  last30Days: number;
  last7Days: number;
  budgetRows: Array<{ sizeKey: string } & BudgetLimits>;
}

/** One row per pooled company of $ids (uuid[]), as of $now (timestamptz): `id` and the fields of PooledCompanyFacts. */
export function pooledCompanyFactsSql(idsParam: string, nowParam: string): string {
  return `SELECT pc.id, pc.display_name AS "name",
            CASE WHEN pc.commune_code IS NULL THEN NULL ELSE json_build_object('code', pc.commune_code, 'name', coalesce(cm.name, '')) END AS "commune",
            to_char(pc.paused_until, 'YYYY-MM-DD') AS "pausedUntil", pc.size_band AS "sizeBand",
            (SELECT count(DISTINCT c.siae_id)::int FROM pooled_company_member m JOIN company c ON c.id = m.company_id WHERE m.pooled_company_id = pc.id) AS "knownBy",
            (SELECT count(*)::int FROM solicitation s WHERE s.pooled_company_id = pc.id AND s.occurred_at > ${nowParam}::timestamptz - interval '30 days') AS "last30Days",
            (SELECT count(*)::int FROM solicitation s WHERE s.pooled_company_id = pc.id AND s.occurred_at > ${nowParam}::timestamptz - interval '7 days') AS "last7Days",
            (SELECT coalesce(json_agg(json_build_object('sizeKey', b.size_key, 'maxPer30Days', b.max_per_30_days, 'maxPer7Days', b.max_per_7_days)), '[]')
               FROM solicitation_budget b WHERE b.collective_id = pc.collective_id) AS "budgetRows"
       FROM pooled_company pc LEFT JOIN commune cm ON cm.code = pc.commune_code WHERE pc.id = ANY(${idsParam}::uuid[])`;
}
