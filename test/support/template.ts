import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/platform/config/app-config';
import { typeormOptions } from '../../src/platform/database/typeorm-options';
import { ADMIN_URL, TEMPLATE_PREFIX, urlFor, withAdmin } from './databases';
import { seedTemplate } from './template-seed';

const LOCK_KEY = 72_616_001;
const root = join(__dirname, '..', '..');

/** Names the template after what builds it (migrations, seed code, data files): a change gives a new template. */
function templateName(): string {
  const hash = createHash('sha1');
  const feed = (dir: string) => {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) feed(path);
      else
        hash
          .update(path.slice(root.length))
          .update(entry.endsWith('.ts') ? readFileSync(path) : `${stat.size}:${stat.mtimeMs}`);
    }
  };
  feed(join(root, 'migrations'));
  feed(join(root, 'data'));
  // The template also holds the referentials import: its code changes the template too.
  feed(join(root, 'src', 'modules', 'referentials'));
  hash.update(readFileSync(join(__dirname, 'template-seed.ts')));
  // Only the owner of a template (or a superuser) may clone it: each role builds its own.
  hash.update(new URL(ADMIN_URL).username);
  return TEMPLATE_PREFIX + hash.digest('hex').slice(0, 16);
}

let cached: string | undefined;

/**
 * Builds the migrated template database once, under an advisory lock so that parallel jest workers (and parallel runs)
 * wait for the first one instead of migrating concurrently. Runs inside a jest worker, where TypeScript migrations load.
 */
export async function ensureTemplate(): Promise<string> {
  if (cached) return cached;
  const name = templateName();
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return;
      const building = `${name}_building`;
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
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
  cached = name;
  return name;
}
