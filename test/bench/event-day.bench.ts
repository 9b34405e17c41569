/**
 * npm run bench:event-day [-- --candidates 300] [--employers 40] [--slots 16] [--time-limit 30]
 *
 * A job dating of 300 candidates × 40 employers × 16 slots built through the API as people would (planning-world:
 * invitations mailed through a test SMTP server, employers confirming their cells through their links, CIPs
 * registering consented candidates, the coordinator accepting them), on a database cloned from the migrated template
 * (test/support/test-app.ts; dropped at the end). The API runs in this process (supertest over its HTTP server); the
 * worker is a real process of its own (`src/worker.ts`, test/support/worker-process.ts), as in production.
 *
 * Times, with the outbox relay driven every 10 ms by the caller (a production worker polls every OUTBOX_POLL_MS, 500 ms
 * by default: add up to that):
 *   - planning: from `POST /planning-runs` to the run stored (`succeeded`: plan applied, run current);
 *   - re-planning: the morning recorded through the API (employers present, 30 no-shows, the others present, 10
 *     walk-ins), the clock during slot 1, then from the organiser's click (`POST …/day/replanning`) to the run stored
 *     (test/support/event-day-replanning.ts, which also checks that kept meetings did not move). Target: under 2 s.
 * Prints the machine and its load average (the machine may be shared: read the figures with the load), and ends with
 *   event-day: planning_ms=<n> status=<optimal|feasible> gap=<n> replanning_ms=<n>
 *
 * Runs from the sources (test/support/ts-run.js), like the worker it starts.
 */
import 'reflect-metadata';
import { FixedClock } from '../../src/platform/clock/clock';
import { OutboxRelay } from '../../src/platform/queue/outbox-relay.service';
import { replanAfterNoShows } from '../support/event-day-replanning';
import { buildPlanningWorld } from '../support/planning-world';
import { TestApp } from '../support/test-app';
import { WorkerProcess } from '../support/worker-process';
import { runBench } from './support/bench-database';
import { loadAverage, machineDescription } from './support/machine';

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Slots of 15 minutes with 5 between them from 08:00, Paris time: `n` slots need 20 × n minutes. */
function windowFor(slots: number): { start: string; end: string } {
  const end = 8 * 60 + 20 * slots;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: '08:00', end: hhmm(end) };
}

async function main(argv: string[]): Promise<void> {
  const candidates = option(argv, '--candidates', 300);
  const employers = option(argv, '--employers', 40);
  const slotCount = option(argv, '--slots', 16);
  const timeLimitSeconds = option(argv, '--time-limit', 30);
  const log = (line: string) => console.log(line);
  log(`machine: ${machineDescription()}`);
  log(`load average at start (1/5/15 min): ${loadAverage()} — the machine may be shared: figures are read with it`);

  const clock = new FixedClock(new Date('2027-03-12T05:00:00Z'));
  const t = await TestApp.create({ clock, config: { DATABASE_POOL_SIZE: 10 } });
  let worker: WorkerProcess | undefined;
  try {
    worker = await WorkerProcess.forApp(t);
    log(`worker process ${worker.pid} ready (src/worker.ts)`);
    const buildStarted = performance.now();
    const w = await buildPlanningWorld(t, {
      employers,
      candidates,
      event: { date: '2027-03-12', timeWindows: [windowFor(slotCount)] },
      log,
      concurrency: 6,
    });
    log(
      `world built through the API in ${Math.round((performance.now() - buildStarted) / 1000)} s: ` +
        `${w.registrations.length} candidates, ${w.employers.length} employers, ${w.slots.length} slots`,
    );
    const coord = w.auth('coord');
    const relay = t.get(OutboxRelay);

    // Planning: request → outbox → worker → snapshot → engine → plan stored and applied.
    log(`load average before planning: ${loadAverage()}`);
    const started = performance.now();
    const launched = await t
      .http()
      .post(`/api/events/${w.eventId}/planning-runs`)
      .set('authorization', coord)
      .send({ timeLimitSeconds });
    if (launched.status !== 202) throw new Error(`planning: ${launched.status} ${JSON.stringify(launched.body)}`);
    const runId = launched.body.id as string;
    let run: Record<string, unknown>;
    for (;;) {
      await relay.relayOnce();
      [run] = await t.dataSource.query(
        `SELECT status, plan_status, gap, objective, bound, stats, error FROM event_planning_run WHERE id = $1`,
        [runId],
      );
      if (run.status === 'succeeded' || run.status === 'failed') break;
      if (performance.now() - started > 10 * 60_000) throw new Error(`planning not stored after 10 min`);
      await sleep(10);
    }
    const planningMs = Math.round(performance.now() - started);
    if (run.status !== 'succeeded') throw new Error(`planning failed: ${String(run.error)}`);
    const stats = run.stats as Record<string, unknown>;
    log(
      `planning: ${planningMs} ms from request to stored plan; status ${String(run.plan_status)}, gap ${String(run.gap)}, ` +
        `objective ${String(run.objective)}, bound ${String(run.bound)}; ${String(stats.pairs)} pairs, ` +
        `${String(stats.meetings)} meetings, ${String(stats.coveredCandidates)} candidates covered; ` +
        `snapshot ${String(stats.snapshotMs)} ms, solve ${String(stats.solveMs)} ms, store ${String(stats.storeMs)} ms`,
    );
    const planStatus = String(run.plan_status);
    const gap = Number(run.gap);

    const published = await t
      .http()
      .post(`/api/events/${w.eventId}/transitions`)
      .set('authorization', coord)
      .send({ to: 'published' });
    if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
    // The publication's mails go out before the morning starts, not during the re-planning.
    await t.drainQueues(10 * 60_000);
    log('plan published, notices sent');

    const figures = await replanAfterNoShows(
      { t, eventId: w.eventId, auth: w.auth, cf: w.cf, cip: w.users.cipA, siaeId: w.siaes.A.id, slots: w.slots },
      { noShows: 30, walkIns: 10, clock, duringSlot: 1, log: (line) => log(`${line}; load average ${loadAverage()}`) },
    );
    const r = figures.stats;
    log(
      `re-planning from slot ${figures.fromSlotPosition}: ${figures.replanningMs} ms from the click to the stored plan; ` +
        `${figures.lockedMeetings} meetings locked, ${figures.keptUnchanged} kept unchanged, ${figures.cancelled} ` +
        `cancelled, ${figures.added} added, ${figures.walkInsPlaced}/10 walk-ins placed; ${String(r.pairs)} pairs;` +
        ` snapshot ${String(r.snapshotMs)} ms, solve ${String(r.solveMs)} ms, ` +
        `store ${String(r.storeMs)} ms (target: under 2000 ms from the click)`,
    );
    log(`load average at end (1/5/15 min): ${loadAverage()}`);
    log(`event-day: planning_ms=${planningMs} status=${planStatus} gap=${gap} replanning_ms=${figures.replanningMs}`);
  } finally {
    await worker?.stop();
    await t.close();
  }
}

runBench(main);
