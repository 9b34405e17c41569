import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';
import { registerConstraintErrors } from '../../platform/errors/constraint-errors';

/** Error factories of the employer network: each reads like the sentence the user gets. */
export const employerNetworkErrors = {
  companyNotFound: () => new AppError('COMPANY_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette entreprise est introuvable.'),
  pooledCompanyNotFound: () =>
    new AppError('POOLED_COMPANY_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette entreprise mutualisée est introuvable.'),
  collectiveNotFound: () => new AppError('COLLECTIVE_NOT_FOUND', HttpStatus.NOT_FOUND, 'Ce collectif est introuvable.'),
  siaeNotFound: () => new AppError('SIAE_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette structure est introuvable.'),
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
  unknownCommune: () =>
    new AppError('UNKNOWN_COMMUNE', HttpStatus.BAD_REQUEST, 'Cette commune est inconnue du référentiel.'),
  unknownAppellation: () =>
    new AppError(
      'UNKNOWN_APPELLATION',
      HttpStatus.BAD_REQUEST,
      'Ce métier (appellation ROME) est inconnu du référentiel.',
    ),
  siretFormat: () =>
    new AppError(
      'SIRET_INVALID',
      HttpStatus.BAD_REQUEST,
      'Le SIRET doit compter 14 chiffres (les espaces sont acceptés).',
    ),
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
  radiusWithoutCommune: () =>
    new AppError('RADIUS_WITHOUT_COMMUNE', HttpStatus.BAD_REQUEST, 'Un rayon de recherche demande une commune.'),
};

registerConstraintErrors({
  UQ_company_share_active: employerNetworkErrors.alreadyShared,
  FK_company_commune: employerNetworkErrors.unknownCommune,
  FK_hiring_need_commune: employerNetworkErrors.unknownCommune,
  FK_hiring_need_appellation: employerNetworkErrors.unknownAppellation,
  CK_company_siret_digits: employerNetworkErrors.siretFormat,
});
