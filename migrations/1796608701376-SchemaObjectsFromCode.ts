import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Written by `npm run migration:schema` (--all: every object recreated): brings the functions and triggers to the
 * constants of the modules (src/modules/schema-objects.ts). The SQL is a frozen copy of those constants, never an
 * import: a landed migration must not change when a constant does. `down` puts back the definitions the migrated
 * database had before (its own pg_get_functiondef / pg_get_triggerdef renderings).
 * Differences found on a freshly migrated database:
 *   function immutable_unaccent: changed
 *   function referential_postcodes_text: changed
 *   function rome_fiche_id: changed
 *   function candidate_profile_sync_target_codes_of_statement: changed
 *   function candidate_profile_next_match_version: changed
 *   function candidate_profile_touch_match_version: changed
 *   function hiring_need_next_match_version: changed
 *   function hiring_need_fill_search_columns: changed
 *   function hiring_need_fill_visibility_columns: changed
 *   function hiring_need_refresh_visibility: changed
 *   function candidate_profile_sync_target_codes: missing-in-code
 */
export class SchemaObjectsFromCode1796608701376 implements MigrationInterface {
    name = 'SchemaObjectsFromCode1796608701376'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "immutable_unaccent"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
SELECT public.unaccent('public.unaccent'::regdictionary, $1)
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "referential_postcodes_text"(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
SELECT ' ' || array_to_string($1, ' ') || ' '
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "rome_fiche_id"(code varchar) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT (ascii(left(code, 1)) - 65) * 10000 + substr(code, 2, 4)::integer
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "candidate_profile_sync_target_codes_of_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "candidate_profile_next_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.match_version := nextval('candidate_profile_match_version_seq');
    RETURN NEW;
END
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "candidate_profile_touch_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "hiring_need_next_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.match_version := nextval('hiring_need_match_version_seq');
    RETURN NEW;
END
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "hiring_need_fill_search_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.fiche_code, left(a.fiche_code, 3) INTO NEW.fiche_code, NEW.domain_code
      FROM "rome_appellation" a WHERE a.code = NEW.appellation_code;
    IF NEW.place_commune_code IS NULL THEN
        NEW.latitude := NULL;
        NEW.longitude := NULL;
    ELSE
        SELECT c.latitude, c.longitude INTO NEW.latitude, NEW.longitude
          FROM "commune" c WHERE c.code = NEW.place_commune_code;
    END IF;
    RETURN NEW;
END
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "hiring_need_fill_visibility_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.siae_id INTO NEW.owner_siae_id FROM "company" c WHERE c.id = NEW.company_id;
    NEW.shared_collective_ids := coalesce((SELECT array_agg(s.collective_id ORDER BY s.collective_id)
                                             FROM "company_share" s
                                            WHERE s.company_id = NEW.company_id AND s.withdrawn_at IS NULL), '{}');
    RETURN NEW;
END
$$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "hiring_need_refresh_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected uuid[];
BEGIN
    IF TG_TABLE_NAME = 'company' THEN
        affected := ARRAY[NEW.id];
    ELSIF TG_OP = 'DELETE' THEN
        affected := ARRAY[OLD.company_id];
    ELSIF TG_OP = 'UPDATE' THEN
        affected := ARRAY[OLD.company_id, NEW.company_id];
    ELSE
        affected := ARRAY[NEW.company_id];
    END IF;
    UPDATE "hiring_need" n SET "company_id" = n.company_id WHERE n.company_id = ANY(affected);
    RETURN NULL;
END
$$`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_target_job_codes_insert" ON "candidate_target_job"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_target_job_codes_insert" AFTER INSERT ON "candidate_target_job"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_target_job_codes_update" ON "candidate_target_job"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_target_job_codes_update" AFTER UPDATE ON "candidate_target_job"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_target_job_codes_delete" ON "candidate_target_job"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_target_job_codes_delete" AFTER DELETE ON "candidate_target_job"
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_profile_match_version" ON "candidate_profile"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_profile_match_version" BEFORE INSERT OR UPDATE ON "candidate_profile"
FOR EACH ROW EXECUTE FUNCTION "candidate_profile_next_match_version"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_skill_match_version" ON "candidate_skill"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_skill_match_version" AFTER INSERT OR UPDATE OR DELETE ON "candidate_skill"
FOR EACH ROW EXECUTE FUNCTION "candidate_profile_touch_match_version"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_soft_skill_match_version" ON "candidate_soft_skill"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_soft_skill_match_version" AFTER INSERT OR UPDATE OR DELETE ON "candidate_soft_skill"
FOR EACH ROW EXECUTE FUNCTION "candidate_profile_touch_match_version"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_hiring_need_match_version" ON "hiring_need"`);
        await queryRunner.query(`CREATE TRIGGER "TR_hiring_need_match_version" BEFORE INSERT OR UPDATE ON "hiring_need"
FOR EACH ROW EXECUTE FUNCTION "hiring_need_next_match_version"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_hiring_need_search_columns" ON "hiring_need"`);
        await queryRunner.query(`CREATE TRIGGER "TR_hiring_need_search_columns"
BEFORE INSERT OR UPDATE OF "appellation_code", "place_commune_code", "fiche_code", "domain_code", "latitude", "longitude"
ON "hiring_need" FOR EACH ROW EXECUTE FUNCTION "hiring_need_fill_search_columns"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_hiring_need_visibility_columns" ON "hiring_need"`);
        await queryRunner.query(`CREATE TRIGGER "TR_hiring_need_visibility_columns"
BEFORE INSERT OR UPDATE OF "company_id", "owner_siae_id", "shared_collective_ids"
ON "hiring_need" FOR EACH ROW EXECUTE FUNCTION "hiring_need_fill_visibility_columns"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_company_share_need_visibility" ON "company_share"`);
        await queryRunner.query(`CREATE TRIGGER "TR_company_share_need_visibility"
AFTER INSERT OR UPDATE OF "company_id", "collective_id", "withdrawn_at" OR DELETE
ON "company_share" FOR EACH ROW EXECUTE FUNCTION "hiring_need_refresh_visibility"()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_company_need_visibility" ON "company"`);
        await queryRunner.query(`CREATE TRIGGER "TR_company_need_visibility"
AFTER UPDATE OF "siae_id"
ON "company" FOR EACH ROW EXECUTE FUNCTION "hiring_need_refresh_visibility"()`);
        await queryRunner.query(`DROP FUNCTION candidate_profile_sync_target_codes()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.candidate_profile_sync_target_codes()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
                UPDATE "candidate_profile" p
                   SET "target_ogr_codes" = coalesce(t.ogr, '{}'), "target_fiche_codes" = coalesce(t.fiche, '{}'), "target_fiche_ids" = coalesce(t.ids, '{}')
                  FROM (SELECT a.id AS candidate_id,
                               (SELECT array_agg(tj.ogr_code ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ogr,
                               (SELECT array_agg(tj.fiche_code::varchar ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS fiche,
                               (SELECT array_agg(DISTINCT "rome_fiche_id"(tj.fiche_code)) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ids
                          FROM unnest(affected) AS a(id)) t
                 WHERE p.candidate_id = t.candidate_id;
                RETURN NULL;
            END $function$
`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_company_need_visibility" ON "company"`);
        await queryRunner.query(`CREATE TRIGGER "TR_company_need_visibility" AFTER UPDATE OF siae_id ON public.company FOR EACH ROW EXECUTE FUNCTION hiring_need_refresh_visibility()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_company_share_need_visibility" ON "company_share"`);
        await queryRunner.query(`CREATE TRIGGER "TR_company_share_need_visibility" AFTER INSERT OR DELETE OR UPDATE OF company_id, collective_id, withdrawn_at ON public.company_share FOR EACH ROW EXECUTE FUNCTION hiring_need_refresh_visibility()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_hiring_need_visibility_columns" ON "hiring_need"`);
        await queryRunner.query(`CREATE TRIGGER "TR_hiring_need_visibility_columns" BEFORE INSERT OR UPDATE OF company_id, owner_siae_id, shared_collective_ids ON public.hiring_need FOR EACH ROW EXECUTE FUNCTION hiring_need_fill_visibility_columns()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_hiring_need_search_columns" ON "hiring_need"`);
        await queryRunner.query(`CREATE TRIGGER "TR_hiring_need_search_columns" BEFORE INSERT OR UPDATE OF appellation_code, place_commune_code, fiche_code, domain_code, latitude, longitude ON public.hiring_need FOR EACH ROW EXECUTE FUNCTION hiring_need_fill_search_columns()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_hiring_need_match_version" ON "hiring_need"`);
        await queryRunner.query(`CREATE TRIGGER "TR_hiring_need_match_version" BEFORE INSERT OR UPDATE ON public.hiring_need FOR EACH ROW EXECUTE FUNCTION hiring_need_next_match_version()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_soft_skill_match_version" ON "candidate_soft_skill"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_soft_skill_match_version" AFTER INSERT OR DELETE OR UPDATE ON public.candidate_soft_skill FOR EACH ROW EXECUTE FUNCTION candidate_profile_touch_match_version()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_skill_match_version" ON "candidate_skill"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_skill_match_version" AFTER INSERT OR DELETE OR UPDATE ON public.candidate_skill FOR EACH ROW EXECUTE FUNCTION candidate_profile_touch_match_version()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_profile_match_version" ON "candidate_profile"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_profile_match_version" BEFORE INSERT OR UPDATE ON public.candidate_profile FOR EACH ROW EXECUTE FUNCTION candidate_profile_next_match_version()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_target_job_codes_delete" ON "candidate_target_job"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_target_job_codes_delete" AFTER DELETE ON public.candidate_target_job REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_profile_sync_target_codes_of_statement()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_target_job_codes_update" ON "candidate_target_job"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_target_job_codes_update" AFTER UPDATE ON public.candidate_target_job REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_profile_sync_target_codes_of_statement()`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "TR_candidate_target_job_codes_insert" ON "candidate_target_job"`);
        await queryRunner.query(`CREATE TRIGGER "TR_candidate_target_job_codes_insert" AFTER INSERT ON public.candidate_target_job REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION candidate_profile_sync_target_codes_of_statement()`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.hiring_need_refresh_visibility()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
            DECLARE
                affected uuid[];
            BEGIN
                IF TG_TABLE_NAME = 'company' THEN
                    affected := ARRAY[NEW.id];
                ELSIF TG_OP = 'DELETE' THEN
                    affected := ARRAY[OLD.company_id];
                ELSIF TG_OP = 'UPDATE' THEN
                    affected := ARRAY[OLD.company_id, NEW.company_id];
                ELSE
                    affected := ARRAY[NEW.company_id];
                END IF;
                UPDATE "hiring_need" n SET "company_id" = n.company_id WHERE n.company_id = ANY(affected);
                RETURN NULL;
            END $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.hiring_need_fill_visibility_columns()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
            BEGIN
                SELECT c.siae_id INTO NEW.owner_siae_id FROM "company" c WHERE c.id = NEW.company_id;
                NEW.shared_collective_ids := coalesce((SELECT array_agg(s.collective_id ORDER BY s.collective_id) FROM "company_share" s
                                                        WHERE s.company_id = NEW.company_id AND s.withdrawn_at IS NULL), '{}');
                RETURN NEW;
            END $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.hiring_need_fill_search_columns()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
            BEGIN
                SELECT a.fiche_code, left(a.fiche_code, 3) INTO NEW.fiche_code, NEW.domain_code FROM "rome_appellation" a WHERE a.code = NEW.appellation_code;
                IF NEW.place_commune_code IS NULL THEN
                    NEW.latitude := NULL;
                    NEW.longitude := NULL;
                ELSE
                    SELECT c.latitude, c.longitude INTO NEW.latitude, NEW.longitude FROM "commune" c WHERE c.code = NEW.place_commune_code;
                END IF;
                RETURN NEW;
            END $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.hiring_need_next_match_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
            BEGIN
                NEW.match_version := nextval('hiring_need_match_version_seq');
                RETURN NEW;
            END $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.candidate_profile_touch_match_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
            END $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.candidate_profile_next_match_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
            BEGIN
                NEW.match_version := nextval('candidate_profile_match_version_seq');
                RETURN NEW;
            END $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.candidate_profile_sync_target_codes_of_statement()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
            DECLARE
                affected uuid[];
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT candidate_id) INTO affected FROM new_rows;
                ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT candidate_id) INTO affected FROM old_rows;
                ELSE
                    SELECT array_agg(DISTINCT candidate_id) INTO affected FROM (SELECT candidate_id FROM old_rows UNION SELECT candidate_id FROM new_rows) x;
                END IF;
                IF affected IS NULL THEN
                    RETURN NULL;
                END IF;
                UPDATE "candidate_profile" p
                   SET "target_ogr_codes" = coalesce(t.ogr, '{}'), "target_fiche_codes" = coalesce(t.fiche, '{}'), "target_fiche_ids" = coalesce(t.ids, '{}')
                  FROM (SELECT a.id AS candidate_id,
                               (SELECT array_agg(tj.ogr_code ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ogr,
                               (SELECT array_agg(tj.fiche_code::varchar ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS fiche,
                               (SELECT array_agg(DISTINCT "rome_fiche_id"(tj.fiche_code)) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ids
                          FROM unnest(affected) AS a(id)) t
                 WHERE p.candidate_id = t.candidate_id;
                RETURN NULL;
            END $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.rome_fiche_id(code character varying)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
                SELECT (ascii(left(code, 1)) - 65) * 10000 + substr(code, 2, 4)::integer
            $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.referential_postcodes_text(text[])
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT ' ' || array_to_string($1, ' ') || ' ' $function$
`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION public.immutable_unaccent(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $function$
`);
    }
}
