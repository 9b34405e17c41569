import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { ProposalSweeps } from '../proposal-sweeps.service';

/** One chore on one proposal; the use case locks and re-reads it, so a second run of the same job does nothing. */
@Injectable()
@HandlesJob('proposals.chore')
export class ProposalChoreJob implements JobHandler<'proposals.chore'> {
  constructor(private readonly sweeps: ProposalSweeps) {}

  handle(payload: {
    v: 1;
    proposalId: string;
    chore: 'relaunch' | 'alert' | 'expire' | 'need-closed';
  }): Promise<JobOutcome> {
    return this.sweeps.run(payload.proposalId, payload.chore);
  }
}
