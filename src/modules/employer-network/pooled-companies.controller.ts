import { ParseId } from '../../platform/errors/parse-id.pipe';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import {
  BudgetDto,
  DirectoryQueryDto,
  MergeDto,
  PauseDto,
  PoolingRunRequestDto,
  SolicitationDto,
  SplitDto,
} from './dto/pooling.dto';

import {
  CollectiveBudgetDto,
  PooledCompanyDto,
  PooledCompanyPauseDto,
  PooledDirectoryItemDto,
  PoolingRunDto,
  ReciprocityRowDto,
  SolicitationLogDto,
  SolicitationRecordedDto,
} from './dto/pooling-views.dto';
import { PooledCompaniesService } from './pooled-companies.service';
import { PoolingAdminService } from './pooling-admin.service';
import { SolicitationsService } from './solicitations.service';

/** The collective's pooled network. Any signed-in user may call; each query answers 404 outside the caller's collectives. */
@ApiTags('réseau mutualisé')
@ApiBearerAuth()
@Controller()
export class PooledCompaniesController {
  constructor(
    private readonly pooled: PooledCompaniesService,
    private readonly admin: PoolingAdminService,
    private readonly solicitations: SolicitationsService,
  ) {}

  @Get('collectives/:id/pooled-companies')
  @ApiOperation({
    summary: 'Annuaire des entreprises mutualisées : nom, fiche/domaine ROME des besoins ouverts, commune + rayon',
  })
  directory(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Query() q: DirectoryQueryDto,
  ): Promise<PooledDirectoryItemDto[]> {
    return this.pooled.directory(p, id, q);
  }

  @Get('collectives/:id/reciprocity')
  @ApiOperation({
    summary:
      'Réciprocité par structure : fiches apportées, entreprises introduites, utilisées, résultats obtenus grâce aux autres',
  })
  reciprocity(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<ReciprocityRowDto[]> {
    return this.pooled.reciprocity(p, id);
  }

  @Post('collectives/:id/pooling-runs')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Demander une mutualisation (coordination, direction ou chargé·e de développement d’une structure membre) ; complète sur demande',
  })
  requestRun(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: PoolingRunRequestDto,
  ): Promise<PoolingRunDto> {
    return this.admin.requestRun(p, id, dto);
  }

  @Get('pooling-runs/:id')
  @ApiOperation({ summary: "Avancement d'une mutualisation" })
  progress(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<PoolingRunDto> {
    return this.admin.progress(p, id);
  }

  @Get('collectives/:id/solicitation-budget')
  getBudget(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<CollectiveBudgetDto> {
    return this.solicitations.getBudget(p, id);
  }

  @Put('collectives/:id/solicitation-budget')
  @ApiOperation({ summary: 'Fixer le budget de sollicitations du collectif (coordination), par défaut et par taille' })
  setBudget(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: BudgetDto,
  ): Promise<CollectiveBudgetDto> {
    return this.solicitations.setBudget(p, id, dto);
  }

  @Get('pooled-companies/:id')
  @ApiOperation({
    summary: 'Entreprise mutualisée : provenance, besoins ouverts, historique, contacts partagés, budget',
  })
  detail(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<PooledCompanyDto> {
    return this.pooled.detail(p, id);
  }

  @Post('pooled-companies/:id/split')
  @HttpCode(202)
  @ApiOperation({ summary: 'Séparer des fiches (décision humaine respectée par les passages suivants)' })
  split(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: SplitDto,
  ): Promise<PoolingRunDto> {
    return this.admin.split(p, id, dto);
  }

  @Post('pooled-companies/:id/merge')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Fusionner avec une autre entreprise mutualisée (décision humaine respectée par les passages suivants)',
  })
  merge(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: MergeDto,
  ): Promise<PoolingRunDto> {
    return this.admin.merge(p, id, dto);
  }

  @Get('pooled-companies/:id/solicitations')
  log(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<SolicitationLogDto> {
    return this.solicitations.log(p, id);
  }

  @Post('pooled-companies/:id/solicitations')
  @ApiOperation({
    summary:
      'Consigner une sollicitation ; refusée au-delà du budget ou pendant une pause, sauf dérogation de la coordination',
  })
  solicit(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: SolicitationDto,
  ): Promise<SolicitationRecordedDto> {
    return this.solicitations.solicit(p, id, dto);
  }

  @Put('pooled-companies/:id/pause')
  @ApiOperation({
    summary:
      "L'entreprise demande une pause jusqu'à une date (≤ 12 mois), avec sa raison : coordination, ou direction / chargé·e de développement d'une structure qui a apporté une fiche",
  })
  pause(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: PauseDto,
  ): Promise<PooledCompanyPauseDto> {
    return this.solicitations.pause(p, id, dto);
  }

  @Delete('pooled-companies/:id/pause')
  @ApiOperation({ summary: 'Lever la pause (mêmes personnes que pour la poser ; consigné au journal)' })
  liftPause(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<PooledCompanyPauseDto> {
    return this.solicitations.liftPause(p, id);
  }
}
