import { dropDatabase, TEST_DB_PREFIX, withAdmin } from './databases';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Drops the databases left behind by test processes that no longer exist (an interrupted run). Databases of other
 * runs still going on this machine are left alone: several jest runs may share one PostgreSQL.
 */
export default async function globalSetup(): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND pg_has_role(datdba, 'MEMBER')`,
      [`${TEST_DB_PREFIX}%`],
    );
    for (const row of rows) {
      const pid = Number(/^mt_(\d+)_/.exec(row.datname)?.[1]);
      if (!pid || !alive(pid)) await dropDatabase(client, row.datname);
    }
  });
}
