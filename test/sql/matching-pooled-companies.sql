-- Read-only snapshot of SQL built by the code, for review (issue 12 §6). Do not edit: change the code, then run
-- `npm run sql:snapshot`. Written by test/sql/sql-snapshot.ts, which calls each function named below with the
-- parameters shown; `npm run sql:check` (part of `npm run test:unit`) fails when this file differs from the code.
-- What the match lists show of the needs and pooled companies they keep (src/modules/matching), and the pooled companies of a collective by trade (src/modules/employer-network/pooled-companies-by-trade.ts).

-- ====================================================================================================================
-- loadShownDetails (need-queries.ts + pooled-company-queries.ts): names of the needs shown and facts of the pooled companies shown, one statement
-- ====================================================================================================================

-- loadShownDetails, statement 1 of 1
--   $1 = ["00000000-0000-4000-e000-000000000001"]
--   $2 = ["00000000-0000-4000-f000-000000000001"]
--   $3 = '2027-03-15T09:00:00.000Z'
SELECT coalesce(
    (
      SELECT json_agg(
          json_build_object(
            'id',
            n.id,
            'companyName',
            co.name,
            'appellationLabel',
            a.label,
            'placeName',
            cm.name
          )
        )
      FROM hiring_need n
        JOIN company co ON co.id = n.company_id
        JOIN rome_appellation a ON a.code = n.appellation_code
        LEFT JOIN commune cm ON cm.code = n.place_commune_code
      WHERE n.id = ANY($1::uuid [])
    ),
    '[]'
  ) AS labels,
  coalesce(
    (
      SELECT json_agg(f)
      FROM (
          SELECT pc.id,
            pc.display_name AS "name",
            CASE
              WHEN pc.commune_code IS NULL THEN NULL
              ELSE json_build_object(
                'code',
                pc.commune_code,
                'name',
                coalesce(cm.name, '')
              )
            END AS "commune",
            to_char(pc.paused_until, 'YYYY-MM-DD') AS "pausedUntil",
            pc.size_band AS "sizeBand",
            (
              SELECT count(DISTINCT c.siae_id)::int
              FROM pooled_company_member m
                JOIN company c ON c.id = m.company_id
              WHERE m.pooled_company_id = pc.id
            ) AS "knownBy",
            (
              SELECT count(*)::int
              FROM solicitation s
              WHERE s.pooled_company_id = pc.id
                AND s.occurred_at > $3::timestamptz - interval '30 days'
            ) AS "last30Days",
            (
              SELECT count(*)::int
              FROM solicitation s
              WHERE s.pooled_company_id = pc.id
                AND s.occurred_at > $3::timestamptz - interval '7 days'
            ) AS "last7Days",
            (
              SELECT coalesce(
                  json_agg(
                    json_build_object(
                      'sizeKey',
                      b.size_key,
                      'maxPer30Days',
                      b.max_per_30_days,
                      'maxPer7Days',
                      b.max_per_7_days
                    )
                  ),
                  '[]'
                )
              FROM solicitation_budget b
              WHERE b.collective_id = pc.collective_id
            ) AS "budgetRows"
          FROM pooled_company pc
            LEFT JOIN commune cm ON cm.code = pc.commune_code
          WHERE pc.id = ANY($2::uuid [])
        ) f
    ),
    '[]'
  ) AS facts;

-- ====================================================================================================================
-- neverAnsweringSql (company-responsiveness.ts), as matching.service.ts loadNeverAnswering calls it: pooled companies that never answer proposals
-- ====================================================================================================================

-- loadNeverAnswering, statement 1 of 1
--   $1 = ["00000000-0000-4000-f000-000000000001"]
--   $2 = '2027-03-15T09:00:00.000Z'
SELECT p.pooled_company_id,
  count(*)::int AS due
FROM proposal p
WHERE p.pooled_company_id = ANY($1::uuid [])
  AND NOT (
    p.status = 'withdrawn'
    AND p.answered_at IS NULL
  )
  AND (
    p.answered_at IS NOT NULL
    OR p.sent_at <= $2::timestamptz - interval '14 days'
  )
GROUP BY p.pooled_company_id
HAVING count(*) FILTER (
    WHERE p.answered_at IS NOT NULL
  ) = 0
  AND count(*) >= 2;

