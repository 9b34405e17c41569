import { MigrationInterface, QueryRunner } from "typeorm";

export class RegistrationEmployerNote1796599337550 implements MigrationInterface {
    name = 'RegistrationEmployerNote1796599337550'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD "employer_note" character varying(500)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP COLUMN "employer_note"
        `);
    }

}
