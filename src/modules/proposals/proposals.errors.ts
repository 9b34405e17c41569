import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';
import {
  constraintMeanings,
  registerConstraintErrors,
  registerServerOnlyConstraints,
} from '../../platform/errors/constraint-errors';
import { candidatesErrors } from '../candidates/candidates.errors';
import { employerNetworkErrors } from '../employer-network/employer-network.errors';
import { structuresErrors } from '../structures/structures.errors';
import { statusLabels, type ProposalStatus } from './proposals-vocabulary';

/** Error factories of proposals: each reads like the sentence the user gets. */
export const proposalsErrors = {
  proposalNotFound: () =>
    new AppError('PROPOSAL_NOT_FOUND', HttpStatus.NOT_FOUND, 'Cette proposition de candidature est introuvable.'),
  alreadyProposed: () =>
    new AppError(
      'PROPOSAL_ALREADY_EXISTS',
      HttpStatus.CONFLICT,
      'Cette personne a déjà été proposée pour ce besoin de recrutement (une seule proposition par besoin).',
    ),
  needNotFound: () => employerNetworkErrors.needNotFound(),
  pooledCompanyNotFound: () => employerNetworkErrors.pooledCompanyNotFound(),
  needNotOpen: (status: string) =>
    new AppError(
      'PROPOSAL_NEED_NOT_OPEN',
      HttpStatus.CONFLICT,
      'Ce besoin de recrutement n’est plus ouvert : on ne peut plus y proposer de candidat·e.',
      { status },
    ),
  targetRequired: () =>
    new AppError(
      'PROPOSAL_TARGET_INVALID',
      HttpStatus.BAD_REQUEST,
      'Indiquez soit un besoin de recrutement (hiringNeedId), soit une entreprise mutualisée et un métier (pooledCompanyId et appellationCode), pas les deux.',
    ),
  consentMissing: () =>
    new AppError(
      'PROPOSAL_CONSENT_MISSING',
      HttpStatus.CONFLICT,
      'Cette personne n’a pas donné (ou a retiré) son consentement à ce que son profil soit montré aux employeurs.',
    ),
  profileMissing: () =>
    new AppError(
      'PROPOSAL_PROFILE_MISSING',
      HttpStatus.CONFLICT,
      'Cette personne n’a pas encore de profil partagé : complétez-le avant de la proposer.',
    ),
  noContact: () =>
    new AppError(
      'PROPOSAL_NO_CONTACT',
      HttpStatus.CONFLICT,
      'Aucun contact de cette entreprise avec une adresse e-mail n’est partagé avec le collectif.',
    ),
  coordinatorOnly: () =>
    new AppError(
      'PROPOSAL_OVERRIDE_FORBIDDEN',
      HttpStatus.FORBIDDEN,
      'Seul·e un·e coordinateur·rice du collectif peut proposer au-delà du budget de sollicitations.',
    ),
  siaeNotMember: () =>
    new AppError(
      'PROPOSAL_SIAE_NOT_MEMBER',
      HttpStatus.FORBIDDEN,
      'La structure de cette personne n’est pas membre active du collectif de cette entreprise.',
    ),
  transitionNotAllowed: (from: ProposalStatus, to: ProposalStatus, allowed: readonly ProposalStatus[]) =>
    new AppError(
      'PROPOSAL_TRANSITION_NOT_ALLOWED',
      HttpStatus.CONFLICT,
      `Une proposition « ${statusLabels[from]} » ne peut pas passer à « ${statusLabels[to]} »` +
        (allowed.length
          ? ` (possible : ${allowed.map((s) => `« ${statusLabels[s]} »`).join(', ')}).`
          : ' : elle est close.'),
      { from, to, allowed },
    ),
  refusalTextRequired: () =>
    new AppError(
      'PROPOSAL_REFUSAL_TEXT_REQUIRED',
      HttpStatus.BAD_REQUEST,
      'Précisez la raison en quelques mots quand vous choisissez « Autre raison ».',
      [{ field: 'text', problems: ['champ requis avec la raison « autre »'] }],
    ),
  interviewDatesRequired: () =>
    new AppError(
      'PROPOSAL_INTERVIEW_DATES_REQUIRED',
      HttpStatus.BAD_REQUEST,
      'Proposez au moins une date d’entretien (au plus 3), ou demandez à être appelé·e.',
      [{ field: 'dates', problems: ['entre 1 et 3 dates avec « dates »'] }],
    ),
  interviewDateInPast: () =>
    new AppError(
      'PROPOSAL_INTERVIEW_DATE_PAST',
      HttpStatus.BAD_REQUEST,
      'Les dates d’entretien proposées doivent être à venir.',
      [{ field: 'dates', problems: ['dates à venir seulement'] }],
    ),
  hireDetailsRequired: () =>
    new AppError(
      'PROPOSAL_HIRE_DETAILS_REQUIRED',
      HttpStatus.BAD_REQUEST,
      'Une embauche se note avec le type de contrat et la date de début.',
      [{ field: 'contractType', problems: ['champ requis pour une embauche'] }],
    ),
  cipOnly: () =>
    new AppError(
      'PROPOSAL_CIP_ONLY',
      HttpStatus.FORBIDDEN,
      'Seuls les CIP et la direction de la structure de la personne peuvent la proposer, retirer sa proposition ou en noter l’issue.',
    ),
  candidateNotFound: () => candidatesErrors.candidateNotFound(),
  appellationNotFound: () =>
    new AppError(
      'PROPOSAL_APPELLATION_NOT_FOUND',
      HttpStatus.NOT_FOUND,
      'Ce métier (appellation ROME) est introuvable.',
    ),
  collectiveNotFound: () => structuresErrors.collectiveNotFound(),
  coordinatorOnlyFigures: () => structuresErrors.coordinatorOnly(),
};

