import { HttpStatus } from '@nestjs/common';
import { AppError, commonErrors } from '../../platform/errors/app-error';
import {
  constraintMeanings,
  registerConstraintErrors,
  registerServerOnlyConstraints,
} from '../../platform/errors/constraint-errors';
import { referentialsErrors } from '../referentials/referentials.errors';

export const SIRET_INVALID_MESSAGE = 'Le SIRET doit comporter 14 chiffres et sa clé de contrôle doit être juste.';

export const structuresErrors = {
  siretInvalid: (details?: unknown) =>
    new AppError('SIRET_INVALID', HttpStatus.BAD_REQUEST, SIRET_INVALID_MESSAGE, details),
  siretTaken: () =>
    new AppError('SIRET_TAKEN', HttpStatus.CONFLICT, 'Une structure est déjà enregistrée avec ce SIRET.'),
  /** The referentials' `UNKNOWN_COMMUNE` (one code for one idea: structures answered `COMMUNE_UNKNOWN` before). */
  communeUnknown: (code: string) => referentialsErrors.unknownCommune(code),
  siaeNotFound: () => new AppError('SIAE_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette structure est introuvable.'),
  memberNotFound: () =>
    new AppError('SIAE_MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, "Cette personne n'est pas membre de la structure."),
  directionOnly: () => commonErrors.forbidden(undefined, 'Seule la direction de la structure peut faire cette action.'),
  lastDirection: () =>
    new AppError(
      'LAST_DIRECTION',
      HttpStatus.CONFLICT,
      'La structure doit garder au moins une personne de direction : nommez-en une autre avant.',
    ),
  alreadyMember: () =>
    new AppError('ALREADY_MEMBER', HttpStatus.CONFLICT, 'Cette personne est déjà membre de la structure.'),

  invitationNotFound: () =>
    new AppError(
      'INVITATION_NOT_FOUND',
      HttpStatus.NOT_FOUND,
      "Cette invitation n'existe pas. Vérifiez le lien reçu par e-mail.",
    ),
  invitationExpired: () =>
    new AppError(
      'INVITATION_EXPIRED',
      HttpStatus.GONE,
      'Cette invitation a expiré : demandez à la personne qui vous a invité·e de vous la renvoyer.',
    ),
  invitationUsed: () =>
    new AppError(
      'INVITATION_USED',
      HttpStatus.GONE,
      'Cette invitation a déjà été utilisée : connectez-vous avec votre compte.',
    ),
  invitationRevoked: () =>
    new AppError(
      'INVITATION_REVOKED',
      HttpStatus.GONE,
      'Cette invitation a été annulée ou remplacée par une invitation plus récente.',
    ),
  invitationPending: () =>
    new AppError(
      'INVITATION_PENDING',
      HttpStatus.CONFLICT,
      'Une invitation est déjà en cours pour cette adresse : réessayez dans un instant.',
    ),
  invitationNotPending: () =>
    new AppError(
      'INVITATION_NOT_PENDING',
      HttpStatus.CONFLICT,
      "Cette invitation n'est plus en attente : elle ne peut pas être annulée.",
    ),
  invitationNeedsLogin: () =>
    new AppError(
      'INVITATION_LOGIN_REQUIRED',
      HttpStatus.UNAUTHORIZED,
      'Un compte existe déjà pour cette adresse : connectez-vous avec ce compte pour accepter l’invitation.',
    ),
  invitationOtherAccount: () =>
    new AppError(
      'INVITATION_WRONG_ACCOUNT',
      HttpStatus.FORBIDDEN,
      'Cette invitation est adressée à une autre adresse e-mail que celle de votre compte.',
    ),
  invitationAccountDetailsRequired: () =>
    commonErrors.validation([
      { field: 'displayName', problems: ['obligatoire pour créer votre compte'] },
      { field: 'password', problems: ['obligatoire pour créer votre compte (au moins 10 caractères)'] },
    ]),

  collectiveNotFound: () => new AppError('COLLECTIVE_NOT_FOUND', HttpStatus.NOT_FOUND, 'Ce collectif est introuvable.'),
  coordinatorOnly: () =>
    commonErrors.forbidden(undefined, 'Seuls les coordinateurs du collectif peuvent faire cette action.'),
  alreadyInCollective: () =>
    new AppError(
      'ALREADY_IN_COLLECTIVE',
      HttpStatus.CONFLICT,
      'Cette structure est déjà membre du collectif ou y est déjà invitée.',
    ),
  collectiveInvitationNotFound: () =>
    new AppError(
      'COLLECTIVE_INVITATION_NOT_FOUND',
      HttpStatus.NOT_FOUND,
      'Aucune invitation en attente de ce collectif pour cette structure.',
    ),
  notActiveInCollective: () =>
    new AppError(
      'COLLECTIVE_MEMBER_NOT_FOUND',
      HttpStatus.NOT_FOUND,
      "Cette structure n'est pas membre actif du collectif.",
    ),
  coordinatorNotFound: () =>
    new AppError('COORDINATOR_NOT_FOUND', HttpStatus.NOT_FOUND, "Cette personne n'est pas coordinatrice du collectif."),
  alreadyCoordinator: () =>
    new AppError('ALREADY_COORDINATOR', HttpStatus.CONFLICT, 'Cette personne coordonne déjà le collectif.'),
  coordinatorMustBeMember: () =>
    new AppError(
      'COORDINATOR_NOT_IN_COLLECTIVE',
      HttpStatus.UNPROCESSABLE_ENTITY,
      "Seule une personne d'une structure membre active du collectif peut en devenir coordinatrice ; sinon, invitez-la par e-mail.",
    ),
  lastCoordinator: () =>
    new AppError(
      'LAST_COORDINATOR',
      HttpStatus.CONFLICT,
      'Le collectif doit garder au moins un coordinateur : nommez-en un autre avant.',
    ),
};

// Races that get past the checks in code reach these constraints; they answer with the same codes.
registerConstraintErrors({
  UQ_siae_siret: () => structuresErrors.siretTaken(),
  UQ_siae_membership_user_siae: () => structuresErrors.alreadyMember(),
  UQ_user_invitation_pending_siae: () => structuresErrors.invitationPending(),
  UQ_user_invitation_pending_collective: () => structuresErrors.invitationPending(),
  UQ_user_invitation_pending_admin: () => structuresErrors.invitationPending(),
  UQ_collective_membership_open: () => structuresErrors.alreadyInCollective(),
  PK_collective_coordinator: () => structuresErrors.alreadyCoordinator(),
});

const { reference, invalid } = constraintMeanings;

// The other constraints of the tables of structures: a value a DTO already checks, or an id that vanished meanwhile.
registerConstraintErrors({
  CK_siae_kind: invalid('Le type de structure doit être ACI, AI, EI, ETTI, EITI ou EBE.'),
  CK_siae_siret_digits: () => structuresErrors.siretInvalid(),
  FK_siae_commune: () => structuresErrors.communeUnknown('?'),
  CK_siae_membership_role: invalid('Le rôle doit être direction, cip ou charge_dev.'),
  FK_siae_membership_siae: reference('La structure'),
  FK_siae_membership_user: reference('Le compte'),
  CK_collective_membership_status: invalid("L'adhésion doit être invited, active, declined ou left."),
  FK_collective_membership_collective: reference('Le collectif'),
  FK_collective_membership_siae: reference('La structure'),
  FK_collective_coordinator_collective: reference('Le collectif'),
  FK_collective_coordinator_user: reference('Le compte'),
  CK_user_invitation_email_lowercase: invalid("L'adresse e-mail d'une invitation s'écrit en minuscules."),
  CK_user_invitation_target: invalid(
    'Une invitation vise soit une structure avec un rôle (direction, cip, charge_dev), soit un collectif (coordination).',
  ),
  FK_user_invitation_accepted_by: reference('Le compte'),
  FK_user_invitation_collective: reference('Le collectif'),
  FK_user_invitation_invited_by: reference('Le compte'),
  FK_user_invitation_siae: reference('La structure'),
});

registerServerOnlyConstraints({
  CK_user_invitation_accepted:
    'status and accepted_at are set together by the invitation service, never from a request',
  CK_user_invitation_status: "the invitation's state machine writes its status; no request field carries it",
  UQ_user_invitation_token_hash: 'hash of 32 random bytes drawn by the service',
});
