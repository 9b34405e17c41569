import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { PlanChangePayload } from '../../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../platform/queue/job-handler';
import { CandidatePlanNoticesService } from './candidate-plan-notices.service';

/** SMS and e-mail to the candidates concerned by a change of the plan, once per job (notice row keyed by job id). */
@Injectable()
@HandlesJob('events.plan.candidates-notify')
export class CandidatesNotifyJob implements JobHandler<'events.plan.candidates-notify'> {
  constructor(private readonly notices: CandidatePlanNoticesService) {}

  handle(payload: PlanChangePayload, job: Job): Promise<JobOutcome> {
    return this.notices.notify(String(job.id), payload);
  }
}
