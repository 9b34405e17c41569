import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  drivingLicences,
  evidenceLevels,
  experienceLevels,
  languageLevels,
  softSkillCodes,
  transportMeans,
  workTimes,
  type DrivingLicence,
  type EvidenceLevel,
  type ExperienceLevel,
  type LanguageLevel,
  type SoftSkill,
  type TransportMean,
  type WorkTime,
} from '../candidate-vocabulary';
import { MultilineText, NameText } from '../../../platform/input/text-rules';

export class TargetJobDto {
  @ApiProperty({ description: "Code OGR de l'appellation ROME, ex. 11987." })
  @IsString()
  @Matches(/^[0-9]{1,10}$/, { message: "doit être un code OGR d'appellation ROME" })
  ogrCode: string;

  @ApiProperty({ enum: experienceLevels })
  @IsIn(experienceLevels)
  experienceLevel: ExperienceLevel;
}

export class SkillDto {
  @IsString()
  @Length(1, 200)
  label: string;

  @ApiProperty({
    enum: evidenceLevels,
    description:
      'declared = dit par la personne, observed = vu en situation de travail ou en immersion, certified = titre ou certificat.',
  })
  @IsIn(evidenceLevels)
  evidenceLevel: EvidenceLevel;

  @ApiPropertyOptional({
    description: 'Où la compétence a été observée. Pas de donnée d’identité ici : ce texte est partagé.',
  })
  @IsOptional()
  @MultilineText()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class LanguageDto {
  @IsString()
  @Matches(/^[a-z]{2,3}$/, { message: 'doit être un code de langue ISO 639 (ex. fr, ar)' })
  language: string;

  @ApiProperty({ enum: languageLevels })
  @IsIn(languageLevels)
  level: LanguageLevel;
}

/** The whole shared profile: a PUT replaces it (target jobs, skills and soft skills included). */
export class PutProfileDto {
  @ApiPropertyOptional({ description: 'Prénom + initiale (par défaut) ou alias choisi par la personne.' })
  @IsOptional()
  @NameText()
  @IsString()
  @Length(2, 60)
  pseudonym?: string;

  @ApiProperty({ description: 'Code INSEE de la commune de résidence.' })
  @IsString()
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: 'doit être un code INSEE' })
  communeCode: string;

  @IsInt()
  @Min(0)
  @Max(300)
  mobilityRadiusKm: number;

  @ApiPropertyOptional({ enum: transportMeans, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(transportMeans, { each: true })
  transportMeans?: TransportMean[];

  @ApiPropertyOptional({ enum: drivingLicences, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(drivingLicences, { each: true })
  drivingLicences?: DrivingLicence[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageDto)
  languages?: LanguageDto[];

  @IsOptional()
  @IsBoolean()
  frenchAsForeignLanguage?: boolean;

  @IsOptional()
  @IsBoolean()
  literacyDifficulty?: boolean;

  @IsOptional()
  @IsISO8601({ strict: true })
  availableFrom?: string | null;

  @ApiPropertyOptional({ enum: workTimes })
  @IsOptional()
  @IsIn(workTimes)
  workTime?: WorkTime | null;

  @IsOptional()
  @MultilineText()
  @IsString()
  @MaxLength(500)
  timeConstraints?: string | null;

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TargetJobDto)
  targetJobs: TargetJobDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  skills?: SkillDto[];

  @ApiPropertyOptional({ enum: softSkillCodes, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(softSkillCodes, { each: true })
  softSkills?: SoftSkill[];
}
