import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../platform/auth/access.decorators';
import type { Principal } from '../../../platform/auth/principal';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import {
  InvitableCompaniesQueryDto,
  InvitableCompanyDto,
  InvitationDto,
  InvitationSentDto,
  InviteCompanyDto,
} from '../dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('événements')
@ApiBearerAuth()
@Controller()
export class EventInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('events/:id/invitations')
  @ApiOperation({
    summary:
      'Inviter une entreprise mutualisée (organisation) : compte comme une sollicitation (budget, pause), courriel avec lien personnel',
  })
  @ApiCreatedResponse({ type: InvitationSentDto })
  invite(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: InviteCompanyDto,
  ): Promise<InvitationSentDto> {
    return this.invitations.invite(p, id, dto);
  }

  @Get('events/:id/invitations')
  @ApiOperation({ summary: 'Employeurs invités, confirmés, déclinés, relancés (organisation)' })
  @ApiOkResponse({ type: [InvitationDto] })
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<InvitationDto[]> {
    return this.invitations.list(p, id);
  }

  @Get('events/:id/invitable-companies')
  @ApiOperation({
    summary:
      'Entreprises mutualisées à inviter (organisation), filtrées par les métiers recherchés (besoins ouverts) : contact partagé, budget de sollicitations, déjà invitée',
  })
  @ApiOkResponse({ type: [InvitableCompanyDto] })
  invitable(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Query() q: InvitableCompaniesQueryDto,
  ): Promise<InvitableCompanyDto[]> {
    return this.invitations.invitable(p, id, q);
  }

  @Post('events/:id/invitations/:invitationId/revocation')
  @ApiOperation({ summary: 'Révoquer le lien d’une invitation (organisation) : il cesse de fonctionner aussitôt' })
  @ApiCreatedResponse({ type: InvitationDto })
  revoke(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('invitationId', ParseId) invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.revoke(p, id, invitationId);
  }
}
