import { ApiProperty } from '@nestjs/swagger';
import { contractTypes, interactionKinds, sizeBands, solicitationKinds } from '../employer-network-vocabulary';
import { BudgetLimitDto, SizeBudgetDto } from './pooling.dto';

/** Responses of the pooled network routes: directory, pooled company, reciprocity, runs, solicitations and budget. */

export class PooledDirectoryItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  siret: string | null;
  @ApiProperty({ type: String, nullable: true })
  communeCode: string | null;
  @ApiProperty({ type: String, nullable: true })
  communeName: string | null;
  @ApiProperty({ enum: sizeBands, nullable: true })
  sizeBand: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  pausedUntil: string | null;
  /** Distance à la commune demandée, en km (null sans commune). */
  @ApiProperty({ type: Number, nullable: true })
  distanceKm: number | null;
  /** Nombre de SIAE du collectif qui connaissent cette entreprise. */
  knownBySiae: number;
  openNeeds: number;
}

/** Ce que la structure fait du réseau mutualisé, et ce que les autres lui apportent. */
export class ReciprocityRowDto {
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  siaeName: string;
  /** Fiches partagées avec le collectif. */
  recordsContributed: number;
  /** Entreprises mutualisées qu'elle a été la première à partager. */
  companiesIntroduced: number;
  /** Entreprises introduites par d'autres qu'elle a sollicitées. */
  othersCompaniesUsed: number;
  /** Embauches, immersions et entretiens (demandés à la suite d'une proposition) obtenus auprès d'entreprises introduites par d'autres. */
  outcomesThroughOthers: number;
}

export class PoolingRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  status: string;
  @ApiProperty({ type: String, nullable: true })
  phase: string | null;
  /** Où en est la mutualisation, en français. */
  label: string;
  @ApiProperty({ enum: ['full', 'incremental', 'unchanged'], nullable: true })
  mode: string | null;
  fullRequested: boolean;
  total: number;
  processed: number;
  /** 0 à 100. */
  percent: number;
  /** Chiffres du passage une fois terminé. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  stats: Record<string, unknown> | null;
  /** Tentatives échouées jusqu'ici (la mutualisation finit `failed` après la dernière). */
  failedAttempts: number;
  /** Pourquoi la mutualisation a échoué, en français (null sans échec). */
  @ApiProperty({ type: String, nullable: true })
  failureReason: string | null;
  createdAt: Date;
  @ApiProperty({ type: Date, nullable: true })
  startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true })
  finishedAt: Date | null;
}

/** Les sollicitations récentes d'une entreprise mutualisée face au budget du collectif. */
export class BudgetStatusDto {
  maxPer30Days: number;
  maxPer7Days: number;
  last30Days: number;
  last7Days: number;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  pausedUntil: string | null;
}

export class CollectiveBudgetDto {
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  default: BudgetLimitDto;
  @ApiProperty({ type: [SizeBudgetDto] })
  bySize: SizeBudgetDto[];
}

export class SolicitationViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  siaeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  byUserId: string | null;
  @ApiProperty({ enum: solicitationKinds })
  kind: string;
  occurredAt: Date;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  /** Dérogation de la coordination au budget, avec sa raison. */
  @ApiProperty({ type: String, nullable: true })
  overrideReason: string | null;
  createdAt: Date;
}

export class SolicitationRecordedDto {
  solicitation: SolicitationViewDto;
  budget: BudgetStatusDto;
}

export class SolicitationLogEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: solicitationKinds })
  kind: string;
  occurredAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  siaeId: string | null;
  @ApiProperty({ type: String, nullable: true })
  siaeName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  byUserId: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ type: String, nullable: true })
  overrideReason: string | null;
}

export class SolicitationLogDto {
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  budget: BudgetStatusDto;
  @ApiProperty({ type: [SolicitationLogEntryDto] })
  entries: SolicitationLogEntryDto[];
}

export class PooledCompanyPauseDto {
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  /** Null : pause levée. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  pausedUntil: string | null;
}

export class IntroducedByDto {
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  siaeName: string;
  /** Date du premier partage. */
  at: Date;
}

/** Une fiche d'une structure qui compose l'entreprise mutualisée (provenance). */
export class PooledRecordDto {
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  siaeName: string;
  name: string;
  /** Création de la fiche dans la structure. */
  knownSince: Date;
  sharedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sharedByUserId: string | null;
  withContacts: boolean;
}

export class PooledNeedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  appellationCode: string;
  appellationLabel: string;
  /** Fiche ROME de l'appellation. */
  romeCode: string;
  positions: number;
  @ApiProperty({ enum: contractTypes })
  contractType: string;
  @ApiProperty({ type: Number, nullable: true })
  weeklyHours: number | null;
  @ApiProperty({ type: String, nullable: true })
  placeCommuneCode: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;
  accommodations: string[];
  confirmedAt: Date;
}

export class PooledInteractionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  /** La structure au nom de laquelle l'échange a été consigné. */
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  @ApiProperty({ enum: interactionKinds })
  kind: string;
  @ApiProperty({ format: 'date' })
  occurredOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  byUserId: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

/** Une personne, rapprochée entre les fiches qui la connaissent. */
export class PooledContactDto {
  @ApiProperty({ type: String, nullable: true })
  firstName: string | null;
  @ApiProperty({ type: String, nullable: true })
  lastName: string | null;
  @ApiProperty({ type: String, nullable: true })
  role: string | null;
  emails: string[];
  phones: string[];
  @ApiProperty({ type: String, nullable: true })
  preferredChannel: string | null;
  /** Les fiches d'où viennent ces coordonnées. */
  fromCompanyIds: string[];
}

export class PooledCompanyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  siret: string | null;
  @ApiProperty({ type: String, nullable: true })
  siren: string | null;
  @ApiProperty({ type: String, nullable: true })
  communeCode: string | null;
  @ApiProperty({ enum: sizeBands, nullable: true })
  sizeBand: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  pausedUntil: string | null;
  @ApiProperty({ type: String, nullable: true })
  pauseReason: string | null;
  /** La première structure à l'avoir partagée (null : plus aucun partage en cours). */
  @ApiProperty({ type: IntroducedByDto, nullable: true })
  introducedBy: IntroducedByDto | null;
  /** Les fiches des structures qui la connaissent, par date de partage. */
  @ApiProperty({ type: [PooledRecordDto] })
  knownBy: PooledRecordDto[];
  @ApiProperty({ type: [PooledNeedDto] })
  needs: PooledNeedDto[];
  @ApiProperty({ type: [PooledInteractionDto] })
  interactions: PooledInteractionDto[];
  @ApiProperty({ type: [PooledContactDto] })
  contacts: PooledContactDto[];
  budget: BudgetStatusDto;
}
