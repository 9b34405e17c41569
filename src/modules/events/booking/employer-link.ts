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
 * live (its expiry and revocation are the platform link's, checked on every request); a cancelled event still closes it.
 */
export async function resolveEmployerLink(
  manager: EntityManager,
  employer: EmployerPrincipal,
  _now: Date,
  options: { lock?: boolean } = {},
): Promise<EmployerScope> {
  if (employer.kind !== eventCompanyLink.kind) throw linkErrors.outOfScope();
  const invitation = await manager.findOne(EventInvitation, {
    where: { eventId: employer.scope.eventId, pooledCompanyId: employer.scope.pooledCompanyId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!invitation) throw linkErrors.invalid();
  const event = await manager.findOneByOrFail(Event, { id: invitation.eventId });
  if (event.status === 'cancelled') throw linkErrors.invalid();
  return { invitation, event };
}

/**
 * SQL over an `event_invitation` alias: the live links of its scope (not revoked, not expired at `nowParam`). The
 * platform link is the one source of an invitation's link state.
 */
export function liveLinkOfInvitationSql(alias: string, nowParam: string): string {
  return `EXISTS (SELECT 1 FROM employer_link l WHERE l.kind = '${eventCompanyLink.kind}'
             AND l.scope = jsonb_build_object('eventId', ${alias}.event_id::text, 'pooledCompanyId', ${alias}.pooled_company_id::text)
             AND l.revoked_at IS NULL AND l.expires_at > ${nowParam})`;
}

/** When the invitation's links were revoked, if every link of its scope is (null while one is not, or none exists). */
export function invitationRevokedAtSql(alias: string): string {
  return `(SELECT CASE WHEN count(*) > 0 AND bool_and(l.revoked_at IS NOT NULL) THEN max(l.revoked_at) END
             FROM employer_link l WHERE l.kind = '${eventCompanyLink.kind}'
              AND l.scope = jsonb_build_object('eventId', ${alias}.event_id::text, 'pooledCompanyId', ${alias}.pooled_company_id::text))`;
}
