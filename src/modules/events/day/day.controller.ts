import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
import { CheckInService } from './check-in.service';
import {
  CandidatePresenceDto,
  CheckInListDto,
  CheckInQueryDto,
  EmployerDepartureDto,
  EmployerPresenceDto,
  ExtraPlacesDto,
  LiveViewDto,
  ReplanningDto,
  SetPresenceDto,
  WalkInDto,
} from './dto/day.dto';
import { LiveViewService } from './live-view.service';
import { ReplanningService } from './replanning.service';
import { WalkInsService } from './walk-ins.service';

/** The day of an event (thin: each route calls one use case, which the check-in and live pages call too). */
@ApiTags('événements : le jour J')
@ApiBearerAuth()
@Controller()
export class DayController {
  constructor(
    private readonly checkIn: CheckInService,
    private readonly walkIns: WalkInsService,
    private readonly live: LiveViewService,
    private readonly replanning: ReplanningService,
  ) {}

  @Get('events/:id/day/check-in')
  @ApiOperation({
    summary: 'Accueil : candidat·es acceptées et employeurs confirmés avec leur pointage (organisation)',
  })
  @ApiOkResponse({ type: CheckInListDto })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Query() query: CheckInQueryDto,
  ): Promise<CheckInListDto> {
    return this.checkIn.list(p, id, query.q);
  }

  @Put('events/:id/day/candidates/:registrationId/presence')
  @ApiOperation({
    summary:
      'Pointer un·e candidat·e présente, absente, ou annuler le pointage (organisation) ; le premier pointage lance la journée',
  })
  @ApiOkResponse({ type: CandidatePresenceDto })
  candidatePresence(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
    @Body() dto: SetPresenceDto,
  ): Promise<CandidatePresenceDto> {
    return this.checkIn.setCandidatePresence(p, id, registrationId, dto.presence);
  }

  @Put('events/:id/day/employers/:invitationId/presence')
  @ApiOperation({ summary: 'Pointer un employeur présent, absent, ou annuler le pointage (organisation)' })
  @ApiOkResponse({ type: EmployerPresenceDto })
  employerPresence(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('invitationId', ParseId) invitationId: string,
    @Body() dto: SetPresenceDto,
  ): Promise<EmployerPresenceDto> {
    return this.checkIn.setEmployerPresence(p, id, invitationId, dto.presence);
  }

  @Put('events/:id/day/employers/:invitationId/departure')
  @ApiOperation({ summary: 'Noter qu’un employeur part plus tôt, à partir d’un créneau à venir (organisation)' })
  @ApiOkResponse({ type: EmployerPresenceDto })
  departure(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('invitationId', ParseId) invitationId: string,
    @Body() dto: EmployerDepartureDto,
  ): Promise<EmployerPresenceDto> {
    return this.checkIn.employerLeaves(p, id, invitationId, dto.fromSlotId);
  }

  @Post('events/:id/day/walk-ins')
  @ApiOperation({
    summary:
      'Inscrire sur place un·e candidat·e de sa structure (CIP, direction ; consentement « employers ») : acceptée et pointée présente, dans les places de la structure',
  })
  @ApiCreatedResponse({ type: CandidatePresenceDto })
  walkIn(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: WalkInDto,
  ): Promise<CandidatePresenceDto> {
    return this.walkIns.register(p, id, dto);
  }

  @Post('events/:id/day/extra-places')
  @ApiOperation({
    summary: 'Accorder à une structure des places en plus pour ses inscriptions sur place (décision de l’organisation)',
  })
  @ApiCreatedResponse({ type: EventDto })
  extraPlaces(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: ExtraPlacesDto,
  ): Promise<EventDto> {
    return this.walkIns.grantExtraPlaces(p, id, dto);
  }

  @Post('events/:id/day/replanning')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Replanifier à partir du prochain créneau (organisation) : rendez-vous tenus, en cours et annoncés à des personnes présentes gardés, places des absent·es redonnées ; calcul par le worker',
  })
  @ApiAcceptedResponse({ type: ReplanningDto })
  replan(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<ReplanningDto> {
    return this.replanning.request(p, id);
  }

  @Get('events/:id/day/live')
  @ApiOperation({
    summary:
      'Vue en direct (organisation) : rendez-vous tenus, en cours et à venir, candidat·es présent·es sans entretien, employeurs avec des tables libres',
  })
  @ApiOkResponse({ type: LiveViewDto })
  liveView(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<LiveViewDto> {
    return this.live.view(p, id);
  }
}
