import { MigrationInterface, QueryRunner } from "typeorm";

export class ReminderDispatchSms1796598332696 implements MigrationInterface {
    name = 'ReminderDispatchSms1796598332696'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "sms_message" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipient" character varying(30),
                "recipient_masked" character varying(30) NOT NULL,
                "template" character varying(60) NOT NULL,
                "body" character varying(1000) NOT NULL,
                "provider" character varying(30) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "provider_message_id" character varying(250),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_sms_message_phone_kept_while_pending" CHECK (
                    status <> 'pending'
                    OR recipient IS NOT NULL
                ),
                CONSTRAINT "CK_sms_message_status" CHECK (status IN ('pending', 'sent', 'failed')),
                CONSTRAINT "PK_121900f2127a5152cf20898a11c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sms_message_created" ON "sms_message" ("created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "reminder_dispatch" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "person_type" character varying(30) NOT NULL,
                "person_id" uuid NOT NULL,
                "kind" character varying(40) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'queued',
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "skip_reason" character varying(60),
                "mail_message_id" uuid,
                "sms_message_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "processed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_reminder_dispatch_processed" CHECK ((status = 'queued') = (processed_at IS NULL)),
                CONSTRAINT "CK_reminder_dispatch_skip_reason" CHECK ((status = 'skipped') = (skip_reason IS NOT NULL)),
                CONSTRAINT "CK_reminder_dispatch_person_type" CHECK (person_type ~ '^[a-z][a-z_]{1,29}$'),
                CONSTRAINT "CK_reminder_dispatch_kind" CHECK (kind ~ '^[a-z][a-z0-9_]{1,39}$'),
                CONSTRAINT "CK_reminder_dispatch_status" CHECK (status IN ('queued', 'sent', 'skipped')),
                CONSTRAINT "PK_1570b45c806c156632f3d4836b6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_reminder_dispatch_queued" ON "reminder_dispatch" ("created_at")
            WHERE status = 'queued'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_reminder_dispatch_person_kind" ON "reminder_dispatch" ("event_id", "person_type", "person_id", "kind")
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_dispatch"
            ADD CONSTRAINT "FK_reminder_dispatch_mail" FOREIGN KEY ("mail_message_id") REFERENCES "mail_message"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_dispatch"
            ADD CONSTRAINT "FK_reminder_dispatch_sms" FOREIGN KEY ("sms_message_id") REFERENCES "sms_message"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminder_dispatch" DROP CONSTRAINT "FK_reminder_dispatch_sms"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_dispatch" DROP CONSTRAINT "FK_reminder_dispatch_mail"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_reminder_dispatch_person_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_reminder_dispatch_queued"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_dispatch"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sms_message_created"
        `);
        await queryRunner.query(`
            DROP TABLE "sms_message"
        `);
    }

}
