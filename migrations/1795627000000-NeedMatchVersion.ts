import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A version for what matching reads of a hiring need (its row): a new number from a sequence on every write, by a
 * trigger (never by the code). The needs-for-a-candidate list reads ids, statuses and versions from its indexes alone
 * and keeps the scored snapshots in memory by (id, version) (SnapshotCache): only needs written since they were last read
 * are fetched. Formatting and parsing a thousand full rows was a third of that list's time.
 * Both indexes now cover the need's id, and the history index `closed_at` and `updated_at` (the 24-month window) and the
 * status it returns: every branch of that query is an index-only scan.
 */
export class NeedMatchVersion1795627000000 implements MigrationInterface {
    name = 'NeedMatchVersion1795627000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE SEQUENCE "hiring_need_match_version_seq"`);
        await queryRunner.query(`ALTER TABLE "hiring_need" ADD "match_version" bigint`);
        await queryRunner.query(`
            CREATE FUNCTION "hiring_need_next_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.match_version := nextval('hiring_need_match_version_seq');
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_hiring_need_match_version" BEFORE INSERT OR UPDATE ON "hiring_need"
            FOR EACH ROW EXECUTE FUNCTION "hiring_need_next_match_version"()
        `);
        await queryRunner.query(`UPDATE "hiring_need" SET "match_version" = 0`);
        await queryRunner.query(`ALTER TABLE "hiring_need" ALTER COLUMN "match_version" SET NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_matching"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_history"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_matching" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("id", "longitude", "fiche_code", "company_id", "owner_siae_id", "shared_collective_ids", "match_version") WHERE "status" = 'open'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_history" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("id", "longitude", "fiche_code", "company_id", "owner_siae_id", "shared_collective_ids", "match_version", "status", "closed_at", "updated_at")
            WHERE "status" <> 'open'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_history"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_matching"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_matching" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("longitude", "fiche_code", "company_id", "owner_siae_id", "shared_collective_ids") WHERE "status" = 'open'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_history" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("longitude", "fiche_code", "company_id", "owner_siae_id", "shared_collective_ids") WHERE "status" <> 'open'
        `);
        await queryRunner.query(`DROP TRIGGER "TR_hiring_need_match_version" ON "hiring_need"`);
        await queryRunner.query(`DROP FUNCTION "hiring_need_next_match_version"()`);
        await queryRunner.query(`ALTER TABLE "hiring_need" DROP COLUMN "match_version"`);
        await queryRunner.query(`DROP SEQUENCE "hiring_need_match_version_seq"`);
    }
}
