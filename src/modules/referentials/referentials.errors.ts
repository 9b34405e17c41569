import { commonErrors } from '../../platform/errors/app-error';

export const referentialsErrors = {
  communeNotFound: (code: string) => commonErrors.notFound('La commune', { code }),
  ficheNotFound: (code: string) => commonErrors.notFound('La fiche ROME', { code }),
};
