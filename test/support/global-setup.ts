import { dropDatabase, TEMPLATE_DB, TEST_DB_PREFIX, withAdmin } from './databases';

/**
 * Drops the template and any database left by an interrupted run; the first test file then rebuilds the template from
 * the current migrations (see template.ts), so a run always tests the migrations as they are now.
 */
export default async function globalSetup(): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [TEMPLATE_DB, `${TEST_DB_PREFIX}%`]);
    for (const row of rows) await dropDatabase(client, row.datname);
  });
}
