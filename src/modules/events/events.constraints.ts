import {
  constraintMeanings,
  registerConstraintErrors,
  registerServerOnlyConstraints,
} from '../../platform/errors/constraint-errors';
import { eventsErrors } from './events.errors';

const { reference, invalid, duplicate } = constraintMeanings;

/**
 * The constraints of the events' tables that events.errors.ts does not map (the schema test lists any constraint left
 * without its error): values the DTOs check first, ids that vanished meanwhile, pairs recorded twice at once.
 */
registerConstraintErrors({
  CK_event_changeover_minutes: invalid('Le battement entre deux entretiens doit être entre 0 et 60 minutes.'),
  CK_event_default_quota: invalid('Le quota par structure doit être entre 0 et 1000 places.'),
  CK_event_kind: invalid("Le type d'événement doit être une des valeurs autorisées."),
  CK_event_slot_minutes: invalid("La durée d'un créneau doit être entre 5 et 120 minutes."),
  CK_event_table_count: invalid('Le nombre de tables doit être entre 1 et 500.'),
  CK_event_title: invalid("Le titre de l'événement est obligatoire (pas seulement des espaces)."),
  FK_event_collective: reference('Le collectif'),
  FK_event_commune: reference('La commune'),
  CK_event_booking_table: invalid('Un numéro de table commence à 1.'),
  FK_event_booking_event: reference("L'événement"),
  FK_event_booking_invitation: reference("L'invitation"),
  FK_event_booking_slot: reference('Le créneau'),
  FK_event_booking_request_invitation: reference("L'invitation"),
  CK_event_invitation_accommodations: invalid('Un aménagement doit être une des valeurs autorisées.'),
  CK_event_invitation_max_interviews: invalid("Le nombre d'entretiens doit être entre 1 et 100."),
  CK_event_invitation_tables: invalid('Le nombre de tables demandées doit être entre 1 et 20.'),
  FK_event_invitation_company: reference("L'entreprise"),
  FK_event_invitation_contact: reference('Le contact'),
  FK_event_invitation_event: reference("L'événement"),
  FK_event_invitation_pooled_company: reference("L'entreprise mutualisée"),
  FK_event_meeting_request_invitation: reference("L'invitation"),
  FK_event_meeting_request_registration: reference("L'inscription"),
  UQ_event_meeting_request: duplicate('Cette demande de rencontre est déjà enregistrée.'),
  FK_event_need_hiring_need: reference('Le besoin de recrutement'),
  FK_event_need_invitation: reference("L'invitation"),
  UQ_event_need: duplicate('Ce besoin est déjà rattaché à cette invitation.'),
  FK_event_organiser_event: reference("L'événement"),
  FK_event_organiser_siae: reference('La structure'),
  FK_event_organiser_user: reference('Le compte'),
  CK_event_registration_max_interviews: invalid("Le nombre d'entretiens doit être entre 1 et 20."),
  FK_event_registration_candidate: reference('La personne'),
  FK_event_registration_event: reference("L'événement"),
  FK_event_registration_siae: reference('La structure'),
  FK_event_siae_quota_event: reference("L'événement"),
  FK_event_siae_quota_siae: reference('La structure'),
  PK_event_siae_quota: duplicate('Cette structure a déjà un quota pour cet événement.'),
  CK_event_slot_times: () => eventsErrors.badWindows('un créneau doit finir après son début'),
  FK_event_slot_event: reference("L'événement"),
  FK_event_status_change_event: reference("L'événement"),
  FK_event_wish_invitation: reference("L'invitation"),
  FK_event_wish_registration: reference("L'inscription"),
  UQ_event_wish: duplicate('Ce souhait est déjà enregistré.'),
});

registerServerOnlyConstraints({
  CK_event_status: "the event's state machine writes its status (transitions checked in code)",
  CK_event_invitation_status: "the invitation's state machine writes its status",
  CK_event_registration_status: "the registration's state machine writes its status",
  CK_event_registration_waitlist: 'waitlisted_at is set by the service together with the waitlisted status',
  UQ_event_slot_position: 'slot positions are numbered by the service when it derives the slots of a window',
});
