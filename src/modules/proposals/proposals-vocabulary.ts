/** The closed vocabularies of proposals, mirrored by CHECK constraints on the entity. */
export const proposalStatuses = [
  'sent',
  'viewed',
  'interview_planned',
  'accepted',
  'refused',
  'expired',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** Still waiting for something from the employer (or for the interview's outcome): what the sweeps and a closing need act on. */
export const openProposalStatuses = [
  'sent',
  'viewed',
  'interview_planned',
] as const satisfies readonly ProposalStatus[];
/** Not answered yet: what the relaunch, the CIP's alert and the no-answer expiry act on. */
export const unansweredStatuses = ['sent', 'viewed'] as const satisfies readonly ProposalStatus[];

export const refusalReasons = ['position_filled', 'profile_not_fit', 'candidate_unreachable', 'other'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export const refusalReasonLabels: Record<RefusalReason, string> = {
  position_filled: 'Le poste est déjà pourvu',
  profile_not_fit: 'Le profil ne correspond pas',
  candidate_unreachable: 'La personne n’a pas pu être jointe',
  other: 'Autre raison',
};

export const interviewModes = ['dates', 'call_me'] as const;
export type InterviewMode = (typeof interviewModes)[number];

export const expiryReasons = ['no_answer', 'need_closed'] as const;
export type ExpiryReason = (typeof expiryReasons)[number];

/**
 * The outcomes of a proposal credited to the proposing SIAE in the reciprocity figures (each once per proposal): the
 * interview the employer asked for and the hire. Each is written as the employer-network interaction of that name.
 */
export const creditedOutcomes = ['interview', 'hire'] as const;
export type CreditedOutcome = (typeof creditedOutcomes)[number];

export const statusLabels: Record<ProposalStatus, string> = {
  sent: 'Envoyée',
  viewed: 'Consultée',
  interview_planned: 'Entretien demandé',
  accepted: 'Embauche',
  refused: 'Refusée',
  expired: 'Expirée',
  withdrawn: 'Retirée',
};

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
