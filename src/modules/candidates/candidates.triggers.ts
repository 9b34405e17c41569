import type { SchemaFunction, SchemaObjects, SchemaTrigger } from '../../platform/database/schema-objects';

/**
 * Columns of `candidate_profile` written by the database, never by the code (the entity declares them insert/update
 * false): the match lists filter and score a candidate from the profile row alone, through one index-only scan of
 * IDX_candidate_profile_matching, and keep scored snapshots in memory by (candidate, version).
 *
 * - `target_ogr_codes`, `target_fiche_codes`, `target_fiche_ids`: copies of the candidate's rows of
 *   `candidate_target_job` (appellations sorted, their fiches in the same order, the distinct fiches as integers
 *   through `rome_fiche_id`), rewritten once per statement that writes target jobs (statement triggers with transition
 *   tables: once per row rewrote a profile three times for three target jobs, each time a dead row in every index).
 * - `match_version`: a new number from `candidate_profile_match_version_seq` on every write of the profile, and through
 *   a no-op write of the profile on every write of a skill or soft skill (at most once per transaction: a profile row
 *   already written by the transaction already holds a version of it). Equal versions mean equal data.
 *
 * Last defined by the migrations CandidateMatchVersion, MatchVersionOncePerTransaction, TargetCodesOncePerStatement, and
 * (frozen copies of these constants) SchemaObjectsFromCode. To change one: edit it here, then
 * `npm run migration:schema -- <Name>` (see src/platform/database/README.md).
 */

export const candidateProfileSyncTargetCodesOfStatement: SchemaFunction = {
  name: 'candidate_profile_sync_target_codes_of_statement',
  functionSql: `CREATE OR REPLACE FUNCTION "candidate_profile_sync_target_codes_of_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT candidate_id) INTO affected FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT candidate_id) INTO affected FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT candidate_id) INTO affected
          FROM (SELECT candidate_id FROM old_rows UNION SELECT candidate_id FROM new_rows) x;
    END IF;
    IF affected IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE "candidate_profile" p
       SET "target_ogr_codes" = coalesce(t.ogr, '{}'),
           "target_fiche_codes" = coalesce(t.fiche, '{}'),
           "target_fiche_ids" = coalesce(t.ids, '{}')
      FROM (SELECT a.id AS candidate_id,
                   (SELECT array_agg(tj.ogr_code ORDER BY tj.ogr_code)
                      FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ogr,
                   (SELECT array_agg(tj.fiche_code::varchar ORDER BY tj.ogr_code)
                      FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS fiche,
                   (SELECT array_agg(DISTINCT "rome_fiche_id"(tj.fiche_code))
                      FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ids
              FROM unnest(affected) AS a(id)) t
     WHERE p.candidate_id = t.candidate_id;
    RETURN NULL;
END
$$`,
};

export const candidateTargetJobCodesInsert: SchemaTrigger = {
  name: 'TR_candidate_target_job_codes_insert',
  table: 'candidate_target_job',
  function: candidateProfileSyncTargetCodesOfStatement,
  triggerSql: `CREATE TRIGGER "TR_candidate_target_job_codes_insert" AFTER INSERT ON "candidate_target_job"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()`,
};

export const candidateTargetJobCodesUpdate: SchemaTrigger = {
  name: 'TR_candidate_target_job_codes_update',
  table: 'candidate_target_job',
  function: candidateProfileSyncTargetCodesOfStatement,
  triggerSql: `CREATE TRIGGER "TR_candidate_target_job_codes_update" AFTER UPDATE ON "candidate_target_job"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()`,
};

export const candidateTargetJobCodesDelete: SchemaTrigger = {
  name: 'TR_candidate_target_job_codes_delete',
  table: 'candidate_target_job',
  function: candidateProfileSyncTargetCodesOfStatement,
  triggerSql: `CREATE TRIGGER "TR_candidate_target_job_codes_delete" AFTER DELETE ON "candidate_target_job"
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()`,
};

export const candidateProfileNextMatchVersion: SchemaFunction = {
  name: 'candidate_profile_next_match_version',
  functionSql: `CREATE OR REPLACE FUNCTION "candidate_profile_next_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.match_version := nextval('candidate_profile_match_version_seq');
    RETURN NEW;
END
$$`,
};

export const candidateProfileMatchVersion: SchemaTrigger = {
  name: 'TR_candidate_profile_match_version',
  table: 'candidate_profile',
  function: candidateProfileNextMatchVersion,
  triggerSql: `CREATE TRIGGER "TR_candidate_profile_match_version" BEFORE INSERT OR UPDATE ON "candidate_profile"
FOR EACH ROW EXECUTE FUNCTION "candidate_profile_next_match_version"()`,
};

/** Writes the profile row (no change) so that its BEFORE trigger gives a new version; skipped if already written. */
export const candidateProfileTouchMatchVersion: SchemaFunction = {
  name: 'candidate_profile_touch_match_version',
  functionSql: `CREATE OR REPLACE FUNCTION "candidate_profile_touch_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected uuid[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        affected := ARRAY[OLD.candidate_id];
    ELSIF TG_OP = 'UPDATE' THEN
        affected := ARRAY[OLD.candidate_id, NEW.candidate_id];
    ELSE
        affected := ARRAY[NEW.candidate_id];
    END IF;
    UPDATE "candidate_profile" p SET "match_version" = p.match_version
     WHERE p.candidate_id = ANY(affected) AND p.xmin <> pg_current_xact_id()::xid;
    RETURN NULL;
END
$$`,
};

export const candidateSkillMatchVersion: SchemaTrigger = {
  name: 'TR_candidate_skill_match_version',
  table: 'candidate_skill',
  function: candidateProfileTouchMatchVersion,
  triggerSql: `CREATE TRIGGER "TR_candidate_skill_match_version" AFTER INSERT OR UPDATE OR DELETE ON "candidate_skill"
FOR EACH ROW EXECUTE FUNCTION "candidate_profile_touch_match_version"()`,
};

export const candidateSoftSkillMatchVersion: SchemaTrigger = {
  name: 'TR_candidate_soft_skill_match_version',
  table: 'candidate_soft_skill',
  function: candidateProfileTouchMatchVersion,
  triggerSql: `CREATE TRIGGER "TR_candidate_soft_skill_match_version" AFTER INSERT OR UPDATE OR DELETE ON "candidate_soft_skill"
FOR EACH ROW EXECUTE FUNCTION "candidate_profile_touch_match_version"()`,
};

export const candidatesSchemaObjects: SchemaObjects = {
  owner: 'src/modules/candidates/candidates.triggers.ts',
  functions: [],
  triggers: [
    candidateTargetJobCodesInsert,
    candidateTargetJobCodesUpdate,
    candidateTargetJobCodesDelete,
    candidateProfileMatchVersion,
    candidateSkillMatchVersion,
    candidateSoftSkillMatchVersion,
  ],
};
