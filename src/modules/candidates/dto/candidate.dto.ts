import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { candidateStatuses, type CandidateStatus } from '../candidate-vocabulary';
import { PastDate } from '../../../platform/input/rules';
import { NameText } from '../../../platform/input/text-rules';

const PHONE = /^\+?[0-9 .()-]{6,25}$/;

export class CandidateIdentityFields {
  @NameText()
  @IsString()
  @Length(1, 100)
  firstName: string;

  @NameText()
  @IsString()
  @Length(1, 100)
  lastName: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @PastDate()
  birthDate?: string | null;

  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: "n'est pas un numéro de téléphone valide" })
  phone?: string | null;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ description: 'CIP (ou direction) référent·e, membre de la structure.' })
  @IsOptional()
  @IsUUID()
  referentUserId?: string | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  contractStart?: string | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  contractEnd?: string | null;
}

export class CreateCandidateDto extends CandidateIdentityFields {
  @ApiProperty({ description: 'Structure employeuse (la personne y est salariée en parcours).' })
  @IsUUID()
  siaeId: string;
}

/** Every field optional: only what is sent changes. */
export class UpdateCandidateDto {
  @IsOptional()
  @NameText()
  @IsString()
  @Length(1, 100)
  firstName?: string;

  @IsOptional()
  @NameText()
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @PastDate()
  birthDate?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(PHONE, { message: "n'est pas un numéro de téléphone valide" })
  phone?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  referentUserId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  contractStart?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  contractEnd?: string | null;

  @ApiPropertyOptional({ enum: candidateStatuses })
  @IsOptional()
  @IsIn(candidateStatuses)
  status?: CandidateStatus;

  @ApiPropertyOptional({ description: 'Date de sortie, obligatoire avec le statut `left` ou `hired_elsewhere`.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  leftAt?: string | null;
}
