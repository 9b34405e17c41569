import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  accommodations,
  type Accommodation,
  contractTypes,
  type ContractType,
  interactionKinds,
  type InteractionKind,
  preferredChannels,
  type PreferredChannel,
  sizeBands,
  type SizeBand,
} from '../employer-network-vocabulary';
import { IsSiret } from '../../structures/siret.validator';
import { MultilineText, NameText } from '../../../platform/input/text-rules';

const PHONE = /^\+?[0-9 .()-]{6,25}$/;
const INSEE = /^[0-9][0-9AB][0-9]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ContactDto {
  @IsOptional()
  @NameText()
  @IsString()
  @Length(1, 100)
  firstName?: string | null;

  @IsOptional()
  @NameText()
  @IsString()
  @Length(1, 100)
  lastName?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  role?: string | null;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: "n'est pas un numéro de téléphone valide" })
  phone?: string | null;

  @ApiPropertyOptional({ enum: preferredChannels })
  @IsOptional()
  @IsIn(preferredChannels)
  preferredChannel?: PreferredChannel | null;
}

export class CompanyFields {
  @NameText()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    description:
      '14 chiffres (espaces acceptés) avec leur clé de contrôle (Luhn ; règle propre à La Poste pour le SIREN 356000000), ' +
      'comme à la création, à la modification et à l’import.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s.]/g, '') : value))
  @IsString()
  @MaxLength(20)
  @IsSiret()
  siret?: string | null;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9 ]{9,12}$/, { message: 'doit compter 9 chiffres' })
  siren?: string | null;

  @ApiPropertyOptional({ description: 'Code NAF/APE (ex. 49.41A).' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{2}\.?[0-9]{2} ?[A-Za-z]$/, { message: 'doit être un code NAF (ex. 49.41A)' })
  naf?: string | null;

  @ApiPropertyOptional({
    enum: sizeBands,
    description: 'micro (< 10), small (10-49), medium (50-249), large (250 et plus).',
  })
  @IsOptional()
  @IsIn(sizeBands)
  sizeBand?: SizeBand | null;

  @IsOptional()
  @IsString()
  @Matches(INSEE, { message: 'doit être un code INSEE' })
  communeCode?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @IsOptional()
  @IsUrl({ require_protocol: false })
  @MaxLength(300)
  website?: string | null;
}

export class CreateCompanyDto extends CompanyFields {
  @ApiProperty({ description: 'Structure propriétaire de la fiche.' })
  @IsUUID()
  siaeId: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];
}

/** Every field of the record, each optional: only what is sent changes. */
export class UpdateCompanyDto extends PartialType(CompanyFields) {}

export class InteractionDto {
  @ApiProperty({
    enum: interactionKinds,
    description:
      'call (appel), email, visit (visite), immersion_hosted (immersion accueillie), hire (embauche), event_attended (événement), interview (entretien).',
  })
  @IsIn(interactionKinds, { message: `doit être un de : ${interactionKinds.join(', ')}` })
  kind: InteractionKind;

  @ApiProperty({ description: "Date de l'échange (AAAA-MM-JJ), au plus tard aujourd'hui (heure de Paris)." })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'doit être une date AAAA-MM-JJ' })
  occurredOn: string;

  @ApiPropertyOptional({
    description:
      "Structure au nom de laquelle l'échange est consigné : la propriétaire de la fiche, ou une structure membre d'un collectif avec lequel " +
      'la fiche est partagée. Facultatif quand il n’y a qu’un choix possible (ou pour le personnel de la structure propriétaire).',
  })
  @IsOptional()
  @IsUUID()
  siaeId?: string;

  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({
    description:
      "Candidat·e concerné·e par un résultat (obligatoire pour `hire`, possible pour `immersion_hosted`) : une personne suivie par la structure au nom de laquelle l'échange est consigné. Jamais montré·e aux autres structures.",
  })
  @IsOptional()
  @IsUUID()
  candidateId?: string;

  @IsOptional()
  @MultilineText()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class HiringNeedDto {
  @ApiProperty({ description: "Code OGR de l'appellation ROME." })
  @IsString()
  @Matches(/^[0-9]{1,10}$/, { message: "doit être un code OGR d'appellation ROME" })
  appellationCode: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  positions: number;

  @ApiProperty({ enum: contractTypes })
  @IsIn(contractTypes)
  contractType: ContractType;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(1)
  @Max(48)
  weeklyHours?: number | null;

  @IsOptional()
  @IsString()
  @Matches(INSEE, { message: 'doit être un code INSEE' })
  placeCommuneCode?: string | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'doit être une date AAAA-MM-JJ' })
  startDate?: string | null;

  @ApiPropertyOptional({ enum: accommodations, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(accommodations.length)
  @IsIn(accommodations, { each: true })
  accommodations?: Accommodation[];
}

export class NeedStatusDto {
  @ApiProperty({ enum: ['filled', 'closed'] })
  @IsIn(['filled', 'closed'])
  status: 'filled' | 'closed';
}

export class ShareDto {
  @IsUUID()
  collectiveId: string;

  @ApiProperty({ description: 'Partager aussi les contacts (personnes) de la fiche.' })
  @IsBoolean()
  withContacts: boolean;
}
