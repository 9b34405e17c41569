/**
 * Functions and triggers of schema `public` kept as constants in the modules that own them (issue 12 §4), and the drift
 * check that compares them with a migrated database.
 *
 * TypeORM's generator does not see functions or triggers, so before this check a migration could redefine one (or a
 * constant could change) and nothing failed. The constants are the source; migrations carry a frozen copy of them
 * (`npm run migration:schema -- <Name>` writes it), never an import: a migration that imported the constants would
 * apply tomorrow's definition on a fresh database, so a constant changed without a migration would pass a check run
 * on a fresh database while every existing database kept the old body.
 *
 * The comparison is done by the server: the constants are applied inside a transaction on the migrated database, their
 * `pg_get_functiondef` / `pg_get_triggerdef` renderings are read, and the transaction is rolled back. Whitespace of a
 * trigger statement or the spelling of a function's header do not matter; a function's body (stored verbatim) does.
 */

/** A function of schema `public` whose definition the code owns. */
export interface SchemaFunction {
  readonly name: string;
  /** The whole `CREATE OR REPLACE FUNCTION …` statement, as a migration runs it. */
  readonly functionSql: string;
}

/** A trigger whose definition the code owns; its function is declared with it. */
export interface SchemaTrigger {
  readonly name: string;
  readonly table: string;
  readonly function: SchemaFunction;
  /** The `CREATE TRIGGER …` statement; a migration drops the trigger of that name first. */
  readonly triggerSql: string;
}

/** What one module owns: `owner` is the file that holds the constants, named in the drift messages. */
export interface SchemaObjects {
  readonly owner: string;
  readonly functions: readonly SchemaFunction[];
  readonly triggers: readonly SchemaTrigger[];
}

/** Anything with pg's `query` (a `pg.Client`, a pool client). */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** Server renderings, by function name and by `table.trigger`. */
export interface Rendered {
  readonly functions: Map<string, string>;
  readonly triggers: Map<string, string>;
}

export type DriftState = 'changed' | 'missing-in-database' | 'missing-in-code' | 'not-applicable';

export interface Drift {
  readonly kind: 'function' | 'trigger';
  /** Function name, or `table.trigger`. */
  readonly key: string;
  readonly state: DriftState;
  readonly owner?: string;
  /** Rendering in the migrated database. */
  readonly live?: string;
  /** Rendering of the constant. */
  readonly code?: string;
  readonly error?: string;
}

const FUNCTIONS_SQL = `
  SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
     AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
   ORDER BY 1, 2`;

const TRIGGERS_SQL = `
  SELECT c.relname AS "table", t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE NOT t.tgisinternal AND n.nspname = 'public'
   ORDER BY 1, 2`;

export function triggerKey(table: string, name: string): string {
  return `${table}.${name}`;
}

/** Every function (outside extensions) and every user trigger of schema `public`, as the server renders them. */
export async function readSchema(db: Queryable): Promise<Rendered> {
  const functions = new Map<string, string>();
  // Overloads share a name: their renderings are joined, so a new overload (a changed signature) is a difference.
  for (const row of (await db.query<{ name: string; definition: string }>(FUNCTIONS_SQL)).rows) {
    const previous = functions.get(row.name);
    functions.set(row.name, previous === undefined ? row.definition : `${previous}\n${row.definition}`);
  }
  const triggers = new Map<string, string>();
  for (const row of (await db.query<{ table: string; name: string; definition: string }>(TRIGGERS_SQL)).rows) {
    triggers.set(triggerKey(row.table, row.name), row.definition);
  }
  return { functions, triggers };
}

/** Each function once (several triggers may share one), in declaration order. */
export function uniqueFunctions(objects: readonly SchemaObjects[]): { fn: SchemaFunction; owner: string }[] {
  const seen = new Map<string, { fn: SchemaFunction; owner: string }>();
  for (const group of objects) {
    for (const fn of [...group.functions, ...group.triggers.map((t) => t.function)]) {
      const known = seen.get(fn.name);
      if (known && known.fn.functionSql !== fn.functionSql) {
        throw new Error(`Deux définitions de la fonction ${fn.name} (${known.owner}, ${group.owner}).`);
      }
      if (!known) seen.set(fn.name, { fn, owner: group.owner });
    }
  }
  return [...seen.values()];
}

export function dropTriggerSql(table: string, name: string): string {
  return `DROP TRIGGER IF EXISTS "${name}" ON "${table}"`;
}

/** The statements that (re)create every object: functions first, then each trigger dropped and created. */
export function schemaStatements(objects: readonly SchemaObjects[]): string[] {
  return [
    ...uniqueFunctions(objects).map(({ fn }) => fn.functionSql),
    ...objects.flatMap((g) => g.triggers.flatMap((t) => [dropTriggerSql(t.table, t.name), t.triggerSql])),
  ];
}

/**
 * Applies the constants inside a transaction of `db`, reads the server's renderings of what they declare, and rolls
 * back: `db` is left as it was. A constant the server refuses (a changed return type, a missing column) is reported
 * with its error instead.
 */
