import { MigrationInterface, QueryRunner } from "typeorm";

export class UserInvitation1795611980219 implements MigrationInterface {
    name = 'UserInvitation1795611980219'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "user_invitation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "siae_id" uuid,
                "collective_id" uuid,
                "role" character varying(20) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "invited_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "accepted_by_user_id" uuid,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_user_invitation_accepted" CHECK (
                    (status = 'accepted') = (accepted_at IS NOT NULL)
                ),
                CONSTRAINT "CK_user_invitation_target" CHECK (
                    (
                        siae_id IS NOT NULL
                        AND collective_id IS NULL
                        AND role IN ('direction', 'cip', 'charge_dev')
                    )
                    OR (
                        collective_id IS NOT NULL
                        AND siae_id IS NULL
                        AND role = 'coordinator'
                    )
                ),
                CONSTRAINT "CK_user_invitation_email_lowercase" CHECK (email = lower(email)),
                CONSTRAINT "CK_user_invitation_status" CHECK (status IN ('pending', 'accepted', 'revoked')),
                CONSTRAINT "PK_41026b90b70299ac5dc0183351a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_user_invitation_collective" ON "user_invitation" ("collective_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_user_invitation_siae" ON "user_invitation" ("siae_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_user_invitation_pending_collective" ON "user_invitation" ("email", "collective_id")
            WHERE status = 'pending'
                AND collective_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_user_invitation_pending_siae" ON "user_invitation" ("email", "siae_id")
            WHERE status = 'pending'
                AND siae_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_user_invitation_token_hash" ON "user_invitation" ("token_hash")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_invitation"
            ADD CONSTRAINT "FK_user_invitation_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_invitation"
            ADD CONSTRAINT "FK_user_invitation_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_invitation"
            ADD CONSTRAINT "FK_user_invitation_invited_by" FOREIGN KEY ("invited_by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_invitation"
            ADD CONSTRAINT "FK_user_invitation_accepted_by" FOREIGN KEY ("accepted_by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_user_invitation_accepted_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_user_invitation_invited_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_user_invitation_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_user_invitation_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_user_invitation_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_user_invitation_pending_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_user_invitation_pending_collective"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_user_invitation_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_user_invitation_collective"
        `);
        await queryRunner.query(`
            DROP TABLE "user_invitation"
        `);
    }

}
