import { MigrationInterface, QueryRunner } from "typeorm";

export class EventDayPresence1796597871894 implements MigrationInterface {
    name = 'EventDayPresence1796597871894'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD "checked_in_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD "absent_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD "left_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD "checked_in_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD "absent_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD "walk_in" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD CONSTRAINT "CK_event_invitation_presence_confirmed" CHECK (
                    status = 'confirmed'
                    OR (
                        checked_in_at IS NULL
                        AND absent_at IS NULL
                        AND left_at IS NULL
                    )
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD CONSTRAINT "CK_event_invitation_left" CHECK (
                    left_at IS NULL
                    OR checked_in_at IS NOT NULL
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD CONSTRAINT "CK_event_invitation_presence" CHECK (
                    checked_in_at IS NULL
                    OR absent_at IS NULL
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD CONSTRAINT "CK_event_registration_presence_accepted" CHECK (
                    status = 'accepted'
                    OR (
                        checked_in_at IS NULL
                        AND absent_at IS NULL
                    )
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD CONSTRAINT "CK_event_registration_presence" CHECK (
                    checked_in_at IS NULL
                    OR absent_at IS NULL
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP CONSTRAINT "CK_event_registration_presence"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP CONSTRAINT "CK_event_registration_presence_accepted"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP CONSTRAINT "CK_event_invitation_presence"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP CONSTRAINT "CK_event_invitation_left"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP CONSTRAINT "CK_event_invitation_presence_confirmed"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP COLUMN "walk_in"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP COLUMN "absent_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP COLUMN "checked_in_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP COLUMN "left_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP COLUMN "absent_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP COLUMN "checked_in_at"
        `);
    }

}
