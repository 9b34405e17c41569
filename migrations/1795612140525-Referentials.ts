import { MigrationInterface, QueryRunner } from "typeorm";

export class Referentials1795612140525 implements MigrationInterface {
    name = 'Referentials1795612140525'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // array_to_string() is only STABLE (generic element output); on text[] it is immutable in practice, and a generated
        // column needs an IMMUTABLE function. Written by hand: TypeORM does not manage functions.
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION referential_postcodes_text(text[]) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT ' ' || array_to_string($1, ' ') || ' ' $$
        `);
        // TypeORM reads generated-column expressions back from typeorm_metadata filtered by database name: record the
        // database being migrated (the generator wrote the scratch database's name, which no other database has).
        await queryRunner.query(`
            INSERT INTO "typeorm_metadata"(
                    "database",
                    "schema",
                    "table",
                    "type",
                    "name",
                    "value"
                )
            VALUES (current_database(), $1, $2, $3, $4, $5)
        `, ["public","commune","GENERATED_COLUMN","search_name","' ' || btrim(regexp_replace(lower(immutable_unaccent(name)), '[^a-z0-9]+', ' ', 'g')) || ' '"]);
        await queryRunner.query(`
            INSERT INTO "typeorm_metadata"(
                    "database",
                    "schema",
                    "table",
                    "type",
                    "name",
                    "value"
                )
            VALUES (current_database(), $1, $2, $3, $4, $5)
        `, ["public","commune","GENERATED_COLUMN","search_postcodes","referential_postcodes_text(postcodes)"]);
        await queryRunner.query(`
            CREATE TABLE "commune" (
                "code" character varying(5) NOT NULL,
                "name" character varying(200) NOT NULL,
                "department" character varying(3) NOT NULL,
                "postcodes" text array NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "search_name" text GENERATED ALWAYS AS (
                    ' ' || btrim(
                        regexp_replace(
                            lower(immutable_unaccent(name)),
                            '[^a-z0-9]+',
                            ' ',
                            'g'
                        )
                    ) || ' '
                ) STORED NOT NULL,
                "search_postcodes" text GENERATED ALWAYS AS (referential_postcodes_text(postcodes)) STORED NOT NULL,
                CONSTRAINT "CK_commune_longitude" CHECK (
                    longitude BETWEEN -180 AND 180
                ),
                CONSTRAINT "CK_commune_latitude" CHECK (
                    latitude BETWEEN -90 AND 90
                ),
                CONSTRAINT "CK_commune_code" CHECK (code ~ '^[0-9][0-9AB][0-9]{3}$'),
                CONSTRAINT "PK_commune" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_commune_department" ON "commune" ("department")
        `);
        await queryRunner.query(`
            CREATE TABLE "rome_grand_domain" (
                "code" character(1) NOT NULL,
                "label" character varying(200) NOT NULL,
                CONSTRAINT "CK_rome_grand_domain_code" CHECK (code ~ '^[A-Z]$'),
                CONSTRAINT "PK_rome_grand_domain" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "rome_domain" (
                "code" character(3) NOT NULL,
                "label" character varying(200) NOT NULL,
                "grand_domain_code" character(1) NOT NULL,
                CONSTRAINT "CK_rome_domain_code" CHECK (
                    code ~ '^[A-Z][0-9]{2}$'
                    AND left(code, 1) = grand_domain_code
                ),
                CONSTRAINT "PK_rome_domain" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_rome_domain_grand_domain" ON "rome_domain" ("grand_domain_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "rome_fiche" (
                "code" character(5) NOT NULL,
                "label" character varying(200) NOT NULL,
                "domain_code" character(3) NOT NULL,
                CONSTRAINT "CK_rome_fiche_code" CHECK (
                    code ~ '^[A-Z][0-9]{4}$'
                    AND left(code, 3) = domain_code
                ),
                CONSTRAINT "PK_rome_fiche" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_rome_fiche_domain" ON "rome_fiche" ("domain_code")
        `);
        await queryRunner.query(`
            INSERT INTO "typeorm_metadata"(
                    "database",
                    "schema",
                    "table",
                    "type",
                    "name",
                    "value"
                )
            VALUES (current_database(), $1, $2, $3, $4, $5)
        `, ["public","rome_appellation","GENERATED_COLUMN","search_text","' ' || btrim(regexp_replace(lower(immutable_unaccent(label)), '[^a-z0-9]+', ' ', 'g')) || ' '"]);
        await queryRunner.query(`
            CREATE TABLE "rome_appellation" (
                "code" character varying(10) NOT NULL,
                "fiche_code" character(5) NOT NULL,
                "label" character varying(200) NOT NULL,
                "short_label" character varying(200) NOT NULL,
                "search_text" text GENERATED ALWAYS AS (
                    ' ' || btrim(
                        regexp_replace(
                            lower(immutable_unaccent(label)),
                            '[^a-z0-9]+',
                            ' ',
                            'g'
                        )
                    ) || ' '
                ) STORED NOT NULL,
                CONSTRAINT "CK_rome_appellation_code" CHECK (code ~ '^[0-9]{1,10}$'),
                CONSTRAINT "PK_rome_appellation" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_rome_appellation_fiche" ON "rome_appellation" ("fiche_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "rome_related" (
                "fiche_code" character(5) NOT NULL,
                "related_code" character(5) NOT NULL,
                "score" numeric(5, 4) NOT NULL,
                "areas" smallint NOT NULL,
                CONSTRAINT "CK_rome_related_distinct" CHECK (fiche_code <> related_code),
                CONSTRAINT "CK_rome_related_score" CHECK (
                    score > 0
                    AND score <= 1
                ),
                CONSTRAINT "PK_rome_related" PRIMARY KEY ("fiche_code", "related_code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_rome_related_related" ON "rome_related" ("related_code")
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_domain"
            ADD CONSTRAINT "FK_rome_domain_grand_domain" FOREIGN KEY ("grand_domain_code") REFERENCES "rome_grand_domain"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_fiche"
            ADD CONSTRAINT "FK_rome_fiche_domain" FOREIGN KEY ("domain_code") REFERENCES "rome_domain"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_appellation"
            ADD CONSTRAINT "FK_rome_appellation_fiche" FOREIGN KEY ("fiche_code") REFERENCES "rome_fiche"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_related"
            ADD CONSTRAINT "FK_rome_related_fiche" FOREIGN KEY ("fiche_code") REFERENCES "rome_fiche"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_related"
            ADD CONSTRAINT "FK_rome_related_related" FOREIGN KEY ("related_code") REFERENCES "rome_fiche"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Declared on the entities with { synchronize: false }: operator classes and expressions are not expressible there.
        await queryRunner.query(`
            CREATE INDEX "IDX_rome_appellation_search" ON "rome_appellation" USING gin ("search_text" gin_trgm_ops)
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_commune_search_name" ON "commune" USING gin ("search_name" gin_trgm_ops)
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_commune_search_postcodes" ON "commune" USING gin ("search_postcodes" gin_trgm_ops)
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_commune_earth" ON "commune" USING gist (ll_to_earth("latitude", "longitude"))
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_commune_earth"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_commune_search_postcodes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_commune_search_name"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_rome_appellation_search"`);
        await queryRunner.query(`
            ALTER TABLE "rome_related" DROP CONSTRAINT "FK_rome_related_related"
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_related" DROP CONSTRAINT "FK_rome_related_fiche"
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_appellation" DROP CONSTRAINT "FK_rome_appellation_fiche"
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_fiche" DROP CONSTRAINT "FK_rome_fiche_domain"
        `);
        await queryRunner.query(`
            ALTER TABLE "rome_domain" DROP CONSTRAINT "FK_rome_domain_grand_domain"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_rome_related_related"
        `);
        await queryRunner.query(`
            DROP TABLE "rome_related"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_rome_appellation_fiche"
        `);
        await queryRunner.query(`
            DROP TABLE "rome_appellation"
        `);
        await queryRunner.query(`
            DELETE FROM "typeorm_metadata"
            WHERE "type" = $1
                AND "name" = $2
                AND "database" = current_database()
                AND "schema" = $3
                AND "table" = $4
        `, ["GENERATED_COLUMN","search_text","public","rome_appellation"]);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_rome_fiche_domain"
        `);
        await queryRunner.query(`
            DROP TABLE "rome_fiche"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_rome_domain_grand_domain"
        `);
        await queryRunner.query(`
            DROP TABLE "rome_domain"
        `);
        await queryRunner.query(`
            DROP TABLE "rome_grand_domain"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_commune_department"
        `);
        await queryRunner.query(`
            DROP TABLE "commune"
        `);
        await queryRunner.query(`
            DELETE FROM "typeorm_metadata"
            WHERE "type" = $1
                AND "name" = $2
                AND "database" = current_database()
                AND "schema" = $3
                AND "table" = $4
        `, ["GENERATED_COLUMN","search_postcodes","public","commune"]);
        await queryRunner.query(`
            DELETE FROM "typeorm_metadata"
            WHERE "type" = $1
                AND "name" = $2
                AND "database" = current_database()
                AND "schema" = $3
                AND "table" = $4
        `, ["GENERATED_COLUMN","search_name","public","commune"]);
        await queryRunner.query(`DROP FUNCTION IF EXISTS referential_postcodes_text(text[])`);
    }

}
