import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The match lists check, for each of a thousand needs, that the viewer may see its company: an owner SIAE of theirs, or
 * an active share with a collective of theirs whose owner is still an active member (employer-network's
 * `visibleCompanySql`). Done through `company` and `company_share` it was a third of the needs-for-a-candidate query.
 * The need now carries its company's owner and the collectives its company is actively shared with, written by
 * triggers (never by the code) on every write of the need, the share or the company's owner; the active-member part is
 * checked against the members of the viewer's collectives, passed with the query (matching-queries.ts). The index
 * covers them, so the check costs nothing per row.
 */
export class NeedVisibilityColumns1795625000000 implements MigrationInterface {
    name = 'NeedVisibilityColumns1795625000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "hiring_need" ADD "owner_siae_id" uuid, ADD "shared_collective_ids" uuid array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`
            CREATE FUNCTION "hiring_need_fill_visibility_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT c.siae_id INTO NEW.owner_siae_id FROM "company" c WHERE c.id = NEW.company_id;
                NEW.shared_collective_ids := coalesce((SELECT array_agg(s.collective_id ORDER BY s.collective_id) FROM "company_share" s
                                                        WHERE s.company_id = NEW.company_id AND s.withdrawn_at IS NULL), '{}');
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_hiring_need_visibility_columns" BEFORE INSERT OR UPDATE OF "company_id", "owner_siae_id", "shared_collective_ids"
            ON "hiring_need" FOR EACH ROW EXECUTE FUNCTION "hiring_need_fill_visibility_columns"()
        `);
        // A share written, withdrawn or deleted, or a company handed to another SIAE: its needs are written again, and the
        // trigger above reads the new state (same transaction).
        await queryRunner.query(`
            CREATE FUNCTION "hiring_need_refresh_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
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
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_company_share_need_visibility" AFTER INSERT OR UPDATE OF "company_id", "collective_id", "withdrawn_at" OR DELETE
            ON "company_share" FOR EACH ROW EXECUTE FUNCTION "hiring_need_refresh_visibility"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TR_company_need_visibility" AFTER UPDATE OF "siae_id"
            ON "company" FOR EACH ROW EXECUTE FUNCTION "hiring_need_refresh_visibility"()
        `);
        await queryRunner.query(`UPDATE "hiring_need" SET "company_id" = "company_id"`);
        await queryRunner.query(`ALTER TABLE "hiring_need" ALTER COLUMN "owner_siae_id" SET NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_matching"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_history"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_matching" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("longitude", "fiche_code", "company_id", "owner_siae_id", "shared_collective_ids") WHERE "status" = 'open'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_history" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("longitude", "fiche_code", "company_id", "owner_siae_id", "shared_collective_ids") WHERE "status" <> 'open'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_history"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_matching"`);
        await queryRunner.query(`CREATE INDEX "IDX_hiring_need_matching" ON "hiring_need" ("domain_code", "latitude") INCLUDE ("longitude", "fiche_code", "company_id") WHERE "status" = 'open'`);
        await queryRunner.query(`CREATE INDEX "IDX_hiring_need_history" ON "hiring_need" ("domain_code", "latitude") INCLUDE ("longitude", "fiche_code", "company_id") WHERE "status" <> 'open'`);
        await queryRunner.query(`DROP TRIGGER "TR_company_need_visibility" ON "company"`);
        await queryRunner.query(`DROP TRIGGER "TR_company_share_need_visibility" ON "company_share"`);
        await queryRunner.query(`DROP FUNCTION "hiring_need_refresh_visibility"()`);
        await queryRunner.query(`DROP TRIGGER "TR_hiring_need_visibility_columns" ON "hiring_need"`);
        await queryRunner.query(`DROP FUNCTION "hiring_need_fill_visibility_columns"()`);
        await queryRunner.query(`ALTER TABLE "hiring_need" DROP COLUMN "shared_collective_ids", DROP COLUMN "owner_siae_id"`);
    }
}
