import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import type { TokenHasher } from '../../../platform/auth/token-hasher';
import { EventInvitation } from '../entities/event-invitation.entity';
import { Event } from '../entities/event.entity';
import { eventsErrors as errors } from '../events.errors';

/**
 * The employer's link token, as the JSON API receives it: header `X-Employer-Link`. An interim door until the
 * platform's one employer-link mechanism (`src/platform/links/`: link → short session) lands; the token itself is
 * already that design's: ≥ 256 random bits, stored as a keyed hash only, scoped to one invitation (one event, one
 * company), expiring, revocable. Nothing else in the module reads the header.
 */
export const EmployerLinkToken = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<Request>().header('x-employer-link') ?? '';
  if (!/^[A-Za-z0-9_-]{40,100}$/.test(value)) throw errors.linkInvalid();
  return value;
});

export interface EmployerScope {
  invitation: EventInvitation;
  event: Event;
}

/**
 * The invitation a token opens, locked when the use case writes. Unknown, tampered, revoked and expired tokens all get
 * the same 401 without a word on which: a guesser learns nothing.
 */
export async function resolveEmployerLink(
  manager: EntityManager,
  hasher: TokenHasher,
  token: string,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<EmployerScope> {
  const invitation = await manager.findOne(EventInvitation, {
    where: { tokenHash: hasher.hash(token) },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!invitation || invitation.revokedAt !== null || invitation.tokenExpiresAt.getTime() <= now.getTime())
    throw errors.linkInvalid();
  const event = await manager.findOneByOrFail(Event, { id: invitation.eventId });
  if (event.status === 'cancelled') throw errors.linkInvalid();
  return { invitation, event };
}
