import type { SchemaFunction, SchemaObjects, SchemaTrigger } from '../../platform/database/schema-objects';

/**
 * Columns of `hiring_need` written by the database, never by the code (the entity declares them insert/update false),
 * so that no writer of a need, a share or a company can forget them. They serve the match lists, which find open needs
 * of a domain within a latitude/longitude box and check who may see them in index-only scans of IDX_hiring_need_matching
 * and IDX_hiring_need_history, without reading `company`, `company_share` or the referentials per row.
 *
 * - `fiche_code`, `domain_code`, `latitude`, `longitude`: from the need's appellation (rome_appellation) and place
 *   (commune), on every write of those columns.
 * - `owner_siae_id`, `shared_collective_ids`: the company's owner SIAE and the collectives it is actively shared with
 *   (`visibleNeedSql` in employer-network-access.ts reads them). Written on every write of the need's company, and
 *   rewritten when a `company_share` row is written, withdrawn or deleted, or when a company's `siae_id` changes (a no-op
 *   write of its needs, whose BEFORE trigger reads the new state in the same transaction).
 * - `match_version`: a new number from `hiring_need_match_version_seq` on every write: the match lists keep scored
 *   snapshots by (need, version). Equal versions mean equal data.
 *
 * BEFORE triggers of one table fire in name order: match version, search columns, visibility columns.
 * Last defined by the migrations MatchingSearchColumns, NeedVisibilityColumns, NeedMatchVersion, and (frozen copies of
 * these constants) SchemaObjectsFromCode. To change one: edit it here, then `npm run migration:schema -- <Name>`.
 */

export const hiringNeedFillSearchColumns: SchemaFunction = {
  name: 'hiring_need_fill_search_columns',
  functionSql: `CREATE OR REPLACE FUNCTION "hiring_need_fill_search_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.fiche_code, left(a.fiche_code, 3) INTO NEW.fiche_code, NEW.domain_code
      FROM "rome_appellation" a WHERE a.code = NEW.appellation_code;
    IF NEW.place_commune_code IS NULL THEN
        NEW.latitude := NULL;
        NEW.longitude := NULL;
    ELSE
        SELECT c.latitude, c.longitude INTO NEW.latitude, NEW.longitude
          FROM "commune" c WHERE c.code = NEW.place_commune_code;
    END IF;
    RETURN NEW;
END
$$`,
};

export const hiringNeedSearchColumns: SchemaTrigger = {
  name: 'TR_hiring_need_search_columns',
  table: 'hiring_need',
  function: hiringNeedFillSearchColumns,
  triggerSql: `CREATE TRIGGER "TR_hiring_need_search_columns"
BEFORE INSERT OR UPDATE OF "appellation_code", "place_commune_code", "fiche_code", "domain_code", "latitude", "longitude"
ON "hiring_need" FOR EACH ROW EXECUTE FUNCTION "hiring_need_fill_search_columns"()`,
};

export const hiringNeedFillVisibilityColumns: SchemaFunction = {
  name: 'hiring_need_fill_visibility_columns',
  functionSql: `CREATE OR REPLACE FUNCTION "hiring_need_fill_visibility_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.siae_id INTO NEW.owner_siae_id FROM "company" c WHERE c.id = NEW.company_id;
    NEW.shared_collective_ids := coalesce((SELECT array_agg(s.collective_id ORDER BY s.collective_id)
                                             FROM "company_share" s
                                            WHERE s.company_id = NEW.company_id AND s.withdrawn_at IS NULL), '{}');
    RETURN NEW;
END
$$`,
};

export const hiringNeedVisibilityColumns: SchemaTrigger = {
  name: 'TR_hiring_need_visibility_columns',
  table: 'hiring_need',
  function: hiringNeedFillVisibilityColumns,
  triggerSql: `CREATE TRIGGER "TR_hiring_need_visibility_columns"
BEFORE INSERT OR UPDATE OF "company_id", "owner_siae_id", "shared_collective_ids"
ON "hiring_need" FOR EACH ROW EXECUTE FUNCTION "hiring_need_fill_visibility_columns"()`,
};

/** A share or a company's owner changed: the company's needs are written again (no change), see above. */
export const hiringNeedRefreshVisibility: SchemaFunction = {
  name: 'hiring_need_refresh_visibility',
  functionSql: `CREATE OR REPLACE FUNCTION "hiring_need_refresh_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected uuid[];
BEGIN
    IF TG_TABLE_NAME = 'company' THEN
        affected := ARRAY[NEW.id];
    ELSIF TG_OP = 'DELETE' THEN
        affected := ARRAY[OLD.company_id];
    ELSIF TG_OP = 'UPDATE' THEN
        affected := ARRAY[OLD.company_id, NEW.company_id];
    ELSE
        affected := ARRAY[NEW.company_id];
    END IF;
    UPDATE "hiring_need" n SET "company_id" = n.company_id WHERE n.company_id = ANY(affected);
    RETURN NULL;
END
$$`,
};

export const companyShareNeedVisibility: SchemaTrigger = {
  name: 'TR_company_share_need_visibility',
  table: 'company_share',
  function: hiringNeedRefreshVisibility,
  triggerSql: `CREATE TRIGGER "TR_company_share_need_visibility"
AFTER INSERT OR UPDATE OF "company_id", "collective_id", "withdrawn_at" OR DELETE
ON "company_share" FOR EACH ROW EXECUTE FUNCTION "hiring_need_refresh_visibility"()`,
};

export const companyNeedVisibility: SchemaTrigger = {
  name: 'TR_company_need_visibility',
  table: 'company',
  function: hiringNeedRefreshVisibility,
  triggerSql: `CREATE TRIGGER "TR_company_need_visibility"
AFTER UPDATE OF "siae_id"
ON "company" FOR EACH ROW EXECUTE FUNCTION "hiring_need_refresh_visibility"()`,
};

export const hiringNeedNextMatchVersion: SchemaFunction = {
  name: 'hiring_need_next_match_version',
  functionSql: `CREATE OR REPLACE FUNCTION "hiring_need_next_match_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.match_version := nextval('hiring_need_match_version_seq');
    RETURN NEW;
END
$$`,
};

export const hiringNeedMatchVersion: SchemaTrigger = {
  name: 'TR_hiring_need_match_version',
  table: 'hiring_need',
  function: hiringNeedNextMatchVersion,
  triggerSql: `CREATE TRIGGER "TR_hiring_need_match_version" BEFORE INSERT OR UPDATE ON "hiring_need"
FOR EACH ROW EXECUTE FUNCTION "hiring_need_next_match_version"()`,
};

export const hiringNeedsSchemaObjects: SchemaObjects = {
  owner: 'src/modules/employer-network/hiring-needs.triggers.ts',
  functions: [],
  triggers: [
    hiringNeedMatchVersion,
    hiringNeedSearchColumns,
    hiringNeedVisibilityColumns,
    companyShareNeedVisibility,
    companyNeedVisibility,
  ],
};
