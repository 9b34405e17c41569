import { MigrationInterface, QueryRunner } from "typeorm";

export class ProposalCredit1796610000000 implements MigrationInterface {
    name = 'ProposalCredit1796610000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Written by hand: TypeORM compares CHECK constraints by name only, so it does not see a new value in the list.
        // An interview asked for after a proposal is an outcome the reciprocity figures count (issue 14 §4).
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP CONSTRAINT "CK_company_interaction_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD CONSTRAINT "CK_company_interaction_kind" CHECK (
                    kind IN ('call', 'email', 'visit', 'immersion_hosted', 'hire', 'event_attended', 'interview')
                )
        `);
        await queryRunner.query(`
            CREATE TABLE "proposal_credit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "proposal_id" uuid NOT NULL,
                "outcome" character varying(20) NOT NULL,
                "interaction_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_proposal_credit_outcome" CHECK (outcome IN ('interview', 'hire')),
                CONSTRAINT "PK_fadffa2d84ae46a24baaa10c6ba" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_proposal_credit" ON "proposal_credit" ("proposal_id", "outcome")
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal_credit"
            ADD CONSTRAINT "FK_proposal_credit_proposal" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal_credit"
            ADD CONSTRAINT "FK_proposal_credit_interaction" FOREIGN KEY ("interaction_id") REFERENCES "company_interaction"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "proposal_credit" DROP CONSTRAINT "FK_proposal_credit_interaction"
        `);
        await queryRunner.query(`
            ALTER TABLE "proposal_credit" DROP CONSTRAINT "FK_proposal_credit_proposal"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_proposal_credit"
        `);
        await queryRunner.query(`
            DROP TABLE "proposal_credit"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP CONSTRAINT "CK_company_interaction_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD CONSTRAINT "CK_company_interaction_kind" CHECK (
                    kind IN ('call', 'email', 'visit', 'immersion_hosted', 'hire', 'event_attended')
                )
        `);
    }

}
