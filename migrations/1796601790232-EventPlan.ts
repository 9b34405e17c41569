import { MigrationInterface, QueryRunner } from "typeorm";

export class EventPlan1796601790232 implements MigrationInterface {
    name = 'EventPlan1796601790232'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "event_planning_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'queued',
                "phase" character varying(10),
                "progress" integer NOT NULL DEFAULT '0',
                "requested_by_user_id" uuid,
                "time_limit_seconds" integer NOT NULL,
                "from_slot_position" integer,
                "locked_meeting_ids" uuid array NOT NULL DEFAULT '{}',
                "objective" double precision,
                "bound" double precision,
                "gap" double precision,
                "plan_status" character varying(10),
                "stats" jsonb,
                "plan" jsonb,
                "error" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "is_current" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_event_planning_run_from_position" CHECK (
                    from_slot_position IS NULL
                    OR from_slot_position >= 1
                ),
                CONSTRAINT "CK_event_planning_run_time_limit" CHECK (
                    time_limit_seconds BETWEEN 1 AND 600
                ),
                CONSTRAINT "CK_event_planning_run_progress" CHECK (
                    progress BETWEEN 0 AND 100
                ),
                CONSTRAINT "CK_event_planning_run_plan_status" CHECK (
                    plan_status IS NULL
                    OR plan_status IN ('optimal', 'feasible')
                ),
                CONSTRAINT "CK_event_planning_run_phase" CHECK (
                    phase IS NULL
                    OR phase IN ('snapshot', 'solving', 'storing')
                ),
                CONSTRAINT "CK_event_planning_run_status" CHECK (
                    status IN ('queued', 'running', 'succeeded', 'failed')
                ),
                CONSTRAINT "PK_b268e99237e3bb62d53fb13ef34" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_planning_run_event" ON "event_planning_run" ("event_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_planning_run_active" ON "event_planning_run" ("event_id")
            WHERE status IN ('queued', 'running')
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_planning_run_current" ON "event_planning_run" ("event_id")
            WHERE is_current
        `);
        await queryRunner.query(`
            CREATE TABLE "event_meeting" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "run_id" uuid NOT NULL,
                "registration_id" uuid NOT NULL,
                "invitation_id" uuid NOT NULL,
                "slot_id" uuid NOT NULL,
                "table_number" integer NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'planned',
                "sequence" integer NOT NULL DEFAULT '0',
                "announced_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancel_reason" character varying(500),
                "cancelled_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_event_meeting_cancelled" CHECK (
                    status <> 'cancelled'
                    OR cancelled_at IS NOT NULL
                ),
                CONSTRAINT "CK_event_meeting_announced" CHECK (
                    status <> 'announced'
                    OR announced_at IS NOT NULL
                ),
                CONSTRAINT "CK_event_meeting_sequence" CHECK (sequence >= 0),
                CONSTRAINT "CK_event_meeting_table" CHECK (table_number >= 1),
                CONSTRAINT "CK_event_meeting_status" CHECK (
                    status IN (
                        'planned',
                        'announced',
                        'cancelled',
                        'done',
                        'no_show'
                    )
                ),
                CONSTRAINT "PK_2d598260eac1f4b98506425556f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_meeting_registration" ON "event_meeting" ("registration_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_meeting_invitation" ON "event_meeting" ("invitation_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_meeting_candidate_slot" ON "event_meeting" ("event_id", "slot_id", "registration_id")
            WHERE status IN ('planned', 'announced', 'done')
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_meeting_table" ON "event_meeting" (
                "event_id",
                "slot_id",
                "invitation_id",
                "table_number"
            )
            WHERE status IN ('planned', 'announced', 'done')
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_meeting_pair" ON "event_meeting" ("event_id", "registration_id", "invitation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_plan_notice" (
                "id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "change" character varying(20) NOT NULL,
                "mails" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_event_plan_notice" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "event_planning_run"
            ADD CONSTRAINT "FK_event_planning_run_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting"
            ADD CONSTRAINT "FK_event_meeting_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting"
            ADD CONSTRAINT "FK_event_meeting_run" FOREIGN KEY ("run_id") REFERENCES "event_planning_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting"
            ADD CONSTRAINT "FK_event_meeting_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting"
            ADD CONSTRAINT "FK_event_meeting_invitation" FOREIGN KEY ("invitation_id") REFERENCES "event_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting"
            ADD CONSTRAINT "FK_event_meeting_slot" FOREIGN KEY ("slot_id") REFERENCES "event_slot"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_plan_notice"
            ADD CONSTRAINT "FK_event_plan_notice_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_plan_notice" DROP CONSTRAINT "FK_event_plan_notice_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting" DROP CONSTRAINT "FK_event_meeting_slot"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting" DROP CONSTRAINT "FK_event_meeting_invitation"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting" DROP CONSTRAINT "FK_event_meeting_registration"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting" DROP CONSTRAINT "FK_event_meeting_run"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_meeting" DROP CONSTRAINT "FK_event_meeting_event"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_planning_run" DROP CONSTRAINT "FK_event_planning_run_event"
        `);
        await queryRunner.query(`
            DROP TABLE "event_plan_notice"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_meeting_pair"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_meeting_table"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_meeting_candidate_slot"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_meeting_invitation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_meeting_registration"
        `);
        await queryRunner.query(`
            DROP TABLE "event_meeting"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_planning_run_current"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_planning_run_active"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_planning_run_event"
        `);
        await queryRunner.query(`
            DROP TABLE "event_planning_run"
        `);
    }

}
