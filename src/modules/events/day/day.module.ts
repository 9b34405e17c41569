import { Module } from '@nestjs/common';
import { EventsModule } from '../events.module';
import { CheckInService } from './check-in.service';
import { DayController } from './day.controller';
import './day.errors';
import { DayPagesController } from './pages/day-pages.controller';
import { WalkInsService } from './walk-ins.service';

/**
 * The day of a job dating (issue 15 §5): check-in of candidates and employers, walk-ins, employers leaving early,
 * re-planning from the next slot through the planning job, and the live view. Reads and changes the plan through the
 * planning module's exports; the events module's status machine starts the day.
 */
@Module({
  imports: [EventsModule],
  controllers: [DayController, DayPagesController],
  providers: [CheckInService, WalkInsService],
})
export class DayModule {}
