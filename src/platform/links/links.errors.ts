import { HttpStatus } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { registerConstraintErrors } from '../errors/constraint-errors';

/**
 * Every refusal carries a code and a French sentence, never data of the link's scope: whoever holds a wrong, expired or
 * foreign link learns nothing about the event, the company or the proposal behind it.
 */
export const linkErrors = {
  invalid: () =>
    new AppError(
      'EMPLOYER_LINK_INVALID',
      HttpStatus.UNAUTHORIZED,
      "Ce lien n'est pas valide : vérifiez qu'il est complet (copiez-le en entier depuis l'e-mail) ou demandez un nouveau lien à l'organisateur.",
    ),
  expired: () =>
    new AppError(
      'EMPLOYER_LINK_EXPIRED',
      HttpStatus.GONE,
      "Ce lien a expiré : demandez un nouveau lien à l'organisateur qui vous l'a envoyé.",
    ),
  revoked: () =>
    new AppError(
      'EMPLOYER_LINK_REVOKED',
      HttpStatus.GONE,
      "Ce lien a été désactivé par l'organisateur : demandez-lui un nouveau lien si besoin.",
    ),
  sessionRequired: () =>
    new AppError(
      'EMPLOYER_SESSION_REQUIRED',
      HttpStatus.UNAUTHORIZED,
      "Votre session a expiré ou n'est pas ouverte : rouvrez le lien personnel reçu par e-mail.",
    ),
  /** Another event's, company's or proposal's resource: answered as if it did not exist. */
  outOfScope: () =>
    new AppError('EMPLOYER_LINK_OUT_OF_SCOPE', HttpStatus.NOT_FOUND, 'Cette page est introuvable avec votre lien.'),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(
      'EMPLOYER_LINK_RATE_LIMITED',
      HttpStatus.TOO_MANY_REQUESTS,
      `Trop d'ouvertures de liens depuis votre adresse : réessayez dans ${retryAfterSeconds} secondes.`,
      { retryAfterSeconds },
    ),
  expiryNotAfterCreation: () =>
    new AppError(
      'EMPLOYER_LINK_EXPIRY_INVALID',
      HttpStatus.BAD_REQUEST,
      "La date d'expiration d'un lien employeur doit être postérieure à sa création.",
    ),
};

registerConstraintErrors({
  CHK_employer_link_expiry: linkErrors.expiryNotAfterCreation,
  CHK_employer_session_expiry: linkErrors.expired,
  // A 256-bit random token never collides; if a hash ever did, the safe answer is "invalid", never another's link.
  UQ_employer_link_token_hash: linkErrors.invalid,
  UQ_employer_session_token_hash: linkErrors.invalid,
});
