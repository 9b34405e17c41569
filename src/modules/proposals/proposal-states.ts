import type { ProposalStatus } from './proposals-vocabulary';

/**
 * The proposal's state machine, pure: which status may follow which, and who may make each move. The services call
 * `assertTransition` before every write; everything else is refused with PROPOSAL_TRANSITION_NOT_ALLOWED (409).
 *
 * - the employer: opens the link (`viewed`), asks for an interview, refuses with a reason, records the outcome;
 * - the CIP (or the direction) of the candidate's SIAE: withdraws it, or records the outcome the employer told by phone;
 * - the system: expires it (no answer after the delay, or the need was closed).
 */
export type ProposalActor = 'employer' | 'staff' | 'system';

const moves: Record<ProposalStatus, Partial<Record<ProposalStatus, readonly ProposalActor[]>>> = {
  sent: {
    viewed: ['employer'],
    interview_planned: ['employer'],
    refused: ['employer'],
    expired: ['system'],
    withdrawn: ['staff'],
  },
  viewed: {
    interview_planned: ['employer'],
    refused: ['employer'],
    expired: ['system'],
    withdrawn: ['staff'],
  },
  interview_planned: {
    accepted: ['employer', 'staff'],
    refused: ['employer', 'staff'],
    // Only when its need closes: an interview asked for is never expired for want of an answer.
    expired: ['system'],
    withdrawn: ['staff'],
  },
  accepted: {},
  refused: {},
  expired: {},
  withdrawn: {},
};

export function allowedNext(from: ProposalStatus, actor: ProposalActor): ProposalStatus[] {
  return (Object.entries(moves[from]) as Array<[ProposalStatus, readonly ProposalActor[]]>)
    .filter(([, who]) => who.includes(actor))
    .map(([to]) => to);
}

export function mayMove(from: ProposalStatus, to: ProposalStatus, actor: ProposalActor): boolean {
  return moves[from][to]?.includes(actor) ?? false;
}

export function isFinal(status: ProposalStatus): boolean {
  return Object.keys(moves[status]).length === 0;
}
