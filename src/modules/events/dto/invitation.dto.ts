import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { invitationStatuses, type InvitationStatus } from '../events-vocabulary';

export class InviteCompanyDto {
  @ApiProperty({ format: 'uuid', description: 'Entreprise mutualisée de l’annuaire du collectif' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  pooledCompanyId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Contact partagé à qui écrire (par défaut : le premier avec une adresse e-mail)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  contactId?: string;

  @ApiPropertyOptional({
    description: 'Coordination seulement : inviter malgré le budget de sollicitations, avec la raison (journalisé)',
    minLength: 3,
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @Length(3, 500, { message: 'doit contenir entre 3 et 500 caractères' })
  overrideReason?: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ enum: invitationStatuses })
  status: InvitationStatus;
  @ApiProperty({ type: String, format: 'date-time' })
  sentAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  relaunchDueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  relaunchedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;
  @ApiProperty({ type: Number, nullable: true })
  tablesWanted: number | null;
  @ApiProperty({ description: 'Emplacements (table × créneau) réservés' })
  cellsBooked: number;
  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;
}

export class InvitationBudgetDto {
  @ApiProperty()
  last7Days: number;
  @ApiProperty()
  last30Days: number;
  @ApiProperty()
  maxPer7Days: number;
  @ApiProperty()
  maxPer30Days: number;
}

export class InvitationSentDto extends InvitationDto {
  @ApiProperty({
    type: InvitationBudgetDto,
    description: 'Sollicitations de l’entreprise sur 7 et 30 jours après celle-ci',
  })
  budget: InvitationBudgetDto;
}

const APPELLATION_LIST = /^[0-9]{1,10}(,[0-9]{1,10}){0,19}$/;
const ROME_LIST = /^[A-N]([0-9]{2}([0-9]{2})?)?(,[A-N]([0-9]{2}([0-9]{2})?)?){0,19}$/;

/** The trades wanted at the event, as comma-separated lists (a query string stays short and readable). */
export class InvitableCompaniesQueryDto {
  @ApiPropertyOptional({
    example: '10405,10571',
    maxLength: 219,
    description: 'Appellations ROME (codes OGR) recherchées, séparées par des virgules (20 au plus)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(219)
  @Matches(APPELLATION_LIST, { message: 'doit être une liste de codes OGR séparés par des virgules (20 au plus)' })
  appellations?: string;

  @ApiPropertyOptional({
    example: 'N1103,K22',
    maxLength: 119,
    description:
      'Fiches (N1103), domaines (N11) ou grands domaines (N) ROME recherchés, séparés par des virgules (20 au plus)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(119)
  @Matches(ROME_LIST, {
    message: 'doit être une liste de fiches (N1103), domaines (N11) ou grands domaines (N) ROME, 20 au plus',
  })
  rome?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'doit être un entier entre 1 et 200' })
  @Min(1, { message: 'doit être un entier entre 1 et 200' })
  @Max(200, { message: 'doit être un entier entre 1 et 200' })
  limit?: number;
}

export class InvitableNeedDto {
  @ApiProperty({ format: 'uuid' })
  hiringNeedId: string;
  @ApiProperty({ description: 'Code OGR' })
  appellationCode: string;
  @ApiProperty()
  appellation: string;
  @ApiProperty()
  positions: number;
}

export class InvitableBudgetDto extends InvitationBudgetDto {
  @ApiProperty({ type: String, format: 'date', nullable: true })
  pausedUntil: string | null;
  @ApiProperty({ description: 'Une invitation maintenant resterait dans le budget (ni pause, ni limite atteinte)' })
  withinBudget: boolean;
}

export class InvitableCompanyDto {
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: String, nullable: true })
  communeName: string | null;
  @ApiProperty({ type: String, nullable: true })
  sizeBand: string | null;
  @ApiProperty({
    type: [InvitableNeedDto],
    description: 'Besoins ouverts sur les métiers recherchés (tous les besoins ouverts sans filtre)',
  })
  needs: InvitableNeedDto[];
  @ApiProperty({ description: 'Un contact partagé avec une adresse e-mail : une invitation peut lui être envoyée' })
  hasSharedContact: boolean;
  @ApiProperty({ type: InvitableBudgetDto })
  budget: InvitableBudgetDto;
  @ApiProperty({ enum: invitationStatuses, nullable: true, description: 'Déjà invitée à cet événement : son état' })
  invitation: InvitationStatus | null;
}
