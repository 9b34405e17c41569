import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from './job-catalogue';
import { OutboxMessage } from './outbox-message.entity';

/** The only way application code asks for background work: inside its own transaction. */
@Injectable()
export class OutboxService {
  async enqueue<N extends JobName>(
    manager: EntityManager,
    jobName: N,
    payload: JobPayloads[N],
    options: { availableAt?: Date } = {},
  ): Promise<string> {
    const row = manager.create(OutboxMessage, {
      jobName,
      payload: payload as unknown as Record<string, unknown>,
      ...(options.availableAt ? { availableAt: options.availableAt } : {}),
    });
    const saved = await manager.save(OutboxMessage, row);
    return saved.id;
  }
}
