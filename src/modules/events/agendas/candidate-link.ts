import { defineLinkKind } from '../../../platform/links/link-kinds';

/**
 * The candidate's personal link to her agenda: a platform link (src/platform/links: token stored hashed, expiring with
 * the event's employer links, revocable, exchanged for a short session cookie) scoped to one registration. She has no
 * account and often no e-mail: her CIP gets the address from the API and hands it over (SMS, paper, her phone), and
 * every reminder carries a fresh one (SMS, and e-mail when she has one). She lands on her agenda page.
 */
export const candidateAgendaLink = defineLinkKind({
  kind: 'candidate_agenda',
  scopeKeys: ['eventId', 'registrationId'],
  landingPath: (scope) => `/agenda/${scope.registrationId}`,
});
