import { MigrationInterface, QueryRunner } from "typeorm";

export class PlanNoticeMessages1796621407397 implements MigrationInterface {
    name = 'PlanNoticeMessages1796621407397'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_plan_notice"
                RENAME COLUMN "mails" TO "messages"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_plan_notice"
                RENAME COLUMN "messages" TO "mails"
        `);
    }

}
