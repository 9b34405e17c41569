import { Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/platform/clock/clock';
import { AppConfig, loadConfig } from '../../src/platform/config/app-config';
import { QueueName } from '../../src/platform/queue/job-catalogue';
import { JobRunner } from '../../src/platform/queue/job-runner.service';
import { OutboxRelay } from '../../src/platform/queue/outbox-relay.service';
import { QueueProducer } from '../../src/platform/queue/queue-producer.service';
import { dropDatabase, TEST_DB_PREFIX, urlFor, withAdmin } from './databases';
import { TestSmtpServer } from './smtp';
import { ensureTemplate } from './template';

export interface TestAppOptions {
  clock?: Clock;
  config?: Partial<AppConfig>;
  /** Start the BullMQ processors in this process (the relay is driven by `drainQueues`). */
  withWorker?: boolean;
  /** Modules mounted beside the app's (e.g. a small page used only by a test). */
  modules?: Type<unknown>[];
}

/**
 * One test file = one database cloned from the migrated template + one queue prefix + one SMTP server: files run in
 * parallel without truncating anything.
 */
export class TestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly config: AppConfig,
    readonly dataSource: DataSource,
    readonly smtp: TestSmtpServer,
    private readonly database: string,
  ) {}

  static async create(options: TestAppOptions = {}): Promise<TestApp> {
    const template = await ensureTemplate();
    const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
    const database = `${TEST_DB_PREFIX}${id}`;
    await withAdmin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
    const smtp = new TestSmtpServer();
    await smtp.start();
    const config = loadConfig(
      {},
      {
        NODE_ENV: 'test',
        DATABASE_URL: urlFor(database),
        DATABASE_POOL_SIZE: 5,
        QUEUE_PREFIX: `test_${id}`,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: smtp.port,
        OUTBOX_POLL_MS: 50,
        LOGIN_RATE_LIMIT: 1000,
        LOGIN_RATE_LIMIT_PER_IP: 100000,
        // Every test client shares 127.0.0.1: the link limit's own test sets it low.
        LINK_RATE_LIMIT_PER_IP: 100000,
        ...options.config,
      },
    );
    const app = await createApp(config, { clock: options.clock, logger: false, extraModules: options.modules });
    await app.init();
    if (options.withWorker) app.get(JobRunner).start(Object.values(QueueName), 2);
    return new TestApp(app, config, app.get(DataSource), smtp, database);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type as never) as T;
  }

  /**
   * Publishes the outbox and waits until every queue is idle; fails with a dump of stuck or failed jobs when nothing
   * moved for `timeoutMs`. The wait is measured from the last change in the pending and finished counts, not from the
   * start: on a loaded machine a long fan-out keeps progressing and must not fail, while a stuck job still does.
   */
  async drainQueues(timeoutMs = 15_000): Promise<void> {
    const relay = this.app.get(OutboxRelay);
    const producer = this.app.get(QueueProducer);
    let deadline = Date.now() + timeoutMs;
    let lastProgress = '';
    for (;;) {
      await relay.relayOnce();
      const pending = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`,
      );
      let busy = pending[0].n;
      const failed: unknown[] = [];
      const progress: number[] = [pending[0].n];
      for (const name of Object.values(QueueName)) {
        const counts = await producer
          .queue(name)
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed');
        busy += counts.waiting + counts.active + counts.delayed + counts.prioritized;
        progress.push(counts.waiting, counts.active, counts.delayed, counts.prioritized, counts.completed);
        if (counts.failed > 0)
          failed.push(
            ...(await producer.queue(name).getFailed()).map((j) => ({ name: j.name, reason: j.failedReason })),
          );
      }
      if (failed.length > 0 && busy === 0) throw new Error(`failed jobs: ${JSON.stringify(failed)}`);
      if (busy === 0) return;
      const signature = progress.join(',');
      if (signature !== lastProgress) {
        lastProgress = signature;
        deadline = Date.now() + timeoutMs;
      }
      if (Date.now() > deadline)
        throw new Error(
          `queues stalled for ${timeoutMs} ms (pending or active: ${busy}, failed: ${JSON.stringify(failed)})`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    const producer = this.app.get(QueueProducer);
    for (const name of Object.values(QueueName))
      await producer
        .queue(name)
        .obliterate({ force: true })
        .catch(() => undefined);
    await this.app.close();
    await this.smtp.stop();
    await withAdmin((client) => dropDatabase(client, this.database));
  }
}
