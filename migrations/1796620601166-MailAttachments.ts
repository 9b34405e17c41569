import { MigrationInterface, QueryRunner } from "typeorm";

export class MailAttachments1796620601166 implements MigrationInterface {
    name = 'MailAttachments1796620601166'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_message"
            ADD "attachments" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message"
            ADD CONSTRAINT "CK_mail_message_attachments_array" CHECK (jsonb_typeof(attachments) = 'array')
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_message" DROP CONSTRAINT "CK_mail_message_attachments_array"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message" DROP COLUMN "attachments"
        `);
    }

}
