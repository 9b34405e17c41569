import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { ParseId } from '../../platform/errors/parse-id.pipe';
import {
  OutcomeDto,
  ProposalCreatedDto,
  ProposalDto,
  ProposalFiguresDto,
  ProposalListDto,
  ProposalListQueryDto,
  ProposeDto,
  ReceivedProposalDto,
  WithdrawProposalDto,
} from './dto/proposal.dto';
import { ProposalListsService } from './proposal-lists.service';
import { ProposalsService } from './proposals.service';

/** Staff routes of proposals; who may do what is in proposals.permissions.ts. */
@ApiTags('propositions')
@ApiBearerAuth()
@Controller()
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly lists: ProposalListsService,
  ) {}

  @Post('proposals')
  @ApiOperation({
    summary:
      'Proposer une personne de sa structure (CIP, direction ; consentement « employers ») à un besoin ouvert du réseau mutualisé, ou spontanément à une entreprise mutualisée : compte comme une sollicitation (budget, pause), courriel avec lien personnel à l’employeur',
  })
  @ApiCreatedResponse({ type: ProposalCreatedDto })
  propose(@CurrentPrincipal() p: Principal, @Body() dto: ProposeDto): Promise<ProposalCreatedDto> {
    return this.proposals.propose(p, dto);
  }

  @Get('proposals')
  @ApiOperation({
    summary: 'Les propositions de sa structure, par état, avec les jours d’attente et la suite à donner',
  })
  @ApiOkResponse({ type: ProposalListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: ProposalListQueryDto): Promise<ProposalListDto> {
    return this.proposals.list(p, q.status);
  }

  @Get('proposals/received')
  @ApiOperation({
    summary: 'Propositions reçues par les entreprises du réseau de sa structure (chargé·e de développement)',
  })
  @ApiOkResponse({ type: [ReceivedProposalDto] })
  received(@CurrentPrincipal() p: Principal): Promise<ReceivedProposalDto[]> {
    return this.lists.received(p);
  }

  @Get('proposals/:id')
  @ApiOperation({ summary: 'Une proposition de sa structure et son historique' })
  @ApiOkResponse({ type: ProposalDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<ProposalDto> {
    return this.proposals.get(p, id);
  }

  @Post('proposals/:id/withdrawal')
  @ApiOperation({ summary: 'Retirer une proposition (CIP, direction) : le lien de l’employeur cesse de fonctionner' })
  @ApiCreatedResponse({ type: ProposalDto })
  withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: WithdrawProposalDto,
  ): Promise<ProposalDto> {
    return this.proposals.withdraw(p, id, dto.reason);
  }

  @Post('proposals/:id/outcome')
  @ApiOperation({
    summary: 'Noter l’issue après l’entretien, dite par l’employeur (CIP, direction) : embauche ou non',
  })
  @ApiCreatedResponse({ type: ProposalDto })
  outcome(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: OutcomeDto,
  ): Promise<ProposalDto> {
    return this.proposals.recordOutcome(p, id, dto);
  }

  @Get('collectives/:id/proposal-figures')
  @ApiOperation({
    summary:
      'Taux et délai médian de réponse par entreprise et par structure, entreprises qui ne répondent jamais (coordination)',
  })
  @ApiOkResponse({ type: ProposalFiguresDto })
  figures(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<ProposalFiguresDto> {
    return this.lists.figures(p, id);
  }
}
