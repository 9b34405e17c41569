import { MigrationInterface, QueryRunner } from "typeorm";

export class CompanyImport1796600009379 implements MigrationInterface {
    name = 'CompanyImport1796600009379'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "company_import" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "siae_id" uuid NOT NULL,
                "status" character varying(8) NOT NULL,
                "phase" character varying(20),
                "total" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "file" bytea,
                "mapping" jsonb,
                "result" jsonb,
                "errors" jsonb,
                "failed_attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(1000),
                "requested_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_company_import_status" CHECK (
                    status IN ('queued', 'running', 'done', 'invalid', 'failed')
                ),
                CONSTRAINT "PK_b51f64c205f7083a132d16ac659" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_company_import_siae" ON "company_import" ("siae_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "company_import"
            ADD CONSTRAINT "FK_company_import_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company_import"
            ADD CONSTRAINT "FK_company_import_requested_by" FOREIGN KEY ("requested_by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "company_import" DROP CONSTRAINT "FK_company_import_requested_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_import" DROP CONSTRAINT "FK_company_import_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_company_import_siae"
        `);
        await queryRunner.query(`
            DROP TABLE "company_import"
        `);
    }

}
