export { Proposal } from './proposal.entity';
export { ProposalTransition } from './proposal-transition.entity';
