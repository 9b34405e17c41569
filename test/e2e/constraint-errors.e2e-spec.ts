import { QueryFailedError } from 'typeorm';
import { AppError } from '../../src/platform/errors/app-error';
import { registeredConstraints } from '../../src/platform/errors/constraint-errors';
import { TestApp } from '../support/test-app';

interface SchemaConstraint {
  name: string;
  kind: 'check' | 'unique' | 'exclusion' | 'foreign key' | 'primary key' | 'unique index';
  table: string;
}

/**
 * Every invariant of the migrated schema that a write can violate, read from the catalogue: CHECK, UNIQUE, EXCLUDE and
 * FOREIGN KEY constraints, unique indexes (partial ones included), and primary keys that are not a single generated
 * column (a composite or natural key can be hit twice by a client; a `gen_random_uuid()` id cannot). Constraints of
 * extensions (earthdistance's `earth` domain) and TypeORM's `migrations` table are not ours.
 */
const SCHEMA_CONSTRAINTS = `
  SELECT c.conname AS name,
         CASE c.contype WHEN 'c' THEN 'check' WHEN 'u' THEN 'unique' WHEN 'x' THEN 'exclusion'
                        WHEN 'f' THEN 'foreign key' ELSE 'primary key' END AS kind,
         c.conrelid::regclass::text AS "table"
    FROM pg_constraint c
    JOIN pg_namespace n ON n.oid = c.connamespace
   WHERE n.nspname = 'public' AND c.contype IN ('c', 'u', 'x', 'f', 'p') AND c.conrelid <> 0
     AND c.conrelid::regclass::text <> 'migrations'
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
     AND NOT (c.contype = 'p' AND array_length(c.conkey, 1) = 1 AND EXISTS (
           SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1] AND a.atthasdef))
  UNION ALL
  SELECT ic.relname, 'unique index', i.indrelid::regclass::text
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = ic.relnamespace
   WHERE n.nspname = 'public' AND i.indisunique
     AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
  ORDER BY 3, 1`;

describe('constraints: every one of the schema has its domain error', () => {
  let t: TestApp;
  let schema: SchemaConstraint[];

  beforeAll(async () => {
    // building the app imports every module, hence every *.errors.ts that registers constraints
    t = await TestApp.create();
    schema = await t.dataSource.query(SCHEMA_CONSTRAINTS);
  });
  afterAll(() => t.close());

  it('finds the constraints of the schema (the query itself works)', () => {
    const kinds = new Set(schema.map((c) => c.kind));
    for (const kind of ['check', 'foreign key', 'unique index']) expect(kinds).toContain(kind);
    expect(schema.length).toBeGreaterThan(100);
  });

  it('registers a domain error (or a stated server-only reason) for every constraint', () => {
    const registered = registeredConstraints();
    const missing = schema.filter((c) => !registered.has(c.name)).map((c) => `${c.kind} ${c.name} on ${c.table}`);
    // the list is the message: add each to registerConstraintErrors in the *.errors.ts of the module owning the table
    expect(missing).toEqual([]);
  });

  it('registers nothing that the schema does not have (a renamed constraint would silently lose its error)', () => {
    const names = new Set(schema.map((c) => c.name));
    expect([...registeredConstraints().keys()].filter((name) => !names.has(name))).toEqual([]);
  });

  it('answers each constraint a client can reach with a 4xx domain error, never a 500', () => {
    const wrong: string[] = [];
    for (const c of schema) {
      const entry = registeredConstraints().get(c.name);
      if (!entry || entry.serverOnly) continue;
      for (const detail of [
        'Key (id)=(x) is not present in table "t".',
        'Key (id)=(x) is still referenced from table "t".',
      ]) {
        const error = new QueryFailedError(
          'INSERT …',
          [],
          Object.assign(new Error('violation'), { constraint: c.name, detail }),
        );
        const answer = entry.map(error);
        if (!(answer instanceof AppError) || answer.status >= 500) wrong.push(`${c.name}: ${String(answer?.status)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says why each server-only constraint cannot be reached by a request', () => {
    const serverOnly = [...registeredConstraints()].filter(([, e]) => e.serverOnly !== undefined);
    for (const [name, e] of serverOnly)
      expect({ name, reason: e.serverOnly!.length > 10 }).toEqual({ name, reason: true });
  });
});
