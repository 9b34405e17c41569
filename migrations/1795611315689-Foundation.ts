import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795611315689 implements MigrationInterface {
    name = 'Foundation1795611315689'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_label" character varying(120),
                "action" character varying(80) NOT NULL,
                "subject_type" character varying(60) NOT NULL,
                "subject_id" uuid,
                "context" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "request_id" character varying(64),
                CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_actor" ON "audit_entry" ("actor_user_id", "at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_subject" ON "audit_entry" ("subject_type", "subject_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "display_name" character varying(120) NOT NULL,
                "password_hash" character varying(255),
                "is_admin" boolean NOT NULL DEFAULT false,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_app_user_email_lowercase" CHECK (email = lower(email)),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "access_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_f20f028607b2603deabd8182d12" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_access_token_user" ON "access_token" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_access_token_hash" ON "access_token" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "outbox_message" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "job_name" character varying(80) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                "publish_attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_outbox_pending" ON "outbox_message" ("available_at")
            WHERE published_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "mail_message" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipient" character varying(254) NOT NULL,
                "template" character varying(60) NOT NULL,
                "subject" character varying(250) NOT NULL,
                "body_text" text NOT NULL,
                "body_html" text NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "smtp_message_id" character varying(250),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_mail_message_status" CHECK (status IN ('pending', 'sent', 'failed')),
                CONSTRAINT "PK_d23285093ea237bc7632d4fcce9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_mail_message_recipient" ON "mail_message" ("recipient", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "collective" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "description" text,
                "territory" character varying(120),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_83ef479ea658729f1a557df341f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "collective_coordinator" (
                "collective_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_collective_coordinator" PRIMARY KEY ("collective_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "siae" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(4) NOT NULL,
                "name" character varying(200) NOT NULL,
                "siret" character(14) NOT NULL,
                "commune_code" character varying(5) NOT NULL,
                "address" character varying(300),
                "contact_email" character varying(254),
                "contact_phone" character varying(30),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_siae_siret_digits" CHECK (siret ~ '^[0-9]{14}$'),
                CONSTRAINT "CK_siae_kind" CHECK (
                    kind IN ('ACI', 'AI', 'EI', 'ETTI', 'EITI', 'EBE')
                ),
                CONSTRAINT "PK_e3133e09c90f90d104577c9d643" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_siae_siret" ON "siae" ("siret")
        `);
        await queryRunner.query(`
            CREATE TABLE "siae_membership" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "siae_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_siae_membership_role" CHECK (role IN ('direction', 'cip', 'charge_dev')),
                CONSTRAINT "PK_21b19b6c7d8185efdd4db159d98" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_siae_membership_siae" ON "siae_membership" ("siae_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_siae_membership_user_siae" ON "siae_membership" ("user_id", "siae_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "access_token"
            ADD CONSTRAINT "FK_access_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "collective_coordinator"
            ADD CONSTRAINT "FK_collective_coordinator_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "collective_coordinator"
            ADD CONSTRAINT "FK_collective_coordinator_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "siae_membership"
            ADD CONSTRAINT "FK_siae_membership_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "siae_membership"
            ADD CONSTRAINT "FK_siae_membership_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "siae_membership" DROP CONSTRAINT "FK_siae_membership_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "siae_membership" DROP CONSTRAINT "FK_siae_membership_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "collective_coordinator" DROP CONSTRAINT "FK_collective_coordinator_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "collective_coordinator" DROP CONSTRAINT "FK_collective_coordinator_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "access_token" DROP CONSTRAINT "FK_access_token_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_siae_membership_user_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_siae_membership_siae"
        `);
        await queryRunner.query(`
            DROP TABLE "siae_membership"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_siae_siret"
        `);
        await queryRunner.query(`
            DROP TABLE "siae"
        `);
        await queryRunner.query(`
            DROP TABLE "collective_coordinator"
        `);
        await queryRunner.query(`
            DROP TABLE "collective"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_mail_message_recipient"
        `);
        await queryRunner.query(`
            DROP TABLE "mail_message"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_pending"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_message"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_access_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_access_token_user"
        `);
        await queryRunner.query(`
            DROP TABLE "access_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_app_user_email"
        `);
        await queryRunner.query(`
            DROP TABLE "app_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_subject"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_actor"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_entry"
        `);
    }

}
