import { MigrationInterface, QueryRunner } from "typeorm";

export class AdminInvitation1796589752337 implements MigrationInterface {
    name = 'AdminInvitation1796589752337'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // TypeORM does not see a changed CHECK expression: the platform-admin invitation (no SIAE, no collective).
        await queryRunner.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "CK_user_invitation_target"`);
        await queryRunner.query(`ALTER TABLE "user_invitation" ADD CONSTRAINT "CK_user_invitation_target" CHECK ((siae_id IS NOT NULL AND collective_id IS NULL AND role IN ('direction', 'cip', 'charge_dev')) OR (collective_id IS NOT NULL AND siae_id IS NULL AND role = 'coordinator') OR (siae_id IS NULL AND collective_id IS NULL AND role = 'admin'))`);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_user_invitation_pending_admin" ON "user_invitation" ("email")
            WHERE status = 'pending'
                AND role = 'admin'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_user_invitation_pending_admin"
        `);
        await queryRunner.query(`DELETE FROM "user_invitation" WHERE role = 'admin'`);
        await queryRunner.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "CK_user_invitation_target"`);
        await queryRunner.query(`ALTER TABLE "user_invitation" ADD CONSTRAINT "CK_user_invitation_target" CHECK ((siae_id IS NOT NULL AND collective_id IS NULL AND role IN ('direction', 'cip', 'charge_dev')) OR (collective_id IS NOT NULL AND siae_id IS NULL AND role = 'coordinator'))`);
    }

}
