import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  drivingLicences,
  evidenceLevels,
  softSkillCodes,
  workTimes,
  type DrivingLicence,
  type EvidenceLevel,
  type SoftSkill,
  type WorkTime,
} from '../candidate-vocabulary';

/** `a,b` or repeated `?x=a&x=b` both give a list. */
const toList = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean);

export class SearchCandidatesDto {
  @ApiPropertyOptional({ description: "Code OGR d'une appellation ROME." })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{1,10}$/, { message: "doit être un code OGR d'appellation ROME" })
  appellation?: string;

  @ApiPropertyOptional({ description: 'Domaine professionnel ROME (3 caractères, ex. K22).' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][0-9]{2}$/, { message: 'doit être un domaine ROME (ex. K22)' })
  domain?: string;

  @ApiPropertyOptional({ description: 'Code INSEE du lieu de recherche.' })
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

  @ApiPropertyOptional({ description: 'Compétences (texte, toutes exigées).', type: [String] })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 100, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ enum: evidenceLevels, description: 'Niveau de preuve minimal des compétences demandées.' })
  @IsOptional()
  @IsIn(evidenceLevels)
  minEvidence?: EvidenceLevel;

  @ApiPropertyOptional({ enum: softSkillCodes, isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(15)
  @IsIn(softSkillCodes, { each: true })
  softSkills?: SoftSkill[];

  @ApiPropertyOptional({ description: 'Disponible au plus tard à cette date (AAAA-MM-JJ).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  availableBy?: string;

  @ApiPropertyOptional({ enum: workTimes })
  @IsOptional()
  @IsIn(workTimes)
  workTime?: WorkTime;

  @ApiPropertyOptional({ enum: drivingLicences })
  @IsOptional()
  @IsIn(drivingLicences)
  drivingLicence?: DrivingLicence;

  @ApiPropertyOptional({
    enum: ['all', 'mine', 'collective'],
    description: 'mine = ma structure, collective = les autres SIAE de mes collectifs.',
  })
  @IsOptional()
  @IsIn(['all', 'mine', 'collective'])
  scope?: 'all' | 'mine' | 'collective';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
