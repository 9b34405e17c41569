import { Client } from 'pg';
import { AppConfig, loadConfig } from '../../../src/platform/config/app-config';
import { loadAverage, machineDescription } from './machine';

export interface BenchDatabase {
  /** Configuration pointing at the bench database (same environment otherwise). */
  config: AppConfig;
  /** Whether the database already existed (its data may be reused). */
  reused: boolean;
}

/**
 * Prints the machine, then creates (or reuses; `--fresh` recreates) a database of its own for a benchmark, so that a
 * bench never touches a developer's data and a large seed can be kept between runs.
 */
export async function prepareBenchDatabase(
  name: string,
  argv: string[],
  overrides: Partial<AppConfig> = {},
): Promise<BenchDatabase> {
  const base = loadConfig();
  const adminUrl = new URL(base.DATABASE_URL);
  adminUrl.pathname = '/postgres';
  const benchUrl = new URL(base.DATABASE_URL);
  benchUrl.pathname = `/${name}`;

  console.log(`machine: ${machineDescription()}`);
  console.log(`load average at start (1/5/15 min): ${loadAverage()}`);
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    if (argv.includes('--fresh')) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = Boolean((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
    if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
    const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
    console.log(`PostgreSQL ${pgVersion}, database ${name} (${exists ? 'reused' : 'created'})`);
    return {
      config: loadConfig(process.env, { DATABASE_URL: benchUrl.toString(), LOG_LEVEL: 'error', ...overrides }),
      reused: exists,
    };
  } finally {
    await admin.end();
  }
}

export async function dropBenchDatabase(name: string): Promise<void> {
  const adminUrl = new URL(loadConfig().DATABASE_URL);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** At the end of a bench: drops its database with `--drop`, else says it is kept for the next run. */
export async function releaseBenchDatabase(name: string, argv: string[]): Promise<void> {
  if (argv.includes('--drop')) {
    await dropBenchDatabase(name);
    console.log(`database ${name} dropped`);
  } else {
    console.log(`database ${name} kept (--drop to remove it, --fresh to rebuild it)`);
  }
}

/** Runs a bench's main with the command line; a failure prints its stack and exits 1. */
export function runBench(main: (argv: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
