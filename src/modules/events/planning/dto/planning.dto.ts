import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../../../platform/input/text-rules';
import { meetingStatuses, planningPhases, planningRunStatuses, planStatuses } from '../planning-vocabulary';
import type { MeetingStatus, PlanningPhase, PlanningRunStatus, PlanStatus } from '../planning-vocabulary';

/** Default time the engine may take; real events are proven optimal in well under a second. */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;

export class LaunchPlanningDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 600,
    default: DEFAULT_TIME_LIMIT_SECONDS,
    description: 'Temps de calcul maximal (secondes) ; le planning rendu est le meilleur trouvé, avec son écart prouvé',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitSeconds?: number;
}

export class CancelMeetingDto {
  @ApiProperty({ maxLength: 500, example: 'L’employeur ne recrute plus sur ce poste.' })
  @IsString()
  @MultilineText()
  @MaxLength(500)
  reason: string;
}

export class PlanningRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ enum: planningRunStatuses })
  status: PlanningRunStatus;
  @ApiProperty({ enum: planningPhases, nullable: true, description: 'Étape en cours (null une fois terminé)' })
  phase: PlanningPhase | null;
  @ApiProperty({ minimum: 0, maximum: 100 })
  progress: number;
  @ApiProperty()
  timeLimitSeconds: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Re-planification à partir de ce créneau (position)' })
  fromSlotPosition: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Valeur du planning (poids des rencontres + bonus)' })
  objective: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Borne supérieure prouvée de la meilleure valeur possible',
  })
  bound: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Borne − valeur : 0 = optimal prouvé' })
  gap: number | null;
  @ApiProperty({ enum: planStatuses, nullable: true })
  planStatus: PlanStatus | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Nombre de rencontres du planning de ce calcul' })
  meetings: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Candidat·es ayant au moins une rencontre' })
  coveredCandidates: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Statistiques du moteur' })
  stats: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
  @ApiProperty()
  attempts: number;
  @ApiProperty({ description: 'Ce calcul est le planning actuel de l’événement' })
  isCurrent: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

/**
 * A meeting of an event's plan, named by who meets whom: the candidate's registration and the employer's invitation (one
 * meeting per pair for the life of the event, `UQ_event_meeting_pair`). Every view of a meeting (the plan, a comparison
 * of runs, the staff's agendas and grid) extends it with what it shows.
 */
export class MeetingPairDto {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty({ format: 'uuid' })
  invitationId: string;
}

export class PlanMeetingDto extends MeetingPairDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Identifiant stable (UID iCalendar)' })
  id: string | null;
  @ApiProperty({ description: 'Pseudonyme du profil partagé' })
  pseudonym: string;
  @ApiProperty()
  employer: string;
  @ApiProperty({ format: 'uuid' })
  slotId: string;
  @ApiProperty()
  slotPosition: number;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
  @ApiProperty()
  tableNumber: number;
  @ApiProperty({ enum: meetingStatuses })
  status: MeetingStatus;
  @ApiProperty()
  sequence: number;
}

export class CurrentPlanDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ type: PlanningRunDto, nullable: true, description: 'Le calcul dont vient le planning actuel' })
  currentRun: PlanningRunDto | null;
  @ApiProperty({ type: PlanningRunDto, nullable: true, description: 'Un calcul en attente ou en cours' })
  activeRun: PlanningRunDto | null;
  @ApiProperty({ type: [PlanMeetingDto], description: 'Rencontres vivantes (prévues, annoncées, tenues)' })
  meetings: PlanMeetingDto[];
}

export class MovedMeetingDto extends MeetingPairDto {
  @ApiProperty({ format: 'uuid' })
  fromSlotId: string;
  @ApiProperty()
  fromTable: number;
  @ApiProperty({ format: 'uuid' })
  toSlotId: string;
  @ApiProperty()
  toTable: number;
}

export class ComparedMeetingDto extends MeetingPairDto {
  @ApiProperty({ format: 'uuid' })
  slotId: string;
  @ApiProperty()
  tableNumber: number;
}

export class PlanningComparisonDto {
  @ApiProperty({ type: PlanningRunDto })
  base: PlanningRunDto;
  @ApiProperty({ type: PlanningRunDto })
  other: PlanningRunDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Valeur de l’autre calcul − valeur du premier' })
  objectiveDelta: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Écart de l’autre calcul − écart du premier' })
  gapDelta: number | null;
  @ApiProperty({ type: [ComparedMeetingDto], description: 'Rencontres de l’autre calcul absentes du premier' })
  added: ComparedMeetingDto[];
  @ApiProperty({ type: [ComparedMeetingDto], description: 'Rencontres du premier calcul absentes de l’autre' })
  removed: ComparedMeetingDto[];
  @ApiProperty({ type: [MovedMeetingDto], description: 'Même binôme, autre créneau ou autre table' })
  moved: MovedMeetingDto[];
  @ApiProperty({ description: 'Rencontres identiques dans les deux calculs' })
  unchanged: number;
}