const { reference } = constraintMeanings;

registerConstraintErrors({
  UQ_proposal_candidate_need: () => proposalsErrors.alreadyProposed(),
  UQ_proposal_candidate_spontaneous: () => proposalsErrors.alreadyProposed(),
  CK_proposal_refusal_other: () => proposalsErrors.refusalTextRequired(),
  CK_proposal_hire: () => proposalsErrors.hireDetailsRequired(),
  FK_proposal_collective: reference('Le collectif'),
  FK_proposal_pooled_company: reference("L'entreprise mutualisée"),
  FK_proposal_company: reference("L'entreprise"),
  FK_proposal_contact: reference('Le contact'),
  FK_proposal_hiring_need: reference('Le besoin de recrutement'),
  FK_proposal_appellation: reference('Le métier'),
  FK_proposal_candidate: reference('La personne'),
  FK_proposal_siae: reference('La structure'),
  FK_proposal_proposed_by: reference('Le compte'),
  FK_proposal_transition_proposal: reference('La proposition'),
  FK_proposal_transition_by: reference('Le compte'),
});

registerServerOnlyConstraints({
  CK_proposal_status: "the proposal's state machine writes its status (proposal-states.ts)",
  CK_proposal_transition_to: "the proposal's state machine writes its transitions",
  CK_proposal_refusal_reason: 'the DTO checks the reason against refusalReasons before the service writes it',
  CK_proposal_interview_mode: 'the DTO checks the mode against interviewModes before the service writes it',
  CK_proposal_expiry_reason: 'only the sweeps and the need-closing use case expire a proposal, with a fixed reason',
  CK_proposal_contract: 'the DTO checks the contract type against contractTypes before the service writes it',
  CK_proposal_credit_outcome: 'only ProposalFlow.creditOutcome writes a credit, with an outcome of creditedOutcomes',
  UQ_proposal_credit:
    'claimed with ON CONFLICT DO NOTHING: a second credit of the same outcome is "already done", never an error',
  FK_proposal_credit_proposal: 'written in the transaction that holds the proposal it credits',
  FK_proposal_credit_interaction: 'written in the transaction that inserted the interaction it points to',
});
