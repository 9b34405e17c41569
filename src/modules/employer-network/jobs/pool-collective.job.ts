import { Injectable } from '@nestjs/common';
import { JobPayloads } from '../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { PoolingService } from '../pooling.service';

/** Thin: the run row says whether there is still work (a replayed job for a finished run is skipped). */
@Injectable()
@HandlesJob('employer-network.pool')
export class PoolCollectiveJob implements JobHandler<'employer-network.pool'> {
  constructor(private readonly pooling: PoolingService) {}

  handle(payload: JobPayloads['employer-network.pool']): Promise<JobOutcome> {
    return this.pooling.run(payload.runId);
  }
}
