import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { siaeRoles } from '../../../platform/auth/principal';
import { INSEE_CODE_PATTERN } from '../commune-directory.service';
import { siaeKinds, SiaeKind } from '../entities/siae.entity';
import { IsSiret } from '../siret.validator';
import { SiaeCommuneDto } from './commune.dto';
import { InvitationDto } from './invitation.dto';
import { NameText } from '../../../platform/input/text-rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const PHONE = /^\+?[0-9 .()-]{6,30}$/;

export class CreateSiaeDto {
  @ApiProperty({ enum: siaeKinds })
  @IsDefined({ message: 'obligatoire' })
  @IsIn(siaeKinds, { message: `doit être un de : ${siaeKinds.join(', ')}` })
  kind: SiaeKind;

  @ApiProperty({ example: 'Chantier du Rhône' })
  @IsDefined({ message: 'obligatoire' })
  @Transform(trim)
  @NameText()
  @IsString()
  @Length(2, 200, { message: 'doit contenir entre 2 et 200 caractères' })
  name: string;

  /** 14 chiffres sans espace ; la clé de contrôle est vérifiée. */
  @ApiProperty({ example: '73282932000074' })
  @IsDefined({ message: 'obligatoire' })
  @IsSiret()
  siret: string;

  /** Code INSEE de la commune (pas le code postal). */
  @ApiProperty({ example: '69123' })
  @IsDefined({ message: 'obligatoire' })
  @IsString()
  @Matches(INSEE_CODE_PATTERN, { message: 'doit être un code INSEE de commune (5 caractères, ex. 69123 ou 2A004)' })
  communeCode: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '04 72 00 00 00' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: "n'est pas un numéro de téléphone valide" })
  contactPhone?: string | null;

  /** Adresse e-mail de la première personne de direction, qui reçoit une invitation. */
  @ApiProperty({ example: 'direction@chantier-du-rhone.fr' })
  @IsDefined({ message: 'obligatoire' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  directionEmail: string;
}

/** Fields left out are unchanged; `null` clears an optional contact field. */
export class UpdateSiaeDto {
  @ApiPropertyOptional()
  @ValidateIf((o: UpdateSiaeDto) => o.name !== undefined)
  @Transform(trim)
  @NameText()
  @IsString()
  @Length(2, 200, { message: 'doit contenir entre 2 et 200 caractères' })
  name?: string;

  @ApiPropertyOptional({ example: '69123' })
  @ValidateIf((o: UpdateSiaeDto) => o.communeCode !== undefined)
  @IsString()
  @Matches(INSEE_CODE_PATTERN, { message: 'doit être un code INSEE de commune (5 caractères, ex. 69123 ou 2A004)' })
  communeCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: "n'est pas un numéro de téléphone valide" })
  contactPhone?: string | null;
}

export class SiaeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: siaeKinds })
  kind: SiaeKind;

  @ApiProperty()
  name: string;

  @ApiProperty()
  siret: string;

  @ApiProperty({ type: SiaeCommuneDto })
  commune: SiaeCommuneDto;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactEmail: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;

  /** Rôle de la personne connectée dans cette structure (null pour l'administration de la plateforme). */
  @ApiProperty({ enum: siaeRoles, nullable: true })
  myRole: string | null;

  @ApiProperty()
  createdAt: Date;
}

export class CreatedSiaeDto extends SiaeDto {
  /** L'invitation envoyée à la première personne de direction. */
  @ApiProperty({ type: InvitationDto })
  directionInvitation: InvitationDto;
}

export class SiaeMemberDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: siaeRoles })
  role: string;

  /** Visible de la direction de la structure et de l'administration seulement. */
  @ApiPropertyOptional()
  email?: string;

  @ApiProperty()
  since: Date;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: siaeRoles })
  @IsDefined({ message: 'obligatoire' })
  @IsIn(siaeRoles, { message: `doit être un de : ${siaeRoles.join(', ')}` })
  role: (typeof siaeRoles)[number];
}
