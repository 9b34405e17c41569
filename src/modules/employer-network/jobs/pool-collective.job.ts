import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobPayloads } from '../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { PoolingService } from '../pooling.service';

/** Thin: the run row says whether there is still work (a replayed job for a finished run is skipped). */
@Injectable()
@HandlesJob('employer-network.pool')
export class PoolCollectiveJob implements JobHandler<'employer-network.pool'> {
  constructor(private readonly pooling: PoolingService) {}

  async handle(payload: JobPayloads['employer-network.pool'], job: Job): Promise<JobOutcome> {
    try {
      return await this.pooling.run(payload.runId);
    } catch (error) {
      // Like mails: the run says `failed` only once BullMQ has no retry left, so that a reader knows a human must act.
      const lastAttempt = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.pooling.recordFailure(payload.runId, error as Error, lastAttempt);
      throw error;
    }
  }
}
