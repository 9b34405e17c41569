import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A version for what matching reads of a candidate (the profile row, its target jobs, skills and soft skills): a new
 * number from a sequence on every write of any of them, by triggers (never by the code). The candidates-for-a-need list
 * reads ids and versions from its index alone and keeps the scored snapshots in memory by (id, version): only profiles
 * written since they were last read are fetched again. Reading a few hundred profiles by primary key was half of that
 * list's time. A number from a sequence is never given twice, so equal versions mean equal data.
 */
export class CandidateMatchVersion1795626000000 implements MigrationInterface {
    name = 'CandidateMatchVersion1795626000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE SEQUENCE "candidate_profile_match_version_seq"`);
        await queryRunner.query(`ALTER TABLE "candidate_profile" ADD "match_version" bigint`);
        await queryRunner.query(`
            CREATE FUNCTION "candidate_profile_next_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.match_version := nextval('candidate_profile_match_version_seq');
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_profile_match_version" BEFORE INSERT OR UPDATE ON "candidate_profile"
            FOR EACH ROW EXECUTE FUNCTION "candidate_profile_next_match_version"()
        `);
        await queryRunner.query(`UPDATE "candidate_profile" SET "match_version" = 0`);
        await queryRunner.query(`ALTER TABLE "candidate_profile" ALTER COLUMN "match_version" SET NOT NULL`);
        // Skills and soft skills live in their own tables: a write there writes the profile row, whose trigger above
        // gives the new version (target jobs already write the profile: candidate_profile_sync_target_codes).
        await queryRunner.query(`
            CREATE FUNCTION "candidate_profile_touch_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
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
                UPDATE "candidate_profile" p SET "match_version" = p.match_version WHERE p.candidate_id = ANY(affected);
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_skill_match_version" AFTER INSERT OR UPDATE OR DELETE ON "candidate_skill"
            FOR EACH ROW EXECUTE FUNCTION "candidate_profile_touch_match_version"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_candidate_soft_skill_match_version" AFTER INSERT OR UPDATE OR DELETE ON "candidate_soft_skill"
            FOR EACH ROW EXECUTE FUNCTION "candidate_profile_touch_match_version"()
        `);
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_matching"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_matching" ON "candidate_profile" ("siae_id", "latitude")
            INCLUDE ("candidate_id", "longitude", "mobility_radius_km", "target_fiche_ids", "available_from", "match_version") WHERE "shared_with_collective"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_matching"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_matching" ON "candidate_profile" ("siae_id", "latitude")
            INCLUDE ("candidate_id", "longitude", "mobility_radius_km", "target_fiche_ids", "available_from") WHERE "shared_with_collective"
        `);
        await queryRunner.query(`DROP TRIGGER "TR_candidate_soft_skill_match_version" ON "candidate_soft_skill"`);
        await queryRunner.query(`DROP TRIGGER "TR_candidate_skill_match_version" ON "candidate_skill"`);
        await queryRunner.query(`DROP FUNCTION "candidate_profile_touch_match_version"()`);
        await queryRunner.query(`DROP TRIGGER "TR_candidate_profile_match_version" ON "candidate_profile"`);
        await queryRunner.query(`DROP FUNCTION "candidate_profile_next_match_version"()`);
        await queryRunner.query(`ALTER TABLE "candidate_profile" DROP COLUMN "match_version"`);
        await queryRunner.query(`DROP SEQUENCE "candidate_profile_match_version_seq"`);
    }
}
