import { HttpStatus } from '@nestjs/common';
import { AppError } from '../errors/app-error';

export const authErrors = {
  invalidCredentials: () =>
    new AppError('INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED, 'Adresse e-mail ou mot de passe incorrect.'),
  sessionExpired: () =>
    new AppError(
      'SESSION_EXPIRED',
      HttpStatus.UNAUTHORIZED,
      'Votre session a expiré ou a été fermée : reconnectez-vous.',
    ),
  invalidToken: () =>
    new AppError(
      'INVALID_TOKEN',
      HttpStatus.UNAUTHORIZED,
      "Jeton invalide : il n'a pas été délivré par ce service ou a été modifié. Reconnectez-vous.",
    ),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(
      'LOGIN_RATE_LIMITED',
      HttpStatus.TOO_MANY_REQUESTS,
      `Trop de tentatives de connexion : réessayez dans ${retryAfterSeconds} secondes.`,
      { retryAfterSeconds },
    ),
  wrongCurrentPassword: () =>
    new AppError('WRONG_CURRENT_PASSWORD', HttpStatus.BAD_REQUEST, 'Le mot de passe actuel est incorrect.'),
  emailTaken: () =>
    new AppError('EMAIL_TAKEN', HttpStatus.CONFLICT, 'Un compte existe déjà avec cette adresse e-mail.'),
};
