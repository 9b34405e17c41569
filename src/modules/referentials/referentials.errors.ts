import { HttpStatus } from '@nestjs/common';
import { AppError, commonErrors } from '../../platform/errors/app-error';
import { registerServerOnlyConstraints } from '../../platform/errors/constraint-errors';

export const referentialsErrors = {
  communeNotFound: (code: string) => commonErrors.notFound('La commune', { code }),
  ficheNotFound: (code: string) => commonErrors.notFound('La fiche ROME', { code }),
  // Input naming a referential entry that does not exist: owned here, reused by every module that takes such a code.
  unknownCommune: (code?: string) =>
    code === undefined
      ? new AppError('UNKNOWN_COMMUNE', HttpStatus.BAD_REQUEST, 'Cette commune est inconnue du référentiel.')
      : new AppError('UNKNOWN_COMMUNE', HttpStatus.BAD_REQUEST, `La commune ${code} est inconnue du référentiel.`, {
          communeCode: code,
        }),
  unknownAppellation: (codes?: string[]) =>
    codes === undefined
      ? new AppError(
          'UNKNOWN_APPELLATION',
          HttpStatus.BAD_REQUEST,
          'Ce métier (appellation ROME) est inconnu du référentiel.',
        )
      : new AppError(
          'UNKNOWN_APPELLATION',
          HttpStatus.BAD_REQUEST,
          'Certains métiers (appellations ROME) sont inconnus du référentiel.',
          { ogrCodes: codes },
        ),
  unknownDomain: (code: string, withDetails = true) =>
    new AppError(
      'UNKNOWN_DOMAIN',
      HttpStatus.BAD_REQUEST,
      `Le domaine professionnel ${code} est inconnu du référentiel.`,
      withDetails ? { domain: code } : undefined,
    ),
  radiusWithoutCommune: () =>
    new AppError('RADIUS_WITHOUT_COMMUNE', HttpStatus.BAD_REQUEST, 'Un rayon de recherche demande une commune.'),
};

const importOnly = 'written only by the referentials import CLI from the data files shipped in data/';
registerServerOnlyConstraints(
  Object.fromEntries(
    [
      'CK_commune_code',
      'CK_commune_latitude',
      'CK_commune_longitude',
      'PK_commune',
      'CK_rome_appellation_code',
      'FK_rome_appellation_fiche',
      'PK_rome_appellation',
      'CK_rome_domain_code',
      'FK_rome_domain_grand_domain',
      'PK_rome_domain',
      'CK_rome_fiche_code',
      'FK_rome_fiche_domain',
      'PK_rome_fiche',
      'CK_rome_grand_domain_code',
      'PK_rome_grand_domain',
      'CK_rome_related_distinct',
      'CK_rome_related_score',
      'FK_rome_related_fiche',
      'FK_rome_related_related',
      'PK_rome_related',
    ].map((name) => [name, importOnly]),
  ),
);
