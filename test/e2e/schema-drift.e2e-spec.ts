/**
 * The drift check of functions and triggers (issue 12 §4) against a real migrated database: clean when the migrations
 * and the constants agree, and each kind of difference reported with the object's name and the way out.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { candidateProfileTouchMatchVersion } from '../../src/modules/candidates/candidates.triggers';
import {
  hiringNeedSearchColumns,
  hiringNeedsSchemaObjects,
} from '../../src/modules/employer-network/hiring-needs.triggers';
import { schemaObjects } from '../../src/modules/schema-objects';
import { checkSchemaDrift, describeDrift, readSchema, SchemaObjects } from '../../src/platform/database/schema-objects';
import { dropDatabase, TEST_DB_PREFIX, urlFor, withAdmin } from '../support/databases';
import { ensureTemplate } from '../support/template';

describe('schema drift check (e2e)', () => {
  let database: string;
  let db: Client;

  beforeAll(async () => {
    const template = await ensureTemplate();
    database = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
    db = new Client({ connectionString: urlFor(database) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    if (database) await withAdmin((admin) => dropDatabase(admin, database));
  });

  /** The constants with one trigger's statement replaced. */
  function withTrigger(triggerSql: string): SchemaObjects[] {
    return schemaObjects.map((group) =>
      group === hiringNeedsSchemaObjects
        ? {
            ...group,
            triggers: group.triggers.map((t) => (t === hiringNeedSearchColumns ? { ...t, triggerSql } : t)),
          }
        : group,
    );
  }

  it('finds nothing on the migrated database: every function and trigger equals its constant', async () => {
    expect(await checkSchemaDrift(db, schemaObjects)).toEqual([]);
  });

  it('reports a trigger body changed in the database, names it and says to write a migration', async () => {
    const altered = candidateProfileTouchMatchVersion.functionSql.replace(
      ' AND p.xmin <> pg_current_xact_id()::xid',
      '',
    );
    expect(altered).not.toBe(candidateProfileTouchMatchVersion.functionSql);
    await db.query(altered);
    try {
      const drifts = await checkSchemaDrift(db, schemaObjects);
      expect(drifts.map((d) => [d.kind, d.key, d.state])).toEqual([
        ['function', 'candidate_profile_touch_match_version', 'changed'],
      ]);
      const message = describeDrift(drifts[0]);
      expect(message).toContain('la fonction candidate_profile_touch_match_version()');
      expect(message).toContain('src/modules/candidates/candidates.triggers.ts');
      expect(message).toContain('écrivez une migration qui la recrée');
      expect(message).toContain('  - base :      WHERE p.candidate_id = ANY(affected);');
      expect(message).toContain('  + code :      WHERE p.candidate_id = ANY(affected) AND p.xmin');
    } finally {
      await db.query(candidateProfileTouchMatchVersion.functionSql);
    }
    expect(await checkSchemaDrift(db, schemaObjects)).toEqual([]);
  });

  it('reports a trigger constant changed without a migration, and leaves the database as it was', async () => {
    const before = await readSchema(db);
    const changed = hiringNeedSearchColumns.triggerSql.replace('"latitude", "longitude"', '"latitude"');
    expect(changed).not.toBe(hiringNeedSearchColumns.triggerSql);
    const drifts = await checkSchemaDrift(db, withTrigger(changed));
    expect(drifts.map((d) => [d.kind, d.key, d.state])).toEqual([
      ['trigger', 'hiring_need.TR_hiring_need_search_columns', 'changed'],
    ]);
    expect(drifts[0].live).toContain('latitude, longitude ON public.hiring_need');
    expect(drifts[0].code).toContain('latitude ON public.hiring_need');
    expect(await readSchema(db)).toEqual(before);
  });

  it('ignores the layout of a trigger statement: the server renders both', async () => {
    const relaidOut = hiringNeedSearchColumns.triggerSql
      .replace(/\s+/g, '   ')
      .replace('CREATE   TRIGGER', 'create trigger');
    expect(await checkSchemaDrift(db, withTrigger(relaidOut))).toEqual([]);
  });

  it('reports objects of the database absent from the constants, and constants absent from the database', async () => {
    await db.query(
      `CREATE FUNCTION "schema_drift_probe"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    );
    await db.query(
      `CREATE TRIGGER "TR_schema_drift_probe" BEFORE UPDATE ON "company" FOR EACH ROW EXECUTE FUNCTION "schema_drift_probe"()`,
    );
    try {
      const extra = await checkSchemaDrift(db, schemaObjects);
      expect(extra.map((d) => [d.kind, d.key, d.state])).toEqual([
        ['function', 'schema_drift_probe', 'missing-in-code'],
        ['trigger', 'company.TR_schema_drift_probe', 'missing-in-code'],
      ]);
      expect(describeDrift(extra[1])).toContain('le déclencheur TR_schema_drift_probe de la table company');
    } finally {
      await db.query(`DROP TRIGGER "TR_schema_drift_probe" ON "company"`);
      await db.query(`DROP FUNCTION "schema_drift_probe"()`);
    }
    const declared: SchemaObjects = {
      owner: 'test/e2e/schema-drift.e2e-spec.ts',
      functions: [
        {
          name: 'schema_drift_declared_only',
          functionSql: `CREATE OR REPLACE FUNCTION "schema_drift_declared_only"() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$`,
        },
      ],
      triggers: [],
    };
    const missing = await checkSchemaDrift(db, [...schemaObjects, declared]);
    expect(missing.map((d) => [d.kind, d.key, d.state])).toEqual([
      ['function', 'schema_drift_declared_only', 'missing-in-database'],
    ]);
    expect(describeDrift(missing[0])).toContain('écrivez une migration qui la crée');
    expect((await readSchema(db)).functions.has('schema_drift_declared_only')).toBe(false);
  });

  it('reports a constant the server refuses, with its error', async () => {
    const drifts = await checkSchemaDrift(
      db,
      withTrigger(hiringNeedSearchColumns.triggerSql.replace('"longitude"', '"no_such_column"')),
    );
    expect(drifts.map((d) => [d.kind, d.key, d.state])).toEqual([
      ['trigger', 'hiring_need.TR_hiring_need_search_columns', 'not-applicable'],
    ]);
    expect(drifts[0].error).toMatch(/no_such_column/);
  });
});
