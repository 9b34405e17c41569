import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MultilineText } from '../../../platform/input/text-rules';
import { registrationStatuses, type RegistrationStatus } from '../events-vocabulary';

export class RegisterCandidateDto {
  @ApiProperty({ format: 'uuid', description: 'Candidat·e de votre structure (consentement « employers » requis)' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  candidateId: string;

  @ApiProperty({ minimum: 1, maximum: 20, description: 'Nombre maximum d’entretiens' })
  @IsInt({ message: 'doit être un entier entre 1 et 20' })
  @Min(1, { message: 'doit être un entier entre 1 et 20' })
  @Max(20, { message: 'doit être un entier entre 1 et 20' })
  maxInterviews: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Créneaux où la personne est présente (vide : tout l’événement)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'chaque créneau doit être un identifiant (UUID) valide' })
  presentSlotIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Employeurs (invitations) que la personne souhaite rencontrer' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'chaque employeur doit être un identifiant (UUID) valide' })
  wishedEmployerIds?: string[];

  @ApiPropertyOptional({ default: false, description: 'Si les places de la structure sont prises : liste d’attente' })
  @IsOptional()
  @IsBoolean()
  joinWaitlist?: boolean;

  @ApiPropertyOptional({
    maxLength: 500,
    description:
      'Mot de la ou du CIP aux employeurs, montré avec le profil pseudonymisé : jamais le nom, les coordonnées ni l’adresse de la personne',
  })
  @IsOptional()
  @MultilineText()
  @IsString()
  @MaxLength(500, { message: 'doit contenir au plus 500 caractères' })
  employerNote?: string;
}

/**
 * What a CIP of the candidate's SIAE (before the candidates' deadline) or an organiser (until the planning starts)
 * changes on a registration: presence, wishes, maximum interviews, the note to employers. Never the status or the place.
 */
export class UpdateRegistrationDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, description: 'Nombre maximum d’entretiens' })
  @IsOptional()
  @IsInt({ message: 'doit être un entier entre 1 et 20' })
  @Min(1, { message: 'doit être un entier entre 1 et 20' })
  @Max(20, { message: 'doit être un entier entre 1 et 20' })
  maxInterviews?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Créneaux où la personne est présente (vide : tout l’événement)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'chaque créneau doit être un identifiant (UUID) valide' })
  presentSlotIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Employeurs (invitations) que la personne souhaite rencontrer' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'chaque employeur doit être un identifiant (UUID) valide' })
  wishedEmployerIds?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    description: 'Mot aux employeurs (null l’efface) : jamais le nom, les coordonnées ni l’adresse de la personne',
  })
  @IsOptional()
  @MultilineText()
  @IsString()
  @MaxLength(500, { message: 'doit contenir au plus 500 caractères' })
  employerNote?: string | null;
}

const decisions = ['accept', 'waitlist', 'decline'] as const;
export type RegistrationDecision = (typeof decisions)[number];

export class DecideRegistrationDto {
  @ApiProperty({ enum: decisions })
  @IsIn(decisions, { message: `doit être une des valeurs : ${decisions.join(', ')}` })
  decision: RegistrationDecision;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  candidateId: string;
  @ApiProperty()
  pseudonym: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  @ApiProperty()
  siaeName: string;
  @ApiProperty({ enum: registrationStatuses })
  status: RegistrationStatus;
  @ApiProperty()
  maxInterviews: number;
  @ApiProperty({ type: [String] })
  presentSlotIds: string[];
  @ApiProperty({ type: [String], description: 'Employeurs (invitations) souhaités' })
  wishedEmployerIds: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Mot aux employeurs' })
  employerNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  waitlistedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}
