-- Read-only snapshot of SQL built by the code, for review (issue 12 §6). Do not edit: change the code, then run
-- `npm run sql:snapshot`. Written by test/sql/sql-snapshot.ts, which calls each function named below with the
-- parameters shown; `npm run sql:check` (part of `npm run test:unit`) fails when this file differs from the code.
-- A pooling run of a collective (src/modules/employer-network: pooling.service.ts reads with pooling-snapshot.ts, links in the worker, writes with pooling-writer.ts).

-- ====================================================================================================================
-- loadSnapshot (pooling-snapshot.ts): shared records of the collective, their shared contacts, the corrections
-- ====================================================================================================================

-- loadSnapshot, statement 1 of 3
--   $1 = "00000000-0000-4000-c000-000000000001"
SELECT c.id,
  c.siae_id,
  c.name,
  c.siret,
  c.siren,
  c.naf,
  c.commune_code,
  c.address,
  c.size_band,
  s.with_contacts,
  s.shared_at
FROM company_share s
  JOIN company c ON c.id = s.company_id
  JOIN collective_membership m ON m.collective_id = s.collective_id
  AND m.siae_id = c.siae_id
  AND m.status = 'active'
WHERE s.collective_id = $1
  AND s.withdrawn_at IS NULL
ORDER BY c.id;

-- loadSnapshot, statement 2 of 3
--   $1 = ["00000000-0000-4000-b000-000000000001"]
SELECT id,
  company_id,
  first_name,
  last_name,
  email,
  phone
FROM company_contact
WHERE company_id = ANY($1::uuid [])
ORDER BY id;

-- loadSnapshot, statement 3 of 3
--   $1 = "00000000-0000-4000-c000-000000000001"
SELECT kind,
  company_a_id,
  company_b_id
FROM pooling_correction
WHERE collective_id = $1
ORDER BY created_at,
  id;

-- ====================================================================================================================
-- loadPrevious (pooling-snapshot.ts): the last successful run, the members with their states, its statistics
-- ====================================================================================================================

-- loadPrevious, statement 1 of 3
--   $1 = "00000000-0000-4000-c000-000000000001"
SELECT id,
  engine_version,
  statistics_run_id,
  corrections,
  drift
FROM pooling_run
WHERE collective_id = $1
  AND status = 'done'
ORDER BY finished_at DESC,
  id DESC
LIMIT 1;

-- loadPrevious, statement 2 of 3
--   $1 = "00000000-0000-4000-c000-000000000001"
SELECT company_id,
  pooled_company_id,
  input_hash,
  fingerprint,
  linking_keys,
  link_group
FROM pooled_company_member
WHERE collective_id = $1;

-- loadPrevious, statement 3 of 3
--   $1 = "00000000-0000-4000-9000-000000000001"
SELECT linking_statistics
FROM pooling_run
WHERE id = $1;

-- ====================================================================================================================
-- writePooling (pooling-writer.ts), incremental run: two records re-linked apart (one keeps its pooled company, one gets a new one), one record gone, one record not re-linked (its pooled company compared for what it shows)
-- ====================================================================================================================

-- writePooling, statement 1 of 6
-- TypeORM: manager.find(PooledCompany, {"where":{"id":In(["00000000-0000-4000-f000-000000000001"])},"lock":{"mode":"pessimistic_write"},"order":{"createdAt":"ASC","id":"ASC"}})

-- writePooling, statement 2 of 6
-- TypeORM: manager.save(PooledCompany, {"collectiveId":"00000000-0000-4000-c000-000000000001","displayName":"Boulangerie du Centre","siret":"73282932000074","siren":"732829320","communeCode":"69123","sizeBand":"10-19","dissolvedAt":null}) (INSERT … RETURNING)

-- writePooling, statement 3 of 6
--   $1 = "00000000-0000-4000-c000-000000000001"
--   $2 = ["00000000-0000-4000-f000-000000000001","00000000-0000-4000-f000-000000000002"]
--   $3 = ["00000000-0000-4000-b000-000000000001","00000000-0000-4000-b000-000000000002"]
--   $4 = ["h","h"]
--   $5 = ["f","f"]
--   $6 = ["{17,42}","{17,42}"]
--   $7 = ["00000000-0000-4000-b000-000000000001","00000000-0000-4000-b000-000000000002"]
INSERT INTO pooled_company_member (
    pooled_company_id,
    collective_id,
    company_id,
    input_hash,
    fingerprint,
    linking_keys,
    link_group
  )
SELECT u.p,
  $1,
  u.c,
  u.h,
  u.f,
  u.k::int [],
  u.g
FROM unnest(
    $2::uuid [],
    $3::uuid [],
    $4::text [],
    $5::text [],
    $6::text [],
    $7::uuid []
  ) AS u(p, c, h, f, k, g) ON CONFLICT (collective_id, company_id) DO
UPDATE
SET pooled_company_id = EXCLUDED.pooled_company_id,
  input_hash = EXCLUDED.input_hash,
  fingerprint = EXCLUDED.fingerprint,
  linking_keys = EXCLUDED.linking_keys,
  link_group = EXCLUDED.link_group;

-- writePooling, statement 4 of 6
--   $1 = "00000000-0000-4000-c000-000000000001"
--   $2 = ["00000000-0000-4000-b000-000000000009"]
DELETE FROM pooled_company_member
WHERE collective_id = $1
  AND company_id = ANY($2::uuid []);

-- writePooling, statement 5 of 6
--   $1 = ["00000000-0000-4000-f000-000000000001"]
--   $2 = '2027-03-15T09:00:00.000Z'
UPDATE pooled_company p
SET dissolved_at = $2
WHERE p.id = ANY($1::uuid [])
  AND p.dissolved_at IS NULL
  AND NOT EXISTS (
    SELECT 1
    FROM pooled_company_member m
    WHERE m.pooled_company_id = p.id
  )
RETURNING p.id;

-- writePooling, statement 6 of 6
--   $1 = "00000000-0000-4000-c000-000000000001"
--   $2 = ["00000000-0000-4000-f000-000000000003"]
SELECT id,
  display_name,
  siret,
  siren,
  commune_code,
  size_band
FROM pooled_company
WHERE collective_id = $1
  AND id = ANY($2::uuid []);
