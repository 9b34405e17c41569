import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { siaeKinds } from '../entities/siae.entity';
import { IsSiret } from '../siret.validator';
import { SiaeCommuneDto } from './commune.dto';
import { MultilineText, NameText } from '../../../platform/input/text-rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const membershipStatuses = ['invited', 'active', 'declined', 'left'] as const;

export class CreateCollectiveDto {
  @ApiProperty({ example: 'Inter-SIAE de Villeurbanne' })
  @IsDefined({ message: 'obligatoire' })
  @Transform(trim)
  @NameText()
  @IsString()
  @Length(2, 200, { message: 'doit contenir entre 2 et 200 caractères' })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @MultilineText()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Métropole de Lyon' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  territory?: string | null;

  /** La structure fondatrice, dont la personne connectée est direction. */
  @ApiProperty({ format: 'uuid' })
  @IsDefined({ message: 'obligatoire' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  siaeId: string;
}

/** Exactement l'un des deux : l'identifiant de la structure ou son SIRET. */
export class InviteSiaeDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: InviteSiaeDto) => o.siret === undefined || o.siaeId !== undefined)
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide (ou donnez le SIRET)' })
  siaeId?: string;

  @ApiPropertyOptional({ example: '73282932000074' })
  @ValidateIf((o: InviteSiaeDto) => o.siaeId === undefined || o.siret !== undefined)
  @IsSiret()
  siret?: string;
}

export class CollectiveDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, nullable: true })
  territory: string | null;

  /** Vrai si la personne connectée coordonne ce collectif. */
  @ApiProperty()
  iCoordinate: boolean;

  @ApiProperty()
  createdAt: Date;
}

export class CollectiveMemberDto {
  @ApiProperty({ format: 'uuid' })
  siaeId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: siaeKinds })
  kind: string;

  @ApiProperty({ type: SiaeCommuneDto })
  commune: SiaeCommuneDto;

  /** `invited` n'apparaît que pour les coordinateurs. */
  @ApiProperty({ enum: ['invited', 'active'] })
  status: string;

  @ApiProperty({ type: Date, nullable: true })
  joinedAt: Date | null;
}

/** La place d'une structure dans un collectif, vue depuis la structure. */
export class SiaeCollectiveMembershipDto {
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;

  @ApiProperty()
  collectiveName: string;

  @ApiProperty({ enum: membershipStatuses })
  status: string;

  @ApiProperty()
  invitedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  joinedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  leftAt: Date | null;
}

export class CoordinatorDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  since: Date;
}

export class AddCoordinatorDto {
  /** Une personne d'une structure membre active du collectif. */
  @ApiProperty({ format: 'uuid' })
  @IsDefined({ message: 'obligatoire' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  userId: string;
}
