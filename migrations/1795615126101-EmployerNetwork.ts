import { MigrationInterface, QueryRunner } from "typeorm";

export class EmployerNetwork1795615126101 implements MigrationInterface {
    name = 'EmployerNetwork1795615126101'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "company" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "siae_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "siret" character(14),
                "siren" character(9),
                "naf" character varying(6),
                "size_band" character varying(6),
                "commune_code" character varying(5),
                "address" character varying(300),
                "website" character varying(300),
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_company_name" CHECK (length(btrim(name)) > 0),
                CONSTRAINT "CK_company_size_band" CHECK (
                    size_band IS NULL
                    OR size_band IN ('micro', 'small', 'medium', 'large')
                ),
                CONSTRAINT "CK_company_siren_digits" CHECK (
                    siren IS NULL
                    OR siren ~ '^[0-9]{9}$'
                ),
                CONSTRAINT "CK_company_siret_digits" CHECK (
                    siret IS NULL
                    OR siret ~ '^[0-9]{14}$'
                ),
                CONSTRAINT "PK_056f7854a7afdba7cbd6d45fc20" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_company_siret" ON "company" ("siret")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_company_siae" ON "company" ("siae_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "company_contact" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "first_name" character varying(100),
                "last_name" character varying(100),
                "role" character varying(100),
                "email" character varying(254),
                "phone" character varying(40),
                "email_normalised" character varying(254),
                "phone_e164" character varying(16),
                "preferred_channel" character varying(5),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_company_contact_channel" CHECK (
                    preferred_channel IS NULL
                    OR preferred_channel IN ('email', 'phone', 'sms', 'visit')
                ),
                CONSTRAINT "PK_83805404ba83a62bac85a4a479f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_company_contact_company" ON "company_contact" ("company_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "company_interaction" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "contact_id" uuid,
                "kind" character varying(20) NOT NULL,
                "occurred_on" date NOT NULL,
                "by_user_id" uuid,
                "note" character varying(1000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_company_interaction_kind" CHECK (
                    kind IN (
                        'call',
                        'email',
                        'visit',
                        'immersion_hosted',
                        'hire',
                        'event_attended'
                    )
                ),
                CONSTRAINT "PK_241cf7fae9401ed047dc439b2ca" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_company_interaction_company" ON "company_interaction" ("company_id", "occurred_on")
        `);
        await queryRunner.query(`
            CREATE TABLE "company_share" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "collective_id" uuid NOT NULL,
                "with_contacts" boolean NOT NULL,
                "shared_by_user_id" uuid,
                "shared_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_by_user_id" uuid,
                CONSTRAINT "CK_company_share_withdrawal" CHECK (
                    withdrawn_at IS NULL
                    OR withdrawn_at >= shared_at
                ),
                CONSTRAINT "PK_b7e8f429c38e6f3475a198aa9a6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_company_share_collective" ON "company_share" ("collective_id")
            WHERE withdrawn_at IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_company_share_active" ON "company_share" ("company_id", "collective_id")
            WHERE withdrawn_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "pooled_company" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "collective_id" uuid NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "siret" character(14),
                "siren" character(9),
                "commune_code" character varying(5),
                "size_band" character varying(6),
                "paused_until" date,
                "pause_reason" character varying(300),
                "dissolved_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_pooled_company_size_band" CHECK (
                    size_band IS NULL
                    OR size_band IN ('micro', 'small', 'medium', 'large')
                ),
                CONSTRAINT "PK_9d7064862fb005f7e4eb3b2236d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_pooled_company_collective" ON "pooled_company" ("collective_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "pooled_company_member" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pooled_company_id" uuid NOT NULL,
                "collective_id" uuid NOT NULL,
                "company_id" uuid NOT NULL,
                CONSTRAINT "PK_e1934d2f61c1f7da0579e00b3c5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_pooled_company_member_pooled" ON "pooled_company_member" ("pooled_company_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_pooled_company_member" ON "pooled_company_member" ("collective_id", "company_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "hiring_need" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "appellation_code" character varying(10) NOT NULL,
                "positions" integer NOT NULL,
                "contract_type" character varying(20) NOT NULL,
                "weekly_hours" numeric(4, 1),
                "place_commune_code" character varying(5),
                "start_date" date,
                "accommodations" character varying(20) array NOT NULL DEFAULT '{}',
                "status" character varying(8) NOT NULL,
                "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_hiring_need_accommodations" CHECK (
                    accommodations <@ ARRAY ['beginner_french', 'no_driving_licence', 'no_experience', 'part_time', 'reduced_mobility', 'no_diploma']::varchar []
                ),
                CONSTRAINT "CK_hiring_need_hours" CHECK (
                    weekly_hours IS NULL
                    OR (
                        weekly_hours > 0
                        AND weekly_hours <= 48
                    )
                ),
                CONSTRAINT "CK_hiring_need_positions" CHECK (
                    positions BETWEEN 1 AND 1000
                ),
                CONSTRAINT "CK_hiring_need_contract" CHECK (
                    contract_type IN (
                        'cdi',
                        'cdd',
                        'interim',
                        'apprenticeship',
                        'professionalisation',
                        'iae',
                        'other'
                    )
                ),
                CONSTRAINT "CK_hiring_need_status" CHECK (
                    status IN ('open', 'filled', 'closed', 'expired')
                ),
                CONSTRAINT "PK_6ba1dbc56b81b5d30fe0019934a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_open_confirmed" ON "hiring_need" ("confirmed_at")
            WHERE status = 'open'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_hiring_need_company" ON "hiring_need" ("company_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "pooling_correction" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "collective_id" uuid NOT NULL,
                "kind" character varying(5) NOT NULL,
                "company_a_id" uuid NOT NULL,
                "company_b_id" uuid NOT NULL,
                "by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_pooling_correction_order" CHECK (company_a_id < company_b_id),
                CONSTRAINT "CK_pooling_correction_kind" CHECK (kind IN ('merge', 'split')),
                CONSTRAINT "PK_4f27c4617ea68c194bb4aa3f532" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_pooling_correction_pair" ON "pooling_correction" ("collective_id", "company_a_id", "company_b_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "pooling_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "collective_id" uuid NOT NULL,
                "status" character varying(8) NOT NULL,
                "phase" character varying(20),
                "total" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "stats" jsonb,
                "requested_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CK_pooling_run_status" CHECK (
                    status IN ('queued', 'running', 'done', 'failed')
                ),
                CONSTRAINT "PK_c04861d7f58c5b89f4e64901156" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_pooling_run_collective" ON "pooling_run" ("collective_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "solicitation_budget" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "collective_id" uuid NOT NULL,
                "size_key" character varying(6) NOT NULL,
                "max_per_30_days" integer NOT NULL,
                "max_per_7_days" integer NOT NULL,
                CONSTRAINT "CK_solicitation_budget_limits" CHECK (
                    max_per_30_days BETWEEN 0 AND 100
                    AND max_per_7_days BETWEEN 0 AND max_per_30_days
                ),
                CONSTRAINT "CK_solicitation_budget_size" CHECK (
                    size_key IN ('any', 'micro', 'small', 'medium', 'large')
                ),
                CONSTRAINT "PK_727115ba4903f12d5315398fdc4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_solicitation_budget" ON "solicitation_budget" ("collective_id", "size_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "solicitation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pooled_company_id" uuid NOT NULL,
                "collective_id" uuid NOT NULL,
                "siae_id" uuid,
                "by_user_id" uuid,
                "kind" character varying(20) NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "note" character varying(500),
                "override_reason" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_solicitation_kind" CHECK (
                    kind IN (
                        'event_invitation',
                        'candidate_proposal',
                        'information'
                    )
                ),
                CONSTRAINT "PK_00a04c95007d83fd505e3a199e4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_solicitation_company_time" ON "solicitation" ("pooled_company_id", "occurred_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "company"
            ADD CONSTRAINT "FK_company_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company"
            ADD CONSTRAINT "FK_company_commune" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company_contact"
            ADD CONSTRAINT "FK_company_contact_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD CONSTRAINT "FK_company_interaction_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD CONSTRAINT "FK_company_interaction_contact" FOREIGN KEY ("contact_id") REFERENCES "company_contact"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD CONSTRAINT "FK_company_interaction_by" FOREIGN KEY ("by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company_share"
            ADD CONSTRAINT "FK_company_share_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "company_share"
            ADD CONSTRAINT "FK_company_share_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company"
            ADD CONSTRAINT "FK_pooled_company_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member"
            ADD CONSTRAINT "FK_pooled_company_member_pooled" FOREIGN KEY ("pooled_company_id") REFERENCES "pooled_company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member"
            ADD CONSTRAINT "FK_pooled_company_member_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "hiring_need"
            ADD CONSTRAINT "FK_hiring_need_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "hiring_need"
            ADD CONSTRAINT "FK_hiring_need_appellation" FOREIGN KEY ("appellation_code") REFERENCES "rome_appellation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "hiring_need"
            ADD CONSTRAINT "FK_hiring_need_commune" FOREIGN KEY ("place_commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_correction"
            ADD CONSTRAINT "FK_pooling_correction_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_correction"
            ADD CONSTRAINT "FK_pooling_correction_company_a" FOREIGN KEY ("company_a_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_correction"
            ADD CONSTRAINT "FK_pooling_correction_company_b" FOREIGN KEY ("company_b_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD CONSTRAINT "FK_pooling_run_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "solicitation_budget"
            ADD CONSTRAINT "FK_solicitation_budget_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "solicitation"
            ADD CONSTRAINT "FK_solicitation_pooled_company" FOREIGN KEY ("pooled_company_id") REFERENCES "pooled_company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "solicitation"
            ADD CONSTRAINT "FK_solicitation_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "solicitation" DROP CONSTRAINT "FK_solicitation_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "solicitation" DROP CONSTRAINT "FK_solicitation_pooled_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "solicitation_budget" DROP CONSTRAINT "FK_solicitation_budget_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP CONSTRAINT "FK_pooling_run_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_correction" DROP CONSTRAINT "FK_pooling_correction_company_b"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_correction" DROP CONSTRAINT "FK_pooling_correction_company_a"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_correction" DROP CONSTRAINT "FK_pooling_correction_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "hiring_need" DROP CONSTRAINT "FK_hiring_need_commune"
        `);
        await queryRunner.query(`
            ALTER TABLE "hiring_need" DROP CONSTRAINT "FK_hiring_need_appellation"
        `);
        await queryRunner.query(`
            ALTER TABLE "hiring_need" DROP CONSTRAINT "FK_hiring_need_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member" DROP CONSTRAINT "FK_pooled_company_member_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member" DROP CONSTRAINT "FK_pooled_company_member_pooled"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company" DROP CONSTRAINT "FK_pooled_company_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_share" DROP CONSTRAINT "FK_company_share_collective"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_share" DROP CONSTRAINT "FK_company_share_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP CONSTRAINT "FK_company_interaction_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP CONSTRAINT "FK_company_interaction_contact"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP CONSTRAINT "FK_company_interaction_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_contact" DROP CONSTRAINT "FK_company_contact_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "company" DROP CONSTRAINT "FK_company_commune"
        `);
        await queryRunner.query(`
            ALTER TABLE "company" DROP CONSTRAINT "FK_company_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_solicitation_company_time"
        `);
        await queryRunner.query(`
            DROP TABLE "solicitation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_solicitation_budget"
        `);
        await queryRunner.query(`
            DROP TABLE "solicitation_budget"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pooling_run_collective"
        `);
        await queryRunner.query(`
            DROP TABLE "pooling_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_pooling_correction_pair"
        `);
        await queryRunner.query(`
            DROP TABLE "pooling_correction"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_hiring_need_company"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_hiring_need_open_confirmed"
        `);
        await queryRunner.query(`
            DROP TABLE "hiring_need"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_pooled_company_member"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pooled_company_member_pooled"
        `);
        await queryRunner.query(`
            DROP TABLE "pooled_company_member"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pooled_company_collective"
        `);
        await queryRunner.query(`
            DROP TABLE "pooled_company"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_company_share_active"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_company_share_collective"
        `);
        await queryRunner.query(`
            DROP TABLE "company_share"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_company_interaction_company"
        `);
        await queryRunner.query(`
            DROP TABLE "company_interaction"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_company_contact_company"
        `);
        await queryRunner.query(`
            DROP TABLE "company_contact"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_company_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_company_siret"
        `);
        await queryRunner.query(`
            DROP TABLE "company"
        `);
    }

}
