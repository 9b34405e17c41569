import { EntityManager } from 'typeorm';
import { defineLinkKind } from '../../../platform/links/link-kinds';
import { linkErrors } from '../../../platform/links/links.errors';
import type { EmployerPrincipal } from '../../../platform/links/links.service';
import { EventInvitation } from '../entities/event-invitation.entity';
import { Event } from '../entities/event.entity';

/**
 * The employer's personal link to an event is a platform link (src/platform/links: token stored hashed, expiring,
 * revocable, exchanged for a short session cookie) of this kind, scoped to one event and one pooled company — the
 * invitation's own key (UQ_event_invitation_company). The employer lands on the event's page.
 */
export const eventCompanyLink = defineLinkKind({
  kind: 'event_company',
  scopeKeys: ['eventId', 'pooledCompanyId'],
  landingPath: (scope) => `/employeurs/evenements/${scope.eventId}`,
});

export interface EmployerScope {
  invitation: EventInvitation;
  event: Event;
}

/**
 * The invitation an employer session opens, locked when the use case writes. The session already proved the link
 * live; the invitation's own revocation and expiry, and a cancelled event, still close it.
 */
export async function resolveEmployerLink(
  manager: EntityManager,
  employer: EmployerPrincipal,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<EmployerScope> {
  if (employer.kind !== eventCompanyLink.kind) throw linkErrors.outOfScope();
  const invitation = await manager.findOne(EventInvitation, {
    where: { eventId: employer.scope.eventId, pooledCompanyId: employer.scope.pooledCompanyId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!invitation) throw linkErrors.invalid();
  if (invitation.revokedAt !== null) throw linkErrors.revoked();
  if (invitation.tokenExpiresAt.getTime() <= now.getTime()) throw linkErrors.expired();
  const event = await manager.findOneByOrFail(Event, { id: invitation.eventId });
  if (event.status === 'cancelled') throw linkErrors.invalid();
  return { invitation, event };
}
