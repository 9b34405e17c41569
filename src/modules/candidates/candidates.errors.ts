import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';
import {
  constraintMeanings,
  registerConstraintErrors,
  registerServerOnlyConstraints,
} from '../../platform/errors/constraint-errors';
import { referentialsErrors } from '../referentials/referentials.errors';
import { structuresErrors } from '../structures/structures.errors';
import { identityKindLabels, type IdentityFinding } from './shared-text/identity-in-text';

/** Error factories of the candidates module: each reads like the sentence the user gets. */
export const candidatesErrors = {
  candidateNotFound: () =>
    new AppError('CANDIDATE_NOT_FOUND', HttpStatus.NOT_FOUND, 'Ce·tte candidat·e est introuvable.'),
  siaeNotFound: () => structuresErrors.siaeNotFound(),
  consentNotFound: () => new AppError('CONSENT_NOT_FOUND', HttpStatus.NOT_FOUND, 'Ce consentement est introuvable.'),
  onlyCipOrDirection: () =>
    new AppError(
      'CANDIDATE_WRITE_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      'Seuls les CIP et la direction de la structure peuvent modifier un·e candidat·e.',
    ),
  referentNotInSiae: () =>
    new AppError(
      'REFERENT_NOT_IN_SIAE',
      HttpStatus.BAD_REQUEST,
      'Le ou la référent·e doit être CIP ou direction de la structure du ou de la candidat·e.',
    ),
  unknownCommune: (code: string) => referentialsErrors.unknownCommune(code),
  unknownAppellations: (codes: string[]) => referentialsErrors.unknownAppellation(codes),
  unknownDomain: (code: string) => referentialsErrors.unknownDomain(code, false),
  duplicateTargetJob: () =>
    new AppError('DUPLICATE_TARGET_JOB', HttpStatus.BAD_REQUEST, 'Un même métier ne peut être visé deux fois.'),
  pseudonymRevealsIdentity: () =>
    new AppError(
      'PSEUDONYM_REVEALS_IDENTITY',
      HttpStatus.BAD_REQUEST,
      'Le pseudonyme ne doit pas contenir le nom de famille : prénom + initiale, ou un alias.',
    ),
  /** Free text read by partner SIAE or employers that names the person or gives a way to reach them. */
  sharedTextRevealsIdentity: (findings: IdentityFinding[]) =>
    new AppError(
      'SHARED_TEXT_REVEALS_IDENTITY',
      HttpStatus.BAD_REQUEST,
      `${findings
        .map((f) => `Le champ « ${f.label} » (${f.field}) contient ${identityKindLabels[f.kind]}`)
        .join(
          ' ; ',
        )} : ce texte est lu par les structures partenaires et les employeurs, il ne doit rien contenir qui identifie la personne ou permette de la joindre.`,
      findings.map((f) => ({ field: f.field, kind: f.kind })),
    ),
  leftAtRequired: () =>
    new AppError(
      'LEFT_AT_REQUIRED',
      HttpStatus.BAD_REQUEST,
      'Une date de sortie est nécessaire quand la personne a quitté la structure (et seulement dans ce cas).',
    ),
  contractDates: () =>
    new AppError('CONTRACT_DATES_INVALID', HttpStatus.BAD_REQUEST, 'La fin de contrat doit suivre son début.'),
  consentAlreadyActive: () =>
    new AppError(
      'CONSENT_ALREADY_ACTIVE',
      HttpStatus.CONFLICT,
      'Un consentement de même portée est déjà en cours : retirez-le avant d’en enregistrer un nouveau.',
    ),
  consentAlreadyWithdrawn: () =>
    new AppError('CONSENT_ALREADY_WITHDRAWN', HttpStatus.CONFLICT, 'Ce consentement a déjà été retiré.'),
  consentInFuture: () =>
    new AppError(
      'CONSENT_DATE_IN_FUTURE',
      HttpStatus.BAD_REQUEST,
      'La date du consentement ne peut pas être dans le futur.',
    ),
  /** A `collective` consent names only collectives where the candidate's SIAE is an active member. */
  consentCollectivesNotMember: (refused: string[]) =>
    new AppError(
      'CONSENT_COLLECTIVE_NOT_MEMBER',
      HttpStatus.BAD_REQUEST,
      'Un consentement ne peut couvrir que des collectifs dont la structure de la personne est membre active.',
      { collectiveIds: refused },
    ),
  consentCollectivesOnlyForCollective: () =>
    new AppError(
      'CONSENT_COLLECTIVES_NOT_APPLICABLE',
      HttpStatus.BAD_REQUEST,
      'Seul un consentement de portée collective nomme des collectifs.',
    ),
  candidateErased: () =>
    new AppError(
      'CANDIDATE_ERASED',
      HttpStatus.CONFLICT,
      'Les données de cette personne ont été effacées : plus aucune modification possible.',
    ),
  radiusWithoutCommune: () => referentialsErrors.radiusWithoutCommune(),
};

