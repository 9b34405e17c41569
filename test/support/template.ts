import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/platform/config/app-config';
import { typeormOptions } from '../../src/platform/database/typeorm-options';
import { TEMPLATE_DB, urlFor, withAdmin } from './databases';
import { seedTemplate } from './template-seed';

const LOCK_KEY = 72_616_001;

/**
 * Builds the migrated template database once per run, under an advisory lock so that parallel jest workers wait for
 * the first one instead of migrating concurrently. Runs inside a jest worker, where TypeScript migrations load.
 */
export async function ensureTemplate(): Promise<void> {
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DB]);
      if (rowCount) return;
      const building = `${TEMPLATE_DB}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      const dataSource = new DataSource(typeormOptions(loadConfig({}, { DATABASE_URL: urlFor(building) })));
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        await seedTemplate(dataSource);
      } finally {
        await dataSource.destroy();
      }
      // Renamed only once complete, so a crash mid-build never leaves a half-migrated template behind.
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${TEMPLATE_DB}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}
