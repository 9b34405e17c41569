import { Injectable, Logger } from '@nestjs/common';
import type { PlanChangePayload } from '../../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../platform/queue/job-handler';

/**
 * The candidates' side of a change of the plan belongs to events/agendas (their agenda link, SMS or e-mail). Until
 * agendas lands its handler, this one only logs and answers `skipped`, so that the job catalogue stays complete and
 * the planning can emit the job now; agendas replaces this file with its own `@HandlesJob('events.plan.candidates-notify')`.
 */
@Injectable()
@HandlesJob('events.plan.candidates-notify')
export class CandidatesNotifyPlaceholderJob implements JobHandler<'events.plan.candidates-notify'> {
  private readonly logger = new Logger('events.plan.candidates-notify');

  handle(payload: PlanChangePayload): Promise<JobOutcome> {
    this.logger.log({
      msg: 'no candidate channel yet (events/agendas)',
      eventId: payload.eventId,
      change: payload.change,
    });
    return Promise.resolve('skipped');
  }
}
