import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

const logger = new Logger('readSnapshot');

/**
 * Runs reads in one READ ONLY, REPEATABLE READ transaction: every statement sees the same state (memberships, consents,
 * needs), and nothing can be written by mistake. One `BEGIN ISOLATION LEVEL …` instead of TypeORM's START TRANSACTION
 * followed by SET TRANSACTION, because on a list read per keystroke each round trip to PostgreSQL shows.
 *
 * The answer is returned without waiting for COMMIT: a read-only transaction has nothing to make durable and its reads
 * are already final, so the caller need not wait a round trip for it. The connection goes back to the pool once the
 * COMMIT is done (a failed COMMIT is logged and the connection released all the same: the pool checks it on reuse).
 */
export async function readSnapshot<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let result: T;
  try {
    // One round trip for both (no parameters: the simple protocol takes several statements). No parallel workers: starting
    // them costs several milliseconds, more than the reads these snapshots serve (lists read at every search); the
    // planner picked them for the needs of a candidate and made the query four times slower.
    await runner.query(
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0',
    );
    result = await work(runner.manager);
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
    throw error;
  }
  void runner
    .query('COMMIT')
    .catch((error: unknown) => logger.error({ msg: 'COMMIT of a read-only snapshot failed', error: String(error) }))
    .finally(() => void runner.release().catch(() => undefined));
  return result;
}
