import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The candidate pre-filter tested `target_fiche_codes && $fiches` on every index tuple of the box: comparing varchar
 * arrays (collation, varlena) cost more than everything else in the scan. The fiches are now also kept as integers
 * (letter index × 10000 + number: K2204 → 102204), and the covering index holds only what the filter reads, so that
 * its tuples are narrow; the scored columns are read for the few hundred candidates that pass.
 */
export class MatchingFicheIds1795623000000 implements MigrationInterface {
    name = 'MatchingFicheIds1795623000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "candidate_profile" ADD "target_fiche_ids" integer array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`
            CREATE FUNCTION "rome_fiche_id"(code varchar) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT (ascii(left(code, 1)) - 65) * 10000 + substr(code, 2, 4)::integer
            $$
        `);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "candidate_profile_sync_target_codes"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                affected uuid[];
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    affected := ARRAY[OLD.candidate_id];
                ELSIF TG_OP = 'UPDATE' THEN
                    affected := ARRAY[OLD.candidate_id, NEW.candidate_id];
                ELSE
                    affected := ARRAY[NEW.candidate_id];
                END IF;
                UPDATE "candidate_profile" p
                   SET "target_ogr_codes" = coalesce(t.ogr, '{}'), "target_fiche_codes" = coalesce(t.fiche, '{}'), "target_fiche_ids" = coalesce(t.ids, '{}')
                  FROM (SELECT a.id AS candidate_id,
                               (SELECT array_agg(tj.ogr_code ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ogr,
                               (SELECT array_agg(tj.fiche_code::varchar ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS fiche,
                               (SELECT array_agg(DISTINCT "rome_fiche_id"(tj.fiche_code)) FROM "candidate_target_job" tj WHERE tj.candidate_id = a.id) AS ids
                          FROM unnest(affected) AS a(id)) t
                 WHERE p.candidate_id = t.candidate_id;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            UPDATE "candidate_profile" p SET "target_fiche_ids" = t.ids
              FROM (SELECT candidate_id, array_agg(DISTINCT "rome_fiche_id"(fiche_code)) AS ids FROM "candidate_target_job" GROUP BY candidate_id) t
             WHERE t.candidate_id = p.candidate_id
        `);
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_matching"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_matching" ON "candidate_profile" ("siae_id", "latitude")
            INCLUDE ("candidate_id", "longitude", "mobility_radius_km", "target_fiche_ids", "available_from")
            WHERE "shared_with_collective"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_matching"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_matching" ON "candidate_profile" ("siae_id", "latitude")
            INCLUDE ("candidate_id", "longitude", "commune_code", "target_fiche_codes", "target_ogr_codes", "mobility_radius_km", "transport_means",
                     "driving_licences", "languages", "french_as_foreign_language", "literacy_difficulty", "available_from", "work_time", "contract_end")
            WHERE "shared_with_collective"
        `);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "candidate_profile_sync_target_codes"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                affected uuid[];
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    affected := ARRAY[OLD.candidate_id];
                ELSIF TG_OP = 'UPDATE' THEN
                    affected := ARRAY[OLD.candidate_id, NEW.candidate_id];
                ELSE
                    affected := ARRAY[NEW.candidate_id];
                END IF;
                UPDATE "candidate_profile" p
                   SET "target_ogr_codes" = coalesce((SELECT array_agg(tj.ogr_code ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = p.candidate_id), '{}'),
                       "target_fiche_codes" = coalesce((SELECT array_agg(tj.fiche_code::varchar ORDER BY tj.ogr_code) FROM "candidate_target_job" tj WHERE tj.candidate_id = p.candidate_id), '{}')
                 WHERE p.candidate_id = ANY(affected);
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`DROP FUNCTION "rome_fiche_id"(varchar)`);
        await queryRunner.query(`ALTER TABLE "candidate_profile" DROP COLUMN "target_fiche_ids"`);
    }
}
