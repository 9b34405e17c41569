import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { MultilineText } from '../../../platform/input/text-rules';
import { contractTypes, type ContractType } from '../../employer-network/employer-network-vocabulary';
import {
  expiryReasons,
  type ExpiryReason,
  interviewModes,
  type InterviewMode,
  proposalStatuses,
  type ProposalStatus,
  refusalReasons,
  type RefusalReason,
} from '../proposals-vocabulary';

const UUID_MESSAGE = { message: 'doit être un identifiant (UUID) valide' };

/** Proposing a candidate: to a hiring need, or spontaneously to a pooled company on an appellation. */
export class ProposeDto {
  @ApiProperty({ format: 'uuid', description: 'La personne proposée (de sa structure, consentement « employers »)' })
  @IsUUID('all', UUID_MESSAGE)
  candidateId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Le besoin de recrutement ouvert du réseau mutualisé' })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  hiringNeedId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Candidature spontanée : l’entreprise mutualisée' })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  pooledCompanyId?: string;

  @ApiPropertyOptional({ description: 'Candidature spontanée : code OGR de l’appellation ROME visée' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{1,10}$/, { message: "doit être un code OGR d'appellation ROME" })
  appellationCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Contact partagé à qui écrire (par défaut : le premier avec une adresse e-mail)',
  })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  contactId?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Mot court à l’employeur : jamais le nom ni les coordonnées' })
  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(1000)
  message?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'La personne accepte que son nom et ses coordonnées soient donnés à l’employeur s’il demande à la rencontrer',
  })
  @IsOptional()
  @IsBoolean()
  revealIdentityOnInterview?: boolean;

  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 500,
    description: 'Coordination seulement : proposer malgré le budget de sollicitations, avec la raison (journalisé)',
  })
  @IsOptional()
  @IsString()
  @Length(3, 500)
  overrideReason?: string;
}

export class WithdrawProposalDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Par exemple : la personne a trouvé un autre emploi' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class InterviewRequestDto {
  @ApiProperty({ enum: interviewModes, description: '« dates » : proposer des dates ; « call_me » : être appelé·e' })
  @IsIn(interviewModes)
  mode: InterviewMode;

  @ApiPropertyOptional({ type: [String], description: 'Avec « dates » : 1 à 3 dates et heures (ISO 8601), à venir' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsISO8601({ strict: true }, { each: true, message: 'doit être une date et heure ISO 8601' })
  dates?: string[];

  @ApiPropertyOptional({ maxLength: 1000, description: 'Lieu, personne à demander, numéro où rappeler…' })
  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(1000)
  note?: string;
}

export class RefusalDto {
  @ApiProperty({ enum: refusalReasons })
  @IsIn(refusalReasons)
  reason: RefusalReason;

  @ApiPropertyOptional({ maxLength: 500, description: 'Obligatoire avec « other »' })
  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(500)
  text?: string;
}

export const outcomes = ['hired', 'not_hired'] as const;
export type Outcome = (typeof outcomes)[number];

/** After the interview: hired (contract type and start date) or not (a reason of the same list as a refusal). */
export class OutcomeDto {
  @ApiProperty({ enum: outcomes })
  @IsIn(outcomes)
  outcome: Outcome;

  @ApiPropertyOptional({ enum: contractTypes, description: 'Avec « hired »' })
  @IsOptional()
  @IsIn(contractTypes)
  contractType?: ContractType;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'Avec « hired » : date de début (AAAA-MM-JJ)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date AAAA-MM-JJ valide' })
  startDate?: string;

  @ApiPropertyOptional({ enum: refusalReasons, description: 'Avec « not_hired »' })
  @IsOptional()
  @IsIn(refusalReasons)
  reason?: RefusalReason;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(500)
  text?: string;
}

export class ProposalListQueryDto {
  @ApiPropertyOptional({ enum: proposalStatuses })
  @IsOptional()
  @IsIn(proposalStatuses)
  status?: ProposalStatus;
}

// ---- responses

export class AppellationRefDto {
  @ApiProperty()
  code: string;
  @ApiProperty()
  label: string;
}

