import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';
import type { WeightIssue } from './engine/matching-weights';
import { constraintMeanings, registerConstraintErrors } from '../../platform/errors/constraint-errors';
import { candidatesErrors } from '../candidates/candidates.errors';
import { employerNetworkErrors } from '../employer-network/employer-network.errors';
import { referentialsErrors } from '../referentials/referentials.errors';

/** Error factories of the matching module: each reads like the sentence the user gets. */
export const matchingErrors = {
  needNotFound: () => employerNetworkErrors.needNotFound(),
  candidateNotFound: () => candidatesErrors.candidateNotFound(),
  needNotOpen: () =>
    new AppError(
      'HIRING_NEED_NOT_OPEN',
      HttpStatus.CONFLICT,
      "Ce besoin n'est plus ouvert : il n'y a plus de candidat·es à lui proposer.",
    ),
  candidateWithoutProfile: () =>
    new AppError(
      'CANDIDATE_WITHOUT_PROFILE',
      HttpStatus.CONFLICT,
      "Ce·tte candidat·e n'a pas encore de profil (métiers visés, commune) : complétez-le pour voir les offres.",
    ),
  unknownDomain: (code: string) => referentialsErrors.unknownDomain(code),
  collectiveNotYours: (id: string) =>
    new AppError(
      'COLLECTIVE_NOT_MEMBER',
      HttpStatus.BAD_REQUEST,
      "Votre structure n'est pas membre active de ce collectif : ses pondérations ne s'appliquent pas à vos listes.",
      { collectiveId: id },
    ),
  weightsInvalid: (issues: WeightIssue[]) =>
    new AppError(
      'MATCHING_WEIGHTS_INVALID',
      HttpStatus.BAD_REQUEST,
      `Pondérations de matching refusées, rien n'a été enregistré : ${issues.map((i) => `${i.path} ${i.message}`).join(' ; ')}.`,
      issues,
    ),
};

registerConstraintErrors({
  CK_collective_matching_weights_object: constraintMeanings.invalid('Les pondérations doivent être un objet.'),
});
