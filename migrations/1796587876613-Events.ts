import { MigrationInterface, QueryRunner } from "typeorm";

export class Events1796587876613 implements MigrationInterface {
    name = 'Events1796587876613'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "collective_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "kind" character varying(20) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'draft',
                "address" character varying(300) NOT NULL,
                "commune_code" character varying(5) NOT NULL,
                "access_notes" character varying(1000),
                "event_date" date NOT NULL,
                "time_windows" jsonb NOT NULL,
                "slot_minutes" integer NOT NULL,
                "changeover_minutes" integer NOT NULL,
                "table_count" integer NOT NULL,
                "default_siae_quota" integer NOT NULL,
                "employer_deadline" TIMESTAMP WITH TIME ZONE,
                "candidate_deadline" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid,
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "planning_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "running_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_event_title" CHECK (length(btrim(title)) > 0),
                CONSTRAINT "CK_event_default_quota" CHECK (
                    default_siae_quota BETWEEN 0 AND 1000
                ),
                CONSTRAINT "CK_event_table_count" CHECK (
                    table_count BETWEEN 1 AND 500
                ),
                CONSTRAINT "CK_event_changeover_minutes" CHECK (
                    changeover_minutes BETWEEN 0 AND 60
                ),
                CONSTRAINT "CK_event_slot_minutes" CHECK (
                    slot_minutes BETWEEN 5 AND 120
                ),
                CONSTRAINT "CK_event_status" CHECK (
                    status IN (
                        'draft',
                        'open',
                        'planning',
                        'published',
                        'running',
                        'closed',
                        'cancelled'
                    )
                ),
                CONSTRAINT "CK_event_kind" CHECK (
                    kind IN (
                        'job_dating',
                        'company_visit',
                        'forum',
                        'information_session'
                    )
                ),
                CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_collective_date" ON "event" ("collective_id", "event_date")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_invitation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "pooled_company_id" uuid NOT NULL,
                "company_id" uuid NOT NULL,
                "contact_id" uuid,
                "status" character varying(10) NOT NULL DEFAULT 'sent',
                "token_hash" character(64) NOT NULL,
                "token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "solicitation_id" uuid,
                "invited_by_user_id" uuid,
                "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "relaunch_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "relaunched_at" TIMESTAMP WITH TIME ZONE,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "decline_reason" character varying(500),
                "tables_wanted" integer,
                "max_interviews" integer,
                "accommodations" character varying(20) array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_event_invitation_accommodations" CHECK (
                    accommodations <@ ARRAY ['beginner_french', 'no_driving_licence', 'no_experience', 'part_time', 'reduced_mobility', 'no_diploma']::varchar []
                ),
                CONSTRAINT "CK_event_invitation_max_interviews" CHECK (
                    max_interviews IS NULL
                    OR max_interviews BETWEEN 1 AND 100
                ),
                CONSTRAINT "CK_event_invitation_tables" CHECK (
                    tables_wanted IS NULL
                    OR tables_wanted BETWEEN 1 AND 20
                ),
                CONSTRAINT "CK_event_invitation_status" CHECK (status IN ('sent', 'confirmed', 'declined')),
                CONSTRAINT "PK_e0263312dc6afcb62916431fc54" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_invitation_relaunch_due" ON "event_invitation" ("relaunch_due_at")
            WHERE status = 'sent'
                AND relaunched_at IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_invitation_token" ON "event_invitation" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_invitation_company" ON "event_invitation" ("event_id", "pooled_company_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_booking_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "invitation_id" uuid NOT NULL,
                "idempotency_key" character varying(100) NOT NULL,
                "response" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2cdea38c571db3888b71a7cf591" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_booking_request_key" ON "event_booking_request" ("invitation_id", "idempotency_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_slot" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "CK_event_slot_times" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_2fb2e127e2f9d6aa6bc162904a8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_slot_position" ON "event_slot" ("event_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_booking" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "invitation_id" uuid NOT NULL,
                "slot_id" uuid NOT NULL,
                "table_number" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_event_booking_table" CHECK (table_number >= 1),
                CONSTRAINT "PK_716f35f3a0cf10115e3eb5908b1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_booking_invitation" ON "event_booking" ("invitation_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_booking_cell" ON "event_booking" ("event_id", "slot_id", "table_number")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_registration" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "candidate_id" uuid NOT NULL,
                "siae_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL,
                "present_slot_ids" uuid array NOT NULL DEFAULT '{}',
                "max_interviews" integer NOT NULL,
                "registered_by_user_id" uuid,
                "waitlisted_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_event_registration_waitlist" CHECK (
                    status <> 'waitlisted'
                    OR waitlisted_at IS NOT NULL
                ),
                CONSTRAINT "CK_event_registration_max_interviews" CHECK (
                    max_interviews BETWEEN 1 AND 20
                ),
                CONSTRAINT "CK_event_registration_status" CHECK (
                    status IN (
                        'pending',
                        'accepted',
                        'waitlisted',
                        'declined',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_10aedff1bd0d0ef534d1106ddec" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_registration_waitlist" ON "event_registration" ("event_id", "siae_id", "waitlisted_at")
            WHERE status = 'waitlisted'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_registration_candidate" ON "event_registration" ("event_id", "candidate_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_meeting_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "invitation_id" uuid NOT NULL,
                "registration_id" uuid NOT NULL,
                "priority" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e0a5c162990675c60c0e7f96c76" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_meeting_request" ON "event_meeting_request" ("invitation_id", "registration_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_need" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "invitation_id" uuid NOT NULL,
                "hiring_need_id" uuid NOT NULL,
                CONSTRAINT "PK_53853f5a7b98af0ee2c330b21b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_need" ON "event_need" ("invitation_id", "hiring_need_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_organiser" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "siae_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_56e3ec01a6f81d90e07444c937e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_organiser" ON "event_organiser" ("event_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_siae_quota" (
                "event_id" uuid NOT NULL,
                "siae_id" uuid NOT NULL,
                "places" integer NOT NULL,
                "used" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CK_event_siae_quota_places" CHECK (
                    places BETWEEN 0 AND 1000
                ),
                CONSTRAINT "CK_event_siae_quota_used" CHECK (
                    used >= 0
                    AND used <= places
                ),
                CONSTRAINT "PK_event_siae_quota" PRIMARY KEY ("event_id", "siae_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "event_status_change" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "from_status" character varying(10),
                "to_status" character varying(10) NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "by_user_id" uuid,
                CONSTRAINT "PK_173cb2d9580cb03fea80f6009a2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_status_change_event" ON "event_status_change" ("event_id", "changed_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_wish" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "registration_id" uuid NOT NULL,
                "invitation_id" uuid NOT NULL,
                CONSTRAINT "PK_8374b5d371fb6096ed5ee7c266f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_wish" ON "event_wish" ("registration_id", "invitation_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "event"
            ADD CONSTRAINT "FK_event_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event"
            ADD CONSTRAINT "FK_event_commune" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD CONSTRAINT "FK_event_invitation_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD CONSTRAINT "FK_event_invitation_pooled_company" FOREIGN KEY ("pooled_company_id") REFERENCES "pooled_company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD CONSTRAINT "FK_event_invitation_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation"
            ADD CONSTRAINT "FK_event_invitation_contact" FOREIGN KEY ("contact_id") REFERENCES "company_contact"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking_request"
            ADD CONSTRAINT "FK_event_booking_request_invitation" FOREIGN KEY ("invitation_id") REFERENCES "event_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_slot"
            ADD CONSTRAINT "FK_event_slot_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking"
            ADD CONSTRAINT "FK_event_booking_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking"
            ADD CONSTRAINT "FK_event_booking_invitation" FOREIGN KEY ("invitation_id") REFERENCES "event_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking"
            ADD CONSTRAINT "FK_event_booking_slot" FOREIGN KEY ("slot_id") REFERENCES "event_slot"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD CONSTRAINT "FK_event_registration_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD CONSTRAINT "FK_event_registration_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD CONSTRAINT "FK_event_registration_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting_request"
            ADD CONSTRAINT "FK_event_meeting_request_invitation" FOREIGN KEY ("invitation_id") REFERENCES "event_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting_request"
            ADD CONSTRAINT "FK_event_meeting_request_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_need"
            ADD CONSTRAINT "FK_event_need_invitation" FOREIGN KEY ("invitation_id") REFERENCES "event_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_need"
            ADD CONSTRAINT "FK_event_need_hiring_need" FOREIGN KEY ("hiring_need_id") REFERENCES "hiring_need"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_organiser"
            ADD CONSTRAINT "FK_event_organiser_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_organiser"
            ADD CONSTRAINT "FK_event_organiser_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_organiser"
            ADD CONSTRAINT "FK_event_organiser_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_siae_quota"
            ADD CONSTRAINT "FK_event_siae_quota_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_siae_quota"
            ADD CONSTRAINT "FK_event_siae_quota_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_status_change"
            ADD CONSTRAINT "FK_event_status_change_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_wish"
            ADD CONSTRAINT "FK_event_wish_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_wish"
            ADD CONSTRAINT "FK_event_wish_invitation" FOREIGN KEY ("invitation_id") REFERENCES "event_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_wish" DROP CONSTRAINT "FK_event_wish_invitation"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_wish" DROP CONSTRAINT "FK_event_wish_registration"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_status_change" DROP CONSTRAINT "FK_event_status_change_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_siae_quota" DROP CONSTRAINT "FK_event_siae_quota_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_siae_quota" DROP CONSTRAINT "FK_event_siae_quota_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_organiser" DROP CONSTRAINT "FK_event_organiser_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_organiser" DROP CONSTRAINT "FK_event_organiser_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_organiser" DROP CONSTRAINT "FK_event_organiser_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_need" DROP CONSTRAINT "FK_event_need_hiring_need"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_need" DROP CONSTRAINT "FK_event_need_invitation"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting_request" DROP CONSTRAINT "FK_event_meeting_request_registration"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting_request" DROP CONSTRAINT "FK_event_meeting_request_invitation"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP CONSTRAINT "FK_event_registration_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP CONSTRAINT "FK_event_registration_candidate"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP CONSTRAINT "FK_event_registration_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking" DROP CONSTRAINT "FK_event_booking_slot"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking" DROP CONSTRAINT "FK_event_booking_invitation"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking" DROP CONSTRAINT "FK_event_booking_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_slot" DROP CONSTRAINT "FK_event_slot_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_booking_request" DROP CONSTRAINT "FK_event_booking_request_invitation"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP CONSTRAINT "FK_event_invitation_contact"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP CONSTRAINT "FK_event_invitation_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP CONSTRAINT "FK_event_invitation_pooled_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_invitation" DROP CONSTRAINT "FK_event_invitation_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event" DROP CONSTRAINT "FK_event_commune"
        `);
        await queryRunner.query(`
            ALTER TABLE "event" DROP CONSTRAINT "FK_event_collective"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_wish"
        `);
        await queryRunner.query(`
            DROP TABLE "event_wish"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_status_change_event"
        `);
        await queryRunner.query(`
            DROP TABLE "event_status_change"
        `);
        await queryRunner.query(`
            DROP TABLE "event_siae_quota"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_organiser"
        `);
        await queryRunner.query(`
            DROP TABLE "event_organiser"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_need"
        `);
        await queryRunner.query(`
            DROP TABLE "event_need"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_meeting_request"
        `);
        await queryRunner.query(`
            DROP TABLE "event_meeting_request"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_registration_candidate"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_registration_waitlist"
        `);
        await queryRunner.query(`
            DROP TABLE "event_registration"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_booking_cell"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_booking_invitation"
        `);
        await queryRunner.query(`
            DROP TABLE "event_booking"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_slot_position"
        `);
        await queryRunner.query(`
            DROP TABLE "event_slot"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_booking_request_key"
        `);
        await queryRunner.query(`
            DROP TABLE "event_booking_request"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_invitation_company"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_invitation_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_invitation_relaunch_due"
        `);
        await queryRunner.query(`
            DROP TABLE "event_invitation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_collective_date"
        `);
        await queryRunner.query(`
            DROP TABLE "event"
        `);
    }

}
