import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { EmployerNetworkModule } from '../employer-network/employer-network.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferentialsModule } from '../referentials/referentials.module';
import { EmployerPagesController } from './pages/employer-pages.controller';
import { StaffEventPagesController } from './pages/staff-event-pages.controller';
import { EmployerBookingService } from './booking/employer-booking.service';
import { EmployerChoicesService } from './booking/employer-choices.service';
import { EmployerController } from './booking/employer.controller';
import './events.constraints';
import './events.errors';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { EventInvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { RelaunchInvitationJob } from './jobs/relaunch-invitation.job';
import { RelaunchSweepJob } from './jobs/relaunch-sweep.job';
import { RegistrationsController } from './registrations/registrations.controller';
import { RegistrationsService } from './registrations/registrations.service';

/**
 * Job datings and other events of a collective: the event and its slots, employer invitations by link, employers'
 * bookings of (table, slot) cells, candidates registered by CIPs within their SIAE's quota, employers' meeting
 * requests. Use cases are services callable from the JSON controllers and from the pages alike.
 */
@Module({
  imports: [CandidatesModule, EmployerNetworkModule, NotificationsModule, ReferentialsModule],
  controllers: [
    EventsController,
    EventInvitationsController,
    RegistrationsController,
    EmployerController,
    EmployerPagesController,
    StaffEventPagesController,
  ],
  providers: [
    EventsService,
    InvitationsService,
    RegistrationsService,
    EmployerBookingService,
    EmployerChoicesService,
    RelaunchSweepJob,
    RelaunchInvitationJob,
  ],
  exports: [EventsService, InvitationsService, RegistrationsService, EmployerBookingService, EmployerChoicesService],
})
export class EventsModule {}
