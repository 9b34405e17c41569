import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { defaultJobOptions } from '../../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../platform/queue/job-handler';
import { ComputeEventPlan } from '../compute-event-plan';

/** One planning run (job id = run id); the use case re-reads the run and fences its attempts. */
@Injectable()
@HandlesJob('events.plan.compute')
export class ComputePlanJob implements JobHandler<'events.plan.compute'> {
  constructor(private readonly compute: ComputeEventPlan) {}

  handle(payload: { v: 1; runId: string }, job: Job): Promise<JobOutcome> {
    const attempts = job.opts.attempts ?? defaultJobOptions.attempts;
    return this.compute.execute(payload.runId, { lastAttempt: job.attemptsMade + 1 >= attempts });
  }
}
