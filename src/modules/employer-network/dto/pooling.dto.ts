import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { sizeBands, solicitationKinds, type SizeBand, type SolicitationKind } from '../employer-network-vocabulary';
import { DistinctBy, NotAbove } from '../../../platform/input/rules';
import { MultilineText } from '../../../platform/input/text-rules';

export class PoolingRunRequestDto {
  @ApiPropertyOptional({
    description:
      'Tout rapprocher de nouveau (et recompter la fréquence des mots des noms) au lieu de ne reprendre que ce qui a changé.',
  })
  @IsOptional()
  @IsBoolean()
  full?: boolean;
}

export class SplitDto {
  @ApiProperty({ description: "Fiches à sortir de l'entreprise mutualisée : elles formeront une entreprise à part." })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  companyIds: string[];
}

export class MergeDto {
  @ApiProperty({ description: 'Entreprise mutualisée à fusionner avec celle-ci.' })
  @IsUUID()
  otherPooledCompanyId: string;
}

export class SolicitationDto {
  @ApiProperty({ description: 'Structure au nom de laquelle la sollicitation est faite.' })
  @IsUUID()
  siaeId: string;

  @ApiProperty({ enum: solicitationKinds })
  @IsIn(solicitationKinds)
  kind: SolicitationKind;

  @IsOptional()
  @MultilineText()
  @IsString()
  @MaxLength(500)
  note?: string | null;

  @ApiPropertyOptional({ description: 'Coordinateur·rice seulement : lever la limite, avec la raison (journalisé).' })
  @IsOptional()
  @MultilineText()
  @IsString()
  @Length(3, 500)
  overrideReason?: string;
}

export class BudgetLimitDto {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  maxPer30Days: number;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  @NotAbove('maxPer30Days', 'maxPer30Days (la limite sur 30 jours)')
  maxPer7Days: number;
}

export class SizeBudgetDto extends BudgetLimitDto {
  @ApiProperty({ enum: sizeBands })
  @IsIn(sizeBands)
  sizeBand: SizeBand;
}

export class BudgetDto {
  @ValidateNested()
  @Type(() => BudgetLimitDto)
  default: BudgetLimitDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @DistinctBy('sizeBand', 'sizeBand (une limite par taille)')
  @ValidateNested({ each: true })
  @Type(() => SizeBudgetDto)
  bySize?: SizeBudgetDto[];
}

export class PauseDto {
  @ApiProperty({
    description:
      "Date (AAAA-MM-JJ) jusqu'à laquelle l'entreprise ne veut plus être sollicitée : future, au plus 12 mois plus tard. " +
      'Lever la pause : DELETE sur la même adresse.',
  })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  until: string;

  @ApiProperty({ description: "La raison donnée par l'entreprise (1 à 300 caractères).", maxLength: 300 })
  @MultilineText()
  @IsString()
  @MaxLength(300)
  reason: string;
}

export class DirectoryQueryDto {
  @ApiPropertyOptional({ description: "Nom (ou partie du nom) de l'entreprise." })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'Fiche ROME (ex. N1103) ou domaine (ex. N11) des besoins ouverts.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-N][0-9]{2}([0-9]{2})?$/, { message: 'doit être une fiche (N1103) ou un domaine (N11) ROME' })
  rome?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: 'doit être un code INSEE' })
  commune?: string;

  @ApiPropertyOptional({ description: 'Rayon autour de la commune, en km (défaut 20).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  radiusKm?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
