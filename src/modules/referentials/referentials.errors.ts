import { commonErrors } from '../../platform/errors/app-error';
import { registerServerOnlyConstraints } from '../../platform/errors/constraint-errors';

export const referentialsErrors = {
  communeNotFound: (code: string) => commonErrors.notFound('La commune', { code }),
  ficheNotFound: (code: string) => commonErrors.notFound('La fiche ROME', { code }),
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
