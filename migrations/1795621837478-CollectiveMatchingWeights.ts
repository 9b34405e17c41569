import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A collective's own matching weights (issue 6: "configurable per collective"): overrides of the engine's defaults,
 * validated by the matching module's `mergeWeights` before they are written. Null means the defaults.
 */
export class CollectiveMatchingWeights1795621837478 implements MigrationInterface {
    name = 'CollectiveMatchingWeights1795621837478'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "collective"
            ADD "matching_weights" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "collective"
            ADD CONSTRAINT "CK_collective_matching_weights_object" CHECK (
                    matching_weights IS NULL
                    OR jsonb_typeof(matching_weights) = 'object'
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "collective" DROP CONSTRAINT "CK_collective_matching_weights_object"
        `);
        await queryRunner.query(`
            ALTER TABLE "collective" DROP COLUMN "matching_weights"
        `);
    }

}
