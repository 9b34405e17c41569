import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Mirrors `candidate.contract_end` onto `candidate_profile` (issue 6): the match lists of other SIAE read the profile
 * only, never the identity table, and the contract-end boost needs this date. The application keeps both equal from
 * now on; existing profiles are filled from their identity row here.
 */
export class CandidateProfileContractEnd1795622126925 implements MigrationInterface {
    name = 'CandidateProfileContractEnd1795622126925'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "candidate_profile"
            ADD "contract_end" date
        `);
        await queryRunner.query(`
            UPDATE "candidate_profile" p
               SET "contract_end" = c."contract_end"
              FROM "candidate" c
             WHERE c."id" = p."candidate_id" AND c."contract_end" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "candidate_profile" DROP COLUMN "contract_end"
        `);
    }

}
