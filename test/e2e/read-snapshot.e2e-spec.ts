/** The read transaction of the list endpoints, against the real PostgreSQL of a test database. */
import { readSnapshot } from '../../src/platform/database/snapshot';
import { TestApp } from '../support/test-app';

describe('readSnapshot (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('reads in one repeatable-read, read-only transaction on one connection', async () => {
    const [row] = await readSnapshot(t.dataSource, (m) =>
      m.query(`SELECT current_setting('transaction_isolation') AS iso, current_setting('transaction_read_only') AS ro`),
    );
    expect(row).toEqual({ iso: 'repeatable read', ro: 'on' });
    const [a, b] = await readSnapshot(t.dataSource, async (m) => [
      await m.query(`SELECT pg_backend_pid() AS pid, now() AS at`),
      await m.query(`SELECT pg_backend_pid() AS pid, now() AS at`),
    ]);
    expect(b[0]).toEqual(a[0]);
  });

  it('refuses a write, rolls back and gives the connection back clean', async () => {
    await expect(
      readSnapshot(t.dataSource, (m) => m.query(`CREATE TEMP TABLE snapshot_write_probe (x int)`)),
    ).rejects.toThrow(/read-only/);
    for (let i = 0; i < 12; i++) {
      const [row] = await t.dataSource.query(
        `SELECT current_setting('transaction_read_only') AS ro, (SELECT count(*)::int FROM pg_stat_activity WHERE pid = pg_backend_pid() AND state = 'idle in transaction') AS stuck`,
      );
      expect(row).toEqual({ ro: 'off', stuck: 0 });
    }
  });
});
