import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../../platform/queue/job-handler';
import { RemindersService } from '../reminders.service';

/** One reminder to one person; its dispatch row, moved once, makes a second run of the same job send nothing. */
@Injectable()
@HandlesJob('events.reminder.send')
export class SendReminderJob implements JobHandler<'events.reminder.send'> {
  constructor(private readonly reminders: RemindersService) {}

  handle(payload: { v: 1; dispatchId: string }): Promise<JobOutcome> {
    return this.reminders.send(payload.dispatchId);
  }
}
