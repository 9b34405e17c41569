-- Read-only snapshot of SQL built by the code, for review (issue 12 §6). Do not edit: change the code, then run
-- `npm run sql:snapshot`. Written by test/sql/sql-snapshot.ts, which calls each function named below with the
-- parameters shown; `npm run sql:check` (part of `npm run test:unit`) fails when this file differs from the code.
-- The candidates-for-a-need list (src/modules/matching: matching.service.ts candidatesForNeed).

-- ====================================================================================================================
-- loadViewerAndNeed (matching-queries.ts): the viewer (partners, collectives, members, weights) and the need, one statement
-- ====================================================================================================================

-- loadViewerAndNeed, statement 1 of 1
--   $1 = ["00000000-0000-4000-a000-00000000000a"]
--   $2 = "00000000-0000-4000-e000-000000000001"
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
          co.name AS company_name,
          a.label AS appellation_label,
          cm.name AS place_name
        FROM hiring_need n
          JOIN company co ON co.id = n.company_id
          JOIN rome_appellation a ON a.code = n.appellation_code
          LEFT JOIN commune cm ON cm.code = n.place_commune_code
        WHERE n.id = $2::uuid
          AND (
            co.siae_id = ANY($1::uuid [])
            OR EXISTS (
              SELECT 1
              FROM company_share s
                JOIN collective_membership om ON om.collective_id = s.collective_id
                AND om.siae_id = co.siae_id
                AND om.status = 'active'
              WHERE s.company_id = co.id
                AND s.withdrawn_at IS NULL
                AND s.collective_id = ANY(
                  (
                    SELECT array_agg(m.collective_id)
                    FROM collective_membership m
                    WHERE m.status = 'active'
                      AND m.siae_id = ANY($1::uuid [])
                  )::uuid []
                )
            )
          )
      ) x
  ) AS need;

-- ====================================================================================================================
-- prefilterCandidates (candidate-queries.ts), need with a place, radius 30 km, availableBy: ids and versions from the index, then the profiles not in the cache
-- ====================================================================================================================

-- prefilterCandidates, statement 1 of 2
--   $1 = ["00000000-0000-4000-a000-00000000000a","00000000-0000-4000-a000-00000000000b"]
--   $2 = ["00000000-0000-4000-c000-000000000001"]
--   $3 = ["00000000-0000-4000-a000-00000000000a"]
--   $4 = [61603,102201,102204]
--   $5 = 45.494507
--   $6 = 46.033493
--   $7 = 4.449392
--   $8 = 5.222008
--   $9 = 45.764
--   $10 = 4.8357
--   $11 = 30
--   $12 = "2027-04-01"
SELECT p.candidate_id,
  p.match_version
FROM candidate_profile p
WHERE p.siae_id = ANY($1::uuid [])
  AND p.shared_with_collective
  AND EXISTS (
    SELECT 1
    FROM candidate_consent cc
    WHERE cc.candidate_id = p.candidate_id
      AND cc.scope = 'collective'
      AND cc.withdrawn_at IS NULL
      AND (
        p.siae_id = ANY($3::uuid [])
        OR cc.collective_ids && $2::uuid []
      )
  )
  AND p.target_fiche_ids && $4::int []
  AND p.latitude BETWEEN $5::float8 AND $6::float8
  AND p.longitude BETWEEN $7::float8 AND $8::float8
  AND (
    2 * 6378.168 * asin(
      least(
        1,
        sqrt(
          sin(radians(p.latitude - $9::float8) / 2) ^ 2 + cos(radians($9::float8)) * cos(radians(p.latitude)) * sin(radians(p.longitude - $10::float8) / 2) ^ 2
        )
      )
    )
  ) <= least($11::float8, p.mobility_radius_km) + 0.001
  AND (
    p.available_from IS NULL
    OR p.available_from <= $12::date
  );

-- prefilterCandidates, statement 2 of 2
--   $1 = ["00000000-0000-4000-d000-000000000001"]
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
  ) AS soft,
  p.match_version,
  p.pseudonym,
  c.name AS commune_name
FROM candidate_profile p
  JOIN commune c ON c.code = p.commune_code
WHERE p.candidate_id = ANY($1::uuid []);

-- ====================================================================================================================
-- prefilterCandidates (candidate-queries.ts), need without a place, domain filter K22: no box, no distance
-- ====================================================================================================================

-- prefilterCandidates, statement 1 of 1
--   $1 = ["00000000-0000-4000-a000-00000000000a","00000000-0000-4000-a000-00000000000b"]
--   $2 = ["00000000-0000-4000-c000-000000000001"]
--   $3 = ["00000000-0000-4000-a000-00000000000a"]
--   $4 = [102201,102204]
SELECT p.candidate_id,
  p.match_version
FROM candidate_profile p
WHERE p.siae_id = ANY($1::uuid [])
  AND p.shared_with_collective
  AND EXISTS (
    SELECT 1
    FROM candidate_consent cc
    WHERE cc.candidate_id = p.candidate_id
      AND cc.scope = 'collective'
      AND cc.withdrawn_at IS NULL
      AND (
        p.siae_id = ANY($3::uuid [])
        OR cc.collective_ids && $2::uuid []
      )
  )
  AND p.target_fiche_ids && $4::int [];
