import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';

export const MAX_PERIOD_DAYS = 366;

/** Error factories of the impact reports. */
export const reportsErrors = {
  periodInvalid: () =>
    new AppError(
      'REPORT_PERIOD_INVALID',
      HttpStatus.BAD_REQUEST,
      `La période d’un bilan va d’une date à une date égale ou postérieure, sur ${MAX_PERIOD_DAYS} jours au plus.`,
      { maxDays: MAX_PERIOD_DAYS },
    ),
  coordinatorOnly: () =>
    new AppError(
      'REPORT_COORDINATOR_ONLY',
      HttpStatus.FORBIDDEN,
      'Seul·es les coordinateur·rices du collectif lisent son bilan sur une période.',
    ),
};
