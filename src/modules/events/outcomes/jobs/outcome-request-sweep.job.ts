import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../platform/queue/job-handler';
import { OutcomeRequestsService } from '../outcome-requests.service';

/** Cron fan-out: employers due their outcome request (the day after the event) and not asked yet, one job each. */
@Injectable()
@HandlesJob('events.outcomes.request-sweep')
export class OutcomeRequestSweepJob implements JobHandler<'events.outcomes.request-sweep'> {
  constructor(private readonly requests: OutcomeRequestsService) {}

  async handle(): Promise<JobOutcome> {
    return (await this.requests.enqueueDue()) > 0 ? 'done' : 'skipped';
  }
}
