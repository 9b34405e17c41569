import { MigrationInterface, QueryRunner } from "typeorm";

export class Candidates1795612524665 implements MigrationInterface {
    name = 'Candidates1795612524665'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "candidate" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "siae_id" uuid NOT NULL,
                "referent_user_id" uuid,
                "first_name" character varying(100) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "birth_date" date,
                "phone" character varying(30),
                "email" character varying(254),
                "address" character varying(300),
                "contract_start" date,
                "contract_end" date,
                "status" character varying(20) NOT NULL DEFAULT 'in_parcours',
                "left_at" date,
                "created_by_user_id" uuid,
                "erased_at" TIMESTAMP WITH TIME ZONE,
                "anonymous_stats" jsonb,
                "retention_queued_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_candidate_erased_fields" CHECK (
                    erased_at IS NULL
                    OR (
                        birth_date IS NULL
                        AND phone IS NULL
                        AND email IS NULL
                        AND address IS NULL
                    )
                ),
                CONSTRAINT "CK_candidate_contract_dates" CHECK (
                    contract_end IS NULL
                    OR contract_start IS NULL
                    OR contract_end >= contract_start
                ),
                CONSTRAINT "CK_candidate_left_at" CHECK ((status = 'in_parcours') = (left_at IS NULL)),
                CONSTRAINT "CK_candidate_status" CHECK (
                    status IN ('in_parcours', 'left', 'hired_elsewhere')
                ),
                CONSTRAINT "PK_b0ddec158a9a60fbc785281581b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_retention_due" ON "candidate" ("left_at")
            WHERE erased_at IS NULL
                AND left_at IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_siae" ON "candidate" ("siae_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "candidate_consent" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "candidate_id" uuid NOT NULL,
                "scope" character varying(12) NOT NULL,
                "given_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by_user_id" uuid,
                "wording" text NOT NULL,
                "document_ref" character varying(200),
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_candidate_consent_withdrawal" CHECK (
                    withdrawn_at IS NULL
                    OR withdrawn_at >= given_at
                ),
                CONSTRAINT "CK_candidate_consent_scope" CHECK (scope IN ('collective', 'employers')),
                CONSTRAINT "PK_cad454f434ecef1b9dd0f986da4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_candidate_consent_active" ON "candidate_consent" ("candidate_id", "scope")
            WHERE withdrawn_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "candidate_profile" (
                "candidate_id" uuid NOT NULL,
                "siae_id" uuid NOT NULL,
                "pseudonym" character varying(60) NOT NULL,
                "commune_code" character varying(5) NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "mobility_radius_km" integer NOT NULL DEFAULT '10',
                "transport_means" character varying array NOT NULL DEFAULT '{}',
                "driving_licences" character varying array NOT NULL DEFAULT '{}',
                "languages" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "french_as_foreign_language" boolean NOT NULL DEFAULT false,
                "literacy_difficulty" boolean NOT NULL DEFAULT false,
                "available_from" date,
                "work_time" character varying(10),
                "time_constraints" character varying(500),
                "shared_with_collective" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CK_candidate_profile_licences" CHECK (
                    driving_licences <@ ARRAY ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C', 'CE', 'D1', 'D', 'DE', 'CACES']::varchar []
                ),
                CONSTRAINT "CK_candidate_profile_transport" CHECK (
                    transport_means <@ ARRAY ['car', 'motorbike', 'bicycle', 'public_transport', 'walking', 'carpool']::varchar []
                ),
                CONSTRAINT "CK_candidate_profile_work_time" CHECK (
                    work_time IS NULL
                    OR work_time IN ('full_time', 'part_time', 'either')
                ),
                CONSTRAINT "CK_candidate_profile_lat_lon" CHECK (
                    latitude BETWEEN -90 AND 90
                    AND longitude BETWEEN -180 AND 180
                ),
                CONSTRAINT "CK_candidate_profile_radius" CHECK (
                    mobility_radius_km BETWEEN 0 AND 300
                ),
                CONSTRAINT "PK_candidate_profile" PRIMARY KEY ("candidate_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_siae" ON "candidate_profile" ("siae_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "candidate_skill" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "candidate_id" uuid NOT NULL,
                "label" character varying(200) NOT NULL,
                "evidence_level" character varying(10) NOT NULL,
                "note" character varying(500),
                CONSTRAINT "CK_candidate_skill_evidence" CHECK (
                    evidence_level IN ('declared', 'observed', 'certified')
                ),
                CONSTRAINT "PK_e76869bb2d719ece3daefccc53a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_skill_candidate" ON "candidate_skill" ("candidate_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "candidate_soft_skill" (
                "candidate_id" uuid NOT NULL,
                "soft_skill" character varying(40) NOT NULL,
                CONSTRAINT "CK_candidate_soft_skill_code" CHECK (
                    soft_skill IN (
                        'ponctualite',
                        'travail_en_equipe',
                        'adaptabilite',
                        'capacite_de_rebond',
                        'autonomie',
                        'relation_client',
                        'rigueur',
                        'perseverance',
                        'assiduite',
                        'respect_des_consignes',
                        'sens_de_l_organisation',
                        'curiosite',
                        'gestion_du_stress',
                        'prise_d_initiative',
                        'communication'
                    )
                ),
                CONSTRAINT "PK_candidate_soft_skill" PRIMARY KEY ("candidate_id", "soft_skill")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "candidate_target_job" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "candidate_id" uuid NOT NULL,
                "ogr_code" character varying(10) NOT NULL,
                "fiche_code" character(5) NOT NULL,
                "domain_code" character(3) NOT NULL,
                "experience_level" character varying(12) NOT NULL,
                "siae_id" uuid NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "shared_with_collective" boolean NOT NULL DEFAULT false,
                CONSTRAINT "CK_candidate_target_job_domain" CHECK (left(fiche_code, 3) = domain_code),
                CONSTRAINT "CK_candidate_target_job_experience" CHECK (
                    experience_level IN ('none', 'beginner', 'experienced', 'confirmed')
                ),
                CONSTRAINT "PK_4b22834939ac04b5c77ff877047" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_target_job_siae" ON "candidate_target_job" ("siae_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_candidate_target_job" ON "candidate_target_job" ("candidate_id", "ogr_code")
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate"
            ADD CONSTRAINT "FK_candidate_siae" FOREIGN KEY ("siae_id") REFERENCES "siae"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate"
            ADD CONSTRAINT "FK_candidate_referent_user" FOREIGN KEY ("referent_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_consent"
            ADD CONSTRAINT "FK_candidate_consent_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_consent"
            ADD CONSTRAINT "FK_candidate_consent_recorded_by" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_profile"
            ADD CONSTRAINT "FK_candidate_profile_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_profile"
            ADD CONSTRAINT "FK_candidate_profile_commune" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_skill"
            ADD CONSTRAINT "FK_candidate_skill_profile" FOREIGN KEY ("candidate_id") REFERENCES "candidate_profile"("candidate_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_soft_skill"
            ADD CONSTRAINT "FK_candidate_soft_skill_profile" FOREIGN KEY ("candidate_id") REFERENCES "candidate_profile"("candidate_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job"
            ADD CONSTRAINT "FK_candidate_target_job_profile" FOREIGN KEY ("candidate_id") REFERENCES "candidate_profile"("candidate_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job"
            ADD CONSTRAINT "FK_candidate_target_job_appellation" FOREIGN KEY ("ogr_code") REFERENCES "rome_appellation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job"
            ADD CONSTRAINT "FK_candidate_target_job_fiche" FOREIGN KEY ("fiche_code") REFERENCES "rome_fiche"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job"
            ADD CONSTRAINT "FK_candidate_target_job_domain" FOREIGN KEY ("domain_code") REFERENCES "rome_domain"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        // Expression GiST indexes, declared on the entities with { synchronize: false }. btree_gist lets the ROME codes sit
        // in the same index as the earth point, so "appellation (or domain) within r km" is one index scan; partial on
        // the sharing flag because searches by other SIAE only ever look at shared profiles (own SIAE searches go
        // through IDX_candidate_target_job_siae: an SIAE holds hundreds of candidates, not thousands).
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_target_job_search" ON "candidate_target_job"
            USING gist ("ogr_code", "domain_code", ll_to_earth("latitude", "longitude"))
            WHERE "shared_with_collective"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_candidate_profile_geo" ON "candidate_profile"
            USING gist (ll_to_earth("latitude", "longitude"))
            WHERE "shared_with_collective"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_profile_geo"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_candidate_target_job_search"`);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job" DROP CONSTRAINT "FK_candidate_target_job_domain"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job" DROP CONSTRAINT "FK_candidate_target_job_fiche"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job" DROP CONSTRAINT "FK_candidate_target_job_appellation"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_target_job" DROP CONSTRAINT "FK_candidate_target_job_profile"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_soft_skill" DROP CONSTRAINT "FK_candidate_soft_skill_profile"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_skill" DROP CONSTRAINT "FK_candidate_skill_profile"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_profile" DROP CONSTRAINT "FK_candidate_profile_commune"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_profile" DROP CONSTRAINT "FK_candidate_profile_candidate"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_consent" DROP CONSTRAINT "FK_candidate_consent_recorded_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate_consent" DROP CONSTRAINT "FK_candidate_consent_candidate"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate" DROP CONSTRAINT "FK_candidate_referent_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "candidate" DROP CONSTRAINT "FK_candidate_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_candidate_target_job"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_candidate_target_job_siae"
        `);
        await queryRunner.query(`
            DROP TABLE "candidate_target_job"
        `);
        await queryRunner.query(`
            DROP TABLE "candidate_soft_skill"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_candidate_skill_candidate"
        `);
        await queryRunner.query(`
            DROP TABLE "candidate_skill"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_candidate_profile_siae"
        `);
        await queryRunner.query(`
            DROP TABLE "candidate_profile"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_candidate_consent_active"
        `);
        await queryRunner.query(`
            DROP TABLE "candidate_consent"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_candidate_siae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_candidate_retention_due"
        `);
        await queryRunner.query(`
            DROP TABLE "candidate"
        `);
    }

}
