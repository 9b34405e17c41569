import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../platform/auth/access.decorators';
import type { Principal } from '../../../platform/auth/principal';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import {
  DecideRegistrationDto,
  RegisterCandidateDto,
  RegistrationDto,
  UpdateRegistrationDto,
} from '../dto/registration.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('événements')
@ApiBearerAuth()
@Controller()
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post('events/:id/registrations')
  @ApiOperation({
    summary:
      'Inscrire un·e candidat·e de sa structure (CIP, direction ; consentement « employers ») dans la limite des places de la structure',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  register(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: RegisterCandidateDto,
  ): Promise<RegistrationDto> {
    return this.registrations.register(p, id, dto);
  }

  @Get('events/:id/registrations')
  @ApiOperation({ summary: 'Inscriptions : toutes pour l’organisation, celles de sa structure sinon (pseudonymes)' })
  @ApiOkResponse({ type: [RegistrationDto] })
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<RegistrationDto[]> {
    return this.registrations.list(p, id);
  }

  @Patch('events/:id/registrations/:registrationId')
  @ApiOperation({
    summary:
      'Modifier une inscription (présence, souhaits, entretiens, mot aux employeurs) : CIP de la structure avant la date limite, organisation jusqu’à la planification ; places inchangées',
  })
  @ApiOkResponse({ type: RegistrationDto })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
    @Body() dto: UpdateRegistrationDto,
  ): Promise<RegistrationDto> {
    return this.registrations.update(p, id, registrationId, dto);
  }

  @Post('events/:id/registrations/:registrationId/decision')
  @ApiOperation({ summary: 'Accepter, mettre en liste d’attente ou refuser une inscription (organisation)' })
  @ApiCreatedResponse({ type: RegistrationDto })
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
    @Body() dto: DecideRegistrationDto,
  ): Promise<RegistrationDto> {
    return this.registrations.decide(p, id, registrationId, dto);
  }

  @Post('events/:id/registrations/:registrationId/withdrawal')
  @ApiOperation({
    summary: 'Retirer une inscription (CIP ou direction de la structure) ; la place va à la liste d’attente',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
  ): Promise<RegistrationDto> {
    return this.registrations.withdraw(p, id, registrationId);
  }
}
