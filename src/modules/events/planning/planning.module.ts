import { Module } from '@nestjs/common';
import { EventsModule } from '../events.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { ComputeEventPlan } from './compute-event-plan';
import { EventPlanService } from './event-plan.service';
import { ComputePlanJob } from './jobs/compute-plan.job';
import { NotifyPlanChangeJob } from './jobs/notify-plan-change.job';
import { PlanningPagesController } from './pages/planning-pages.controller';
import { PlanningController } from './planning.controller';
import { PlanningRunsService } from './planning-runs.service';
import { PublicationService } from './publication.service';
import './planning.errors';

/**
 * The plan of a job dating: planning runs computed by the worker, the event's current plan (`event_meeting`),
 * publication and explicit cancellations. Other parts of events (the day, agendas, outcomes) read and change the plan
 * through `EventPlanService`. Depends on EventsModule (status machine), never the other way round.
 */
@Module({
  imports: [EventsModule, NotificationsModule],
  controllers: [PlanningController, PlanningPagesController],
  providers: [
    EventPlanService,
    PlanningRunsService,
    PublicationService,
    ComputeEventPlan,
    ComputePlanJob,
    NotifyPlanChangeJob,
  ],
  exports: [EventPlanService, PlanningRunsService],
})
export class PlanningModule {}
