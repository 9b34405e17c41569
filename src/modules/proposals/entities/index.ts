export { Proposal } from './proposal.entity';
export { ProposalTransition } from './proposal-transition.entity';
export { ProposalCredit } from './proposal-credit.entity';
