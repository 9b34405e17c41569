import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../../platform/errors/app-error';
import { constraintMeanings, registerConstraintErrors } from '../../../platform/errors/constraint-errors';
import { outcomeLabels, type OutcomeKind } from './outcomes-vocabulary';

const { reference, invalid } = constraintMeanings;

/** Error factories of the outcomes: each reads like the sentence the employer or the CIP gets. */
export const outcomesErrors = {
  alreadyRecorded: (kind?: OutcomeKind, by?: 'employer' | 'cip') =>
    new AppError(
      'EVENT_OUTCOME_ALREADY_RECORDED',
      HttpStatus.CONFLICT,
      'La suite de cet entretien est déjà enregistrée' +
        (kind && by
          ? ` (« ${outcomeLabels[kind]} », par ${by === 'employer' ? 'l’employeur' : 'le ou la CIP'}).`
          : '.') +
        ' Une seule suite par entretien.',
      kind ? { kind, recordedBy: by } : undefined,
    ),
  hireFieldsRequired: () =>
    new AppError(
      'EVENT_OUTCOME_HIRE_FIELDS_REQUIRED',
      HttpStatus.BAD_REQUEST,
      'Une embauche se déclare avec son type de contrat et sa date de début.',
    ),
  hireFieldsOnlyForHire: () =>
    new AppError(
      'EVENT_OUTCOME_HIRE_FIELDS_ONLY_FOR_HIRE',
      HttpStatus.BAD_REQUEST,
      'Le type de contrat et la date de début ne se donnent que pour une embauche.',
    ),
  dateOutOfRange: (eventDate: string, today: string) =>
    new AppError(
      'EVENT_OUTCOME_DATE_OUT_OF_RANGE',
      HttpStatus.BAD_REQUEST,
      `La date d’une suite va du jour de l’événement (${eventDate}) à aujourd’hui (${today}).`,
      { min: eventDate, max: today },
    ),
  startBeforeEvent: (eventDate: string) =>
    new AppError(
      'EVENT_OUTCOME_START_BEFORE_EVENT',
      HttpStatus.BAD_REQUEST,
      `Une embauche commence au plus tôt le jour de l’événement (${eventDate}).`,
      { min: eventDate },
    ),
  meetingNotHeld: () =>
    new AppError(
      'EVENT_OUTCOME_MEETING_NOT_HELD',
      HttpStatus.CONFLICT,
      'Cet entretien n’a pas eu lieu (annulé, absence, ou pas encore commencé) : il n’a pas de suite à déclarer.',
    ),
  cipOnly: () =>
    new AppError(
      'EVENT_OUTCOME_CIP_ONLY',
      HttpStatus.FORBIDDEN,
      'Seul·es les CIP et la direction de la structure du ou de la candidat·e déclarent la suite de ses entretiens.',
    ),
};

registerConstraintErrors({
  UQ_event_outcome_meeting: () => outcomesErrors.alreadyRecorded(),
  CK_event_outcome_hire: () => outcomesErrors.hireFieldsRequired(),
  CK_event_outcome_hire_only: () => outcomesErrors.hireFieldsOnlyForHire(),
  CK_event_outcome_kind: invalid('Une suite est : pas de suite, second entretien, immersion ou embauche.'),
  CK_event_outcome_recorded_by: invalid('Une suite est déclarée par l’employeur ou par le ou la CIP.'),
  CK_event_outcome_contract_type: invalid('Le type de contrat doit être une des valeurs autorisées.'),
  FK_event_outcome_event: reference("L'événement"),
  FK_event_outcome_meeting: reference("L'entretien"),
  FK_event_outcome_user: reference('Le compte'),
  FK_event_outcome_interaction: reference("L'échange avec l'entreprise"),
});
