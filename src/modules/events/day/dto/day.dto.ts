import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { presenceValues, type Presence } from '../presence';

const uuidMessage = 'doit être un identifiant (UUID) valide';

export class SetPresenceDto {
  @ApiProperty({
    enum: presenceValues,
    description:
      '« present » (arrivé·e), « absent » (absence constatée), « unrecorded » (annuler le pointage ; pour un employeur, annule aussi un départ noté)',
  })
  @IsIn(presenceValues, { message: `doit être une des valeurs : ${presenceValues.join(', ')}` })
  presence: Presence;
}

export class EmployerDepartureDto {
  @ApiProperty({ format: 'uuid', description: 'Premier créneau où l’employeur ne sera plus là (pas encore commencé)' })
  @IsUUID('all', { message: uuidMessage })
  fromSlotId: string;
}

export class WalkInDto {
  @ApiProperty({ format: 'uuid', description: 'Candidat·e de votre structure (consentement « employers » requis)' })
  @IsUUID('all', { message: uuidMessage })
  candidateId: string;

  @ApiProperty({ minimum: 1, maximum: 20, description: 'Nombre maximum d’entretiens' })
  @IsInt({ message: 'doit être un entier entre 1 et 20' })
  @Min(1, { message: 'doit être un entier entre 1 et 20' })
  @Max(20, { message: 'doit être un entier entre 1 et 20' })
  maxInterviews: number;

  @ApiPropertyOptional({ type: [String], description: 'Employeurs (invitations) que la personne souhaite rencontrer' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'chaque employeur doit être un identifiant (UUID) valide' })
  wishedEmployerIds?: string[];
}

export class ExtraPlacesDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Structure membre qui reçoit des places pour ses inscriptions sur place',
  })
  @IsUUID('all', { message: uuidMessage })
  siaeId: string;

  @ApiProperty({ minimum: 1, maximum: 50, description: 'Places ajoutées à son quota' })
  @IsInt({ message: 'doit être un entier entre 1 et 50' })
  @Min(1, { message: 'doit être un entier entre 1 et 50' })
  @Max(50, { message: 'doit être un entier entre 1 et 50' })
  places: number;
}

export class CheckInQueryDto {
  @ApiPropertyOptional({ description: 'Recherche par pseudonyme, structure ou nom d’employeur', maxLength: 100 })
  @IsOptional()
  @MaxLength(100)
  q?: string;
}

export class CandidatePresenceDto {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty()
  pseudonym: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  @ApiProperty()
  siaeName: string;
  @ApiProperty({ description: 'Inscrit·e sur place par sa CIP' })
  walkIn: boolean;
  @ApiProperty({ enum: presenceValues })
  presence: Presence;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  absentAt: string | null;
}

export class EmployerPresenceDto {
  @ApiProperty({ format: 'uuid' })
  invitationId: string;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ enum: presenceValues })
  presence: Presence;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  absentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Début du premier créneau manqué' })
  leftAt: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Position du premier créneau où l’employeur n’est plus là',
  })
  leftFromSlotPosition: number | null;
}

export class CheckInListDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  eventTitle: string;
  @ApiProperty()
  status: string;
  @ApiProperty({ type: [CandidatePresenceDto] })
  candidates: CandidatePresenceDto[];
  @ApiProperty({ type: [EmployerPresenceDto] })
  employers: EmployerPresenceDto[];
  @ApiProperty({ description: 'Candidat·es acceptées (toutes, pas seulement celles de la recherche)' })
  candidatesExpected: number;
  @ApiProperty()
  candidatesPresent: number;
  @ApiProperty()
  candidatesAbsent: number;
  @ApiProperty()
  employersPresent: number;
}

export class ReplanningDto {
  @ApiProperty({ format: 'uuid', description: 'La planification lancée (suivre son avancement par ses routes)' })
  runId: string;
  @ApiProperty({ description: 'Position du premier créneau replanifié (le prochain qui commence)' })
  fromSlotPosition: number;
  @ApiProperty({ format: 'uuid' })
  fromSlotId: string;
  @ApiProperty({ description: 'Rendez-vous gardés tels quels (tenus, en cours, annoncés à des personnes présentes)' })
  lockedMeetings: number;
}

export class LiveSlotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  position: number;
  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  endsAt: string;
}

export class LiveMeetingDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;
  @ApiProperty()
  slotPosition: number;
  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  endsAt: string;
  @ApiProperty()
  tableNumber: number;
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty()
  pseudonym: string;
  @ApiProperty({ format: 'uuid' })
  invitationId: string;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ enum: ['planned', 'announced', 'done'] })
  status: string;
}

export class WaitingCandidateDto {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty()
  pseudonym: string;
  @ApiProperty()
  siaeName: string;
  @ApiProperty()
  walkIn: boolean;
  @ApiProperty({ description: 'Entretiens déjà tenus' })
  interviewsHeld: number;
}

export class FreeTablesDto {
  @ApiProperty({ format: 'uuid' })
  invitationId: string;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ description: 'Tables libres au créneau en cours (ou au prochain, entre deux créneaux)' })
  freeTablesNow: number;
  @ApiProperty({ description: 'Emplacements (table × créneau) libres d’ici la fin' })
  freeCellsToCome: number;
}

export class LiveViewDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  eventTitle: string;
  @ApiProperty()
  status: string;
  @ApiProperty({ type: String, format: 'date-time' })
  now: string;
  @ApiProperty({ type: LiveSlotDto, nullable: true })
  currentSlot: LiveSlotDto | null;
  @ApiProperty({ type: LiveSlotDto, nullable: true })
  nextSlot: LiveSlotDto | null;
  @ApiProperty({ type: [LiveMeetingDto], description: 'Rendez-vous des créneaux terminés' })
  done: LiveMeetingDto[];
  @ApiProperty({ type: [LiveMeetingDto], description: 'Rendez-vous du créneau en cours' })
  inProgress: LiveMeetingDto[];
  @ApiProperty({ type: [LiveMeetingDto], description: 'Rendez-vous à venir' })
  toCome: LiveMeetingDto[];
  @ApiProperty({
    type: [WaitingCandidateDto],
    description: 'Candidat·es présent·es sans entretien en cours ni à venir',
  })
  candidatesWithoutInterview: WaitingCandidateDto[];
  @ApiProperty({ type: [FreeTablesDto], description: 'Employeurs présents avec des tables libres' })
  employersWithFreeTables: FreeTablesDto[];
}
