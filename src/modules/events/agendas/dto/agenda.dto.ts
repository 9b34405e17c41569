import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { eventStatuses, type EventStatus } from '../../events-vocabulary';
import { MeetingPairDto } from '../../planning/dto/planning.dto';
import { meetingStatuses, type MeetingStatus } from '../../planning/planning-vocabulary';

/** L'événement tel que l'agenda le montre : lieu et accès (repris dans LOCATION et DESCRIPTION du fichier .ics). */
export class AgendaEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ format: 'date' })
  date: string;
  @ApiProperty({ enum: eventStatuses })
  status: EventStatus;
  @ApiProperty({ description: 'Adresse et commune' })
  place: string;
  @ApiProperty({ type: String, nullable: true, description: 'Indications d’accès' })
  accessNotes: string | null;
}

/**
 * Un entretien de l'agenda. `id` est l'UID iCalendar (stable d'un replanning à l'autre), `sequence` sa SEQUENCE
 * (augmentée à chaque changement) ; un entretien annulé après avoir été annoncé reste listé, `cancelled` vrai.
 */
export class AgendaMeetingDto {
  @ApiProperty({ format: 'uuid', description: 'Identifiant stable (UID iCalendar)' })
  id: string;
  @ApiProperty()
  sequence: number;
  @ApiProperty({ enum: meetingStatuses })
  status: MeetingStatus;
  @ApiProperty()
  cancelled: boolean;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
  @ApiProperty()
  slotPosition: number;
  @ApiProperty()
  tableNumber: number;
}

/** Un entretien vu par la ou le candidat : l'employeur, sa table, l'heure. */
export class CandidateAgendaMeetingDto extends AgendaMeetingDto {
  @ApiProperty({ description: 'Nom de l’entreprise' })
  employer: string;
}

export class CandidateAgendaDto {
  @ApiProperty({ type: AgendaEventDto })
  event: AgendaEventDto;
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty({ type: [CandidateAgendaMeetingDto] })
  meetings: CandidateAgendaMeetingDto[];
}

/** Un entretien vu par l'employeur : le pseudonyme du profil partagé, jamais l'identité. */
export class EmployerAgendaMeetingDto extends AgendaMeetingDto {
  @ApiProperty({ description: 'Pseudonyme du profil partagé (« Candidat·e » si le consentement a été retiré)' })
  pseudonym: string;
}

export class EmployerAgendaDto {
  @ApiProperty({ type: AgendaEventDto })
  event: AgendaEventDto;
  @ApiProperty()
  company: string;
  @ApiProperty({ type: [EmployerAgendaMeetingDto] })
  meetings: EmployerAgendaMeetingDto[];
}

/**
 * Un entretien d'une ou un candidat de la structure : l'entretien de l'agenda et le binôme du planning (inscription,
 * invitation), avec la personne (pseudonyme) et l'employeur.
 */
export class StaffAgendaMeetingDto extends IntersectionType(AgendaMeetingDto, MeetingPairDto) {
  @ApiProperty({ format: 'uuid' })
  candidateId: string;
  @ApiProperty({ description: 'Pseudonyme du profil partagé' })
  pseudonym: string;
  @ApiProperty()
  employer: string;
}

export class SiaeAgendaDto {
  @ApiProperty({ type: AgendaEventDto })
  event: AgendaEventDto;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Les structures de la personne connectée ici' })
  siaeIds: string[];
  @ApiProperty({ type: [StaffAgendaMeetingDto] })
  meetings: StaffAgendaMeetingDto[];
}

/** Une case de la grille tables × créneaux : l'entretien qui l'occupe, s'il y en a un. */
export class GridCellDto {
  @ApiProperty({ format: 'uuid' })
  slotId: string;
  @ApiProperty({ type: StaffAgendaMeetingDto, nullable: true })
  meeting: StaffAgendaMeetingDto | null;
}

export class GridTableDto {
  @ApiProperty()
  tableNumber: number;
  @ApiProperty({ type: [GridCellDto], description: 'Une case par créneau, dans l’ordre des créneaux' })
  cells: GridCellDto[];
}

export class GridSlotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  position: number;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

export class OrganiserGridDto {
  @ApiProperty({ type: AgendaEventDto })
  event: AgendaEventDto;
  @ApiProperty({ type: [GridSlotDto] })
  slots: GridSlotDto[];
  @ApiProperty({ type: [GridTableDto], description: 'Les tables où un entretien est placé, par numéro' })
  tables: GridTableDto[];
  @ApiProperty({ type: [StaffAgendaMeetingDto], description: 'Entretiens annulés après annonce (hors grille)' })
  cancelled: StaffAgendaMeetingDto[];
}

/** Le lien personnel de la ou du candidat vers son agenda (montré une fois : seul son empreinte est gardée). */
export class CandidateAgendaLinkDto {
  @ApiProperty({ description: 'Adresse à transmettre à la personne (page de son agenda, sans compte)' })
  url: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class AgendaLinksRevokedDto {
  @ApiProperty({ description: 'Nombre de liens désactivés' })
  revoked: number;
}
