import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { allJobNames, JobName, jobQueue, QueueName, recurringJobs } from './job-catalogue';
import { QueueProducer } from './queue-producer.service';
import { JOB_HANDLER, JobHandler } from './job-handler';
import { createRedis } from './redis';

/** Finds the job handlers, checks the catalogue is fully covered, and runs one BullMQ worker per queue. */
@Injectable()
export class JobRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  // BullMQ does not close a connection it was given: keep them to close them ourselves.
  private readonly connections: IORedis[] = [];
  private handlers = new Map<JobName, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
    private readonly producer: QueueProducer,
  ) {}

  /** Registers (or updates) the calendar of every recurring job; safe to call from every worker at every start. */
  async registerRecurringJobs(): Promise<JobName[]> {
    const names = Object.keys(recurringJobs) as JobName[];
    for (const name of names) {
      const { pattern, payload } = recurringJobs[name]!;
      await this.producer
        .queue(jobQueue[name])
        .upsertJobScheduler(`${name}.recurring`, { pattern, tz: 'Europe/Paris' }, { name, data: payload });
    }
    return names;
  }

  collectHandlers(): Map<JobName, JobHandler> {
    const found = new Map<JobName, JobHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) continue;
      const name = Reflect.getMetadata(JOB_HANDLER, metatype) as JobName | undefined;
      if (name) found.set(name, [...(found.get(name) ?? []), instance as JobHandler]);
    }
    const problems: string[] = [];
    for (const name of allJobNames) {
      const count = found.get(name)?.length ?? 0;
      if (count !== 1) problems.push(`${name}: ${count} handler(s)`);
    }
    if (problems.length > 0) throw new Error(`Job catalogue and handlers disagree: ${problems.join(', ')}`);
    this.handlers = new Map([...found].map(([name, list]) => [name, list[0]]));
    return this.handlers;
  }

  /**
   * Starts one BullMQ worker (and its Redis connection) per queue of `queues` that has at least one handler: a queue
   * of the catalogue with no job yet (e.g. `scheduling`) costs nothing. Returns the queues started.
   */
  start(queues: QueueName[] = Object.values(QueueName), concurrency = 4): QueueName[] {
    if (this.handlers.size === 0) this.collectHandlers();
    const handled = new Set([...this.handlers.keys()].map((name) => jobQueue[name]));
    const started = queues.filter((q) => handled.has(q));
    for (const queueName of started) {
      const connection = createRedis(this.config.REDIS_URL, 'worker');
      this.connections.push(connection);
      const worker = new Worker(queueName, (job) => this.process(job), {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn({
          msg: 'job failed',
          queue: queueName,
          job: job?.name,
          jobId: job?.id,
          attempt: job?.attemptsMade,
          error: error.message,
        }),
      );
      worker.on('error', (error) => this.logger.warn({ msg: 'worker error', queue: queueName, error: error.message }));
      this.workers.push(worker);
    }
    return started;
  }

  private async process(job: Job): Promise<string> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || jobQueue[job.name as JobName] === undefined) throw new Error(`No handler for job ${job.name}`);
    const started = Date.now();
    const outcome = await handler.handle(job.data, job);
    this.logger.log({ msg: 'job processed', job: job.name, jobId: job.id, outcome, ms: Date.now() - started });
    return outcome;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
    this.connections.splice(0).forEach((c) => c.disconnect());
  }
}
