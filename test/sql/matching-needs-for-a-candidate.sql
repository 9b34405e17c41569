-- Read-only snapshot of SQL built by the code, for review (issue 12 §6). Do not edit: change the code, then run
-- `npm run sql:snapshot`. Written by test/sql/sql-snapshot.ts, which calls each function named below with the
-- parameters shown; `npm run sql:check` (part of `npm run test:unit`) fails when this file differs from the code.
-- The needs-for-a-candidate list and the pooled companies list, which read the same needs (src/modules/matching: matching.service.ts needsForCandidate).

-- ====================================================================================================================
-- loadViewerAndCandidate (matching-queries.ts): the viewer and a candidate of their own SIAE, one statement
-- ====================================================================================================================

-- loadViewerAndCandidate, statement 1 of 1
--   $1 = ["00000000-0000-4000-a000-00000000000a"]
--   $2 = "00000000-0000-4000-d000-000000000001"
SELECT coalesce(
    (
      SELECT array_agg(
          p.siae_id
          ORDER BY p.siae_id
        )
      FROM (
          SELECT DISTINCT theirs.siae_id
          FROM collective_membership mine
            JOIN collective_membership theirs ON theirs.collective_id = mine.collective_id
            AND theirs.status = 'active'
          WHERE mine.status = 'active'
            AND mine.siae_id = ANY($1::uuid [])
            AND NOT (theirs.siae_id = ANY($1::uuid []))
        ) p
    ),
    '{}'
  ) AS partners,
  coalesce(
    (
      SELECT json_agg(
          json_build_object(
            'id',
            c.id,
            'weights',
            c.matching_weights,
            'members',
            (
              SELECT array_agg(
                  a.siae_id
                  ORDER BY a.siae_id
                )
              FROM collective_membership a
              WHERE a.collective_id = c.id
                AND a.status = 'active'
            )
          )
          ORDER BY c.id
        )
      FROM collective c
      WHERE c.id IN (
          SELECT m.collective_id
          FROM collective_membership m
          WHERE m.status = 'active'
            AND m.siae_id = ANY($1::uuid [])
        )
    ),
    '[]'
  ) AS collectives,
  (
    SELECT row_to_json(x)
    FROM (
        SELECT p.candidate_id,
          p.siae_id,
          p.commune_code,
          p.latitude,
          p.longitude,
          p.mobility_radius_km,
          array_to_string(p.transport_means, ',') AS transport_means,
          array_to_string(p.driving_licences, ',') AS driving_licences,
          p.languages::text AS languages,
          p.french_as_foreign_language,
          p.literacy_difficulty,
          to_char(p.available_from, 'YYYY-MM-DD') AS available_from,
          p.work_time,
          to_char(p.contract_end, 'YYYY-MM-DD') AS contract_end,
          array_to_string(p.target_ogr_codes, ',') AS target_ogr_codes,
          array_to_string(p.target_fiche_codes, ',') AS target_fiche_codes,
          (
            SELECT coalesce(
                json_agg(
                  json_build_object('l', s.label, 'e', s.evidence_level)
                ),
                '[]'
              )
            FROM candidate_skill s
            WHERE s.candidate_id = p.candidate_id
          ) AS skills,
          (
            SELECT coalesce(array_agg(ss.soft_skill), '{}')
            FROM candidate_soft_skill ss
            WHERE ss.candidate_id = p.candidate_id
          ) AS soft
        FROM candidate k
          LEFT JOIN candidate_profile p ON p.candidate_id = k.id
          AND p.siae_id = k.siae_id
        WHERE k.id = $2::uuid
          AND k.siae_id = ANY($1::uuid [])
          AND k.erased_at IS NULL
      ) x
  ) AS candidate;

-- ====================================================================================================================
-- loadNeedsOfCandidate (need-queries.ts), viewer in 2 collectives, candidate with 2 target jobs (K2204, N1103), radius 30 km: open and recent needs of both lists, then the needs not in the cache
-- ====================================================================================================================

