import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';
import {
  constraintMeanings,
  registerConstraintErrors,
  registerServerOnlyConstraints,
} from '../../platform/errors/constraint-errors';
import { referentialsErrors } from '../referentials/referentials.errors';
import { structuresErrors } from '../structures/structures.errors';

/** Error factories of the employer network: each reads like the sentence the user gets. */
export const employerNetworkErrors = {
  companyNotFound: () => new AppError('COMPANY_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette entreprise est introuvable.'),
  pooledCompanyNotFound: () =>
    new AppError('POOLED_COMPANY_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette entreprise mutualisée est introuvable.'),
  collectiveNotFound: () => structuresErrors.collectiveNotFound(),
  siaeNotFound: () => structuresErrors.siaeNotFound(),
  needNotFound: () =>
    new AppError('HIRING_NEED_NOT_FOUND', HttpStatus.NOT_FOUND, 'Ce besoin de recrutement est introuvable.'),
  runNotFound: () =>
    new AppError('POOLING_RUN_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette mutualisation est introuvable.'),
  contactNotFound: () => new AppError('CONTACT_NOT_FOUND', HttpStatus.NOT_FOUND, 'Ce contact est introuvable.'),
  writeForbidden: () =>
    new AppError(
      'COMPANY_WRITE_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      'Seuls la direction et les chargé·es de développement de la structure peuvent modifier ses entreprises.',
    ),
  notAMember: () =>
    new AppError(
      'NOT_A_COLLECTIVE_MEMBER',
      HttpStatus.FORBIDDEN,
      "Votre structure n'est pas membre active de ce collectif : elle ne peut pas y partager d'entreprise.",
    ),
  alreadyShared: () =>
    new AppError('ALREADY_SHARED', HttpStatus.CONFLICT, 'Cette entreprise est déjà partagée avec ce collectif.'),
  notShared: () =>
    new AppError('NOT_SHARED', HttpStatus.CONFLICT, "Cette entreprise n'est pas partagée avec ce collectif."),
  unknownCommune: () => referentialsErrors.unknownCommune(),
  unknownAppellation: () => referentialsErrors.unknownAppellation(),
  // the same rule as an SIAE's SIRET (structures owns SIRET_INVALID); the CHECK constraint is its last guard
  siretFormat: () => structuresErrors.siretInvalid(),
  needClosed: () =>
    new AppError(
      'HIRING_NEED_CLOSED',
      HttpStatus.CONFLICT,
      "Ce besoin n'est plus ouvert : il ne peut plus être confirmé.",
    ),
  contactNotOfCompany: () =>
    new AppError('CONTACT_NOT_OF_COMPANY', HttpStatus.BAD_REQUEST, "Ce contact n'appartient pas à cette entreprise."),
  correctionSameRecord: () =>
    new AppError('CORRECTION_SAME_RECORD', HttpStatus.BAD_REQUEST, 'Une correction porte sur deux fiches différentes.'),
  correctionOutsidePool: () =>
    new AppError(
      'CORRECTION_OUTSIDE_POOL',
      HttpStatus.BAD_REQUEST,
      'Les fiches corrigées doivent être partagées avec ce collectif.',
    ),
  budgetExceeded: (details: {
    window: '7 jours' | '30 jours';
    limit: number;
    count: number;
    nextPossibleAt: Date | null;
  }) =>
    new AppError(
      'SOLICITATION_BUDGET_EXCEEDED',
      HttpStatus.CONFLICT,
      `Cette entreprise a déjà été sollicitée ${details.count} fois sur les ${details.window} (limite du collectif : ${details.limit}). ` +
        'Attendez ou demandez à un·e coordinateur·rice de lever la limite.',
      details,
    ),
  companyPaused: (until: string) =>
    new AppError(
      'COMPANY_PAUSED',
      HttpStatus.CONFLICT,
      `Cette entreprise a demandé à ne plus être sollicitée jusqu'au ${until}.`,
      { pausedUntil: until },
    ),
  overrideForbidden: () =>
    new AppError(
      'SOLICITATION_OVERRIDE_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      'Seul·e un·e coordinateur·rice du collectif peut lever la limite de sollicitations.',
    ),
  soliciterNotMember: () =>
    new AppError(
      'SOLICITER_NOT_MEMBER',
      HttpStatus.FORBIDDEN,
      'Vous ne pouvez solliciter cette entreprise qu’au nom d’une structure membre du collectif.',
    ),
  importInvalid: (details: {
    lines: number;
    errorCount: number;
    truncated: boolean;
    errors: Array<{ line: number; field: string; message: string }>;
  }) =>
    new AppError(
      'IMPORT_INVALID',
      HttpStatus.UNPROCESSABLE_ENTITY,
      `Le fichier contient ${details.errorCount} erreur(s) : rien n'a été importé. Corrigez les lignes indiquées et renvoyez le fichier.`,
      details,
    ),
  importUnreadable: (reason: string) =>
    new AppError('IMPORT_UNREADABLE', HttpStatus.BAD_REQUEST, `Le fichier n'a pas pu être lu : ${reason}.`),
  importMappingInvalid: (reason: string) =>
    new AppError(
      'IMPORT_MAPPING_INVALID',
      HttpStatus.BAD_REQUEST,
      `La correspondance de colonnes est invalide : ${reason}.`,
    ),
  importNotFound: () => new AppError('COMPANY_IMPORT_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cet import est introuvable.'),
  dryRunTooLarge: (lines: number, max: number) =>
    new AppError(
      'IMPORT_DRY_RUN_TOO_LARGE',
      HttpStatus.BAD_REQUEST,
      `Une simulation (dryRun) porte sur ${max.toLocaleString('fr-FR')} lignes au plus, ce fichier en compte ${lines.toLocaleString('fr-FR')} : importez-le directement (le compte rendu ligne par ligne dira ce qui serait refusé, sans rien écrire en cas d’erreur) ou découpez-le.`,
      { lines, max },
    ),
  importTooLarge: (maxBytes: number) =>
    new AppError(
      'IMPORT_TOO_LARGE',
      HttpStatus.PAYLOAD_TOO_LARGE,
      `Le fichier dépasse ${Math.round(maxBytes / 1024 / 1024)} Mo : découpez-le en plusieurs fichiers.`,
    ),
  importMediaType: () =>
    new AppError(
      'IMPORT_MEDIA_TYPE',
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'Envoyez le fichier CSV tel quel dans le corps de la requête (Content-Type: text/csv).',
    ),
  interactionInFuture: (today: string) =>
    new AppError(
      'INTERACTION_DATE_IN_FUTURE',
      HttpStatus.BAD_REQUEST,
      `On consigne un échange qui a eu lieu : la date ne peut pas dépasser aujourd'hui (${today}).`,
    ),
  interactionTooOld: () =>
    new AppError(
      'INTERACTION_DATE_TOO_OLD',
      HttpStatus.BAD_REQUEST,
      "La date de l'échange est antérieure à l'an 2000 : vérifiez l'année.",
    ),
  interactionAuthorForbidden: () =>
    new AppError(
      'INTERACTION_AUTHOR_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      "Un échange se consigne au nom de la structure propriétaire de la fiche, ou d'une structure dont vous faites partie et qui est membre d'un collectif avec lequel la fiche est partagée.",
    ),
  interactionSiaeRequired: (siaeIds: string[]) =>
    new AppError(
      'INTERACTION_SIAE_REQUIRED',
      HttpStatus.BAD_REQUEST,
      "Vous faites partie de plusieurs structures qui voient cette fiche : indiquez au nom de laquelle (siaeId) l'échange est consigné.",
      { siaeIds },
    ),
  pauseForbidden: () =>
    new AppError(
      'PAUSE_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      "Seul·es les coordinateur·rices du collectif, et la direction ou les chargé·es de développement d'une structure qui a apporté une fiche de cette entreprise, peuvent poser ou lever sa pause.",
    ),
  pauseDateOutOfRange: (today: string, latest: string) =>
    new AppError(
      'PAUSE_DATE_OUT_OF_RANGE',
      HttpStatus.BAD_REQUEST,
      `La fin de la pause doit être une date future, au plus tard dans 12 mois : entre le lendemain d'aujourd'hui (${today}) et le ${latest}.`,
      { after: today, latest },
    ),
  pauseReasonRequired: () =>
    new AppError(
      'PAUSE_REASON_REQUIRED',
      HttpStatus.BAD_REQUEST,
      "Une pause se pose avec la raison donnée par l'entreprise (champ « reason », 1 à 300 caractères).",
    ),
  notPaused: () =>
    new AppError('COMPANY_NOT_PAUSED', HttpStatus.CONFLICT, "Cette entreprise n'est pas en pause : rien à lever."),
  correctionForbidden: () =>
    new AppError(
      'CORRECTION_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      "Seul·es les coordinateur·rices du collectif, et la direction ou les chargé·es de développement d'une structure dont les fiches sont concernées, peuvent séparer ou fusionner des entreprises mutualisées.",
    ),
  budgetForbidden: () =>
    new AppError(
      'SOLICITATION_BUDGET_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      'Seul·es les coordinateur·rices du collectif peuvent fixer son budget de sollicitations.',
    ),
  outcomeCandidateRequired: () =>
    new AppError(
      'INTERACTION_CANDIDATE_REQUIRED',
      HttpStatus.BAD_REQUEST,
      "Une embauche se consigne avec la personne embauchée : indiquez un·e candidat·e (candidateId) de la structure au nom de laquelle l'échange est consigné.",
    ),
  outcomeCandidateNotOfSiae: () =>
    new AppError(
      'INTERACTION_CANDIDATE_NOT_OF_SIAE',
      HttpStatus.BAD_REQUEST,
      "Ce·tte candidat·e n'est pas suivi·e par la structure au nom de laquelle l'échange est consigné.",
    ),
  radiusWithoutCommune: () => referentialsErrors.radiusWithoutCommune(),
};

