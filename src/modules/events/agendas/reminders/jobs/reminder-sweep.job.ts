import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobOutcome } from '../../../../../platform/queue/job-handler';
import { RemindersService } from '../reminders.service';

/** Cron fan-out: the reminders due (J-n, until the event starts) and not claimed yet, one job each. */
@Injectable()
@HandlesJob('events.reminders.sweep')
export class ReminderSweepJob implements JobHandler<'events.reminders.sweep'> {
  constructor(private readonly reminders: RemindersService) {}

  async handle(): Promise<JobOutcome> {
    return (await this.reminders.enqueueDue()) > 0 ? 'done' : 'skipped';
  }
}
