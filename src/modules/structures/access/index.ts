/** The access vocabulary of every module: the Viewer, the membership SQL fragments, and write-permission tables. */
export * from './membership-sql';
export * from './viewer';
export { activeMemberSiaeIds, assertCoordinatorOf, standingIn, type CollectiveStanding } from '../collectives-access';
export * from './write-rules';
