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
  forbidden: (details?: unknown, message = 'Votre rôle ne permet pas cette action.') =>
    new AppError('FORBIDDEN', HttpStatus.FORBIDDEN, message, details),
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
  /** A value the database refuses (its CHECK constraint) that no DTO rule caught first: the sentence says the rule. */
  invalidValue: (message = "Une valeur envoyée n'a pas le format attendu.") =>
    new AppError('INVALID_VALUE', HttpStatus.BAD_REQUEST, message),
  alreadyExists: (message: string) => new AppError('ALREADY_EXISTS', HttpStatus.CONFLICT, message),
  stillReferenced: (what: string) =>
    new AppError(
      'STILL_REFERENCED',
      HttpStatus.CONFLICT,
      `${what} est encore utilisé·e ailleurs : retirez d'abord ce qui y renvoie.`,
    ),
  /** A character refused by the platform text rules (src/platform/input), or one PostgreSQL cannot store. */
  invalidCharacter: (details?: unknown) =>
    new AppError(
      'INVALID_CHARACTER',
      HttpStatus.BAD_REQUEST,
      'Un texte envoyé contient un caractère interdit (caractère de contrôle ou de mise en forme invisible).',
      details,
    ),
  invalidEncoding: (where: 'body' | 'query') =>
    new AppError(
      'INVALID_ENCODING',
      HttpStatus.BAD_REQUEST,
      where === 'body'
        ? "Le corps de la requête n'est pas de l'UTF-8 valide."
        : "Les paramètres de l'adresse ne sont pas de l'UTF-8 valide.",
    ),
  internal: () =>
    new AppError(
      'INTERNAL_ERROR',
      HttpStatus.INTERNAL_SERVER_ERROR,
      'Une erreur interne est survenue. Elle a été enregistrée.',
    ),
};
