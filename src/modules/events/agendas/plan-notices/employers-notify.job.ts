import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { PlanChangePayload } from '../../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../platform/queue/job-handler';
import { EmployerPlanNoticesService } from './employer-plan-notices.service';

/** E-mail, with its agenda as ICS, to each employer concerned by a change of the plan, once per job (notice row). */
@Injectable()
@HandlesJob('events.plan.employers-notify')
export class EmployersNotifyJob implements JobHandler<'events.plan.employers-notify'> {
  constructor(private readonly notices: EmployerPlanNoticesService) {}

  handle(payload: PlanChangePayload, job: Job): Promise<JobOutcome> {
    return this.notices.notify(String(job.id), payload);
  }
}
