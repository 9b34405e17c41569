import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs reads in one READ ONLY, REPEATABLE READ transaction: every statement sees the same state (memberships, consents,
 * needs), and nothing can be written by mistake. One `BEGIN ISOLATION LEVEL …` instead of TypeORM's START TRANSACTION
 * followed by SET TRANSACTION, because on a list read per keystroke each round trip to PostgreSQL shows.
 */
export async function readSnapshot<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}
