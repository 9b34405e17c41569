import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { ParseId } from '../../platform/errors/parse-id.pipe';
import {
  AddOrganiserDto,
  CreateEventDto,
  EventDto,
  EventSummaryDto,
  MoveQuotaDto,
  TransitionDto,
  UpdateEventDto,
} from './dto/event.dto';
import { EventsService } from './events.service';

/** Staff side of events (thin: each route calls one use case, which the staff pages call too). */
@ApiTags('événements')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post('events')
  @Allow('coordinator', 'admin')
  @ApiOperation({
    summary: 'Créer un événement du collectif (coordination) ; les créneaux sont calculés et enregistrés',
  })
  @ApiCreatedResponse({ type: EventDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateEventDto): Promise<EventDto> {
    return this.events.create(p, dto);
  }

  @Get('collectives/:id/events')
  @ApiOperation({ summary: 'Événements d’un collectif (coordination et équipes des structures membres)' })
  @ApiOkResponse({ type: [EventSummaryDto] })
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<EventSummaryDto[]> {
    return this.events.listForCollective(p, id);
  }

  @Get('events/:id')
  @ApiOperation({ summary: 'Un événement : lieu, créneaux, tables, quotas par structure, co-organisation, états' })
  @ApiOkResponse({ type: EventDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<EventDto> {
    return this.events.get(p, id);
  }

  @Patch('events/:id')
  @ApiOperation({ summary: 'Modifier un événement (horaires, créneaux et tables : à l’état brouillon seulement)' })
  @ApiOkResponse({ type: EventDto })
  update(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string, @Body() dto: UpdateEventDto) {
    return this.events.update(p, id, dto);
  }

  @Post('events/:id/transitions')
  @ApiOperation({
    summary: 'Changer l’état : brouillon → ouvert → planification → publié → en cours → clos (ou annulé) ; 409 sinon',
  })
  @ApiCreatedResponse({ type: EventDto })
  transition(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string, @Body() dto: TransitionDto) {
    return this.events.transition(p, id, dto.to);
  }

  @Post('events/:id/organisers')
  @ApiOperation({ summary: 'Nommer un·e co-organisateur·rice parmi les équipes des structures membres (coordination)' })
  @ApiCreatedResponse({ type: EventDto })
  addOrganiser(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string, @Body() dto: AddOrganiserDto) {
    return this.events.addOrganiser(p, id, dto.userId, dto.siaeId);
  }

  @Delete('events/:id/organisers/:userId')
  @ApiOperation({ summary: 'Retirer un·e co-organisateur·rice (coordination)' })
  @ApiOkResponse({ type: EventDto })
  removeOrganiser(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
  ) {
    return this.events.removeOrganiser(p, id, userId);
  }

  @Post('events/:id/quota-moves')
  @ApiOperation({ summary: 'Déplacer des places inutilisées d’une structure à une autre (coordination)' })
  @ApiCreatedResponse({ type: EventDto })
  moveQuota(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string, @Body() dto: MoveQuotaDto) {
    return this.events.moveQuota(p, id, dto);
  }
}