registerConstraintErrors({
  UQ_candidate_consent_active: candidatesErrors.consentAlreadyActive,
  UQ_candidate_target_job: candidatesErrors.duplicateTargetJob,
  CK_candidate_left_at: candidatesErrors.leftAtRequired,
  CK_candidate_contract_dates: candidatesErrors.contractDates,
  FK_candidate_profile_commune: () => candidatesErrors.unknownCommune('?'),
  FK_candidate_target_job_appellation: () => candidatesErrors.unknownAppellations([]),
});

const { reference, invalid, duplicate } = constraintMeanings;

// The other constraints of the candidates' tables: values the DTOs check first, ids that vanished meanwhile.
registerConstraintErrors({
  CK_candidate_status: invalid('Le statut doit être in_parcours, left ou hired_elsewhere.'),
  CK_candidate_erased_fields: candidatesErrors.candidateErased,
  FK_candidate_referent_user: reference('Le ou la référent·e'),
  FK_candidate_siae: reference('La structure'),
  CK_candidate_consent_scope: invalid('La portée du consentement doit être collective ou employers.'),
  CK_candidate_consent_withdrawal: invalid("Un consentement ne peut être retiré avant d'avoir été recueilli."),
  FK_candidate_consent_candidate: reference('La personne'),
  FK_candidate_consent_recorded_by: reference('Le compte'),
  CK_candidate_profile_licences: invalid(
    'Un permis de conduire doit être un des codes AM, A1, A2, A, B, BE, C1, C, CE, D1, D.',
  ),
  CK_candidate_profile_radius: invalid('Le rayon de mobilité doit être entre 0 et 300 km.'),
  CK_candidate_profile_transport: invalid('Un moyen de transport doit être une des valeurs autorisées.'),
  CK_candidate_profile_work_time: invalid('Le temps de travail doit être full_time, part_time ou either.'),
  FK_candidate_profile_candidate: reference('La personne'),
  PK_candidate_profile: duplicate('Cette personne a déjà un profil partagé.'),
  CK_candidate_skill_evidence: invalid('Le niveau de preuve doit être declared, observed ou certified.'),
  FK_candidate_skill_profile: reference('Le profil'),
  CK_candidate_soft_skill_code: invalid('Un savoir-être doit être une des valeurs autorisées.'),
  FK_candidate_soft_skill_profile: reference('Le profil'),
  PK_candidate_soft_skill: duplicate('Ce savoir-être figure déjà sur le profil.'),
  CK_candidate_target_job_experience: invalid("L'expérience doit être none, beginner ou experienced."),
  FK_candidate_target_job_domain: reference('Le domaine ROME'),
  FK_candidate_target_job_fiche: reference('La fiche ROME'),
  FK_candidate_target_job_profile: reference('Le profil'),
});

registerServerOnlyConstraints({
  CK_candidate_consent_collectives:
    'collective_ids is written by the consent service (the SIAE memberships, or a checked subset), never as sent',
  CK_candidate_profile_lat_lon: 'coordinates are copied from the commune referential, never sent by a client',
  CK_candidate_target_job_domain: 'the domain is derived from the fiche of the appellation by the service',
});
