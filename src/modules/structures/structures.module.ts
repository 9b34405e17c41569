import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferentialsModule } from '../referentials/referentials.module';
import { CollectiveCoordinatorsService } from './collective-coordinators.service';
import { CollectiveMembershipsService } from './collective-memberships.service';
import { CollectivesController } from './collectives.controller';
import { CollectivesService } from './collectives.service';
import { CommuneDirectory } from './commune-directory.service';
import { MembershipGrantReader } from './grant-reader.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { SiaeMembersService } from './siae-members.service';
import { SiaeController } from './siae.controller';
import { SiaeService } from './siae.service';
import { AcceptInvitation } from './use-cases/accept-invitation';

@Module({
  imports: [NotificationsModule, ReferentialsModule],
  controllers: [SiaeController, InvitationsController, CollectivesController],
  providers: [
    MembershipGrantReader,
    CommuneDirectory,
    SiaeService,
    SiaeMembersService,
    InvitationsService,
    AcceptInvitation,
    CollectivesService,
    CollectiveMembershipsService,
    CollectiveCoordinatorsService,
  ],
  exports: [MembershipGrantReader, CommuneDirectory],
})
export class StructuresModule {}
