import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { HiringNeedsService } from '../hiring-needs.service';

@Injectable()
@HandlesJob('employer-network.needs.expire')
export class ExpireNeedsJob implements JobHandler<'employer-network.needs.expire'> {
  constructor(private readonly needs: HiringNeedsService) {}

  async handle(): Promise<JobOutcome> {
    const { expired } = await this.needs.expireStale();
    return expired > 0 ? 'done' : 'skipped';
  }
}
