import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
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
import { eventKinds, eventStatuses, type EventKind, type EventStatus } from '../events-vocabulary';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export class TimeWindowDto {
  @ApiProperty({ example: '09:00', description: 'Heure locale (France), HH:MM' })
  @Matches(HHMM, { message: 'doit être une heure HH:MM entre 00:00 et 23:59' })
  start: string;

  @ApiProperty({ example: '12:00', description: 'Heure locale (France), HH:MM' })
  @Matches(HHMM, { message: 'doit être une heure HH:MM entre 00:00 et 23:59' })
  end: string;
}

export class CreateEventDto {
  @ApiProperty({ format: 'uuid', description: 'Collectif organisateur (la personne connectée le coordonne).' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  collectiveId: string;

  @ApiProperty({ example: 'Job dating logistique et propreté', maxLength: 200 })
  @IsDefined({ message: 'obligatoire' })
  @Transform(trim)
  @IsString()
  @Length(3, 200, { message: 'doit contenir entre 3 et 200 caractères' })
  title: string;

  @ApiProperty({ enum: eventKinds })
  @IsIn(eventKinds, { message: `doit être une des valeurs : ${eventKinds.join(', ')}` })
  kind: EventKind;

  @ApiProperty({ example: '12 rue du Dauphiné', maxLength: 300 })
  @IsDefined({ message: 'obligatoire' })
  @Transform(trim)
  @IsString()
  @Length(3, 300, { message: 'doit contenir entre 3 et 300 caractères' })
  address: string;

  @ApiProperty({ example: '69266', description: 'Code INSEE de la commune (référentiel)' })
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: 'doit être un code INSEE de commune (5 caractères)' })
  communeCode: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 1000,
    example: 'Tram T3, arrêt Gare de Villeurbanne',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'doit contenir au plus 1000 caractères' })
  accessNotes?: string | null;

  @ApiProperty({ example: '2027-03-12', description: 'Jour de l’événement (AAAA-MM-JJ)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date AAAA-MM-JJ valide' })
  date: string;

  @ApiProperty({ type: [TimeWindowDto], description: 'Une ou plusieurs plages (matin, après-midi), dans l’ordre' })
  @IsArray()
  @ArrayMinSize(1, { message: 'au moins une plage horaire' })
  @ArrayMaxSize(4, { message: 'au plus 4 plages horaires' })
  @ValidateNested({ each: true })
  @Type(() => TimeWindowDto)
  timeWindows: TimeWindowDto[];

  @ApiProperty({ minimum: 5, maximum: 120, example: 15 })
  @IsInt({ message: 'doit être un entier entre 5 et 120' })
  @Min(5, { message: 'doit être un entier entre 5 et 120' })
  @Max(120, { message: 'doit être un entier entre 5 et 120' })
  slotMinutes: number;

  @ApiProperty({ minimum: 0, maximum: 60, example: 5 })
  @IsInt({ message: 'doit être un entier entre 0 et 60' })
  @Min(0, { message: 'doit être un entier entre 0 et 60' })
  @Max(60, { message: 'doit être un entier entre 0 et 60' })
  changeoverMinutes: number;

  @ApiProperty({ minimum: 1, maximum: 500, example: 20 })
  @IsInt({ message: 'doit être un entier entre 1 et 500' })
  @Min(1, { message: 'doit être un entier entre 1 et 500' })
  @Max(500, { message: 'doit être un entier entre 1 et 500' })
  tableCount: number;

  @ApiProperty({ minimum: 0, maximum: 1000, example: 10, description: 'Places de candidat·es par structure membre' })
  @IsInt({ message: 'doit être un entier entre 0 et 1000' })
  @Min(0, { message: 'doit être un entier entre 0 et 1000' })
  @Max(1000, { message: 'doit être un entier entre 0 et 1000' })
  defaultSiaeQuota: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'doit être une date et heure ISO 8601' })
  employerDeadline?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'doit être une date et heure ISO 8601' })
  candidateDeadline?: string | null;
}

export class TransitionDto {
  @ApiProperty({ enum: eventStatuses })
  @IsIn(eventStatuses, { message: `doit être une des valeurs : ${eventStatuses.join(', ')}` })
  to: EventStatus;
}

export class AddOrganiserDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  userId: string;

  @ApiProperty({ format: 'uuid', description: 'Structure membre où la personne travaille' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  siaeId: string;
}

export class MoveQuotaDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  fromSiaeId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'doit être un identifiant (UUID) valide' })
  toSiaeId: string;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt({ message: 'doit être un entier entre 1 et 1000' })
  @Min(1, { message: 'doit être un entier entre 1 et 1000' })
  @Max(1000, { message: 'doit être un entier entre 1 et 1000' })
  places: number;
}

// ---- responses ----

export class SlotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  position: number;
  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  endsAt: string;
}

export class EventPlaceDto {
  @ApiProperty()
  address: string;
  @ApiProperty()
  communeCode: string;
  @ApiProperty()
  communeName: string;
  @ApiProperty({ type: String, nullable: true })
  accessNotes: string | null;
}

export class StatusDatesDto {
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  openedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  planningAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  runningAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;
}

export class OrganiserDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  @ApiProperty()
  displayName: string;
}

export class QuotaDto {
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  @ApiProperty()
  siaeName: string;
  @ApiProperty()
  places: number;
  @ApiProperty({ description: 'Places prises (inscriptions en attente de décision ou acceptées)' })
  used: number;
  @ApiProperty()
  waitlisted: number;
}

export class EventSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ enum: eventKinds })
  kind: EventKind;
  @ApiProperty({ enum: eventStatuses })
  status: EventStatus;
  @ApiProperty({ example: '2027-03-12' })
  date: string;
  @ApiProperty()
  communeName: string;
}

export class EventDto extends EventSummaryDto {
  @ApiProperty({ type: EventPlaceDto })
  place: EventPlaceDto;
  @ApiProperty({ type: [TimeWindowDto] })
  timeWindows: TimeWindowDto[];
  @ApiProperty()
  slotMinutes: number;
  @ApiProperty()
  changeoverMinutes: number;
  @ApiProperty()
  tableCount: number;
  @ApiProperty()
  defaultSiaeQuota: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  employerDeadline: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  candidateDeadline: string | null;
  @ApiProperty({ type: StatusDatesDto })
  statusDates: StatusDatesDto;
  @ApiProperty({ enum: eventStatuses, isArray: true, description: 'États possibles depuis l’état actuel' })
  allowedTransitions: EventStatus[];
  @ApiProperty({ type: [SlotDto] })
  slots: SlotDto[];
  @ApiProperty({ type: [OrganiserDto] })
  organisers: OrganiserDto[];
  @ApiProperty({ type: [QuotaDto] })
  quotas: QuotaDto[];
  @ApiProperty({ description: 'La personne connectée organise (coordination ou co-organisation)' })
  youOrganise: boolean;
}

export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['collectiveId'] as const)) {}
