import type { SiaeRole } from '../../platform/auth/principal';
import { adminParty, coordinatorParty, staffOf, type WriteRule } from '../structures/access/write-rules';
import { proposalsErrors as errors } from './proposals.errors';

/** Who proposes a person, withdraws the proposal or records its outcome: the CIP and the direction of her SIAE. */
export const PROPOSAL_WRITERS: readonly SiaeRole[] = ['direction', 'cip'];

/**
 * Every staff write of proposals, and who may make it ("owner" = the candidate's SIAE). The services decide with the
 * same roles (`PROPOSAL_WRITERS`, 404 outside the SIAE), test/e2e/proposals-access.e2e-spec.ts reads this table.
 * The employer's moves are not here: the link's session is their only credential (`proposalsEmployerRoutes`).
 */
export const proposalsWrites = {
  propose: {
    routes: ['POST /api/proposals'],
    may: [staffOf('owner', PROPOSAL_WRITERS)],
    visibleTo: [staffOf('owner')],
    refused: errors.cipOnly,
    hidden: errors.candidateNotFound,
    audit: 'proposal.sent',
  },
  withdraw: {
    routes: ['POST /api/proposals/:id/withdrawal'],
    may: [staffOf('owner', PROPOSAL_WRITERS)],
    visibleTo: [staffOf('owner')],
    refused: errors.cipOnly,
    hidden: errors.proposalNotFound,
    audit: 'proposal.withdrawn',
  },
  outcome: {
    routes: ['POST /api/proposals/:id/outcome'],
    may: [staffOf('owner', PROPOSAL_WRITERS)],
    visibleTo: [staffOf('owner')],
    refused: errors.cipOnly,
    hidden: errors.proposalNotFound,
    audit: 'proposal.accepted',
  },
} satisfies Record<string, WriteRule>;

/** The reads, and who gets them (refusals with their codes, checked by the access test). */
export const proposalsReads = {
  /** The proposals of the caller's own SIAE (any staff role): an SIAE-less account gets an empty list. */
  mine: { routes: ['GET /api/proposals', 'GET /equipe/propositions'], may: [staffOf('owner')] },
  /** One proposal: staff of the candidate's SIAE; anyone else 404 PROPOSAL_NOT_FOUND. */
  one: { routes: ['GET /api/proposals/:id'], may: [staffOf('owner')], hidden: errors.proposalNotFound },
  /**
   * Proposals received by the companies of the caller's SIAE's network (pooled companies holding a record it owns, in
   * collectives it is a member of): any staff role — the chargé·e de développement's list, as JSON and as a page. The
   * pseudonym is given for the SIAE's own people only.
   */
  received: { routes: ['GET /api/proposals/received', 'GET /equipe/propositions/recues'], may: [staffOf('owner')] },
  /** Response figures of a collective: its coordinators and the admin; members 403, others 404. */
  figures: {
    routes: ['GET /api/collectives/:id/proposal-figures'],
    may: [coordinatorParty, adminParty],
    visibleTo: [staffOf('member')],
    refused: errors.coordinatorOnlyFigures,
    hidden: errors.collectiveNotFound,
  },
};

/** The employer's routes: a session of a `proposal` link, scoped to that one proposal (platform/links). */
export const proposalsEmployerRoutes = [
  'GET /api/employer/proposal',
  'POST /api/employer/proposal/interview',
  'POST /api/employer/proposal/refusal',
  'POST /api/employer/proposal/outcome',
  'GET /employeurs/propositions/:proposalId',
  'POST /employeurs/propositions/:proposalId/rencontre',
  'POST /employeurs/propositions/:proposalId/refus',
  'POST /employeurs/propositions/:proposalId/issue',
] as const;
