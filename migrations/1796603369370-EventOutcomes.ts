import { MigrationInterface, QueryRunner } from "typeorm";

export class EventOutcomes1796603369370 implements MigrationInterface {
    name = 'EventOutcomes1796603369370'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "event_outcome" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "occurred_on" date NOT NULL,
                "contract_type" character varying(20),
                "start_date" date,
                "recorded_by" character varying(10) NOT NULL,
                "recorded_by_user_id" uuid,
                "interaction_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_event_outcome_hire_only" CHECK (
                    kind = 'hire'
                    OR (
                        contract_type IS NULL
                        AND start_date IS NULL
                    )
                ),
                CONSTRAINT "CK_event_outcome_hire" CHECK (
                    kind <> 'hire'
                    OR (
                        contract_type IS NOT NULL
                        AND start_date IS NOT NULL
                    )
                ),
                CONSTRAINT "CK_event_outcome_contract_type" CHECK (
                    contract_type IS NULL
                    OR contract_type IN (
                        'cdi',
                        'cdd',
                        'interim',
                        'apprenticeship',
                        'professionalisation',
                        'iae',
                        'other'
                    )
                ),
                CONSTRAINT "CK_event_outcome_recorded_by" CHECK (recorded_by IN ('employer', 'cip')),
                CONSTRAINT "CK_event_outcome_kind" CHECK (
                    kind IN ('none', 'second_interview', 'immersion', 'hire')
                ),
                CONSTRAINT "PK_f2db7cd7c8d3dd9a206f047a13d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_outcome_event" ON "event_outcome" ("event_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_outcome_meeting" ON "event_outcome" ("meeting_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "event_outcome"
            ADD CONSTRAINT "FK_event_outcome_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_outcome"
            ADD CONSTRAINT "FK_event_outcome_meeting" FOREIGN KEY ("meeting_id") REFERENCES "event_meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_outcome"
            ADD CONSTRAINT "FK_event_outcome_user" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_outcome"
            ADD CONSTRAINT "FK_event_outcome_interaction" FOREIGN KEY ("interaction_id") REFERENCES "company_interaction"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_outcome" DROP CONSTRAINT "FK_event_outcome_interaction"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_outcome" DROP CONSTRAINT "FK_event_outcome_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_outcome" DROP CONSTRAINT "FK_event_outcome_meeting"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_outcome" DROP CONSTRAINT "FK_event_outcome_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_outcome_meeting"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_outcome_event"
        `);
        await queryRunner.query(`
            DROP TABLE "event_outcome"
        `);
    }

}