-- loadNeedsOfCandidate, statement 1 of 2
--   $1 = ["00000000-0000-4000-c000-000000000001","00000000-0000-4000-c000-000000000002"]
--   $2 = ["00000000-0000-4000-a000-00000000000a"]
--   $3 = "00000000-0000-4000-c000-000000000001"
--   $4 = ["00000000-0000-4000-a000-00000000000a","00000000-0000-4000-a000-00000000000b"]
--   $5 = "00000000-0000-4000-c000-000000000002"
--   $6 = ["00000000-0000-4000-a000-00000000000a","00000000-0000-4000-a000-00000000000c"]
--   $7 = ["G16","K22","N11"]
--   $8 = ["G1603","K2201","K2204","N1103","N1105"]
--   $9 = "2027-03-15"
--   $10 = 45.764
--   $11 = 4.8357
--   $12 = 45.494507
--   $13 = 46.033493
--   $14 = 4.449392
--   $15 = 5.222008
--   $16 = 30.001
WITH n AS (
  SELECT n.id,
    'open'::varchar AS status,
    n.match_version,
    n.company_id,
    n.latitude IS NULL AS no_place
  FROM hiring_need n
  WHERE n.status = 'open'
    AND n.domain_code = ANY($7::bpchar [])
    AND n.fiche_code = ANY($8::bpchar [])
    AND (
      n.owner_siae_id = ANY($2::uuid [])
      OR (
        n.shared_collective_ids @> ARRAY [$3::uuid]
        AND n.owner_siae_id = ANY($4::uuid [])
      )
      OR (
        n.shared_collective_ids @> ARRAY [$5::uuid]
        AND n.owner_siae_id = ANY($6::uuid [])
      )
    )
    AND n.latitude BETWEEN $12::float8 AND $13::float8
    AND n.longitude BETWEEN $14::float8 AND $15::float8
    AND (
      2 * 6378.168 * asin(
        least(
          1,
          sqrt(
            sin(radians(n.latitude - $10::float8) / 2) ^ 2 + cos(radians($10::float8)) * cos(radians(n.latitude)) * sin(radians(n.longitude - $11::float8) / 2) ^ 2
          )
        )
      )
    ) <= $16::float8
  UNION ALL
  SELECT n.id,
    'open'::varchar AS status,
    n.match_version,
    n.company_id,
    n.latitude IS NULL AS no_place
  FROM hiring_need n
  WHERE n.status = 'open'
    AND n.domain_code = ANY($7::bpchar [])
    AND n.fiche_code = ANY($8::bpchar [])
    AND (
      n.owner_siae_id = ANY($2::uuid [])
      OR (
        n.shared_collective_ids @> ARRAY [$3::uuid]
        AND n.owner_siae_id = ANY($4::uuid [])
      )
      OR (
        n.shared_collective_ids @> ARRAY [$5::uuid]
        AND n.owner_siae_id = ANY($6::uuid [])
      )
    )
    AND n.latitude IS NULL
  UNION ALL
  SELECT n.id,
    n.status,
    n.match_version,
    n.company_id,
    n.latitude IS NULL AS no_place
  FROM hiring_need n
  WHERE n.status <> 'open'
    AND n.domain_code = ANY($7::bpchar [])
    AND n.fiche_code = ANY($8::bpchar [])
    AND (
      n.owner_siae_id = ANY($2::uuid [])
      OR (
        n.shared_collective_ids @> ARRAY [$3::uuid]
        AND n.owner_siae_id = ANY($4::uuid [])
      )
      OR (
        n.shared_collective_ids @> ARRAY [$5::uuid]
        AND n.owner_siae_id = ANY($6::uuid [])
      )
    )
    AND coalesce(n.closed_at, n.updated_at) >= $9::date - make_interval(months => 24)
    AND n.latitude BETWEEN $12::float8 AND $13::float8
    AND n.longitude BETWEEN $14::float8 AND $15::float8
    AND (
      2 * 6378.168 * asin(
        least(
          1,
          sqrt(
            sin(radians(n.latitude - $10::float8) / 2) ^ 2 + cos(radians($10::float8)) * cos(radians(n.latitude)) * sin(radians(n.longitude - $11::float8) / 2) ^ 2
          )
        )
      )
    ) <= $16::float8
  UNION ALL
  SELECT n.id,
    n.status,
    n.match_version,
    n.company_id,
    n.latitude IS NULL AS no_place
  FROM hiring_need n
  WHERE n.status <> 'open'
    AND n.domain_code = ANY($7::bpchar [])
    AND n.fiche_code = ANY($8::bpchar [])
    AND (
      n.owner_siae_id = ANY($2::uuid [])
      OR (
        n.shared_collective_ids @> ARRAY [$3::uuid]
        AND n.owner_siae_id = ANY($4::uuid [])
      )
      OR (
        n.shared_collective_ids @> ARRAY [$5::uuid]
        AND n.owner_siae_id = ANY($6::uuid [])
      )
    )
    AND coalesce(n.closed_at, n.updated_at) >= $9::date - make_interval(months => 24)
    AND n.latitude IS NULL
)
SELECT n.id,
  n.status,
  n.match_version,
  pm.pooled_company_id AS pooled_id,
  CASE
    WHEN n.no_place
    AND pm.pooled_company_id IS NOT NULL THEN (
      SELECT ARRAY [cm.latitude, cm.longitude]
      FROM pooled_company pc
        JOIN commune cm ON cm.code = pc.commune_code
      WHERE pc.id = pm.pooled_company_id
    )
  END AS pooled_point
FROM n
  LEFT JOIN pooled_company_member pm ON pm.company_id = n.company_id
  AND pm.collective_id = ANY($1::uuid [])
WHERE n.status = 'open'
  OR pm.pooled_company_id IS NOT NULL;

-- loadNeedsOfCandidate, statement 2 of 2
--   $1 = ["00000000-0000-4000-e000-000000000001"]
SELECT n.id,
  n.status,
  n.appellation_code,
  n.fiche_code,
  n.place_commune_code,
  n.latitude,
  n.longitude,
  to_char(n.start_date, 'YYYY-MM-DD') AS start_date,
  n.weekly_hours,
  array_to_string(n.accommodations, ',') AS accommodations,
  n.positions,
  n.contract_type,
  n.company_id,
  n.match_version
FROM hiring_need n
WHERE n.id = ANY($1::uuid []);
