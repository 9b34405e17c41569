import { Client } from 'pg';
import { QueueName } from '../../src/platform/queue/job-catalogue';
import { QueueProducer } from '../../src/platform/queue/queue-producer.service';
import { buildPlanningWorld, type PlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';
import { WorkerProcess } from '../support/worker-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RunRow {
  status: string;
  phase: string | null;
  attempts: number;
  is_current: boolean;
  plan: unknown[] | null;
  objective: number | null;
  finished_at: Date | null;
  stats: Record<string, unknown> | null;
}

/**
 * Issue 15 §1: "a worker killed mid-run leaves no half plan: the retry completes once". The worker is a real process
 * (`src/worker.ts`), killed with SIGKILL at the most delicate point of a run: inside the transaction that stores the
 * plan (the run's plan and figures already written, the event's meetings not yet). To get there deterministically
 * rather than by timing, the test holds a share lock on the event row before the worker starts: the storing
 * transaction waits on it when `applyRun` locks the event, and the test sees that backend waiting on the lock in
 * pg_stat_activity before it kills the worker. A second worker then finds the job stalled (BullMQ's lock expired),
 * runs the next attempt from a fresh snapshot and stores the plan once.
 */
describe('a worker killed with SIGKILL in the middle of a planning run', () => {
  let t: TestApp;
  let w: PlanningWorld;
  let runId: string;
  let first: WorkerProcess | undefined;
  let second: WorkerProcess | undefined;
  let watcher: Client;
  const run = async (): Promise<RunRow> =>
    (
      await watcher.query<RunRow>(
        `SELECT status, phase, attempts, is_current, plan, objective, finished_at, stats FROM event_planning_run
          WHERE id = $1`,
        [runId],
      )
    ).rows[0];
  const meetingCount = async () =>
    (
      await watcher.query<{ n: number }>(`SELECT count(*)::int AS n FROM event_meeting WHERE event_id = $1`, [
        w.eventId,
      ])
    ).rows[0].n;

  beforeAll(async () => {
    t = await TestApp.create();
    watcher = new Client({ connectionString: t.config.DATABASE_URL });
    await watcher.connect();
    // The invitation mails of the world need a worker; it is stopped (normally) before the run is launched.
    const builder = await WorkerProcess.forApp(t);
    try {
      w = await buildPlanningWorld(t, { employers: 3, candidates: 8, tablesPerEmployer: 2 });
    } finally {
      await builder.stop();
    }
  }, 240_000);

  afterAll(async () => {
    await first?.kill();
    await second?.stop();
    await watcher?.end();
    await t.close();
  });

  it('is killed inside the storing transaction: nothing of the plan is left, the run is still running', async () => {
    const launched = await t
      .http()
      .post(`/api/events/${w.eventId}/planning-runs`)
      .set('authorization', w.auth('coord'))
      .send({ timeLimitSeconds: 20 });
    expect(launched.status).toBe(202);
    runId = launched.body.id;
    expect((await run()).status).toBe('queued'); // no worker yet

    const holder = new Client({ connectionString: t.config.DATABASE_URL });
    await holder.connect();
    let blockedPid: number | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM event WHERE id = $1 FOR SHARE`, [w.eventId]);
      first = await WorkerProcess.forApp(t);
      for (let i = 0; i < 600 && blockedPid === undefined; i++) {
        await sleep(100);
        const { rows } = await watcher.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT "Event".%'`,
        );
        if (rows.length > 0 && (await run()).phase === 'storing') blockedPid = rows[0].pid;
      }
      if (blockedPid === undefined) {
        const { rows } = await watcher.query(
          `SELECT pid, state, wait_event_type, wait_event, left(query, 200) AS query FROM pg_stat_activity
            WHERE datname = current_database()`,
        );
        throw new Error(
          `the worker never waited in its storing transaction: ${JSON.stringify(await run())}\n` +
            `${JSON.stringify(rows, null, 1)}\n${first.logs}`,
        );
      }
      // Mid-run: computed, storing, its transaction not committed (the plan written inside it is not visible).
      expect(await run()).toMatchObject({ status: 'running', phase: 'storing', attempts: 1, plan: null });
      await first.kill();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    // The killed worker's backend gets the lock, finds its client gone and rolls its transaction back.
    for (let i = 0; i < 200; i++) {
      const { rows } = await watcher.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [blockedPid]);
      if (rows.length === 0) break;
      await sleep(100);
    }
    expect(await run()).toMatchObject({
      status: 'running',
      attempts: 1,
      plan: null,
      objective: null,
      is_current: false,
      finished_at: null,
    });
    expect(await meetingCount()).toBe(0);
    const plan = await t.http().get(`/api/events/${w.eventId}/plan`).set('authorization', w.auth('coord'));
    expect([plan.status, plan.body.currentRun, plan.body.meetings]).toEqual([200, null, []]);
  }, 120_000);

  it('after a restart, the run completes once: one current run, one plan that keeps every rule', async () => {
    second = await WorkerProcess.forApp(t);
    // BullMQ hands the job over once its lock (30 s) has expired and a stalled-job check sees it.
    let row = await run();
    for (let i = 0; i < 1500 && (row.status === 'running' || row.status === 'queued'); i++) {
      await sleep(100);
      row = await run();
    }
    expect(row).toMatchObject({ status: 'succeeded', attempts: 2, is_current: true });
    await t.drainQueues(60_000);

    const job = await t.get(QueueProducer).queue(QueueName.Scheduling).getJob(runId);
    expect(await job?.getState()).toBe('completed');
    const runs = await watcher.query(`SELECT id, status, is_current FROM event_planning_run WHERE event_id = $1`, [
      w.eventId,
    ]);
    expect(runs.rows).toEqual([{ id: runId, status: 'succeeded', is_current: true }]);
    // The second attempt stored exactly its plan: as many rows as the run's plan, no pair, table or candidate twice.
    const plan = (await run()).plan as Array<{ registrationId: string; invitationId: string }>;
    const { rows: meetings } = await watcher.query<{
      registration_id: string;
      invitation_id: string;
      slot_id: string;
      table_number: number;
      status: string;
      run_id: string;
    }>(
      `SELECT registration_id, invitation_id, slot_id, table_number, status, run_id FROM event_meeting
        WHERE event_id = $1`,
      [w.eventId],
    );
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings).toHaveLength(plan.length);
    expect(meetings).toHaveLength((await run()).stats?.meetings as number);
    expect(new Set(meetings.map((m) => m.status))).toEqual(new Set(['planned']));
    expect(new Set(meetings.map((m) => m.run_id))).toEqual(new Set([runId]));
    const distinct = (key: (m: (typeof meetings)[number]) => string) => new Set(meetings.map(key)).size;
    expect(distinct((m) => `${m.registration_id}/${m.invitation_id}`)).toBe(meetings.length);
    expect(distinct((m) => `${m.slot_id}/${m.invitation_id}/${m.table_number}`)).toBe(meetings.length);
    expect(distinct((m) => `${m.slot_id}/${m.registration_id}`)).toBe(meetings.length);
    // Every meeting in a cell its employer booked, no candidate beyond her maximum.
    const { rows: outside } = await watcher.query(
      `SELECT m.id FROM event_meeting m
        WHERE m.event_id = $1 AND NOT EXISTS (SELECT 1 FROM event_booking b WHERE b.invitation_id = m.invitation_id
                                                 AND b.slot_id = m.slot_id AND b.table_number = m.table_number)`,
      [w.eventId],
    );
    expect(outside).toEqual([]);
    const { rows: over } = await watcher.query(
      `SELECT r.id FROM event_registration r JOIN event_meeting m ON m.registration_id = r.id
        WHERE r.event_id = $1 GROUP BY r.id, r.max_interviews HAVING count(*) > r.max_interviews`,
      [w.eventId],
    );
    expect(over).toEqual([]);
    // The API reads the same plan.
    const current = await t.http().get(`/api/events/${w.eventId}/plan`).set('authorization', w.auth('coord'));
    expect([current.status, current.body.currentRun?.id, current.body.meetings.length]).toEqual([
      200,
      runId,
      meetings.length,
    ]);
  }, 240_000);
});
