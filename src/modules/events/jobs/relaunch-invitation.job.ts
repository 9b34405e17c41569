import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { InvitationsService } from '../invitations/invitations.service';

/** One relaunch; the use case locks and re-reads the invitation, so a second run of the same job sends nothing. */
@Injectable()
@HandlesJob('events.invitation.relaunch')
export class RelaunchInvitationJob implements JobHandler<'events.invitation.relaunch'> {
  constructor(private readonly invitations: InvitationsService) {}

  handle(payload: { v: 1; invitationId: string }): Promise<JobOutcome> {
    return this.invitations.relaunch(payload.invitationId);
  }
}
