import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobPayloads } from '../../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../platform/queue/job-handler';
import { PublicationService } from '../publication.service';

/** E-mails to the CIPs concerned by a change of the plan, once per job (notice row keyed by job id). */
@Injectable()
@HandlesJob('events.plan.notify')
export class NotifyPlanChangeJob implements JobHandler<'events.plan.notify'> {
  constructor(private readonly publication: PublicationService) {}

  handle(payload: JobPayloads['events.plan.notify'], job: Job): Promise<JobOutcome> {
    return this.publication.notify(String(job.id), payload);
  }
}
