import { MigrationInterface, QueryRunner } from "typeorm";

export class SiaeCommuneAndAuditContext1795614353090 implements MigrationInterface {
    name = 'SiaeCommuneAndAuditContext1795614353090'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ALTER COLUMN "context" DROP DEFAULT
        `);
        await queryRunner.query(`
            ALTER TABLE "siae"
            ADD CONSTRAINT "FK_siae_commune" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "siae" DROP CONSTRAINT "FK_siae_commune"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ALTER COLUMN "context"
            SET DEFAULT '{}'
        `);
    }

}
