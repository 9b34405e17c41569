import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { siaeRoles } from '../../../platform/auth/principal';
import { NameText, Untrimmed } from '../../../platform/input/text-rules';

const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const invitationStates = ['pending', 'accepted', 'revoked', 'expired'] as const;

export class CreateSiaeInvitationDto {
  @ApiProperty({ example: 'camille@structure.fr' })
  @IsDefined({ message: 'obligatoire' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  email: string;

  @ApiProperty({ enum: siaeRoles })
  @IsDefined({ message: 'obligatoire' })
  @IsIn(siaeRoles, { message: `doit être un de : ${siaeRoles.join(', ')}` })
  role: (typeof siaeRoles)[number];
}

export class CreateCoordinatorInvitationDto {
  @ApiProperty({ example: 'coordination@collectif.fr' })
  @IsDefined({ message: 'obligatoire' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  email: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: [...siaeRoles, 'coordinator'] })
  role: string;

  /** `expired` est calculé : une invitation en attente dont la date est passée. */
  @ApiProperty({ enum: invitationStates })
  status: (typeof invitationStates)[number];

  @ApiProperty()
  expiresAt: Date;

  @ApiProperty()
  createdAt: Date;
}

/** Ce qu'un lien d'invitation permet de savoir, sans donnée personnelle autre que l'organisation qui invite. */
export class InvitationPreviewDto {
  /** `platform` : invitation à administrer la plateforme (commande `create-admin`). */
  @ApiProperty({ enum: ['siae', 'collective', 'platform'] })
  target: 'siae' | 'collective' | 'platform';

  @ApiProperty({ example: 'Chantier du Rhône' })
  organisationName: string;

  @ApiProperty({ enum: [...siaeRoles, 'coordinator', 'admin'] })
  role: string;

  /** Le rôle en toutes lettres. */
  @ApiProperty({ example: 'direction' })
  roleLabel: string;

  @ApiProperty()
  expiresAt: Date;

  /** Vrai si un compte existe déjà : il faut alors se connecter avant d'accepter. */
  @ApiProperty()
  accountExists: boolean;
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsDefined({ message: 'obligatoire' })
  @Untrimmed()
  @IsString()
  @Length(20, 200)
  token: string;

  /** Obligatoire pour créer un compte ; ignoré si un compte existe déjà. */
  @ApiPropertyOptional({ example: 'Camille Martin' })
  @IsOptional()
  @Transform(trim)
  @NameText()
  @IsString()
  @Length(2, 120, { message: 'doit contenir entre 2 et 120 caractères' })
  displayName?: string;

  /** Au moins 10 caractères ; obligatoire pour créer un compte. */
  @ApiPropertyOptional()
  @IsOptional()
  @Untrimmed()
  @IsString()
  @MinLength(10, { message: 'doit contenir au moins 10 caractères' })
  @MaxLength(200)
  password?: string;
}

export class InvitationSessionDto {
  /** Jeton à envoyer dans l'en-tête `Authorization: Bearer …`. */
  @ApiProperty()
  token: string;

  @ApiProperty()
  expiresAt: Date;

  @ApiProperty({ format: 'uuid' })
  userId: string;
}
