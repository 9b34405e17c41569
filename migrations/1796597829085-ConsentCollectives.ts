import { MigrationInterface, QueryRunner } from "typeorm";

export class ConsentCollectives1796597829085 implements MigrationInterface {
    name = 'ConsentCollectives1796597829085'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "candidate_consent"
            ADD "collective_ids" uuid array
        `);
        // Issue 11 §6: the consents recorded before this migration cover the collectives their candidate's SIAE is an
        // active member of now (the closest reading of "the collectives of the SIAE when recorded" the data allows);
        // withdrawn ones too, so that the CHECK holds for every row of the scope. Migrations are frozen text: the
        // membership rule is spelled here rather than imported from structures/access.
        await queryRunner.query(`
            UPDATE "candidate_consent" cc
               SET "collective_ids" = coalesce((
                     SELECT array_agg(m.collective_id ORDER BY m.collective_id)
                       FROM "candidate" c
                       JOIN "collective_membership" m ON m.siae_id = c.siae_id AND m.status = 'active'
                      WHERE c.id = cc.candidate_id), '{}')
             WHERE cc.scope = 'collective'
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_consent"
            ADD CONSTRAINT "CK_candidate_consent_collectives" CHECK (
                    (scope = 'collective') = (collective_ids IS NOT NULL)
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "candidate_consent" DROP CONSTRAINT "CK_candidate_consent_collectives"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_consent" DROP COLUMN "collective_ids"
        `);
    }

}