export class InterviewViewDto {
  @ApiProperty({ enum: interviewModes })
  mode: InterviewMode;
  @ApiProperty({ type: [String], description: 'Dates proposées (ISO 8601)' })
  dates: string[];
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class RefusalViewDto {
  @ApiProperty({ enum: refusalReasons })
  reason: RefusalReason;
  @ApiProperty({ description: 'La raison en français' })
  label: string;
  @ApiProperty({ type: String, nullable: true })
  text: string | null;
}

export class HireViewDto {
  @ApiProperty({ enum: contractTypes })
  contractType: ContractType;
  @ApiProperty({ example: '2027-03-01' })
  startDate: string;
}

export class ProposalTransitionDto {
  @ApiProperty({ enum: proposalStatuses, nullable: true })
  from: ProposalStatus | null;
  @ApiProperty({ enum: proposalStatuses })
  to: ProposalStatus;
  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
  @ApiProperty({ description: 'Qui : un compte, « employeur (lien) », « relance automatique »…' })
  by: string;
}

/** A proposal as the staff of the candidate's SIAE see it. */
export class ProposalDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: proposalStatuses })
  status: ProposalStatus;
  @ApiProperty({ format: 'uuid' })
  candidateId: string;
  @ApiProperty()
  pseudonym: string;
  @ApiProperty({ format: 'uuid', description: 'La structure de la personne, qui propose' })
  siaeId: string;
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null : candidature spontanée' })
  hiringNeedId: string | null;
  @ApiProperty({ type: AppellationRefDto })
  appellation: AppellationRefDto;
  @ApiProperty({ type: String, nullable: true })
  message: string | null;
  @ApiProperty()
  revealIdentityOnInterview: boolean;
  @ApiProperty({ type: String, format: 'date-time' })
  sentAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  viewedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  relaunchedAt: string | null;
  @ApiProperty({ type: InterviewViewDto, nullable: true })
  interview: InterviewViewDto | null;
  @ApiProperty({ type: RefusalViewDto, nullable: true })
  refusal: RefusalViewDto | null;
  @ApiProperty({ type: HireViewDto, nullable: true })
  hire: HireViewDto | null;
  @ApiProperty({ enum: expiryReasons, nullable: true })
  expiryReason: ExpiryReason | null;
  @ApiProperty({ type: String, nullable: true })
  withdrawalReason: string | null;
  @ApiProperty({ description: 'Jours depuis le dernier changement (depuis l’envoi tant que rien n’a bougé)' })
  daysWaiting: number;
  @ApiProperty({ description: 'Ce qu’il y a à faire maintenant, en français' })
  nextStep: string;
  @ApiProperty({ type: [ProposalTransitionDto] })
  transitions: ProposalTransitionDto[];
}

export class ProposalBudgetDto {
  @ApiProperty()
  last7Days: number;
  @ApiProperty()
  last30Days: number;
  @ApiProperty()
  maxPer7Days: number;
  @ApiProperty()
  maxPer30Days: number;
}

export class ProposalCreatedDto extends ProposalDto {
  @ApiProperty({
    type: ProposalBudgetDto,
    description: 'Sollicitations de l’entreprise sur 7 et 30 jours après celle-ci',
  })
  budget: ProposalBudgetDto;
}

export class ProposalStatusCountDto {
  @ApiProperty({ enum: proposalStatuses })
  status: ProposalStatus;
  @ApiProperty()
  count: number;
}

export class ProposalListDto {
  @ApiProperty({ type: [ProposalDto] })
  items: ProposalDto[];
  @ApiProperty({ type: [ProposalStatusCountDto], description: 'Propositions par état (toutes, avant le filtre)' })
  counts: ProposalStatusCountDto[];
}

/** What a chargé·e de développement sees of proposals received by the companies of her SIAE's network. */
export class ReceivedProposalDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: proposalStatuses })
  status: ProposalStatus;
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ type: AppellationRefDto })
  appellation: AppellationRefDto;
  @ApiProperty({ format: 'uuid', description: 'La structure qui propose' })
  fromSiaeId: string;
  @ApiProperty()
  fromSiaeName: string;
  @ApiProperty({ type: String, nullable: true, description: 'Seulement pour une personne de sa propre structure' })
  pseudonym: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  sentAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;
  @ApiProperty({ description: 'Jours depuis l’envoi' })
  daysSinceSent: number;
}

export class ResponseFiguresDto {
  @ApiProperty({ description: 'Propositions envoyées (hors retirées avant réponse)' })
  proposals: number;
  @ApiProperty({
    description: 'Celles qui attendaient une réponse : répondues, ou sans réponse depuis 14 jours et plus',
  })
  due: number;
  @ApiProperty({ description: 'Répondues (entretien demandé ou refus motivé)' })
  answered: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'answered / due, entre 0 et 1 (null sans proposition due)',
  })
  responseRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Délai médian de réponse, en jours (une décimale)' })
  medianResponseDays: number | null;
}

export class CompanyResponseFiguresDto extends ResponseFiguresDto {
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ description: 'Aucune réponse à au moins 2 propositions dues : classée plus bas dans les listes' })
  neverAnswers: boolean;
}

export class SiaeResponseFiguresDto extends ResponseFiguresDto {
  @ApiProperty({ format: 'uuid', description: 'La structure qui a proposé' })
  siaeId: string;
  @ApiProperty()
  siaeName: string;
}

export class ProposalFiguresDto {
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  @ApiProperty({ type: ResponseFiguresDto, description: 'Tout le collectif' })
  overall: ResponseFiguresDto;
  @ApiProperty({ type: [CompanyResponseFiguresDto] })
  byCompany: CompanyResponseFiguresDto[];
  @ApiProperty({ type: [SiaeResponseFiguresDto] })
  bySiae: SiaeResponseFiguresDto[];
  @ApiProperty({ type: [CompanyResponseFiguresDto], description: 'Les entreprises qui ne répondent jamais' })
  neverAnswering: CompanyResponseFiguresDto[];
}
