import { MigrationInterface, QueryRunner } from "typeorm";

export class SmsBodyBound1796619800809 implements MigrationInterface {
    name = 'SmsBodyBound1796619800809'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Generated as DROP COLUMN + ADD COLUMN (TypeORM recreates a column whose length changes), which loses the log's
        // texts: changed by hand into a change of type. Every body written so far fits (SmsService cut them at 459).
        await queryRunner.query(`
            ALTER TABLE "sms_message" ALTER COLUMN "body" TYPE character varying(459)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sms_message" ALTER COLUMN "body" TYPE character varying(1000)
        `);
    }

}
