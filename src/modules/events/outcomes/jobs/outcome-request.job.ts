import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../platform/queue/job-handler';
import { OutcomeRequestsService } from '../outcome-requests.service';

/** One employer's outcome request; its dispatch row, moved once, makes a second run of the same job send nothing. */
@Injectable()
@HandlesJob('events.outcome.request')
export class OutcomeRequestJob implements JobHandler<'events.outcome.request'> {
  constructor(private readonly requests: OutcomeRequestsService) {}

  handle(payload: { v: 1; dispatchId: string }): Promise<JobOutcome> {
    return this.requests.send(payload.dispatchId);
  }
}
