import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../../platform/errors/app-error';
import { registerConstraintErrors } from '../../../platform/errors/constraint-errors';
import type { EventStatus } from '../events-vocabulary';

/** Error factories of the day (check-in, walk-ins, departures, re-planning): each reads like the sentence the user gets. */
export const dayErrors = {
  notOnTheDay: (status: EventStatus) =>
    new AppError(
      'EVENT_DAY_NOT_STARTED',
      HttpStatus.CONFLICT,
      'Le pointage, les inscriptions sur place et la replanification se font le jour de l’événement, une fois le planning publié.',
      { status },
    ),
  candidateNotAccepted: () =>
    new AppError(
      'EVENT_PRESENCE_NOT_ACCEPTED',
      HttpStatus.CONFLICT,
      'Seules les inscriptions acceptées se pointent (présente ou absente).',
    ),
  employerNotConfirmed: () =>
    new AppError(
      'EVENT_PRESENCE_NOT_CONFIRMED',
      HttpStatus.CONFLICT,
      'Seuls les employeurs qui ont confirmé leur participation se pointent (présent, absent ou parti).',
    ),
  departureBeforeArrival: () =>
    new AppError(
      'EVENT_DEPARTURE_BEFORE_ARRIVAL',
      HttpStatus.CONFLICT,
      'Un employeur ne part qu’après avoir été pointé présent : pointez d’abord son arrivée.',
    ),
  departureSlotPassed: () =>
    new AppError(
      'EVENT_DEPARTURE_SLOT_PASSED',
      HttpStatus.CONFLICT,
      'Un départ se note à partir d’un créneau qui n’a pas encore commencé.',
    ),
  noSlotLeft: () =>
    new AppError(
      'EVENT_NO_SLOT_LEFT',
      HttpStatus.CONFLICT,
      'Tous les créneaux ont commencé : il n’y a plus rien à replanifier.',
    ),
  noPlanYet: () =>
    new AppError(
      'EVENT_NO_PLAN',
      HttpStatus.CONFLICT,
      'Cet événement n’a pas encore de planning : lancez d’abord une planification.',
    ),
};

registerConstraintErrors({
  CK_event_registration_presence: () =>
    new AppError(
      'EVENT_PRESENCE_CONFLICT',
      HttpStatus.CONFLICT,
      'Une personne est présente ou absente, pas les deux : annulez d’abord le pointage précédent.',
    ),
  CK_event_registration_presence_accepted: () =>
    new AppError(
      'EVENT_PRESENCE_NOT_ACCEPTED',
      HttpStatus.CONFLICT,
      'Seules les inscriptions acceptées se pointent ; une inscription pointée ne change plus d’état sans annuler le pointage.',
    ),
  CK_event_invitation_presence: () =>
    new AppError(
      'EVENT_PRESENCE_CONFLICT',
      HttpStatus.CONFLICT,
      'Un employeur est présent ou absent, pas les deux : annulez d’abord le pointage précédent.',
    ),
  CK_event_invitation_left: () => dayErrors.departureBeforeArrival(),
  CK_event_invitation_presence_confirmed: () => dayErrors.employerNotConfirmed(),
});
