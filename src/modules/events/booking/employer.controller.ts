import { Body, Controller, Get, Headers, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentEmployer, EmployerRoute } from '../../../platform/links/employer-session.guard';
import type { EmployerPrincipal } from '../../../platform/links/links.service';
import { AppError } from '../../../platform/errors/app-error';
import {
  CandidateProfileForEmployerDto,
  DeclinedDto,
  DeclineDto,
  EmployerEventDto,
  EmployerRegistrationDto,
  MeetingRequestsDto,
  MeetingRequestsSavedDto,
} from '../dto/employer.dto';
import { EmployerBookingService } from './employer-booking.service';
import { EmployerChoicesService } from './employer-choices.service';
import { eventCompanyLink } from './employer-link';

/**
 * The employer's JSON API, through the session its link opened (platform/links: cookie + CSRF on writes; no account). Thin: each route calls one use case, which the employer
 * pages call too.
 */
@ApiTags('employeurs (lien personnel)')
@EmployerRoute(eventCompanyLink)
@Controller('employer/event')
export class EmployerController {
  constructor(
    private readonly booking: EmployerBookingService,
    private readonly choices: EmployerChoicesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'L’événement, votre inscription, vos emplacements et ceux encore libres' })
  @ApiOkResponse({ type: EmployerEventDto })
  view(@CurrentEmployer() employer: EmployerPrincipal): Promise<EmployerEventDto> {
    return this.booking.view(employer);
  }

  @Put('registration')
  @ApiOperation({
    summary:
      'Confirmer sa venue : tables, emplacements (table, créneau), besoins, entretiens max, aménagements ; 409 si un emplacement vient d’être pris',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Une même clé rejouée renvoie la même réponse' })
  @ApiOkResponse({ type: EmployerEventDto })
  register(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Body() dto: EmployerRegistrationDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<EmployerEventDto> {
    if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,100}$/.test(key))
      throw new AppError(
        'IDEMPOTENCY_KEY_INVALID',
        400,
        'La clé d’idempotence doit compter de 8 à 100 caractères (lettres, chiffres, « _ . : - »).',
      );
    return this.booking.register(employer, dto, key);
  }

  @Post('decline')
  @ApiOperation({ summary: 'Décliner, et demander au besoin une pause des sollicitations jusqu’à une date' })
  @ApiCreatedResponse({ type: DeclinedDto })
  decline(@CurrentEmployer() employer: EmployerPrincipal, @Body() dto: DeclineDto): Promise<DeclinedDto> {
    return this.booking.decline(employer, dto);
  }

  @Get('profiles')
  @ApiOperation({
    summary: 'Profils pseudonymisés des candidat·es accepté·es, avec les raisons de l’adéquation à vos besoins',
  })
  @ApiOkResponse({ type: [CandidateProfileForEmployerDto] })
  profiles(@CurrentEmployer() employer: EmployerPrincipal): Promise<CandidateProfileForEmployerDto[]> {
    return this.choices.profiles(employer);
  }

  @Put('meeting-requests')
  @ApiOperation({ summary: '« Je veux rencontrer » (et « prioritaire » pour quelques-un·es) : remplace la liste' })
  @ApiOkResponse({ type: MeetingRequestsSavedDto })
  saveRequests(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Body() dto: MeetingRequestsDto,
  ): Promise<MeetingRequestsSavedDto> {
    return this.choices.saveRequests(employer, dto);
  }
}
