import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { SiaeCollectiveMembershipDto } from './dto/collective.dto';
import { CreateSiaeInvitationDto, InvitationDto } from './dto/invitation.dto';
import {
  ChangeMemberRoleDto,
  CreatedSiaeDto,
  CreateSiaeDto,
  SiaeMemberDto,
  SiaeDto,
  UpdateSiaeDto,
} from './dto/siae.dto';
import { InvitationsService } from './invitations.service';
import { ParseId } from '../../platform/errors/parse-id.pipe';
import { SiaeMembersService } from './siae-members.service';
import { SiaeService } from './siae.service';

@ApiTags('structures')
@ApiBearerAuth()
@Controller('siae')
export class SiaeController {
  constructor(
    private readonly siae: SiaeService,
    private readonly members: SiaeMembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post()
  @Allow('admin')
  @ApiOperation({
    summary: 'Créer une SIAE et inviter sa première personne de direction (administration de la plateforme)',
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateSiaeDto): Promise<CreatedSiaeDto> {
    return this.siae.create(principal, body);
  }

  @Get()
  @Allow('direction', 'cip', 'charge_dev', 'admin')
  @ApiOperation({ summary: 'Mes structures (toutes pour l’administration)' })
  list(@CurrentPrincipal() principal: Principal): Promise<SiaeDto[]> {
    return this.siae.list(principal);
  }

  @Get(':siaeId')
  @Allow('direction', 'cip', 'charge_dev', 'admin')
  @ApiOperation({ summary: 'Une structure dont je suis membre' })
  get(@CurrentPrincipal() principal: Principal, @Param('siaeId', ParseId) siaeId: string): Promise<SiaeDto> {
    return this.siae.get(principal, siaeId);
  }

  @Patch(':siaeId')
  @Allow('direction')
  @ApiOperation({ summary: 'Modifier la structure (direction)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('siaeId', ParseId) siaeId: string,
    @Body() body: UpdateSiaeDto,
  ): Promise<SiaeDto> {
    return this.siae.update(principal, siaeId, body);
  }

  @Get(':siaeId/members')
  @Allow('direction', 'cip', 'charge_dev', 'admin')
  @ApiOperation({ summary: 'Les personnes de la structure (adresses e-mail pour la direction seulement)' })
  listMembers(
    @CurrentPrincipal() principal: Principal,
    @Param('siaeId', ParseId) siaeId: string,
  ): Promise<SiaeMemberDto[]> {
    return this.members.list(principal, siaeId);
  }

  @Patch(':siaeId/members/:userId')
  @Allow('direction')
  @ApiOperation({ summary: 'Changer le rôle d’une personne (direction ; jamais la dernière direction)' })
  changeRole(
    @CurrentPrincipal() principal: Principal,
    @Param('siaeId', ParseId) siaeId: string,
    @Param('userId', ParseId) userId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<SiaeMemberDto> {
    return this.members.changeRole(principal, siaeId, userId, body.role);
  }

  @Delete(':siaeId/members/:userId')
  @Allow('direction')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer une personne de la structure (direction ; jamais la dernière direction)' })
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @Param('siaeId', ParseId) siaeId: string,
    @Param('userId', ParseId) userId: string,
  ): Promise<void> {
    await this.members.remove(principal, siaeId, userId);
  }

  @Post(':siaeId/invitations')
  @Allow('direction', 'admin')
  @ApiOperation({
    summary: 'Inviter une personne dans la structure (remplace une invitation en attente à la même adresse)',
  })
  invite(
    @CurrentPrincipal() principal: Principal,
    @Param('siaeId', ParseId) siaeId: string,
    @Body() body: CreateSiaeInvitationDto,
  ): Promise<InvitationDto> {
    return this.invitations.inviteToSiae(principal, siaeId, body.email, body.role);
  }

  @Get(':siaeId/invitations')
  @Allow('direction', 'admin')
  @ApiOperation({ summary: 'Les invitations de la structure' })
  listInvitations(
    @CurrentPrincipal() principal: Principal,
    @Param('siaeId', ParseId) siaeId: string,
  ): Promise<InvitationDto[]> {
    return this.invitations.listForSiae(principal, siaeId);
  }

  @Get(':siaeId/collectives')
  @Allow('direction', 'cip', 'charge_dev', 'admin')
  @ApiOperation({ summary: 'Les collectifs de la structure, y compris les invitations en attente' })
  collectives(
    @CurrentPrincipal() principal: Principal,
    @Param('siaeId', ParseId) siaeId: string,
  ): Promise<SiaeCollectiveMembershipDto[]> {
    return this.siae.collectives(principal, siaeId);
  }
}