-- ====================================================================================================================
-- pooledCompaniesByTrade (employer-network/pooled-companies-by-trade.ts), filtered on an appellation and a ROME code
-- ====================================================================================================================

-- pooledCompaniesByTrade, statement 1 of 1
--   $1 = "00000000-0000-4000-c000-000000000001"
--   $2 = ["12345"]
--   $3 = ["N11"]
--   $4 = true
--   $5 = '2027-03-15T09:00:00.000Z'
--   $6 = 50
WITH wanted AS (
  SELECT n.id,
    n.appellation_code,
    a.label,
    n.positions,
    m.pooled_company_id
  FROM pooled_company_member m
    JOIN company c ON c.id = m.company_id
    JOIN hiring_need n ON n.company_id = c.id
    AND n.status = 'open'
    JOIN rome_appellation a ON a.code = n.appellation_code
  WHERE m.collective_id = $1
    AND (
      c.siae_id = ANY('{}'::uuid [])
      OR EXISTS (
        SELECT 1
        FROM company_share s
          JOIN collective_membership om ON om.collective_id = s.collective_id
          AND om.siae_id = c.siae_id
          AND om.status = 'active'
        WHERE s.company_id = c.id
          AND s.withdrawn_at IS NULL
          AND s.collective_id = ANY(ARRAY [$1::uuid]::uuid [])
      )
    )
    AND (
      NOT $4::boolean
      OR n.appellation_code = ANY($2::varchar [])
      OR EXISTS (
        SELECT 1
        FROM unnest($3::text []) AS r(code)
        WHERE a.fiche_code LIKE r.code || '%'
      )
    )
)
SELECT p.id,
  p.display_name AS name,
  cm.name AS commune_name,
  p.size_band,
  p.paused_until::text AS paused_until,
  coalesce(
    (
      SELECT json_agg(
          json_build_object(
            'hiringNeedId',
            w.id,
            'appellationCode',
            w.appellation_code,
            'appellation',
            w.label,
            'positions',
            w.positions
          )
          ORDER BY w.label,
            w.id
        )
      FROM wanted w
      WHERE w.pooled_company_id = p.id
    ),
    '[]'
  ) AS needs,
  EXISTS (
    SELECT 1
    FROM pooled_company_member m
      JOIN company c ON c.id = m.company_id
      JOIN company_contact ct ON ct.company_id = c.id
      AND ct.email IS NOT NULL
    WHERE m.pooled_company_id = p.id
      AND (
        c.siae_id = ANY('{}'::uuid [])
        OR EXISTS (
          SELECT 1
          FROM company_share s
            JOIN collective_membership om ON om.collective_id = s.collective_id
            AND om.siae_id = c.siae_id
            AND om.status = 'active'
          WHERE s.company_id = c.id
            AND s.withdrawn_at IS NULL
            AND s.collective_id = ANY(ARRAY [$1::uuid]::uuid [])
            AND s.with_contacts
        )
      )
  ) AS has_shared_contact,
  (
    SELECT count(*)::int
    FROM solicitation s
    WHERE s.pooled_company_id = p.id
      AND s.occurred_at > $5::timestamptz - interval '7 days'
  ) AS last7,
  (
    SELECT count(*)::int
    FROM solicitation s
    WHERE s.pooled_company_id = p.id
      AND s.occurred_at > $5::timestamptz - interval '30 days'
  ) AS last30,
  (
    SELECT coalesce(
        json_agg(
          json_build_object(
            'sizeKey',
            b.size_key,
            'maxPer30Days',
            b.max_per_30_days,
            'maxPer7Days',
            b.max_per_7_days
          )
        ),
        '[]'
      )
    FROM solicitation_budget b
    WHERE b.collective_id = p.collective_id
  ) AS budget_rows
FROM pooled_company p
  LEFT JOIN commune cm ON cm.code = p.commune_code
WHERE p.collective_id = $1
  AND p.dissolved_at IS NULL
  AND (
    NOT $4::boolean
    OR EXISTS (
      SELECT 1
      FROM wanted w
      WHERE w.pooled_company_id = p.id
    )
  )
ORDER BY (
    SELECT count(*)
    FROM wanted w
    WHERE w.pooled_company_id = p.id
  ) DESC,
  p.display_name,
  p.id
LIMIT $6;
