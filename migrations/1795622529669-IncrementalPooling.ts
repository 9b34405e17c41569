import { MigrationInterface, QueryRunner } from "typeorm";

export class IncrementalPooling1795622529669 implements MigrationInterface {
    name = 'IncrementalPooling1795622529669'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member"
            ADD "input_hash" character varying(32)
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member"
            ADD "fingerprint" character varying(32)
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member"
            ADD "linking_keys" integer array
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member"
            ADD "link_group" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "mode" character varying(12)
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "full_requested" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "engine_version" character varying(64)
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "linking_statistics" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "statistics_run_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "corrections" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run"
            ADD "drift" integer NOT NULL DEFAULT '0'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "drift"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "corrections"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "statistics_run_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "linking_statistics"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "engine_version"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "full_requested"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooling_run" DROP COLUMN "mode"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member" DROP COLUMN "link_group"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member" DROP COLUMN "linking_keys"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member" DROP COLUMN "fingerprint"
        `);
        await queryRunner.query(`
            ALTER TABLE "pooled_company_member" DROP COLUMN "input_hash"
        `);
    }

}
