import { writeFile } from 'node:fs/promises';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Clock } from '../clock/clock';
import { OutboxMessage } from './outbox-message.entity';
import { QueueProducer } from './queue-producer.service';

const BATCH = 200;

/**
 * Moves committed outbox rows to BullMQ. Rows are locked with SKIP LOCKED so several workers can relay in parallel;
 * the row id is the BullMQ job id, so a crash between publishing and marking only leads to a deduplicated re-add.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;
  private lastBeat = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Only worker processes relay; the API only writes outbox rows. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      try {
        let published: number;
        do published = await this.relayOnce();
        while (published === BATCH && !this.stopped);
      } catch (error) {
        this.logger.warn({ msg: 'outbox relay pass failed', error: (error as Error).message });
      }
      await this.heartbeat();
      this.schedule();
    }, this.config.OUTBOX_POLL_MS);
  }

  /** The loop came round (a failed pass included: Redis down is not a dead worker). At most one write per 5 s. */
  private async heartbeat(): Promise<void> {
    const file = this.config.WORKER_HEARTBEAT_FILE;
    if (!file || Date.now() - this.lastBeat < 5_000) return;
    this.lastBeat = Date.now();
    await writeFile(file, new Date(this.lastBeat).toISOString()).catch((error: Error) =>
      this.logger.warn({ msg: 'worker heartbeat not written', error: error.message }),
    );
  }

  /** Publishes what is due; returns how many rows were published. Rows that could not be published stay pending. */
  async relayOnce(): Promise<number> {
    const pass = this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(OutboxMessage, 'o')
        .where('o.published_at IS NULL AND o.available_at <= :now', { now: this.clock.now() })
        .orderBy('o.created_at', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let published = 0;
      for (const row of rows) {
        try {
          await this.producer.publish(row.jobName, row.payload, row.id);
          await manager.update(OutboxMessage, row.id, {
            publishedAt: this.clock.now(),
            publishAttempts: row.publishAttempts + 1,
            lastError: null,
          });
          published++;
        } catch (error) {
          await manager.update(OutboxMessage, row.id, {
            publishAttempts: row.publishAttempts + 1,
            lastError: String((error as Error).message).slice(0, 500),
          });
          // Redis is most likely down: stop this pass, keep order, try again later.
          break;
        }
      }
      return published;
    });
    this.running = pass;
    return pass;
  }
}
