import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../../platform/errors/app-error';
import {
  constraintMeanings,
  registerConstraintErrors,
  registerServerOnlyConstraints,
} from '../../../platform/errors/constraint-errors';

/** Error factories of the plan: each reads like the sentence the organiser gets. */
export const planningErrors = {
  notPlanning: (status: string) =>
    new AppError(
      'PLANNING_EVENT_NOT_PLANNING',
      HttpStatus.CONFLICT,
      `Un planning se calcule quand l’événement est « en planification » (il est « ${status} »).`,
      { status },
    ),
  runActive: () =>
    new AppError(
      'PLANNING_RUN_ACTIVE',
      HttpStatus.CONFLICT,
      'Un calcul de planning est déjà en cours pour cet événement : attendez qu’il se termine.',
    ),
  runNotFound: () =>
    new AppError('PLANNING_RUN_NOT_FOUND', HttpStatus.NOT_FOUND, 'Ce calcul de planning est introuvable.'),
  runNotSucceeded: (status: string) =>
    new AppError(
      'PLANNING_RUN_NOT_SUCCEEDED',
      HttpStatus.CONFLICT,
      `Ce calcul de planning n’a pas abouti (état « ${status} ») : il n’a pas de planning à appliquer.`,
      { status },
    ),
  noCurrentPlan: () =>
    new AppError(
      'PLANNING_NO_CURRENT_PLAN',
      HttpStatus.CONFLICT,
      'Aucun planning calculé pour cet événement : lancez un calcul et attendez qu’il aboutisse avant de publier.',
    ),
  planStale: (reason: string) =>
    new AppError(
      'PLANNING_PLAN_STALE',
      HttpStatus.CONFLICT,
      `Ce planning ne correspond plus à l’événement (${reason}) : relancez un calcul.`,
      { reason },
    ),
  meetingNotFound: () =>
    new AppError('PLANNING_MEETING_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cet entretien est introuvable.'),
  meetingNotCancellable: (status: string) =>
    new AppError(
      'PLANNING_MEETING_NOT_CANCELLABLE',
      HttpStatus.CONFLICT,
      `Seul un entretien prévu ou annoncé peut être annulé (celui-ci est « ${status} »).`,
      { status },
    ),
  tableTaken: () =>
    new AppError(
      'PLANNING_TABLE_TAKEN',
      HttpStatus.CONFLICT,
      'Cette table a déjà un entretien à ce créneau (une table, un entretien par créneau).',
    ),
  candidateBusy: () =>
    new AppError(
      'PLANNING_CANDIDATE_BUSY',
      HttpStatus.CONFLICT,
      'Ce ou cette candidat·e a déjà un entretien à ce créneau (une personne, un lieu par créneau).',
    ),
  pairExists: () =>
    new AppError(
      'PLANNING_PAIR_EXISTS',
      HttpStatus.CONFLICT,
      'Ce ou cette candidat·e et cet employeur ont déjà un entretien (une rencontre par binôme).',
    ),
};

const { reference } = constraintMeanings;

registerConstraintErrors({
  UQ_event_meeting_table: () => planningErrors.tableTaken(),
  UQ_event_meeting_candidate_slot: () => planningErrors.candidateBusy(),
  UQ_event_meeting_pair: () => planningErrors.pairExists(),
  UQ_event_planning_run_active: () => planningErrors.runActive(),
  FK_event_planning_run_event: reference("L'événement"),
  FK_event_meeting_event: reference("L'événement"),
  FK_event_meeting_run: reference('Le calcul de planning'),
  FK_event_meeting_registration: reference("L'inscription"),
  FK_event_meeting_invitation: reference("L'invitation"),
  FK_event_meeting_slot: reference('Le créneau'),
  FK_event_plan_notice_event: reference("L'événement"),
  CK_event_planning_run_time_limit: constraintMeanings.invalid('La durée de calcul doit être entre 1 et 600 secondes.'),
  CK_event_planning_run_from_position: constraintMeanings.invalid('Un créneau de départ se numérote à partir de 1.'),
  CK_event_meeting_table: constraintMeanings.invalid('Un numéro de table commence à 1.'),
});

registerServerOnlyConstraints({
  PK_event_plan_notice: 'the notification job inserts its own job id with ON CONFLICT DO NOTHING',
  UQ_event_planning_run_current: 'the plan service switches the current run in one transaction under the event lock',
  CK_event_planning_run_status: "the run's state machine writes its status",
  CK_event_planning_run_phase: 'the planning job writes its phase',
  CK_event_planning_run_plan_status: "the planning job writes the engine's status",
  CK_event_planning_run_progress: 'the planning job writes its progress',
  CK_event_meeting_status: "the plan service writes the meeting's status",
  CK_event_meeting_sequence: 'the plan service only raises the sequence',
  CK_event_meeting_announced: 'publication sets announced_at together with the announced status',
  CK_event_meeting_cancelled: 'cancellation sets cancelled_at together with the cancelled status',
});
