import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../platform/auth/access.decorators';
import type { Principal } from '../../../platform/auth/principal';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import { CurrentEmployer, EmployerRoute } from '../../../platform/links/employer-session.guard';
import type { EmployerPrincipal } from '../../../platform/links/links.service';
import { eventCompanyLink } from '../booking/employer-link';
import { EmployerMeetingOutcomeDto, OutcomeDto, RecordOutcomeDto, StaffMeetingOutcomeDto } from './dto/outcome.dto';
import { OutcomesService } from './outcomes.service';

/** The CIP's side of outcomes (thin: each route calls the use case). */
@ApiTags('événements')
@ApiBearerAuth()
@Controller('events/:id')
export class StaffOutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Get('outcomes')
  @ApiOperation({ summary: 'Entretiens des candidat·es de ma structure et leur suite (CIP, direction)' })
  @ApiOkResponse({ type: [StaffMeetingOutcomeDto] })
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<StaffMeetingOutcomeDto[]> {
    return this.outcomes.staffMeetings(p, id);
  }

  @Post('meetings/:meetingId/outcome')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Déclarer la suite d’un entretien (CIP ou direction de la structure du ou de la candidat·e) ; 409 si elle est déjà déclarée',
  })
  @ApiCreatedResponse({ type: OutcomeDto })
  record(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('meetingId', ParseId) meetingId: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<OutcomeDto> {
    return this.outcomes.recordByCip(p, id, meetingId, dto);
  }
}

/** The employer's side of outcomes, through the session of its event link (cookie + CSRF on writes). */
@ApiTags('employeurs (lien personnel)')
@EmployerRoute(eventCompanyLink)
@Controller('employer/event')
export class EmployerOutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Get('outcomes')
  @ApiOperation({ summary: 'Vos entretiens de l’événement et leur suite' })
  @ApiOkResponse({ type: [EmployerMeetingOutcomeDto] })
  list(@CurrentEmployer() employer: EmployerPrincipal): Promise<EmployerMeetingOutcomeDto[]> {
    return this.outcomes.employerMeetings(employer);
  }

  @Post('meetings/:meetingId/outcome')
  @HttpCode(201)
  @ApiOperation({ summary: 'Déclarer la suite d’un de vos entretiens ; 409 si elle est déjà déclarée' })
  @ApiCreatedResponse({ type: OutcomeDto })
  record(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('meetingId', ParseId) meetingId: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<OutcomeDto> {
    return this.outcomes.recordByEmployer(employer, meetingId, dto);
  }
}
