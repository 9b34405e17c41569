import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { EventsModule } from '../events.module';
import { OutcomeRequestSweepJob } from './jobs/outcome-request-sweep.job';
import { OutcomeRequestJob } from './jobs/outcome-request.job';
import { OutcomeRequestsService } from './outcome-requests.service';
import { EmployerOutcomesController, StaffOutcomesController } from './outcomes.controller';
import './outcomes.errors';
import { OutcomesService } from './outcomes.service';
import { EmployerOutcomePagesController } from './pages/employer-outcome-pages.controller';

/**
 * Outcomes of a job dating's meetings (issue 15 §6): recorded by the employer (its event link, JSON and a page) or the
 * candidate's CIP, credited to the candidate's SIAE as interactions of the pooled company, and the one request sent to
 * each employer the day after. Its own module beside events (which it uses and which never uses it: no cycle).
 */
@Module({
  imports: [EventsModule, NotificationsModule],
  controllers: [StaffOutcomesController, EmployerOutcomesController, EmployerOutcomePagesController],
  providers: [OutcomesService, OutcomeRequestsService, OutcomeRequestSweepJob, OutcomeRequestJob],
  exports: [OutcomesService],
})
export class OutcomesModule {}
