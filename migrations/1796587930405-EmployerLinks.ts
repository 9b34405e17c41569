import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Employer links (platform/links): bearer tokens stored as HMACs, scoped by kind + ids, expiring and revocable, and the
 * short sessions they are exchanged for. Generated from the entities; constraint names are the ones the errors map.
 */
export class EmployerLinks1796587930405 implements MigrationInterface {
    name = 'EmployerLinks1796587930405'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "employer_link" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(40) NOT NULL,
                "scope" jsonb NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_employer_link_expiry" CHECK ("expires_at" > "created_at"),
                CONSTRAINT "CHK_employer_link_scope_object" CHECK (jsonb_typeof("scope") = 'object'),
                CONSTRAINT "CHK_employer_link_kind" CHECK ("kind" ~ '^[a-z][a-z_]{1,39}$'),
                CONSTRAINT "PK_1327da5d9ce277dbf0a4cfc88b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_employer_link_scope" ON "employer_link" ("kind", "scope")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_employer_link_token_hash" ON "employer_link" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "employer_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "link_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_employer_session_expiry" CHECK ("expires_at" > "created_at"),
                CONSTRAINT "PK_012fa8836f713044d9019335d36" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_employer_session_link" ON "employer_session" ("link_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_employer_session_token_hash" ON "employer_session" ("token_hash")
        `);
        await queryRunner.query(`
            ALTER TABLE "employer_session"
            ADD CONSTRAINT "FK_employer_session_link" FOREIGN KEY ("link_id") REFERENCES "employer_link"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "employer_session" DROP CONSTRAINT "FK_employer_session_link"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_employer_session_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_employer_session_link"
        `);
        await queryRunner.query(`
            DROP TABLE "employer_session"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_employer_link_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_employer_link_scope"
        `);
        await queryRunner.query(`
            DROP TABLE "employer_link"
        `);
    }

}
