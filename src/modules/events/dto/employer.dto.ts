import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  accommodations,
  contractTypes,
  type Accommodation,
  type ContractType,
} from '../../employer-network/employer-network-vocabulary';
import {
  eventKinds,
  eventStatuses,
  invitationStatuses,
  type EventKind,
  type EventStatus,
  type InvitationStatus,
} from '../events-vocabulary';
import { EmployerProfileDto } from '../../candidates/dto/employer-profile.dto';
import { SlotDto, TimeWindowDto } from './event.dto';

export class CellDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  slotId: string;

  @ApiProperty({ minimum: 1, maximum: 500, description: 'Numéro de table dans la salle' })
  @IsInt({ message: 'doit être un entier entre 1 et 500' })
  @Min(1, { message: 'doit être un entier entre 1 et 500' })
  @Max(500, { message: 'doit être un entier entre 1 et 500' })
  table: number;
}

export class NeedBroughtDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Un besoin de recrutement déjà connu de l’entreprise' })
  @IsOptional()
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  hiringNeedId?: string;

  @ApiPropertyOptional({ example: '38254', description: 'Sinon : l’appellation ROME (code OGR) du nouveau besoin' })
  @IsOptional()
  @Matches(/^[0-9]{1,10}$/, { message: 'doit être un code OGR (chiffres, 10 au plus)' })
  appellationCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1 })
  @IsOptional()
  @IsInt({ message: 'doit être un entier entre 1 et 1000' })
  @Min(1, { message: 'doit être un entier entre 1 et 1000' })
  @Max(1000, { message: 'doit être un entier entre 1 et 1000' })
  positions?: number;

  @ApiPropertyOptional({ enum: contractTypes, default: 'cdi' })
  @IsOptional()
  @IsIn(contractTypes, { message: `doit être une des valeurs : ${contractTypes.join(', ')}` })
  contractType?: ContractType;
}

export class EmployerRegistrationDto {
  @ApiProperty({ minimum: 1, maximum: 20, description: 'Recruteur·ses présent·es = tables occupées en même temps' })
  @IsInt({ message: 'doit être un entier entre 1 et 20' })
  @Min(1, { message: 'doit être un entier entre 1 et 20' })
  @Max(20, { message: 'doit être un entier entre 1 et 20' })
  tables: number;

  @ApiProperty({
    type: [CellDto],
    description: 'Les emplacements (table, créneau) pris : au plus `tables` par créneau',
  })
  @IsArray()
  @ArrayMaxSize(2000, { message: 'au plus 2000 emplacements' })
  @ValidateNested({ each: true })
  @Type(() => CellDto)
  cells: CellDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt({ message: 'doit être un entier entre 1 et 100' })
  @Min(1, { message: 'doit être un entier entre 1 et 100' })
  @Max(100, { message: 'doit être un entier entre 1 et 100' })
  maxInterviews?: number;

  @ApiPropertyOptional({ enum: accommodations, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(accommodations.length)
  @IsIn(accommodations, { each: true, message: `chaque valeur doit être une de : ${accommodations.join(', ')}` })
  accommodations?: Accommodation[];

  @ApiPropertyOptional({ type: [NeedBroughtDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'au plus 20 besoins' })
  @ValidateNested({ each: true })
  @Type(() => NeedBroughtDto)
  needs?: NeedBroughtDto[];
}

export class DeclineDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'doit contenir au plus 500 caractères' })
  reason?: string;

  @ApiPropertyOptional({
    example: '2027-09-01',
    description: 'Ne plus être sollicité·e par le collectif jusqu’à cette date (12 mois au plus)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date AAAA-MM-JJ valide' })
  pauseUntil?: string;
}

export class MeetingRequestItemDto {
  @ApiProperty({ format: 'uuid', description: 'Le profil (inscription) à rencontrer' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  profileId: string;

  @ApiPropertyOptional({ default: false, description: '« Prioritaire » (quelques-un·es au plus)' })
  @IsOptional()
  @IsBoolean()
  priority?: boolean;
}

export class MeetingRequestsDto {
  @ApiProperty({
    type: [MeetingRequestItemDto],
    description: '« Je veux rencontrer » : la liste complète, qui remplace la précédente',
  })
  @IsArray()
  @ArrayMaxSize(500, { message: 'au plus 500 profils' })
  @ValidateNested({ each: true })
  @Type(() => MeetingRequestItemDto)
  requests: MeetingRequestItemDto[];
}

// ---- responses ----

export class GridCellDto {
  @ApiProperty({ format: 'uuid' })
  slotId: string;
  @ApiProperty()
  position: number;
  @ApiProperty()
  table: number;
}

export class NeedViewDto {
  @ApiProperty({ format: 'uuid' })
  hiringNeedId: string;
  @ApiProperty()
  appellationCode: string;
  @ApiProperty()
  appellation: string;
  @ApiProperty()
  positions: number;
  @ApiProperty({ enum: contractTypes })
  contractType: ContractType;
}

export class EmployerEventDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ enum: eventKinds })
  kind: EventKind;
  @ApiProperty({ enum: eventStatuses })
  eventStatus: EventStatus;
  @ApiProperty({ example: '2027-03-12' })
  date: string;
  @ApiProperty()
  address: string;
  @ApiProperty()
  communeName: string;
  @ApiProperty({ type: String, nullable: true })
  accessNotes: string | null;
  @ApiProperty({ type: [TimeWindowDto] })
  timeWindows: TimeWindowDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  employerDeadline: string | null;
  @ApiProperty()
  tableCount: number;
  @ApiProperty({ type: [SlotDto] })
  slots: SlotDto[];
  @ApiProperty()
  companyName: string;
  @ApiProperty({ enum: invitationStatuses })
  status: InvitationStatus;
  @ApiProperty({ type: Number, nullable: true })
  tables: number | null;
  @ApiProperty({ type: Number, nullable: true })
  maxInterviews: number | null;
  @ApiProperty({ enum: accommodations, isArray: true })
  accommodations: Accommodation[];
  @ApiProperty({ type: [GridCellDto], description: 'Vos emplacements réservés' })
  booked: GridCellDto[];
  @ApiProperty({ type: [GridCellDto], description: 'Les emplacements encore libres' })
  free: GridCellDto[];
  @ApiProperty({ type: [NeedViewDto] })
  needs: NeedViewDto[];
}

export class DeclinedDto {
  @ApiProperty({ enum: invitationStatuses })
  status: InvitationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Pause des sollicitations enregistrée' })
  pausedUntil: string | null;
}

export class MatchReasonDto {
  @ApiProperty({ format: 'uuid' })
  hiringNeedId: string;
  @ApiProperty()
  appellation: string;
  @ApiProperty({ description: 'Adéquation 0..1' })
  score: number;
  @ApiProperty({ type: [String] })
  reasons: string[];
}

/** The profile an invited employer sees at a job dating (the shared employer view, plus the event's own fields). */
export class CandidateProfileForEmployerDto extends EmployerProfileDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Identifiant du profil pour cet événement (jamais celui de la personne)',
  })
  profileId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Le mot de la ou du CIP qui accompagne la personne' })
  note: string | null;
  @ApiProperty({ type: [MatchReasonDto], description: 'Pourquoi ce profil correspond à vos besoins' })
  matches: MatchReasonDto[];
  @ApiProperty()
  requested: boolean;
  @ApiProperty()
  priority: boolean;
}

export class MeetingRequestsSavedDto {
  @ApiProperty()
  requested: number;
  @ApiProperty()
  priority: number;
}
