import { Module } from '@nestjs/common';
import { EventsModule } from '../events.module';
import { PlanningModule } from '../planning/planning.module';
import { CheckInService } from './check-in.service';
import { DayController } from './day.controller';
import './day.errors';
import { LiveViewService } from './live-view.service';
import { DayPagesController } from './pages/day-pages.controller';
import { WalkInPagesController } from './pages/walk-in-pages.controller';
import { ReplanningService } from './replanning.service';
import { WalkInsService } from './walk-ins.service';

/**
 * The day of a job dating (issue 15 §5): check-in of candidates and employers, walk-ins, employers leaving early,
 * re-planning from the next slot through the planning job, and the live view. Reads and changes the plan through the
 * planning module's exports; the events module's status machine starts the day.
 */
@Module({
  imports: [EventsModule, PlanningModule],
  controllers: [DayController, DayPagesController, WalkInPagesController],
  providers: [CheckInService, WalkInsService, LiveViewService, ReplanningService],
})
export class DayModule {}
