import { ParseId } from '../../platform/errors/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOkNamedResponse } from '../../platform/openapi/named-schemas';
import { QueuedDto } from '../../platform/openapi/common.dto';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { CandidateConsentService } from './candidate-consent.service';
import { CandidatePrivacyService } from './candidate-privacy.service';
import { CandidateProfileService } from './candidate-profile.service';
import { CandidateRetentionService } from './candidate-retention.service';
import { CandidateSearchService } from './candidate-search.service';

import { CandidatesService } from './candidates.service';
import { CreateCandidateDto, UpdateCandidateDto } from './dto/candidate.dto';
import {
  candidateDetailSchema,
  type CandidateDetailDto,
  CandidateErasureDto,
  CandidateExportDto,
  CandidateFullDto,
  CandidatePartnerDto,
  CandidateSearchResultDto,
  ConsentViewDto,
  SharedProfileDto,
} from './dto/candidate-views.dto';
import { RecordConsentDto } from './dto/consent.dto';
import { PutProfileDto } from './dto/profile.dto';
import { SearchCandidatesDto } from './dto/search.dto';

@ApiTags('candidats')
@ApiBearerAuth()
@Controller()
export class CandidatesController {
  constructor(
    private readonly candidates: CandidatesService,
    private readonly profiles: CandidateProfileService,
    private readonly consents: CandidateConsentService,
    private readonly privacy: CandidatePrivacyService,
    private readonly search: CandidateSearchService,
    private readonly retention: CandidateRetentionService,
  ) {}

  @Post('candidates')
  @Allow('direction', 'cip')
  @ApiOperation({ summary: 'Créer un·e candidat·e (identité privée à la structure)' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCandidateDto): Promise<CandidateFullDto> {
    return this.candidates.create(p, dto);
  }

  @Get('candidates')
  @Allow('direction', 'cip', 'charge_dev')
  @ApiOperation({
    summary: 'Rechercher des profils partagés (ma structure + consentements actifs des SIAE de mes collectifs)',
  })
  list(@CurrentPrincipal() p: Principal, @Query() query: SearchCandidatesDto): Promise<CandidateSearchResultDto> {
    return this.search.search(p, query);
  }

  @Get('candidates/:id')
  @Allow('direction', 'cip', 'charge_dev')
  @ApiOperation({
    summary:
      'Fiche complète (ma structure, lecture journalisée) ou profil partagé (SIAE partenaire, avec consentement)',
  })
  @ApiExtraModels(CandidateFullDto, CandidatePartnerDto)
  @ApiOkNamedResponse('CandidateDetailDto', candidateDetailSchema, {
    description: 'La fiche complète (`mine: true`) ou le profil partagé (`mine: false`).',
  })
  detail(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<CandidateDetailDto> {
    return this.candidates.detail(p, id);
  }

  @Patch('candidates/:id')
  @Allow('direction', 'cip')
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: UpdateCandidateDto,
  ): Promise<CandidateFullDto> {
    return this.candidates.update(p, id, dto);
  }

  @Put('candidates/:id/profile')
  @Allow('direction', 'cip')
  @ApiOperation({
    summary: 'Remplacer le profil partagé (métiers visés, compétences, savoir-être, mobilité, disponibilité)',
  })
  putProfile(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: PutProfileDto,
  ): Promise<SharedProfileDto> {
    return this.profiles.put(p, id, dto);
  }

  @Post('candidates/:id/consents')
  @Allow('direction', 'cip')
  recordConsent(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: RecordConsentDto,
  ): Promise<ConsentViewDto> {
    return this.consents.record(p, id, dto);
  }

  @Post('candidates/:id/consents/:consentId/withdraw')
  @HttpCode(200)
  @Allow('direction', 'cip')
  @ApiOperation({ summary: 'Retirer un consentement (effet immédiat)' })
  withdrawConsent(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('consentId', ParseId) consentId: string,
  ): Promise<ConsentViewDto> {
    return this.consents.withdraw(p, id, consentId);
  }

  @Get('candidates/:id/export')
  @Allow('direction', 'cip')
  @ApiOperation({ summary: 'Export RGPD : tout ce qui est détenu sur la personne (JSON)' })
  export(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<CandidateExportDto> {
    return this.privacy.export(p, id);
  }

  @Post('candidates/:id/erasure')
  @HttpCode(200)
  @Allow('direction', 'cip')
  @ApiOperation({
    summary:
      'Effacement RGPD sur demande : données personnelles remplacées, profil supprimé, statistiques anonymes conservées',
  })
  erase(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<CandidateErasureDto> {
    return this.privacy.eraseOnRequest(p, id);
  }

  @Post('admin/candidates/retention-sweep')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({ summary: 'Lancer maintenant la purge des candidat·es sorti·es depuis plus de RETENTION_MONTHS mois' })
  async sweep(): Promise<QueuedDto> {
    return { outboxId: await this.retention.requestSweep() };
  }
}
