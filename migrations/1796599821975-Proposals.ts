import { MigrationInterface, QueryRunner } from "typeorm";

export class Proposals1796599821975 implements MigrationInterface {
    name = 'Proposals1796599821975'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "proposal" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "collective_id" uuid NOT NULL,
                "pooled_company_id" uuid NOT NULL,
                "company_id" uuid NOT NULL,
                "contact_id" uuid,
                "hiring_need_id" uuid,
                "appellation_code" character varying(10) NOT NULL,
                "candidate_id" uuid NOT NULL,
                "siae_id" uuid NOT NULL,
                "proposed_by_user_id" uuid,
                "solicitation_id" uuid,
                "message" character varying(1000),
                "reveal_identity" boolean NOT NULL DEFAULT false,
                "status" character varying(20) NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "viewed_at" TIMESTAMP WITH TIME ZONE,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "relaunched_at" TIMESTAMP WITH TIME ZONE,
                "cip_alerted_at" TIMESTAMP WITH TIME ZONE,
                "link_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "interview_mode" character varying(10),
                "interview_dates" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}',
                "employer_note" character varying(1000),
                "refusal_reason" character varying(30),
                "refusal_text" character varying(500),
                "contract_type" character varying(20),
                "start_date" date,
                "expiry_reason" character varying(20),
                "withdrawal_reason" character varying(500),
                "identity_revealed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_proposal_hire" CHECK (
                    status <> 'accepted'
                    OR (
                        contract_type IS NOT NULL
                        AND start_date IS NOT NULL
                    )
                ),
                CONSTRAINT "CK_proposal_contract" CHECK (
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
                CONSTRAINT "CK_proposal_expiry_reason" CHECK (
                    expiry_reason IS NULL
                    OR expiry_reason IN ('no_answer', 'need_closed')
                ),
                CONSTRAINT "CK_proposal_interview_mode" CHECK (
                    interview_mode IS NULL
                    OR interview_mode IN ('dates', 'call_me')
                ),
                CONSTRAINT "CK_proposal_refusal_other" CHECK (
                    refusal_reason IS DISTINCT
                    FROM 'other'
                        OR refusal_text IS NOT NULL
                ),
                CONSTRAINT "CK_proposal_refusal_reason" CHECK (
                    refusal_reason IS NULL
                    OR refusal_reason IN (
                        'position_filled',
                        'profile_not_fit',
                        'candidate_unreachable',
                        'other'
                    )
                ),
                CONSTRAINT "CK_proposal_status" CHECK (
                    status IN (
                        'sent',
                        'viewed',
                        'interview_planned',
                        'accepted',
                        'refused',
                        'expired',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_proposal_unanswered" ON "proposal" ("sent_at")
            WHERE status IN ('sent', 'viewed')
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_proposal_siae" ON "proposal" ("siae_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_proposal_pooled_company" ON "proposal" ("pooled_company_id", "sent_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_proposal_candidate_spontaneous" ON "proposal" (
                "candidate_id",
                "pooled_company_id",
                "appellation_code"
            )
            WHERE hiring_need_id IS NULL
                AND status IN ('sent', 'viewed', 'interview_planned')
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_proposal_candidate_need" ON "proposal" ("candidate_id", "hiring_need_id")
            WHERE hiring_need_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "proposal_transition" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seq" BIGSERIAL NOT NULL,
                "proposal_id" uuid NOT NULL,
                "from_status" character varying(20),
                "to_status" character varying(20) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "by_user_id" uuid,
                "actor_label" character varying(60),
                CONSTRAINT "CK_proposal_transition_to" CHECK (
                    to_status IN (
                        'sent',
                        'viewed',
                        'interview_planned',
                        'accepted',
                        'refused',
                        'expired',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_a3fa440238e8422520beb8750f6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_proposal_transition_proposal" ON "proposal_transition" ("proposal_id", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_collective" FOREIGN KEY ("collective_id") REFERENCES "collective"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_pooled_company" FOREIGN KEY ("pooled_company_id") REFERENCES "pooled_company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_contact" FOREIGN KEY ("contact_id") REFERENCES "company_contact"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_hiring_need" FOREIGN KEY ("hiring_need_id") REFERENCES "hiring_need"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_appellation" FOREIGN KEY ("appellation_code") REFERENCES "rome_appellation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal"
            ADD CONSTRAINT "FK_proposal_proposed_by" FOREIGN KEY ("proposed_by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal_transition"
            ADD CONSTRAINT "FK_proposal_transition_proposal" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal_transition"
            ADD CONSTRAINT "FK_proposal_transition_by" FOREIGN KEY ("by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "proposal_transition" DROP CONSTRAINT "FK_proposal_transition_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal_transition" DROP CONSTRAINT "FK_proposal_transition_proposal"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_proposed_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_siae"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_candidate"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_appellation"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_hiring_need"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_contact"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_pooled_company"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_collective"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_proposal_transition_proposal"
        `);
        await queryRunner.query(`
            DROP TABLE "proposal_transition"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_proposal_candidate_need"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_proposal_candidate_spontaneous"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_proposal_pooled_company"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_proposal_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_proposal_unanswered"
        `);
        await queryRunner.query(`
            DROP TABLE "proposal"
        `);
    }

}
