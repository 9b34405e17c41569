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
    options: { availableAt?: Date; id?: string } = {},
  ): Promise<string> {
    const row = manager.create(OutboxMessage, {
      // A caller that has its own deterministic id (a planning run's) makes it the job id: one row, one job.
      ...(options.id ? { id: options.id } : {}),
      jobName,
      payload: payload as unknown as Record<string, unknown>,
      ...(options.availableAt ? { availableAt: options.availableAt } : {}),
    });
    const saved = await manager.save(OutboxMessage, row);
    return saved.id;
  }
}
