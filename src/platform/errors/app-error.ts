import { HttpStatus } from '@nestjs/common';

/** A domain error the API can show as it is: a stable machine code, a French sentence and optional details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Errors every module shares. Module-specific ones live in `<module>.errors.ts`. */
export const commonErrors = {
  notFound: (what = 'La ressource', details?: unknown) =>
    new AppError('NOT_FOUND', HttpStatus.NOT_FOUND, `${what} est introuvable.`, details),
  unauthenticated: () =>
    new AppError(
      'UNAUTHENTICATED',
      HttpStatus.UNAUTHORIZED,
      'Authentification requise : connectez-vous pour continuer.',
    ),
  forbidden: (details?: unknown) =>
    new AppError('FORBIDDEN', HttpStatus.FORBIDDEN, 'Votre rôle ne permet pas cette action.', details),
  invalidId: () =>
    new AppError('INVALID_ID', HttpStatus.BAD_REQUEST, "L'identifiant dans l'adresse n'est pas un UUID valide."),
  validation: (details: unknown) =>
    new AppError('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, 'Certaines données envoyées sont invalides.', details),
  conflict: (code: string, message: string, details?: unknown) =>
    new AppError(code, HttpStatus.CONFLICT, message, details),
  tooManyRequests: () =>
    new AppError(
      'TOO_MANY_REQUESTS',
      HttpStatus.TOO_MANY_REQUESTS,
      'Trop de tentatives : réessayez dans quelques instants.',
    ),
  internal: () =>
    new AppError(
      'INTERNAL_ERROR',
      HttpStatus.INTERNAL_SERVER_ERROR,
      'Une erreur interne est survenue. Elle a été enregistrée.',
    ),
};
