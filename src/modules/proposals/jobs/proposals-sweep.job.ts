import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { ProposalSweeps } from '../proposal-sweeps.service';

/** Cron fan-out: proposals due for a relaunch, an alert or an expiry and not done yet, one job each. */
@Injectable()
@HandlesJob('proposals.sweep')
export class ProposalsSweepJob implements JobHandler<'proposals.sweep'> {
  constructor(private readonly sweeps: ProposalSweeps) {}

  async handle(): Promise<JobOutcome> {
    const due = await this.sweeps.enqueueDue();
    return Object.values(due).some((n) => n > 0) ? 'done' : 'skipped';
  }
}
