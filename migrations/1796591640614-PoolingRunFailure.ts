import { MigrationInterface, QueryRunner } from "typeorm";

export class PoolingRunFailure1796591640614 implements MigrationInterface {
    name = 'PoolingRunFailure1796591640614'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "failed_attempts" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "last_error" character varying(1000)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "last_error"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "failed_attempts"
        `);
    }

}
