import { MigrationInterface, QueryRunner } from "typeorm";

export class InteractionAuthorSiae1795621461890 implements MigrationInterface {
    name = 'InteractionAuthorSiae1795621461890'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD "by_siae_id" uuid
        `);
        // until now only the owner's staff could log an interaction: the author SIAE of existing rows is the owner
        await queryRunner.query(`
            UPDATE "company_interaction" i SET "by_siae_id" = c."siae_id" FROM "company" c WHERE c."id" = i."company_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD CONSTRAINT "FK_company_interaction_by_siae" FOREIGN KEY ("by_siae_id") REFERENCES "siae"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP CONSTRAINT "FK_company_interaction_by_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP COLUMN "by_siae_id"
        `);
    }

}
