import { Client } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Forces concurrent transactions to overlap, so that a race test fails when the lock it is about is removed (parallel
 * requests alone may run one after the other and pass anyway). The test holds `LOCK TABLE <table> IN EXCLUSIVE MODE`
 * (plain reads go on, writes and row locks on that table wait) while `run` sends its requests; once `expected`
 * backends of this database wait on a lock, every transaction is inside, past its reads or queued behind the lock under
 * test, and the barrier is released. A check-then-write without its own lock then lets every request write.
 * The barrier uses its own connections, not the app's pool: `expected` can be up to the pool's size (5 in tests).
 */
export async function withWriteBarrier<T>(
  databaseUrl: string,
  table: string,
  expected: number,
  run: () => Promise<T>,
): Promise<T> {
  const holder = new Client({ connectionString: databaseUrl });
  const watcher = new Client({ connectionString: databaseUrl });
  await holder.connect();
  await watcher.connect();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await holder.query('COMMIT');
    await holder.end();
  };
  try {
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE`);
    const outcome = run();
    outcome.catch(() => undefined); // awaited below; never an unhandled rejection while we wait
    let waiting = 0;
    // Bounded: a transaction that never reaches the barrier is a broken test, reported as such.
    for (let i = 0; i < 1000 && waiting < expected; i++) {
      await sleep(20);
      const { rows } = await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      waiting = rows[0].n;
    }
    if (waiting < expected) throw new Error(`barrière : ${waiting} transactions en attente sur ${expected} attendues`);
    await release();
    return await outcome;
  } finally {
    await release();
    await watcher.end();
  }
}