registerConstraintErrors({
  FK_company_interaction_candidate: employerNetworkErrors.outcomeCandidateNotOfSiae,
  UQ_company_share_active: employerNetworkErrors.alreadyShared,
  FK_company_commune: employerNetworkErrors.unknownCommune,
  FK_hiring_need_commune: employerNetworkErrors.unknownCommune,
  FK_hiring_need_appellation: employerNetworkErrors.unknownAppellation,
  CK_company_siret_digits: employerNetworkErrors.siretFormat,
});

const { reference, invalid, duplicate } = constraintMeanings;

// The other constraints of the employer network's tables: values the DTOs check first, ids that vanished meanwhile.
registerConstraintErrors({
  CK_company_name: invalid("Le nom de l'entreprise est obligatoire (pas seulement des espaces)."),
  CK_company_siren_digits: invalid('Le SIREN doit compter 9 chiffres.'),
  CK_company_size_band: invalid("La taille d'entreprise doit être micro, small, medium ou large."),
  FK_company_siae: reference('La structure'),
  CK_company_contact_channel: invalid('Le canal préféré doit être email, phone ou sms.'),
  FK_company_contact_company: reference("L'entreprise"),
  CK_company_interaction_kind: invalid("Le type d'échange doit être une des valeurs autorisées."),
  FK_company_interaction_by: reference('Le compte'),
  FK_company_interaction_by_siae: reference('La structure'),
  FK_company_interaction_company: reference("L'entreprise"),
  FK_company_interaction_contact: reference('Le contact'),
  FK_company_share_collective: reference('Le collectif'),
  FK_company_share_company: reference("L'entreprise"),
  CK_hiring_need_accommodations: invalid('Un aménagement doit être une des valeurs autorisées.'),
  CK_hiring_need_contract: invalid('Le type de contrat doit être une des valeurs autorisées.'),
  CK_hiring_need_hours: invalid('La durée hebdomadaire doit être comprise entre 0 (exclu) et 48 heures.'),
  CK_hiring_need_positions: invalid('Le nombre de postes doit être entre 1 et 1000.'),
  CK_hiring_need_status: invalid('Le statut du besoin doit être open, filled, closed ou expired.'),
  FK_hiring_need_company: reference("L'entreprise"),
  FK_pooled_company_collective: reference('Le collectif'),
  FK_pooled_company_member_company: reference("L'entreprise"),
  FK_pooled_company_member_pooled: reference("L'entreprise mutualisée"),
  UQ_pooled_company_member: duplicate(
    'Cette fiche vient de changer d’entreprise mutualisée (mutualisation en cours) : réessayez dans un instant.',
  ),
  FK_pooling_correction_collective: reference('Le collectif'),
  FK_pooling_correction_company_a: reference('La fiche'),
  FK_pooling_correction_company_b: reference('La fiche'),
  UQ_pooling_correction_pair: duplicate('Une correction existe déjà pour ces deux fiches.'),
  FK_pooling_run_collective: reference('Le collectif'),
  FK_company_import_siae: reference('La structure'),
  FK_company_import_requested_by: reference('Le compte'),
  CK_solicitation_kind: invalid('Le type de sollicitation doit être une des valeurs autorisées.'),
  FK_solicitation_pooled_company: reference("L'entreprise mutualisée"),
  FK_solicitation_siae: reference('La structure'),
  CK_solicitation_budget_limits: invalid(
    'Chaque limite doit être entre 0 et 100 sollicitations, et celle sur 7 jours ne peut dépasser celle sur 30 jours.',
  ),
  CK_solicitation_budget_size: invalid("La taille d'entreprise d'une limite doit être micro, small, medium ou large."),
  FK_solicitation_budget_collective: reference('Le collectif'),
  UQ_solicitation_budget: duplicate("Une même taille d'entreprise apparaît deux fois dans le budget."),
});

registerServerOnlyConstraints({
  CK_company_import_status: 'the import service and its job set the status, never a client',
  CK_company_share_withdrawal: 'shared_at and withdrawn_at are both set from the clock by the sharing service',
  CK_pooled_company_size_band: 'the size of a pooled company is computed by pooling from its records',
  CK_pooling_correction_kind: 'the correction kind comes from the route (merge or split), not from a field',
  CK_pooling_correction_order: 'the service orders the two record ids before writing the pair',
  CK_pooling_run_status: "the pooling run's state machine writes its status",
});