export async function renderConstants(
  db: Queryable,
  objects: readonly SchemaObjects[],
): Promise<{ rendered: Rendered; errors: Drift[] }> {
  const errors: Drift[] = [];
  await db.query('BEGIN');
  try {
    const attempt = async (kind: Drift['kind'], key: string, owner: string, statements: string[]) => {
      await db.query('SAVEPOINT schema_constant');
      try {
        for (const sql of statements) await db.query(sql);
        await db.query('RELEASE SAVEPOINT schema_constant');
      } catch (error) {
        await db.query('ROLLBACK TO SAVEPOINT schema_constant');
        errors.push({ kind, key, owner, state: 'not-applicable', error: (error as Error).message });
      }
    };
    for (const { fn, owner } of uniqueFunctions(objects)) await attempt('function', fn.name, owner, [fn.functionSql]);
    for (const group of objects) {
      for (const t of group.triggers) {
        await attempt('trigger', triggerKey(t.table, t.name), group.owner, [
          dropTriggerSql(t.table, t.name),
          t.triggerSql,
        ]);
      }
    }
    const all = await readSchema(db);
    const declaredFunctions = new Set(uniqueFunctions(objects).map(({ fn }) => fn.name));
    const declaredTriggers = new Set(objects.flatMap((g) => g.triggers.map((t) => triggerKey(t.table, t.name))));
    return {
      rendered: {
        functions: new Map([...all.functions].filter(([name]) => declaredFunctions.has(name))),
        triggers: new Map([...all.triggers].filter(([key]) => declaredTriggers.has(key))),
      },
      errors,
    };
  } finally {
    await db.query('ROLLBACK');
  }
}

/** Pure: what differs between the database's renderings and the constants'. */
export function compareSchema(
  live: Rendered,
  code: Rendered,
  objects: readonly SchemaObjects[],
  errors: readonly Drift[] = [],
): Drift[] {
  const owners = new Map<string, string>();
  for (const { fn, owner } of uniqueFunctions(objects)) owners.set(`function:${fn.name}`, owner);
  for (const g of objects) for (const t of g.triggers) owners.set(`trigger:${triggerKey(t.table, t.name)}`, g.owner);
  const failed = new Set(errors.map((e) => `${e.kind}:${e.key}`));
  const drifts: Drift[] = [...errors];
  const compare = (kind: Drift['kind'], liveMap: Map<string, string>, codeMap: Map<string, string>) => {
    const declared = [...owners.keys()].filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
    for (const key of declared) {
      if (failed.has(`${kind}:${key}`)) continue;
      const owner = owners.get(`${kind}:${key}`);
      const liveDef = liveMap.get(key);
      const codeDef = codeMap.get(key);
      if (liveDef === undefined) drifts.push({ kind, key, owner, state: 'missing-in-database', code: codeDef });
      else if (liveDef !== codeDef) drifts.push({ kind, key, owner, state: 'changed', live: liveDef, code: codeDef });
    }
    for (const [key, liveDef] of liveMap) {
      if (!owners.has(`${kind}:${key}`)) drifts.push({ kind, key, state: 'missing-in-code', live: liveDef });
    }
  };
  compare('function', live.functions, code.functions);
  compare('trigger', live.triggers, code.triggers);
  return drifts;
}

/** The whole check on one migrated database: read it, render the constants on it (rolled back), compare. */
export async function checkSchemaDrift(db: Queryable, objects: readonly SchemaObjects[]): Promise<Drift[]> {
  const live = await readSchema(db);
  const { rendered, errors } = await renderConstants(db, objects);
  return compareSchema(live, rendered, objects, errors);
}

const WAY_OUT = 'npm run migration:schema -- <Nom>';

function subject(drift: Drift): string {
  if (drift.kind === 'function') return `la fonction ${drift.key}()`;
  const [table, name] = drift.key.split('.');
  return `le déclencheur ${name} de la table ${table}`;
}

/** Lines that differ, between the first and the last differing line (enough to see a changed body). */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return [...a.slice(start, endA).map((l) => `  - base : ${l}`), ...b.slice(start, endB).map((l) => `  + code : ${l}`)];
}

/** A French message per drift: which object, where its constant lives, and the way out. */
export function describeDrift(drift: Drift): string {
  const what = subject(drift);
  switch (drift.state) {
    case 'changed':
      return [
        `Dérive du schéma : ${what} de la base migrée diffère de sa constante (${drift.owner}). Une définition a changé ` +
          `sans migration : écrivez une migration qui la recrée depuis la constante (${WAY_OUT}), ou rendez à la ` +
          `constante la définition des migrations.`,
        ...lineDiff(drift.live ?? '', drift.code ?? ''),
      ].join('\n');
    case 'missing-in-database':
      return (
        `Dérive du schéma : ${what} est déclaré(e) dans ${drift.owner} mais absent(e) de la base migrée : ` +
        `écrivez une migration qui la crée depuis la constante (${WAY_OUT}).`
      );
    case 'missing-in-code':
      return (
        `Dérive du schéma : ${what} existe dans la base migrée mais dans aucune constante : déclarez-la dans le ` +
        `module qui la possède (fichier *.triggers.ts, liste src/modules/schema-objects.ts), ou écrivez une ` +
        `migration qui la supprime (${WAY_OUT}).`
      );
    case 'not-applicable':
      return (
        `Dérive du schéma : la constante de ${what} (${drift.owner}) ne s'applique pas sur la base migrée ` +
        `(${drift.error}) : corrigez-la, puis écrivez une migration qui la recrée (${WAY_OUT}).`
      );
  }
}
