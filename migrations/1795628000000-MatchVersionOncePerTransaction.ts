import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A write of a skill or soft skill gave its profile a new match version by rewriting the profile row, once per skill
 * row: a profile saved with five skills and three soft skills was rewritten eight times in one transaction, and every
 * rewrite leaves a dead row and new entries in each of the profile's indexes (match_version is in the matching index,
 * so no update is HOT). Seeding the bench this way left the matching index several times its size and the
 * candidates-for-a-need list 40 % slower.
 * A profile row already written by the current transaction already has a version of this transaction (the BEFORE
 * trigger gives one on every write), and the transaction's changes become visible together: it needs no other. The
 * touch now skips such rows.
 */
export class MatchVersionOncePerTransaction1795628000000 implements MigrationInterface {
    name = 'MatchVersionOncePerTransaction1795628000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "candidate_profile_touch_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
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
                UPDATE "candidate_profile" p SET "match_version" = p.match_version
                 WHERE p.candidate_id = ANY(affected) AND p.xmin <> pg_current_xact_id()::xid;
                RETURN NULL;
            END $$
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "candidate_profile_touch_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
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
                UPDATE "candidate_profile" p SET "match_version" = p.match_version WHERE p.candidate_id = ANY(affected);
                RETURN NULL;
            END $$
        `);
    }
}
