import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Covering search structures for the match lists (issue 6): each list becomes one index-only range scan instead of a
 * GiST box over every SIAE of the region followed by thousands of row lookups.
 *
 * - candidate_profile gets the codes of its target jobs (kept by a trigger on candidate_target_job, so no writer can
 *   forget them) and a btree (siae_id, latitude) covering every column the engine scores on, partial on sharing.
 * - hiring_need gets its fiche, domain and place coordinates (filled by a trigger from the referentials on every write
 *   of the appellation or place) and a btree (domain_code, latitude) partial on open needs.
 * Derived columns are written by the database only; the entities declare them insert/update false.
 */
export class MatchingSearchColumns1795621700000 implements MigrationInterface {
    name = 'MatchingSearchColumns1795621700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "candidate_profile"
                ADD "target_ogr_codes" character varying array NOT NULL DEFAULT '{}',
                ADD "target_fiche_codes" character varying array NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            CREATE FUNCTION "candidate_profile_sync_target_codes"() RETURNS trigger LANGUAGE plpgsql AS $$
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
                   SET "target_ogr_codes" = coalesce((SELECT array_agg(tj.ogr_code ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = p.candidate_id), '{}'),
                       "target_fiche_codes" = coalesce((SELECT array_agg(tj.fiche_code::varchar ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = p.candidate_id), '{}')
                 WHERE p.candidate_id = ANY(affected);
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_target_job_codes" AFTER INSERT OR UPDATE OF "ogr_code", "fiche_code", "candidate_id" OR DELETE
            ON "candidate_target_job" FOR EACH ROW EXECUTE FUNCTION "candidate_profile_sync_target_codes"()
        `);
        await queryRunner.query(`
            UPDATE "candidate_profile" p
               SET "target_ogr_codes" = t.ogr, "target_fiche_codes" = t.fiche
              FROM (SELECT candidate_id, array_agg(ogr_code ORDER BY ogr_code) AS ogr, array_agg(fiche_code::varchar ORDER BY ogr_code) AS fiche
                      FROM "candidate_target_job" GROUP BY candidate_id) t
             WHERE t.candidate_id = p.candidate_id
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_matching" ON "candidate_profile" ("siae_id", "latitude")
            INCLUDE ("longitude", "commune_code", "target_fiche_codes", "target_ogr_codes", "mobility_radius_km", "transport_means", "driving_licences",
                     "languages", "french_as_foreign_language", "literacy_difficulty", "available_from", "work_time")
            WHERE "shared_with_collective"
        `);

        await queryRunner.query(`
            ALTER TABLE "hiring_need"
                ADD "fiche_code" character(5),
                ADD "domain_code" character(3),
                ADD "latitude" double precision,
                ADD "longitude" double precision
        `);
        await queryRunner.query(`
            CREATE FUNCTION "hiring_need_fill_search_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT a.fiche_code, left(a.fiche_code, 3) INTO NEW.fiche_code, NEW.domain_code FROM "rome_appellation" a WHERE a.code = NEW.appellation_code;
                IF NEW.place_commune_code IS NULL THEN
                    NEW.latitude := NULL;
                    NEW.longitude := NULL;
                ELSE
                    SELECT c.latitude, c.longitude INTO NEW.latitude, NEW.longitude FROM "commune" c WHERE c.code = NEW.place_commune_code;
                END IF;
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_hiring_need_search_columns" BEFORE INSERT OR UPDATE OF "appellation_code", "place_commune_code", "fiche_code", "domain_code", "latitude", "longitude"
            ON "hiring_need" FOR EACH ROW EXECUTE FUNCTION "hiring_need_fill_search_columns"()
        `);
        await queryRunner.query(`UPDATE "hiring_need" SET "appellation_code" = "appellation_code"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_matching" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("longitude", "fiche_code", "company_id") WHERE "status" = 'open'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_matching"`);
        await queryRunner.query(`DROP TRIGGER "TR_hiring_need_search_columns" ON "hiring_need"`);
        await queryRunner.query(`DROP FUNCTION "hiring_need_fill_search_columns"()`);
        await queryRunner.query(`ALTER TABLE "hiring_need" DROP COLUMN "longitude", DROP COLUMN "latitude", DROP COLUMN "domain_code", DROP COLUMN "fiche_code"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_matching"`);
        await queryRunner.query(`DROP TRIGGER "TR_candidate_target_job_codes" ON "candidate_target_job"`);
        await queryRunner.query(`DROP FUNCTION "candidate_profile_sync_target_codes"()`);
        await queryRunner.query(`ALTER TABLE "candidate_profile" DROP COLUMN "target_fiche_codes", DROP COLUMN "target_ogr_codes"`);
    }
}
