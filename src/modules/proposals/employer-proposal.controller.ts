import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentEmployer, EmployerRoute } from '../../platform/links/employer-session.guard';
import type { EmployerPrincipal } from '../../platform/links/links.service';
import { EmployerProposalDto } from './dto/employer-proposal.dto';
import { InterviewRequestDto, OutcomeDto, RefusalDto } from './dto/proposal.dto';
import { ProposalAnswersService } from './proposal-answers.service';
import { proposalLink } from './proposal-link';

/** The employer's JSON API for one proposal, through the session its link opened (cookie + CSRF on writes). */
@ApiTags('employeurs (lien personnel)')
@EmployerRoute(proposalLink)
@Controller('employer/proposal')
export class EmployerProposalController {
  constructor(private readonly answers: ProposalAnswersService) {}

  @Get()
  @ApiOperation({ summary: 'La candidature proposée : profil pseudonymisé, raisons du rapprochement, votre réponse' })
  @ApiOkResponse({ type: EmployerProposalDto })
  view(@CurrentEmployer() employer: EmployerPrincipal): Promise<EmployerProposalDto> {
    return this.answers.view(employer);
  }

  @Post('interview')
  @HttpCode(200)
  @ApiOperation({ summary: '« Je veux la/le rencontrer » : des dates proposées, ou « appelez-moi »' })
  @ApiOkResponse({ type: EmployerProposalDto })
  interview(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Body() dto: InterviewRequestDto,
  ): Promise<EmployerProposalDto> {
    return this.answers.requestInterview(employer, dto);
  }

  @Post('refusal')
  @HttpCode(200)
  @ApiOperation({ summary: '« Pas maintenant », avec une raison' })
  @ApiOkResponse({ type: EmployerProposalDto })
  refuse(@CurrentEmployer() employer: EmployerPrincipal, @Body() dto: RefusalDto): Promise<EmployerProposalDto> {
    return this.answers.refuse(employer, dto);
  }

  @Post('outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Après l’entretien : embauche (contrat, date de début) ou non' })
  @ApiOkResponse({ type: EmployerProposalDto })
  outcome(@CurrentEmployer() employer: EmployerPrincipal, @Body() dto: OutcomeDto): Promise<EmployerProposalDto> {
    return this.answers.outcome(employer, dto);
  }
}
