import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Filled and closed needs within a box of latitude/longitude, by domain: the pooled companies that hired for a trade
 * near a candidate (matching, POOLED_HISTORY_MONTHS). Without it the list read every past need of the domain in the
 * region (8,600 rows at 20,000 pooled companies) to keep a few dozen.
 */
export class HiringNeedHistoryIndex1795624000000 implements MigrationInterface {
    name = 'HiringNeedHistoryIndex1795624000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_history" ON "hiring_need" ("domain_code", "latitude")
            INCLUDE ("longitude", "fiche_code", "company_id") WHERE "status" <> 'open'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_hiring_need_history"`);
    }
}
