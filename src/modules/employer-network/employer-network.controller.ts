import { ParseId } from '../../platform/errors/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { CompaniesService } from './companies.service';
import { CompanyInteractionsService } from './company-interactions.service';
import { ContactPrivacyService } from './contact-privacy.service';
import {
  ContactDto,
  CreateCompanyDto,
  HiringNeedDto,
  InteractionDto,
  NeedStatusDto,
  ShareDto,
  UpdateCompanyDto,
} from './dto/company.dto';

import {
  CompanyDto,
  CompanyShareDto,
  CompanyShareWithdrawalDto,
  CompanySummaryDto,
  ContactErasureDto,
  ContactExportDto,
  CreatedHiringNeedDto,
} from './dto/company-views.dto';
import { HiringNeedsService } from './hiring-needs.service';
import { QueuedDto } from '../../platform/openapi/common.dto';
import { SharingService } from './sharing.service';

@ApiTags('réseau d’entreprises')
@ApiBearerAuth()
@Controller()
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly needs: HiringNeedsService,
    private readonly sharing: SharingService,
    private readonly interactions: CompanyInteractionsService,
    private readonly contactPrivacy: ContactPrivacyService,
  ) {}

  @Post('companies')
  @Allow('direction', 'charge_dev')
  @ApiOperation({ summary: 'Créer une fiche entreprise (propriété de la structure), avec ses contacts' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCompanyDto): Promise<CompanyDto> {
    return this.companies.create(p, dto);
  }

  @Get('siae/:siaeId/companies')
  @Allow('direction', 'cip', 'charge_dev')
  @ApiOperation({ summary: 'Les fiches entreprises de ma structure' })
  list(@CurrentPrincipal() p: Principal, @Param('siaeId', ParseId) siaeId: string): Promise<CompanySummaryDto[]> {
    return this.companies.list(p, siaeId);
  }

  @Get('companies/:id')
  @ApiOperation({
    summary:
      'Une fiche : ma structure, ou partagée avec un de mes collectifs (contacts seulement si partagés, lecture journalisée)',
  })
  detail(@CurrentPrincipal() p: Principal, @Param('id', ParseId) id: string): Promise<CompanyDto> {
    return this.companies.detail(p, id);
  }

  @Patch('companies/:id')
  @Allow('direction', 'charge_dev')
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: UpdateCompanyDto,
  ): Promise<CompanyDto> {
    return this.companies.update(p, id, dto);
  }

  @Post('companies/:id/contacts')
  @Allow('direction', 'charge_dev')
  addContact(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: ContactDto,
  ): Promise<CompanyDto> {
    return this.companies.addContact(p, id, dto);
  }

  @Get('companies/:id/contacts/:contactId/export')
  @Allow('direction', 'charge_dev')
  @ApiOperation({
    summary:
      'Export RGPD d’un contact : sa fiche, les échanges qui le nomment, les collectifs qui ont pu le voir, le journal des consultations (journalisé)',
  })
  exportContact(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('contactId', ParseId) contactId: string,
  ): Promise<ContactExportDto> {
    return this.contactPrivacy.export(p, id, contactId);
  }

  @Post('companies/:id/contacts/:contactId/erasure')
  @HttpCode(200)
  @Allow('direction', 'charge_dev')
  @ApiOperation({
    summary:
      'Effacement RGPD d’un contact : fiche supprimée (et la même personne sur les autres fiches de la structure), nom, e-mail et téléphone retirés des notes, raisons et journaux',
  })
  eraseContact(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('contactId', ParseId) contactId: string,
  ): Promise<ContactErasureDto> {
    return this.contactPrivacy.erase(p, id, contactId);
  }

  @Post('companies/:id/interactions')
  @Allow('direction', 'cip', 'charge_dev')
  @ApiOperation({
    summary: 'Consigner un échange : appel, e-mail, visite, immersion accueillie, embauche, événement',
    description:
      'Par le personnel de la structure propriétaire (direction, chargé·e de développement, CIP), ou par celui d’une structure membre ' +
      'd’un collectif avec lequel la fiche est partagée (l’échange garde la structure auteure : bySiaeId). Date au plus tard aujourd’hui.',
  })
  addInteraction(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: InteractionDto,
  ): Promise<CompanyDto> {
    return this.interactions.add(p, id, dto);
  }

  @Post('companies/:id/needs')
  @Allow('direction', 'charge_dev')
  @ApiOperation({ summary: 'Ajouter un besoin de recrutement (confirmé à la création)' })
  addNeed(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: HiringNeedDto,
  ): Promise<CreatedHiringNeedDto> {
    return this.needs.create(p, id, dto);
  }

  @Post('companies/:id/needs/:needId/confirm')
  @HttpCode(200)
  @Allow('direction', 'charge_dev')
  @ApiOperation({ summary: "Confirmer qu'un besoin tient toujours (repousse son expiration)" })
  confirmNeed(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('needId', ParseId) needId: string,
  ): Promise<CompanyDto> {
    return this.needs.confirm(p, id, needId);
  }

  @Post('companies/:id/needs/:needId/status')
  @HttpCode(200)
  @Allow('direction', 'charge_dev')
  setNeedStatus(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('needId', ParseId) needId: string,
    @Body() dto: NeedStatusDto,
  ): Promise<CompanyDto> {
    return this.needs.setStatus(p, id, needId, dto);
  }

  @Post('companies/:id/shares')
  @Allow('direction', 'charge_dev')
  @ApiOperation({
    summary: 'Partager la fiche avec un collectif (avec ou sans contacts) ; journalisé, relance la mutualisation',
  })
  share(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Body() dto: ShareDto,
  ): Promise<CompanyShareDto> {
    return this.sharing.share(p, id, dto);
  }

  @Post('companies/:id/shares/:collectiveId/withdraw')
  @HttpCode(200)
  @Allow('direction', 'charge_dev')
  @ApiOperation({ summary: 'Retirer le partage ; la fiche quitte la vue mutualisée au prochain passage' })
  withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseId) id: string,
    @Param('collectiveId', ParseId) collectiveId: string,
  ): Promise<CompanyShareWithdrawalDto> {
    return this.sharing.withdraw(p, id, collectiveId);
  }

  @Post('admin/hiring-needs/expire')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({ summary: 'Lancer le balayage des besoins non confirmés (sinon planifié)' })
  async expire(): Promise<QueuedDto> {
    return { outboxId: await this.needs.requestExpiry() };
  }
}
