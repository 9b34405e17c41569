import { MigrationInterface, QueryRunner } from "typeorm";

export class CollectiveMembership1795611503543 implements MigrationInterface {
    name = 'CollectiveMembership1795611503543'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "collective_membership" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "collective_id" uuid NOT NULL,
                "siae_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL,
                "invited_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "joined_at" TIMESTAMP WITH TIME ZONE,
                "left_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_collective_membership_status" CHECK (
                    status IN ('invited', 'active', 'declined', 'left')
                ),
                CONSTRAINT "PK_7e7496e3dd0505dc957e65ea7d3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_collective_membership_siae" ON "collective_membership" ("siae_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_collective_membership_open" ON "collective_membership" ("collective_id", "siae_id")
            WHERE status IN ('invited', 'active')
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ALTER COLUMN "context"
            SET DEFAULT '{}'::jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "collective_membership"
            ADD CONSTRAINT "FK_collective_membership_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "collective_membership"
            ADD CONSTRAINT "FK_collective_membership_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "collective_membership" DROP CONSTRAINT "FK_collective_membership_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "collective_membership" DROP CONSTRAINT "FK_collective_membership_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ALTER COLUMN "context"
            SET DEFAULT '{}'
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_collective_membership_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_collective_membership_siae"
        `);
        await queryRunner.query(`
            DROP TABLE "collective_membership"
        `);
    }

}
