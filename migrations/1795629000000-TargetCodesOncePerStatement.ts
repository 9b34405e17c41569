import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The profile's copies of its target jobs (`target_ogr_codes`, `target_fiche_codes`, `target_fiche_ids`) were rewritten
 * once per target-job row: saving three target jobs rewrote the profile three times, each time a dead row and new
 * entries in every index of the profile (the matching index included, whose size is the candidates-for-a-need list's
 * time). Statement-level triggers with transition tables rewrite each profile a statement touches once.
 * Same function body as before for the copies (MatchingFicheIds), over the candidates of the statement.
 */
export class TargetCodesOncePerStatement1795629000000 implements MigrationInterface {
    name = 'TargetCodesOncePerStatement1795629000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "TR_candidate_target_job_codes" ON "candidate_target_job"`);
        await queryRunner.query(`
            CREATE FUNCTION "candidate_profile_sync_target_codes_of_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
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
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_target_job_codes_insert" AFTER INSERT ON "candidate_target_job" REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_target_job_codes_update" AFTER UPDATE ON "candidate_target_job" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_target_job_codes_delete" AFTER DELETE ON "candidate_target_job" REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "candidate_profile_sync_target_codes_of_statement"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "TR_candidate_target_job_codes_delete" ON "candidate_target_job"`);
        await queryRunner.query(`DROP TRIGGER "TR_candidate_target_job_codes_update" ON "candidate_target_job"`);
        await queryRunner.query(`DROP TRIGGER "TR_candidate_target_job_codes_insert" ON "candidate_target_job"`);
        await queryRunner.query(`DROP FUNCTION "candidate_profile_sync_target_codes_of_statement"()`);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_target_job_codes" AFTER INSERT OR UPDATE OF "ogr_code", "fiche_code", "candidate_id" OR DELETE
            ON "candidate_target_job" FOR EACH ROW EXECUTE FUNCTION "candidate_profile_sync_target_codes"()
        `);
    }
}
