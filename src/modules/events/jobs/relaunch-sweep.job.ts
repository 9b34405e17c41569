import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { InvitationsService } from '../invitations/invitations.service';

/** Cron fan-out: invitations due for their relaunch and not relaunched, one job each; a missed run catches up. */
@Injectable()
@HandlesJob('events.invitations.relaunch-sweep')
export class RelaunchSweepJob implements JobHandler<'events.invitations.relaunch-sweep'> {
  constructor(private readonly invitations: InvitationsService) {}

  async handle(): Promise<JobOutcome> {
    return (await this.invitations.enqueueDueRelaunches()) > 0 ? 'done' : 'skipped';
  }
}
