import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * IDX_candidate_profile_matching as it should have been: it lacked `candidate_id` (so PostgreSQL could not answer the
 * match list from the index alone and scanned the heap) and now also covers `contract_end`, mirrored onto the profile
 * since CandidateProfileContractEnd1795622126925 and read by the contract-end boost.
 */
export class MatchingIndexCovering1795622600000 implements MigrationInterface {
    name = 'MatchingIndexCovering1795622600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_matching"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_matching" ON "candidate_profile" ("siae_id", "latitude")
            INCLUDE ("candidate_id", "longitude", "commune_code", "target_fiche_codes", "target_ogr_codes", "mobility_radius_km", "transport_means",
                     "driving_licences", "languages", "french_as_foreign_language", "literacy_difficulty", "available_from", "work_time", "contract_end")
            WHERE "shared_with_collective"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_matching"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_matching" ON "candidate_profile" ("siae_id", "latitude")
            INCLUDE ("longitude", "commune_code", "target_fiche_codes", "target_ogr_codes", "mobility_radius_km", "transport_means", "driving_licences",
                     "languages", "french_as_foreign_language", "literacy_difficulty", "available_from", "work_time")
            WHERE "shared_with_collective"
        `);
    }
}
