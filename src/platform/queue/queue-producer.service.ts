import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { defaultJobOptions, JobName, jobQueue, QueueName } from './job-catalogue';
import { createRedis } from './redis';

/** Publishes to BullMQ. Only the outbox relay should call it: application code writes outbox rows instead. */
@Injectable()
export class QueueProducer implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  private connection?: IORedis;

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= createRedis(this.config.REDIS_URL, 'producer');
      queue = new Queue(name, { connection: this.connection, prefix: this.config.QUEUE_PREFIX, defaultJobOptions });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async publish(jobName: JobName, payload: unknown, jobId: string): Promise<void> {
    await this.queue(jobQueue[jobName]).add(jobName, payload, { jobId });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}
