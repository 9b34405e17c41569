import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { CollectiveCoordinatorsService } from './collective-coordinators.service';
import { CollectiveMembershipsService } from './collective-memberships.service';
import { CollectivesService } from './collectives.service';
import {
  AddCoordinatorDto,
  CollectiveDto,
  CollectiveMemberDto,
  CoordinatorDto,
  CreateCollectiveDto,
  InviteSiaeDto,
} from './dto/collective.dto';
import { CreateCoordinatorInvitationDto, InvitationDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';
import { ParseId } from '../../platform/errors/parse-id.pipe';

const anyone = ['direction', 'cip', 'charge_dev', 'coordinator', 'admin'] as const;

@ApiTags('collectifs')
@ApiBearerAuth()
@Controller('collectives')
export class CollectivesController {
  constructor(
    private readonly collectives: CollectivesService,
    private readonly memberships: CollectiveMembershipsService,
    private readonly coordinators: CollectiveCoordinatorsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post()
  @Allow('direction')
  @ApiOperation({ summary: 'Créer un collectif : ma structure y entre et je le coordonne (direction)' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCollectiveDto): Promise<CollectiveDto> {
    return this.collectives.create(principal, body);
  }

  @Get()
  @Allow(...anyone)
  @ApiOperation({ summary: 'Mes collectifs' })
  list(@CurrentPrincipal() principal: Principal): Promise<CollectiveDto[]> {
    return this.collectives.listMine(principal);
  }

  @Get(':collectiveId')
  @Allow(...anyone)
  @ApiOperation({ summary: 'Un collectif' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
  ): Promise<CollectiveDto> {
    return this.collectives.get(principal, collectiveId);
  }

  @Get(':collectiveId/members')
  @Allow(...anyone)
  @ApiOperation({ summary: 'Les structures membres (et, pour la coordination, celles invitées)' })
  members(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
  ): Promise<CollectiveMemberDto[]> {
    return this.collectives.members(principal, collectiveId);
  }

  @Post(':collectiveId/members')
  @Allow('coordinator')
  @ApiOperation({ summary: 'Inviter une structure (par identifiant ou SIRET) ; sa direction est prévenue par e-mail' })
  invite(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Body() body: InviteSiaeDto,
  ): Promise<CollectiveMemberDto> {
    return this.memberships.invite(principal, collectiveId, body);
  }

  @Post(':collectiveId/members/:siaeId/accept')
  @Allow('direction')
  @HttpCode(204)
  @ApiOperation({ summary: 'Accepter l’invitation du collectif (direction de la structure invitée)' })
  async accept(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Param('siaeId', ParseId) siaeId: string,
  ): Promise<void> {
    await this.memberships.accept(principal, collectiveId, siaeId);
  }

  @Post(':collectiveId/members/:siaeId/decline')
  @Allow('direction')
  @HttpCode(204)
  @ApiOperation({ summary: 'Refuser l’invitation du collectif (direction de la structure invitée)' })
  async decline(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Param('siaeId', ParseId) siaeId: string,
  ): Promise<void> {
    await this.memberships.decline(principal, collectiveId, siaeId);
  }

  @Post(':collectiveId/members/:siaeId/leave')
  @Allow('direction')
  @HttpCode(204)
  @ApiOperation({ summary: 'Quitter le collectif (direction de la structure membre)' })
  async leave(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Param('siaeId', ParseId) siaeId: string,
  ): Promise<void> {
    await this.memberships.leave(principal, collectiveId, siaeId);
  }

  @Get(':collectiveId/coordinators')
  @Allow(...anyone)
  @ApiOperation({ summary: 'Les coordinateurs du collectif' })
  listCoordinators(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
  ): Promise<CoordinatorDto[]> {
    return this.coordinators.list(principal, collectiveId);
  }

  @Post(':collectiveId/coordinators')
  @Allow('coordinator')
  @ApiOperation({ summary: 'Nommer coordinatrice une personne d’une structure membre (coordination)' })
  addCoordinator(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Body() body: AddCoordinatorDto,
  ): Promise<CoordinatorDto> {
    return this.coordinators.add(principal, collectiveId, body.userId);
  }

  @Delete(':collectiveId/coordinators/:userId')
  @Allow('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer un coordinateur (jamais le dernier)' })
  async removeCoordinator(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Param('userId', ParseId) userId: string,
  ): Promise<void> {
    await this.coordinators.remove(principal, collectiveId, userId);
  }

  @Post(':collectiveId/invitations')
  @Allow('coordinator')
  @ApiOperation({ summary: 'Inviter par e-mail une personne à coordonner le collectif' })
  inviteCoordinator(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Body() body: CreateCoordinatorInvitationDto,
  ): Promise<InvitationDto> {
    return this.invitations.inviteCoordinator(principal, collectiveId, body.email);
  }

  @Get(':collectiveId/invitations')
  @Allow('coordinator')
  @ApiOperation({ summary: 'Les invitations à coordonner le collectif' })
  listInvitations(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
  ): Promise<InvitationDto[]> {
    return this.invitations.listForCollective(principal, collectiveId);
  }
}
