import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';

const root = join(__dirname, '..', '..', '..');

/**
 * One definition shared by the app, the worker, the CLI and the tests: the schema only changes through migrations,
 * so `synchronize` stays off and the migration list is the same everywhere.
 */
export function typeormOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    // gen_random_uuid() is core since PostgreSQL 13: no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    extra: { max: config.DATABASE_POOL_SIZE },
    // Failed queries reach the exception filter, which logs the unexpected ones; expected constraint hits are not noise.
    logging: false,
  };
}
