import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '../../src/platform/config/app-config';
import { QueueName } from '../../src/platform/queue/job-catalogue';
import { QueueProducer } from '../../src/platform/queue/queue-producer.service';
import type { TestApp } from './test-app';

const root = join(__dirname, '..', '..');

/**
 * The worker as production runs it (`src/worker.ts`: WorkerModule, BullMQ processors and outbox relay, no HTTP), in a
 * process of its own on a test app's database, Redis prefix and SMTP server, compiled from the sources by
 * test/support/ts-run.js. A test may kill it with SIGKILL (nothing runs on the way out) and start another.
 */
export class WorkerProcess {
  private output = '';
  private constructor(private readonly child: ChildProcess) {}

  /**
   * A worker at boot registers the recurring sweeps (`registerRecurringJobs`): their next run is a delayed job that
   * `drainQueues` would wait for forever. Starts a worker on the test app's queues, then removes those schedules (the
   * tests that need a sweep call it themselves).
   */
  static async forApp(t: TestApp, env: Record<string, string> = {}): Promise<WorkerProcess> {
    const worker = await WorkerProcess.start(t.config, env);
    const producer = t.get(QueueProducer);
    for (const name of Object.values(QueueName)) {
      const queue = producer.queue(name);
      for (const scheduler of await queue.getJobSchedulers())
        await queue.removeJobScheduler(scheduler.id ?? scheduler.key);
      const delayed = await queue.getDelayed();
      await Promise.all(delayed.filter((j) => j.repeatJobKey).map((j) => j.remove()));
    }
    return worker;
  }

  static async start(
    config: AppConfig,
    env: Record<string, string> = {},
    options: { timeoutMs?: number } = {},
  ): Promise<WorkerProcess> {
    const keys = [
      'NODE_ENV',
      'DATABASE_URL',
      'DATABASE_POOL_SIZE',
      'REDIS_URL',
      'QUEUE_PREFIX',
      'SMTP_HOST',
      'SMTP_PORT',
      'MAIL_FROM',
      'OUTBOX_POLL_MS',
      'TOKEN_SECRET',
      'PUBLIC_BASE_URL',
    ] as const;
    const fromConfig = Object.fromEntries(keys.map((k) => [k, String(config[k])]));
    const child = spawn(process.execPath, [join(root, 'test', 'support', 'ts-run.js'), 'src/worker.ts'], {
      cwd: root,
      env: { ...process.env, ...fromConfig, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`worker not ready after ${options.timeoutMs ?? 60_000} ms:\n${worker.output}`)),
        options.timeoutMs ?? 60_000,
      );
      const onData = (chunk: Buffer) => {
        worker.output = (worker.output + chunk.toString()).slice(-20_000);
        if (worker.output.includes('worker prêt')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code ?? signal}) before it was ready:\n${worker.output}`));
      });
    });
    await ready;
    return worker;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** What the worker printed last (its logs), for a failing test's message. */
  get logs(): string {
    return this.output;
  }

  /** `kill -9`: no shutdown hook, no job released, no transaction committed on the way out. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** A normal stop (SIGTERM: Nest's shutdown hooks close the BullMQ workers). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
