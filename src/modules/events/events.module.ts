import { Module } from '@nestjs/common';
import './events.errors';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/**
 * Job datings and other events of a collective: the event and its slots, employer invitations by link, employers'
 * bookings of (table, slot) cells, candidates registered by CIPs within their SIAE's quota, employers' meeting
 * requests. Use cases are services callable from the JSON controllers and from the pages alike.
 */
@Module({
  controllers: [EventsController],
  providers: [EventsService],
  exports: [EventsService],
})
export class EventsModule {}
