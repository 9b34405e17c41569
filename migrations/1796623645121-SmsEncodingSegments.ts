import { MigrationInterface, QueryRunner } from "typeorm";

export class SmsEncodingSegments1796623645121 implements MigrationInterface {
    name = 'SmsEncodingSegments1796623645121'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sms_message"
            ADD "encoding" character varying(5)
        `);
        await queryRunner.query(`
            ALTER TABLE "sms_message"
            ADD "segments" smallint
        `);
        await queryRunner.query(`
            ALTER TABLE "sms_message"
            ADD CONSTRAINT "CK_sms_message_segments" CHECK (
                    segments BETWEEN 1 AND 3
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "sms_message"
            ADD CONSTRAINT "CK_sms_message_encoding" CHECK (encoding IN ('GSM-7', 'UCS-2'))
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sms_message" DROP CONSTRAINT "CK_sms_message_encoding"
        `);
        await queryRunner.query(`
            ALTER TABLE "sms_message" DROP CONSTRAINT "CK_sms_message_segments"
        `);
        await queryRunner.query(`
            ALTER TABLE "sms_message" DROP COLUMN "segments"
        `);
        await queryRunner.query(`
            ALTER TABLE "sms_message" DROP COLUMN "encoding"
        `);
    }

}
