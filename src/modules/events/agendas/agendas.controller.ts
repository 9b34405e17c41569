import { Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../../platform/auth/access.decorators';
import type { Principal } from '../../../platform/auth/principal';
import { Clock } from '../../../platform/clock/clock';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import { CurrentEmployer, EmployerRoute } from '../../../platform/links/employer-session.guard';
import type { EmployerPrincipal } from '../../../platform/links/links.service';
import { ApiIcsResponse } from '../../../platform/openapi/text-media';
import { eventCompanyLink } from '../booking/employer-link';
import { candidateIcs, employerIcs, gridIcs, siaeIcs } from './agenda-ics';
import { AgendasService } from './agendas.service';
import { candidateAgendaLink } from './candidate-link';
import {
  AgendaLinksRevokedDto,
  CandidateAgendaDto,
  CandidateAgendaLinkDto,
  EmployerAgendaDto,
  OrganiserGridDto,
  SiaeAgendaDto,
} from './dto/agenda.dto';

/** An .ics body: downloaded as a file (a phone hands it to its calendar app), never cached by a shared proxy. */
export function sendIcs(res: Response, filename: string, body: string): string {
  res.setHeader('content-type', 'text/calendar; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.setHeader('cache-control', 'private, no-store');
  return body;
}

/** Staff agendas: the organiser's grid, a CIP's candidates, one candidate's agenda and her personal link. */
@ApiTags('agendas')
@ApiBearerAuth()
@Controller('events/:id')
export class StaffAgendasController {
  constructor(
    private readonly agendas: AgendasService,
    private readonly clock: Clock,
  ) {}

  @Get('agendas/grid')
  @ApiOperation({ summary: 'Grille tables × créneaux de l’événement (organisation)' })
  @ApiOkResponse({ type: OrganiserGridDto })
  grid(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<OrganiserGridDto> {
    return this.agendas.grid(p, id);
  }

  @Get('agendas/grid.ics')
  @ApiOperation({ summary: 'Toutes les rencontres de l’événement en iCalendar (organisation)' })
  @ApiIcsResponse('Une rencontre par VEVENT')
  async gridIcs(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendIcs(res, 'rencontres.ics', gridIcs(await this.agendas.grid(p, id), this.clock.now()));
  }

  @Get('agendas/siae')
  @ApiOperation({ summary: 'Les entretiens des candidat·es de vos structures à l’événement (CIP, direction)' })
  @ApiOkResponse({ type: SiaeAgendaDto })
  siae(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<SiaeAgendaDto> {
    return this.agendas.forSiae(p, id);
  }

  @Get('agendas/siae.ics')
  @ApiOperation({ summary: 'Les entretiens des candidat·es de vos structures en iCalendar (CIP, direction)' })
  @ApiIcsResponse('Un entretien par VEVENT')
  async siaeIcs(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendIcs(res, 'entretiens.ics', siaeIcs(await this.agendas.forSiae(p, id), this.clock.now()));
  }

  @Get('registrations/:registrationId/agenda')
  @ApiOperation({ summary: 'L’agenda d’une ou un candidat inscrit (CIP, direction de sa structure)' })
  @ApiOkResponse({ type: CandidateAgendaDto })
  registration(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
  ): Promise<CandidateAgendaDto> {
    return this.agendas.forRegistration(p, id, registrationId);
  }

  @Get('registrations/:registrationId/agenda.ics')
  @ApiOperation({ summary: 'L’agenda d’une ou un candidat en iCalendar (CIP, direction de sa structure)' })
  @ApiIcsResponse('Un entretien par VEVENT')
  async registrationIcs(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const agenda = await this.agendas.forRegistration(p, id, registrationId);
    return sendIcs(res, 'agenda.ics', candidateIcs(agenda, this.clock.now()));
  }

  @Post('registrations/:registrationId/agenda-link')
  @ApiOperation({
    summary:
      'Un lien personnel vers l’agenda de la ou du candidat, à lui transmettre (montré une fois ; CIP, direction)',
  })
  @ApiCreatedResponse({ type: CandidateAgendaLinkDto })
  issueLink(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
  ): Promise<CandidateAgendaLinkDto> {
    return this.agendas.issueCandidateLink(p, id, registrationId);
  }

  @Post('registrations/:registrationId/agenda-link/revocation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Désactiver tous les liens d’agenda de la ou du candidat (CIP, direction)' })
  @ApiOkResponse({ type: AgendaLinksRevokedDto })
  revokeLinks(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('registrationId', ParseId) registrationId: string,
  ): Promise<AgendaLinksRevokedDto> {
    return this.agendas.revokeCandidateLinks(p, id, registrationId);
  }
}

/** The employer's agenda, through the session of its event link: pseudonyms only. */
@ApiTags('employeurs (lien personnel)')
@EmployerRoute(eventCompanyLink)
@Controller('employer/event')
export class EmployerAgendaController {
  constructor(
    private readonly agendas: AgendasService,
    private readonly clock: Clock,
  ) {}

  @Get('agenda')
  @ApiOperation({ summary: 'Votre agenda : vos entretiens (profils pseudonymisés), tables et horaires' })
  @ApiOkResponse({ type: EmployerAgendaDto })
  agenda(@CurrentEmployer() employer: EmployerPrincipal): Promise<EmployerAgendaDto> {
    return this.agendas.forEmployer(employer);
  }

  @Get('agenda.ics')
  @ApiOperation({ summary: 'Votre agenda en iCalendar, pour votre calendrier' })
  @ApiIcsResponse('Un entretien par VEVENT')
  async agendaIcs(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendIcs(res, 'agenda.ics', employerIcs(await this.agendas.forEmployer(employer), this.clock.now()));
  }
}

/** The candidate's agenda, through the session of her personal link (no account). */
@ApiTags('candidat·es (lien personnel)')
@EmployerRoute(candidateAgendaLink)
@Controller('candidate-agenda/:registrationId')
export class CandidateAgendaController {
  constructor(
    private readonly agendas: AgendasService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Mon agenda : l’entreprise, la table et l’heure de chaque entretien' })
  @ApiOkResponse({ type: CandidateAgendaDto })
  agenda(
    @CurrentEmployer() principal: EmployerPrincipal,
    @Param('registrationId', ParseId) registrationId: string,
  ): Promise<CandidateAgendaDto> {
    return this.agendas.forCandidateLink(principal, registrationId);
  }

  @Get('agenda.ics')
  @ApiOperation({ summary: 'Mon agenda en iCalendar (« Ajouter à mon agenda »)' })
  @ApiIcsResponse('Un entretien par VEVENT')
  async agendaIcs(
    @CurrentEmployer() principal: EmployerPrincipal,
    @Param('registrationId', ParseId) registrationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const agenda = await this.agendas.forCandidateLink(principal, registrationId);
    return sendIcs(res, 'mon-agenda.ics', candidateIcs(agenda, this.clock.now()));
  }
}
