import { MigrationInterface, QueryRunner } from "typeorm";

export class InvitationLinkOneSource1796601503815 implements MigrationInterface {
    name = 'InvitationLinkOneSource1796601503815'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_invitation_token"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP COLUMN "token_expires_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP COLUMN "revoked_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP COLUMN "token_hash"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD "token_hash" character(64) NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD "revoked_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD "token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_invitation_token" ON "event_invitation" USING btree ("token_hash")
        `);
    }

}
