import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
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
