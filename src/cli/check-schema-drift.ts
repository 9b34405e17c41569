import { Client } from 'pg';
import { schemaObjects } from '../modules/schema-objects';
import { loadConfig } from '../platform/config/app-config';
import { checkSchemaDrift, describeDrift } from '../platform/database/schema-objects';

/**
 * Compares the functions and triggers of the migrated database named by DATABASE_URL with the constants of the modules
 * (src/modules/schema-objects.ts). Leaves the database as it was (the constants are applied in a rolled-back
 * transaction). Run by .ci/migration-check.sh on a freshly migrated scratch database.
 */
async function main(): Promise<number> {
  const client = new Client({ connectionString: loadConfig().DATABASE_URL });
  await client.connect();
  try {
    const drifts = await checkSchemaDrift(client, schemaObjects);
    if (drifts.length === 0) {
      const functions = new Set(schemaObjects.flatMap((g) => [...g.functions, ...g.triggers.map((t) => t.function)]));
      const triggers = schemaObjects.reduce((n, g) => n + g.triggers.length, 0);
      process.stdout.write(
        `schéma : ${new Set([...functions].map((f) => f.name)).size} fonctions et ${triggers} déclencheurs en phase avec leurs constantes\n`,
      );
      return 0;
    }
    process.stderr.write(`${drifts.map(describeDrift).join('\n\n')}\n`);
    return 1;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
