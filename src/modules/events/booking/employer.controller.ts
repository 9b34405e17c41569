import { Body, Controller, Get, Headers, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../platform/auth/access.decorators';
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
import { EmployerLinkToken } from './employer-link';

const linkHeader = {
  name: 'X-Employer-Link',
  required: true,
  description: 'Le jeton du lien personnel reçu par courriel',
};

/**
 * The employer's JSON API, opened by its link (no account). Thin: each route calls one use case, which the employer
 * pages call too.
 */
@ApiTags('employeurs (lien personnel)')
@ApiHeader(linkHeader)
@Public()
@Controller('employer/event')
export class EmployerController {
  constructor(
    private readonly booking: EmployerBookingService,
    private readonly choices: EmployerChoicesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'L’événement, votre inscription, vos emplacements et ceux encore libres' })
  @ApiOkResponse({ type: EmployerEventDto })
  view(@EmployerLinkToken() token: string): Promise<EmployerEventDto> {
    return this.booking.view(token);
  }

  @Put('registration')
  @ApiOperation({
    summary:
      'Confirmer sa venue : tables, emplacements (table, créneau), besoins, entretiens max, aménagements ; 409 si un emplacement vient d’être pris',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Une même clé rejouée renvoie la même réponse' })
  @ApiOkResponse({ type: EmployerEventDto })
  register(
    @EmployerLinkToken() token: string,
    @Body() dto: EmployerRegistrationDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<EmployerEventDto> {
    if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,100}$/.test(key))
      throw new AppError(
        'IDEMPOTENCY_KEY_INVALID',
        400,
        'La clé d’idempotence doit compter de 8 à 100 caractères (lettres, chiffres, « _ . : - »).',
      );
    return this.booking.register(token, dto, key);
  }

  @Post('decline')
  @ApiOperation({ summary: 'Décliner, et demander au besoin une pause des sollicitations jusqu’à une date' })
  @ApiCreatedResponse({ type: DeclinedDto })
  decline(@EmployerLinkToken() token: string, @Body() dto: DeclineDto): Promise<DeclinedDto> {
    return this.booking.decline(token, dto);
  }

  @Get('profiles')
  @ApiOperation({
    summary: 'Profils pseudonymisés des candidat·es accepté·es, avec les raisons de l’adéquation à vos besoins',
  })
  @ApiOkResponse({ type: [CandidateProfileForEmployerDto] })
  profiles(@EmployerLinkToken() token: string): Promise<CandidateProfileForEmployerDto[]> {
    return this.choices.profiles(token);
  }

  @Put('meeting-requests')
  @ApiOperation({ summary: '« Je veux rencontrer » (et « prioritaire » pour quelques-un·es) : remplace la liste' })
  @ApiOkResponse({ type: MeetingRequestsSavedDto })
  saveRequests(@EmployerLinkToken() token: string, @Body() dto: MeetingRequestsDto): Promise<MeetingRequestsSavedDto> {
    return this.choices.saveRequests(token, dto);
  }
}
