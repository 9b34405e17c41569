import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { CandidateRetentionService } from '../candidate-retention.service';

@Injectable()
@HandlesJob('candidates.retention.sweep')
export class RetentionSweepJob implements JobHandler<'candidates.retention.sweep'> {
  constructor(private readonly retention: CandidateRetentionService) {}

  async handle(): Promise<JobOutcome> {
    const { queued } = await this.retention.sweepOnce();
    return queued > 0 ? 'done' : 'skipped';
  }
}
