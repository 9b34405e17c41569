import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CommuneRefDto, IdNameDto } from '../../../platform/openapi/common.dto';
import {
  candidateStatuses,
  consentScopes,
  drivingLicences,
  evidenceLevels,
  experienceLevels,
  softSkillCodes,
  transportMeans,
  workTimes,
  type DrivingLicence,
  type EvidenceLevel,
  type ExperienceLevel,
  type SoftSkill,
  type TransportMean,
  type WorkTime,
} from '../candidate-vocabulary';
import { LanguageDto } from './profile.dto';

/** Responses of the candidates routes: the shared profile, the full record of one's own SIAE, consents, GDPR export. */

export class TargetJobViewDto {
  /** Code OGR de l'appellation ROME. */
  ogrCode: string;
  label: string;
  /** Fiche ROME de l'appellation, ex. K2204. */
  ficheCode: string;
  /** Domaine professionnel (3 caractères), ex. K22. */
  domainCode: string;
  @ApiProperty({ enum: experienceLevels })
  experienceLevel: ExperienceLevel;
}

export class SkillViewDto {
  label: string;
  @ApiProperty({ enum: evidenceLevels })
  evidenceLevel: EvidenceLevel;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class SoftSkillViewDto {
  @ApiProperty({ enum: softSkillCodes })
  code: SoftSkill;
  label: string;
}

/** Le profil partagé : ce que voient les SIAE partenaires (avec consentement), jamais l'identité. */
export class SharedProfileDto {
  @ApiProperty({ format: 'uuid' })
  candidateId: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  /** Vrai quand la personne est de ma structure. */
  mine: boolean;
  pseudonym: string;
  commune: CommuneRefDto;
  mobilityRadiusKm: number;
  @ApiProperty({ enum: transportMeans, isArray: true })
  transportMeans: TransportMean[];
  @ApiProperty({ enum: drivingLicences, isArray: true })
  drivingLicences: DrivingLicence[];
  @ApiProperty({ type: [LanguageDto] })
  languages: LanguageDto[];
  frenchAsForeignLanguage: boolean;
  literacyDifficulty: boolean;
  /** Disponible à partir de (AAAA-MM-JJ). */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  availableFrom: string | null;
  @ApiProperty({ enum: workTimes, nullable: true })
  workTime: WorkTime | null;
  @ApiProperty({ type: String, nullable: true })
  timeConstraints: string | null;
  sharedWithCollective: boolean;
  @ApiProperty({ type: [TargetJobViewDto] })
  targetJobs: TargetJobViewDto[];
  @ApiProperty({ type: [SkillViewDto] })
  skills: SkillViewDto[];
  @ApiProperty({ type: [SoftSkillViewDto] })
  softSkills: SoftSkillViewDto[];
  updatedAt: Date;
}

export class CandidateSearchItemDto extends SharedProfileDto {
  /** Distance à la commune recherchée, en km (null sans commune). */
  @ApiProperty({ type: Number, nullable: true })
  distanceKm: number | null;
}

export class CandidateSearchResultDto {
  @ApiProperty({ type: [CandidateSearchItemDto] })
  items: CandidateSearchItemDto[];
  page: number;
  pageSize: number;
  /** Il reste des résultats après cette page. */
  hasMore: boolean;
}

export class CandidateIdentityDto {
  firstName: string;
  lastName: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  birthDate: string | null;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({ type: String, nullable: true })
  address: string | null;
}

export class ConsentViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: consentScopes })
  scope: string;
  givenAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recordedByUserId: string | null;
  /** Le texte présenté à la personne. */
  wording: string;
  @ApiProperty({ type: String, nullable: true })
  documentRef: string | null;
  @ApiProperty({ type: Date, nullable: true })
  withdrawnAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  withdrawnByUserId: string | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    nullable: true,
    description:
      'Portée collective : les collectifs couverts (ceux de la structure au moment du recueil, ou ceux choisis) ; un collectif rejoint ensuite ne voit rien sans nouveau consentement. Null pour les autres portées.',
  })
  collectiveIds: string[] | null;
  /** Non retiré : le partage qu'il couvre est en vigueur. */
  active: boolean;
}

/** La fiche complète, pour le personnel de la structure de la personne (lecture journalisée). */
export class CandidateFullDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: [true] })
  mine: true;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  identity: CandidateIdentityDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  referentUserId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  contractStart: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  contractEnd: string | null;
  @ApiProperty({ enum: candidateStatuses })
  status: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  leftAt: string | null;
  @ApiProperty({ type: Date, nullable: true })
  erasedAt: Date | null;
  createdAt: Date;
  /** Null tant que le profil partagé n'a pas été rempli. */
  @ApiProperty({ type: SharedProfileDto, nullable: true })
  profile: SharedProfileDto | null;
  @ApiProperty({ type: [ConsentViewDto] })
  consents: ConsentViewDto[];
}

/** Ce que voit une SIAE partenaire : le profil partagé, rien d'autre. */
export class CandidatePartnerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: [false] })
  mine: false;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  profile: SharedProfileDto;
}

/** What `GET /api/candidates/:id` answers: the full record for the person's own SIAE, the shared profile for a partner. */
export type CandidateDetailDto = CandidateFullDto | CandidatePartnerDto;

/** The named schema of `CandidateDetailDto` (platform/openapi/named-schemas.ts): one `$ref` for clients and checkers. */
export const candidateDetailSchema = {
  description:
    'La fiche complète (`mine: true`, structure de la personne, lecture journalisée) ou le profil partagé (`mine: false`, SIAE partenaire avec consentement).',
  oneOf: [{ $ref: getSchemaPath(CandidateFullDto) }, { $ref: getSchemaPath(CandidatePartnerDto) }],
};

export class SkillCountsDto {
  declared?: number;
  observed?: number;
  certified?: number;
}

/** Ce qui reste d'une personne effacée : des statistiques sans identité. */
export class CandidateAnonymousStatsDto {
  @ApiPropertyOptional({ enum: ['<26', '26-44', '45-54', '55+'], nullable: true })
  ageBand?: '<26' | '26-44' | '45-54' | '55+' | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  department?: string | null;
  targetDomains?: string[];
  softSkillCount?: number;
  skillCounts?: SkillCountsDto;
}

export class CandidateExportRecordDto extends CandidateFullDto {
  @ApiProperty({ type: CandidateAnonymousStatsDto, nullable: true })
  anonymousStats: CandidateAnonymousStatsDto | null;
  updatedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdByUserId: string | null;
}

export class AuditTrailEntryDto {
  at: Date;
  /** Ex. `candidate.identity.read`. */
  action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true })
  actorName: string | null;
  @ApiProperty({ type: String, nullable: true })
  actorLabel: string | null;
  /** Le contexte enregistré avec l'action (structure, collectif…). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  context: Record<string, unknown>;
}

/** Export RGPD : tout ce qui est détenu sur la personne. */
export class CandidateExportDto {
  exportedAt: Date;
  notice: string;
  siae: IdNameDto;
  candidate: CandidateExportRecordDto;
  @ApiProperty({ type: [AuditTrailEntryDto] })
  auditTrail: AuditTrailEntryDto[];
}

export class CandidateErasureDto {
  erasedAt: Date;
  /** La personne était déjà effacée : rien n'a changé. */
  alreadyErased: boolean;
}
