import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Public } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { AcceptInvitationDto, InvitationPreviewDto, InvitationSessionDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';
import { ParseId } from '../../platform/errors/parse-id.pipe';
import { AcceptInvitation } from './use-cases/accept-invitation';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly acceptInvitation: AcceptInvitation,
  ) {}

  /** Ce à quoi invite un lien, pour la page d'accueil de l'invitation. Le jeton est celui du lien reçu par e-mail. */
  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'Lire une invitation à partir de son lien (public)' })
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  /**
   * Accepte une invitation : crée le compte (nom et mot de passe) ou, si un compte existe déjà pour l'adresse, exige
   * d'être connecté·e avec ce compte (en-tête `Authorization`). Renvoie une session.
   */
  @Post('accept')
  @Public()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Accepter une invitation (public ; connexion requise si le compte existe déjà)' })
  accept(
    @Body() body: AcceptInvitationDto,
    @Headers('authorization') authorization?: string,
  ): Promise<InvitationSessionDto> {
    return this.acceptInvitation.execute(body, authorization);
  }

  @Delete(':invitationId')
  @Allow('direction', 'coordinator', 'admin')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Annuler une invitation en attente (direction de la structure ou coordination du collectif)',
  })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('invitationId', ParseId) invitationId: string,
  ): Promise<void> {
    await this.invitations.revoke(principal, invitationId);
  }
}
