import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { EventsModule } from '../events.module';
import { AgendasService } from './agendas.service';
import { CandidateAgendaController, EmployerAgendaController, StaffAgendasController } from './agendas.controller';
import './candidate-link';
import { CandidateAgendaPagesController } from './pages/candidate-agenda-pages.controller';
import { ReminderSweepJob } from './reminders/jobs/reminder-sweep.job';
import { SendReminderJob } from './reminders/jobs/send-reminder.job';
import { RemindersController } from './reminders/reminders.controller';
import { RemindersService } from './reminders/reminders.service';
import { CandidatePlanNoticesService } from './plan-notices/candidate-plan-notices.service';
import { CandidatesNotifyJob } from './plan-notices/candidates-notify.job';
import { EmployerPlanNoticesService } from './plan-notices/employer-plan-notices.service';
import { EmployersNotifyJob } from './plan-notices/employers-notify.job';

/**
 * Agendas of a job dating (issue 15 §3, §4, §8): JSON and ICS for candidates (personal link), employers (event link),
 * CIPs and organisers; the candidate's agenda page; reminders J-n; the candidates' and employers' plan notices. Reads the plan (events/planning's `event_meeting`),
 * never changes it. Its own module beside events (which never uses it: no cycle).
 */
@Module({
  imports: [EventsModule, NotificationsModule],
  controllers: [
    StaffAgendasController,
    EmployerAgendaController,
    CandidateAgendaController,
    CandidateAgendaPagesController,
    RemindersController,
  ],
  providers: [
    AgendasService,
    RemindersService,
    ReminderSweepJob,
    SendReminderJob,
    CandidatePlanNoticesService,
    CandidatesNotifyJob,
    EmployerPlanNoticesService,
    EmployersNotifyJob,
  ],
  exports: [AgendasService],
})
export class AgendasModule {}
