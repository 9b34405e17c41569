import { MigrationInterface, QueryRunner } from "typeorm";

export class InteractionCandidate1796591859826 implements MigrationInterface {
    name = 'InteractionCandidate1796591859826'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD "candidate_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction"
            ADD CONSTRAINT "FK_company_interaction_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP CONSTRAINT "FK_company_interaction_candidate"
        `);
        await queryRunner.query(`
            ALTER TABLE "company_interaction" DROP COLUMN "candidate_id"
        `);
    }

}
