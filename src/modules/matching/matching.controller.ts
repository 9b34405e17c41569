import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { ParseId } from '../../platform/errors/parse-id.pipe';
import { CandidatesForNeedDto, NeedsForCandidateDto } from './dto/match-lists.dto';
import { MatchesQueryDto } from './dto/matches.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('hiring-needs/:id/matches')
  @Allow('direction', 'cip', 'charge_dev')
  @ApiOperation({
    summary:
      'Candidat·es pour un besoin (structure propriétaire ou membre d’un collectif où il est partagé) : profils partagés avec consentement actif, classés et expliqués',
  })
  candidatesForNeed(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Query() query: MatchesQueryDto,
  ): Promise<CandidatesForNeedDto> {
    return this.matching.candidatesForNeed(p, id, query);
  }

  @Get('candidates/:id/matches')
  @Allow('direction', 'cip', 'charge_dev')
  @ApiOperation({
    summary:
      'Besoins ouverts pour un·e candidat·e de ma structure (entreprises de ma structure et partagées dans mes collectifs), classés et expliqués',
  })
  needsForCandidate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Query() query: MatchesQueryDto,
  ): Promise<NeedsForCandidateDto> {
    return this.matching.needsForCandidate(p, id, query);
  }
}
