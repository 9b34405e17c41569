import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { schemaObjects } from '../modules/schema-objects';
import { loadConfig } from '../platform/config/app-config';
import {
  checkSchemaDrift,
  Drift,
  dropTriggerSql,
  readSchema,
  triggerKey,
  uniqueFunctions,
} from '../platform/database/schema-objects';

/**
 * Writes a migration that brings the functions and triggers of a migrated database (DATABASE_URL: .ci/migration-schema.sh
 * gives a fresh scratch one) to the constants of the modules: each changed or new object is (re)created from a frozen
 * copy of its constant, each object absent from the constants is dropped, and `down` puts back the database's own
 * renderings of what `up` replaced or dropped. `--all` recreates every object, changed or not.
 * Usage: node dist/src/cli/schema-migration.js <Name> [--all]
 */
async function main(argv: string[]): Promise<string> {
  const name = argv.find((a) => !a.startsWith('--'));
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new Error('usage : npm run migration:schema -- <NomEnPascalCase> [--all]');
  const all = argv.includes('--all');
  const client = new Client({ connectionString: loadConfig().DATABASE_URL });
  await client.connect();
  try {
    const live = await readSchema(client);
    const drifts = await checkSchemaDrift(client, schemaObjects);
    const blocking = drifts.filter((d) => d.state === 'not-applicable');
    if (blocking.length) throw new Error(blocking.map((d) => `${d.key} : ${d.error}`).join('\n'));
    const changed = (kind: Drift['kind'], key: string) =>
      all || drifts.some((d) => d.kind === kind && d.key === key && d.state !== 'missing-in-code');
    const extra = drifts.filter((d) => d.state === 'missing-in-code');
    const signatures = new Map(
      (
        await client.query<{ name: string; signature: string }>(
          `SELECT p.proname AS name, p.oid::regprocedure::text AS signature FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace`,
        )
      ).rows.map((r) => [r.name, r.signature]),
    );

    const up: string[] = [];
    const down: string[] = [];
    for (const d of extra.filter((e) => e.kind === 'trigger')) {
      const [table, trigger] = d.key.split('.');
      up.push(`DROP TRIGGER "${trigger}" ON "${table}"`);
      down.unshift(d.live!);
    }
    for (const { fn } of uniqueFunctions(schemaObjects)) {
      if (!changed('function', fn.name)) continue;
      up.push(fn.functionSql);
      const before = live.functions.get(fn.name);
      down.unshift(before ?? `DROP FUNCTION IF EXISTS "${fn.name}"`);
    }
    for (const t of schemaObjects.flatMap((g) => g.triggers)) {
      const key = triggerKey(t.table, t.name);
      if (!changed('trigger', key)) continue;
      up.push(dropTriggerSql(t.table, t.name), t.triggerSql);
      const before = live.triggers.get(key);
      down.unshift(...[dropTriggerSql(t.table, t.name), ...(before ? [before] : [])]);
    }
    for (const d of extra.filter((e) => e.kind === 'function')) {
      up.push(`DROP FUNCTION ${signatures.get(d.key) ?? `"${d.key}"`}`);
      down.unshift(d.live!);
    }
    if (up.length === 0)
      throw new Error('Fonctions et déclencheurs déjà en phase avec leurs constantes : rien à écrire.');

    const timestamp = Date.now();
    const path = join('migrations', `${timestamp}-${name}.ts`);
    writeFileSync(path, migrationSource(`${name}${timestamp}`, up, down, drifts, all));
    return path;
  } finally {
    await client.end();
  }
}

/** A template literal holding `sql` verbatim. */
function literal(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

function migrationSource(className: string, up: string[], down: string[], drifts: Drift[], all: boolean): string {
  const summary = drifts.map((d) => ` *   ${d.kind} ${d.key}: ${d.state}`).join('\n');
  const queries = (statements: string[]) =>
    statements.map((sql) => `        await queryRunner.query(${literal(sql)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Written by \`npm run migration:schema\`${all ? ' (--all: every object recreated)' : ''}: brings the functions and triggers to the
 * constants of the modules (src/modules/schema-objects.ts). The SQL is a frozen copy of those constants, never an
 * import: a landed migration must not change when a constant does. \`down\` puts back the definitions the migrated
 * database had before (its own pg_get_functiondef / pg_get_triggerdef renderings).
 * Differences found on a freshly migrated database:
${summary || ' *   none'}
 */
export class ${className} implements MigrationInterface {
    name = '${className}'

    public async up(queryRunner: QueryRunner): Promise<void> {
${queries(up)}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${queries(down)}
    }
}
`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (path) => process.stdout.write(`migration écrite : ${path} (relisez-la)\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
