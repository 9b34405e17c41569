import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../platform/auth/access.decorators';
import type { Principal } from '../../../platform/auth/principal';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import { EventDto } from '../dto/event.dto';
import {
  CancelMeetingDto,
  CurrentPlanDto,
  LaunchPlanningDto,
  PlanMeetingDto,
  PlanningComparisonDto,
  PlanningRunDto,
} from './dto/planning.dto';
import { PlanningRunsService } from './planning-runs.service';
import { PublicationService } from './publication.service';

/** Organisers' planning routes (thin: each calls one use case, which the planning page calls too). */
@ApiTags('événements')
@ApiBearerAuth()
@Controller('events/:id')
export class PlanningController {
  constructor(
    private readonly runs: PlanningRunsService,
    private readonly publication: PublicationService,
  ) {}

  @Post('planning-runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Lancer un calcul de planning (événement en planification ou publié) ; calculé par le worker, 202',
  })
  @ApiAcceptedResponse({ type: PlanningRunDto })
  launch(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string, @Body() dto: LaunchPlanningDto) {
    return this.runs.launch(p, id, dto);
  }

  @Get('planning-runs')
  @ApiOperation({ summary: 'Les calculs de planning de l’événement, du plus récent au plus ancien' })
  @ApiOkResponse({ type: [PlanningRunDto] })
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string) {
    return this.runs.list(p, id);
  }

  @Get('planning-runs/:runId')
  @ApiOperation({ summary: 'Un calcul : état, étape et avancement, valeur, borne, écart, statistiques' })
  @ApiOkResponse({ type: PlanningRunDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string, @Param('runId', ParseId) runId: string) {
    return this.runs.get(p, id, runId);
  }

  @Get('planning-runs/:runId/comparison/:otherRunId')
  @ApiOperation({ summary: 'Comparer deux calculs : valeur, écart, rencontres ajoutées, retirées, déplacées' })
  @ApiOkResponse({ type: PlanningComparisonDto })
  compare(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('runId', ParseId) runId: string,
    @Param('otherRunId', ParseId) otherRunId: string,
  ) {
    return this.runs.compare(p, id, runId, otherRunId);
  }

  @Get('plan')
  @ApiOperation({ summary: 'Le planning actuel (grille tables × créneaux), son calcul, un calcul en cours' })
  @ApiOkResponse({ type: CurrentPlanDto })
  plan(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string) {
    return this.runs.currentPlan(p, id);
  }

  @Post('plan/publication')
  @ApiOperation({
    summary: 'Publier le planning : l’événement passe à « publié », les rencontres sont annoncées, chacun·e prévenu·e',
  })
  @ApiCreatedResponse({ type: EventDto })
  publish(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<EventDto> {
    return this.publication.publish(p, id);
  }

  @Post('meetings/:meetingId/cancellation')
  @ApiOperation({ summary: 'Annuler une rencontre (elle ne sera plus replanifiée ; les personnes sont prévenues)' })
  @ApiCreatedResponse({ type: PlanMeetingDto })
  cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('meetingId', ParseId) meetingId: string,
    @Body() dto: CancelMeetingDto,
  ) {
    return this.publication.cancelMeeting(p, id, meetingId, dto.reason);
  }
}
