import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';
import { registerConstraintErrors } from '../../platform/errors/constraint-errors';
import type { EventStatus } from './events-vocabulary';
import { candidatesErrors } from '../candidates/candidates.errors';
import { employerNetworkErrors } from '../employer-network/employer-network.errors';
import { referentialsErrors } from '../referentials/referentials.errors';

const statusLabels: Record<EventStatus, string> = {
  draft: 'brouillon',
  open: 'ouvert aux inscriptions',
  planning: 'en planification',
  published: 'planning publié',
  running: 'en cours',
  closed: 'clos',
  cancelled: 'annulé',
};

export interface FreeCell {
  slotId: string;
  position: number;
  table: number;
}

/** Error factories of events: each reads like the sentence the user gets. */
export const eventsErrors = {
  eventNotFound: () => new AppError('EVENT_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cet événement est introuvable.'),
  organiserOnly: () =>
    new AppError(
      'EVENT_ORGANISER_ONLY',
      HttpStatus.FORBIDDEN,
      'Seul·es les coordinateur·rices du collectif et les co-organisateur·rices de l’événement peuvent faire cela.',
    ),
  coordinatorOnly: () =>
    new AppError(
      'EVENT_COORDINATOR_ONLY',
      HttpStatus.FORBIDDEN,
      'Seul·es les coordinateur·rices du collectif peuvent faire cela.',
    ),
  transitionNotAllowed: (from: EventStatus, to: EventStatus, allowed: readonly EventStatus[]) =>
    new AppError(
      'EVENT_TRANSITION_NOT_ALLOWED',
      HttpStatus.CONFLICT,
      `Un événement ${statusLabels[from]} ne peut pas passer à « ${statusLabels[to]} »` +
        (allowed.length
          ? ` (possible : ${allowed.map((s) => `« ${statusLabels[s]} »`).join(', ')}).`
          : ' : il est terminé.'),
      { from, to, allowed },
    ),
  notEditable: (status: EventStatus) =>
    new AppError(
      'EVENT_NOT_EDITABLE',
      HttpStatus.CONFLICT,
      `Les horaires, créneaux et tables ne se modifient qu’à l’état brouillon (événement ${statusLabels[status]}).`,
      { status },
    ),
  notOpen: (status: EventStatus) =>
    new AppError(
      'EVENT_NOT_OPEN',
      HttpStatus.CONFLICT,
      `L’événement n’est pas ouvert aux inscriptions (il est ${statusLabels[status]}).`,
      { status },
    ),
  badWindows: (reason: string) =>
    new AppError('EVENT_WINDOWS_INVALID', HttpStatus.BAD_REQUEST, `Plages horaires invalides : ${reason}.`),
  noSlot: () =>
    new AppError(
      'EVENT_NO_SLOT',
      HttpStatus.BAD_REQUEST,
      'Ces plages horaires ne contiennent aucun créneau complet : allongez-les ou raccourcissez les créneaux.',
    ),
  tooManySlots: (max: number) =>
    new AppError('EVENT_TOO_MANY_SLOTS', HttpStatus.BAD_REQUEST, `Un événement compte au plus ${max} créneaux.`),
  unknownCommune: () => referentialsErrors.unknownCommune(),
  organiserNotMemberStaff: () =>
    new AppError(
      'EVENT_ORGANISER_NOT_MEMBER_STAFF',
      HttpStatus.BAD_REQUEST,
      'Un·e co-organisateur·rice doit faire partie de l’équipe d’une structure membre active du collectif.',
    ),
  organiserExists: () =>
    new AppError('EVENT_ORGANISER_EXISTS', HttpStatus.CONFLICT, 'Cette personne co-organise déjà cet événement.'),
  quotaMoveTooLarge: (available: number) =>
    new AppError(
      'EVENT_QUOTA_MOVE_TOO_LARGE',
      HttpStatus.CONFLICT,
      `La structure ne peut céder que ses places inutilisées (${available} au plus).`,
      { available },
    ),
  quotaSiaeNotMember: () =>
    new AppError(
      'EVENT_QUOTA_SIAE_NOT_MEMBER',
      HttpStatus.BAD_REQUEST,
      'Les places ne se donnent qu’aux structures membres actives du collectif.',
    ),
  // invitations
  invitationExists: () =>
    new AppError('EVENT_INVITATION_EXISTS', HttpStatus.CONFLICT, 'Cette entreprise est déjà invitée à cet événement.'),
  pooledCompanyNotFound: () => employerNetworkErrors.pooledCompanyNotFound(),
  invitationNotFound: () =>
    new AppError('EVENT_INVITATION_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette invitation est introuvable.'),
  contactNotShared: () =>
    new AppError(
      'EVENT_CONTACT_NOT_SHARED',
      HttpStatus.BAD_REQUEST,
      'Ce contact n’est pas un contact partagé de cette entreprise mutualisée, ou il n’a pas d’adresse e-mail.',
    ),
  noContact: () =>
    new AppError(
      'EVENT_NO_CONTACT',
      HttpStatus.BAD_REQUEST,
      'Cette entreprise mutualisée n’a aucun contact partagé avec une adresse e-mail : impossible d’envoyer le lien.',
    ),
  // employer link
  employerDeadlinePassed: () =>
    new AppError(
      'EVENT_EMPLOYER_DEADLINE_PASSED',
      HttpStatus.CONFLICT,
      'La date limite d’inscription des employeurs est passée.',
    ),
  alreadyDeclined: () =>
    new AppError(
      'EVENT_INVITATION_DECLINED',
      HttpStatus.CONFLICT,
      'Vous avez décliné cette invitation : demandez aux organisateur·rices de la rouvrir.',
    ),
  pauseTooFar: (max: string) =>
    new AppError(
      'EVENT_PAUSE_TOO_FAR',
      HttpStatus.BAD_REQUEST,
      `Une pause des sollicitations se demande pour une date à venir, au plus tard le ${max}.`,
      { max },
    ),
  cellsTaken: (free: FreeCell[]) =>
    new AppError(
      'EVENT_CELL_TAKEN',
      HttpStatus.CONFLICT,
      free.length > 0
        ? `Une table demandée vient d’être réservée par un autre employeur. Il reste ${free.length} emplacement(s) libre(s) : choisissez parmi eux.`
        : 'Une table demandée vient d’être réservée par un autre employeur, et il ne reste plus aucun emplacement libre.',
      { free },
    ),
  cellOutOfRoom: (tableCount: number) =>
    new AppError(
      'EVENT_CELL_OUT_OF_ROOM',
      HttpStatus.BAD_REQUEST,
      `Un emplacement demandé n’existe pas : les tables vont de 1 à ${tableCount}, et les créneaux sont ceux de l’événement.`,
      { tableCount },
    ),
  tablesPerSlotExceeded: (tables: number) =>
    new AppError(
      'EVENT_TABLES_PER_SLOT_EXCEEDED',
      HttpStatus.BAD_REQUEST,
      `Vous avez demandé ${tables} table(s) : pas plus de ${tables} emplacement(s) par créneau.`,
      { tables },
    ),
  idempotencyKeyReused: () =>
    new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      HttpStatus.CONFLICT,
      'Cette clé d’idempotence a déjà servi pour une autre demande.',
    ),
  needNotOfCompany: () =>
    new AppError(
      'EVENT_NEED_NOT_OF_COMPANY',
      HttpStatus.BAD_REQUEST,
      'Ce besoin de recrutement n’est pas celui de votre entreprise.',
    ),
  unknownAppellation: () => referentialsErrors.unknownAppellation(),
  notConfirmed: () =>
    new AppError(
      'EVENT_EMPLOYER_NOT_CONFIRMED',
      HttpStatus.CONFLICT,
      'Confirmez d’abord votre participation (tables et créneaux).',
    ),
  tooManyPriorities: (max: number) =>
    new AppError(
      'EVENT_TOO_MANY_PRIORITIES',
      HttpStatus.BAD_REQUEST,
      `Au plus ${max} candidat·es peuvent être marqué·es « prioritaire ».`,
      { max },
    ),
  candidateNotShown: () =>
    new AppError(
      'EVENT_CANDIDATE_NOT_AVAILABLE',
      HttpStatus.BAD_REQUEST,
      'Ce profil n’est pas (ou plus) proposé aux employeurs de cet événement.',
    ),
  // registrations
  candidateNotFound: () => candidatesErrors.candidateNotFound(),
  cipOnly: () =>
    new AppError(
      'EVENT_REGISTRATION_CIP_ONLY',
      HttpStatus.FORBIDDEN,
      'Seul·es les CIP et la direction de la structure inscrivent ses candidat·es.',
    ),
  siaeNotMember: () =>
    new AppError(
      'EVENT_SIAE_NOT_MEMBER',
      HttpStatus.FORBIDDEN,
      'La structure de ce ou cette candidat·e n’est pas membre active du collectif organisateur.',
    ),
  noEmployerConsent: () =>
    new AppError(
      'EVENT_NO_EMPLOYER_CONSENT',
      HttpStatus.CONFLICT,
      'Aucun consentement actif au partage avec des employeurs (portée « employers ») : enregistrez-le avant d’inscrire.',
    ),
  noProfile: () =>
    new AppError(
      'EVENT_NO_PROFILE',
      HttpStatus.CONFLICT,
      'Ce ou cette candidat·e n’a pas de profil partagé : les employeurs ne verraient rien.',
    ),
  alreadyRegistered: () =>
    new AppError(
      'EVENT_ALREADY_REGISTERED',
      HttpStatus.CONFLICT,
      'Ce ou cette candidat·e est déjà inscrit·e à cet événement.',
    ),
  quotaFull: (places: number) =>
    new AppError(
      'EVENT_SIAE_QUOTA_FULL',
      HttpStatus.CONFLICT,
      `Les ${places} place(s) de votre structure pour cet événement sont prises. Inscrivez en liste d’attente ou demandez une place à la coordination.`,
      { places },
    ),
  candidateDeadlinePassed: () =>
    new AppError(
      'EVENT_CANDIDATE_DEADLINE_PASSED',
      HttpStatus.CONFLICT,
      'La date limite d’inscription des candidat·es est passée.',
    ),
  registrationNotFound: () =>
    new AppError('EVENT_REGISTRATION_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette inscription est introuvable.'),
  decisionNotAllowed: (from: string, to: string) =>
    new AppError(
      'EVENT_REGISTRATION_DECISION_NOT_ALLOWED',
      HttpStatus.CONFLICT,
      `Une inscription « ${from} » ne peut pas passer à « ${to} ».`,
      { from, to },
    ),
  slotNotOfEvent: () =>
    new AppError(
      'EVENT_SLOT_UNKNOWN',
      HttpStatus.BAD_REQUEST,
      'Un créneau indiqué n’est pas un créneau de cet événement.',
    ),
  wishNotOfEvent: () =>
    new AppError(
      'EVENT_WISH_UNKNOWN',
      HttpStatus.BAD_REQUEST,
      'Un employeur souhaité n’est pas un employeur invité à cet événement.',
    ),
  registrationNotEditable: (why: 'event' | 'registration', status: string) =>
    new AppError(
      'EVENT_REGISTRATION_NOT_EDITABLE',
      HttpStatus.CONFLICT,
      why === 'event'
        ? `Une inscription ne se modifie plus une fois la planification commencée (événement ${statusLabels[status as EventStatus] ?? status}).`
        : `Une inscription « ${status} » ne se modifie plus : inscrivez de nouveau la personne.`,
      { status },
    ),
};

registerConstraintErrors({
  CK_event_siae_quota_used: () =>
    new AppError(
      'EVENT_SIAE_QUOTA_FULL',
      HttpStatus.CONFLICT,
      'Les places de votre structure pour cet événement sont prises.',
    ),
  UQ_event_booking_cell: () => eventsErrors.cellsTaken([]),
  UQ_event_invitation_company: () => eventsErrors.invitationExists(),
  UQ_event_registration_candidate: () => eventsErrors.alreadyRegistered(),
  UQ_event_organiser: () => eventsErrors.organiserExists(),
  UQ_event_booking_request_key: () => eventsErrors.idempotencyKeyReused(),
  CK_event_siae_quota_places: () =>
    new AppError('EVENT_QUOTA_INVALID', HttpStatus.BAD_REQUEST, 'Un quota se compte entre 0 et 1000 places.'),
});
