import { EntityManager } from 'typeorm';
import { fieldDate } from '../../platform/clock/clock';
import { visibleCompanySql } from './employer-network-access';
import { budgetRefusal, limitsFor, type BudgetLimits } from './solicitation-budget';

/** Trades wanted, as ROME appellations (OGR codes) and/or ROME fiches (`N1103`), domains (`N11`) or grands domaines (`N`). */
export interface TradeFilter {
  appellationCodes: string[];
  romeCodes: string[];
}

export interface PooledCompanyForTrade {
  pooledCompanyId: string;
  name: string;
  communeName: string | null;
  sizeBand: string | null;
  /** The open hiring needs (of records shared with the collective) on the trades wanted; all of them without a filter. */
  needs: Array<{ hiringNeedId: string; appellationCode: string; appellation: string; positions: number }>;
  /** A contact with an e-mail address on a record shared WITH its contacts: someone an invitation can be sent to. */
  hasSharedContact: boolean;
  budget: BudgetLimits & { last7Days: number; last30Days: number; pausedUntil: string | null; withinBudget: boolean };
}

/**
 * The pooled companies of a collective that recruit on given trades, through the open hiring needs of their records
 * shared with it (there is no ROME ↔ NAF table in the referentials, so NAF codes cannot say which trades a company
 * hires for: the needs are the evidence). With an empty filter, every pooled company with its open needs. Each comes
 * with its solicitation budget as the budget rule would judge one more solicitation now (`withinBudget`), so a
 * coordinator sees before inviting what the invitation would answer. The caller decides who may read the collective.
 */
export async function pooledCompaniesByTrade(
  manager: EntityManager,
  input: { collectiveId: string; filter: TradeFilter; now: Date; limit: number },
): Promise<PooledCompanyForTrade[]> {
  const { collectiveId, filter, now, limit } = input;
  const filtered = filter.appellationCodes.length > 0 || filter.romeCodes.length > 0;
  const rows: Array<{
    id: string;
    name: string;
    commune_name: string | null;
    size_band: string | null;
    paused_until: string | null;
    needs: PooledCompanyForTrade['needs'];
    has_shared_contact: boolean;
    last7: number;
    last30: number;
    budget_rows: Array<{ sizeKey: string } & BudgetLimits>;
  }> = await manager.query(
    `WITH wanted AS (
       SELECT n.id, n.appellation_code, a.label, n.positions, m.pooled_company_id
         FROM pooled_company_member m
         JOIN company c ON c.id = m.company_id
         JOIN hiring_need n ON n.company_id = c.id AND n.status = 'open'
         JOIN rome_appellation a ON a.code = n.appellation_code
        WHERE m.collective_id = $1 AND ${visibleCompanySql('c', `'{}'`, 'ARRAY[$1::uuid]')}
          AND (NOT $4::boolean OR n.appellation_code = ANY($2::varchar[])
               OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS r(code) WHERE a.fiche_code LIKE r.code || '%')))
     SELECT p.id, p.display_name AS name, cm.name AS commune_name, p.size_band, p.paused_until::text AS paused_until,
            coalesce((SELECT json_agg(json_build_object('hiringNeedId', w.id, 'appellationCode', w.appellation_code,
                                                        'appellation', w.label, 'positions', w.positions)
                                      ORDER BY w.label, w.id)
                        FROM wanted w WHERE w.pooled_company_id = p.id), '[]') AS needs,
            EXISTS (SELECT 1 FROM pooled_company_member m JOIN company c ON c.id = m.company_id
                      JOIN company_contact ct ON ct.company_id = c.id AND ct.email IS NOT NULL
                     WHERE m.pooled_company_id = p.id AND ${visibleCompanySql('c', `'{}'`, 'ARRAY[$1::uuid]', true)}) AS has_shared_contact,
            (SELECT count(*)::int FROM solicitation s WHERE s.pooled_company_id = p.id AND s.occurred_at > $5::timestamptz - interval '7 days') AS last7,
            (SELECT count(*)::int FROM solicitation s WHERE s.pooled_company_id = p.id AND s.occurred_at > $5::timestamptz - interval '30 days') AS last30,
            (SELECT coalesce(json_agg(json_build_object('sizeKey', b.size_key, 'maxPer30Days', b.max_per_30_days, 'maxPer7Days', b.max_per_7_days)), '[]')
               FROM solicitation_budget b WHERE b.collective_id = p.collective_id) AS budget_rows
       FROM pooled_company p LEFT JOIN commune cm ON cm.code = p.commune_code
      WHERE p.collective_id = $1 AND p.dissolved_at IS NULL
        AND (NOT $4::boolean OR EXISTS (SELECT 1 FROM wanted w WHERE w.pooled_company_id = p.id))
      ORDER BY (SELECT count(*) FROM wanted w WHERE w.pooled_company_id = p.id) DESC, p.display_name, p.id
      LIMIT $6`,
    [collectiveId, filter.appellationCodes, filter.romeCodes, filtered, now, limit],
  );
  const today = fieldDate(now);
  return rows.map((r) => {
    const limits = limitsFor(r.budget_rows, r.size_band);
    const counts = { last7Days: r.last7, last30Days: r.last30 };
    return {
      pooledCompanyId: r.id,
      name: r.name,
      communeName: r.commune_name,
      sizeBand: r.size_band,
      needs: r.needs,
      hasSharedContact: r.has_shared_contact,
      budget: {
        ...limits,
        ...counts,
        pausedUntil: r.paused_until,
        withinBudget: budgetRefusal(counts, limits, r.paused_until, today) === null,
      },
    };
  });
}
