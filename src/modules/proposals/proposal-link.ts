import { defineLinkKind } from '../../platform/links/link-kinds';

/**
 * The employer's personal link to one proposal: a platform link (src/platform/links: token stored hashed, expiring,
 * revocable, exchanged for a short session cookie) scoped to the proposal alone. It opens the answer page.
 */
export const proposalLink = defineLinkKind({
  kind: 'proposal',
  scopeKeys: ['proposalId'],
  landingPath: (scope) => `/employeurs/propositions/${scope.proposalId}`,
});
