import { EntityManager } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { activeMemberSiaeIds, holdsRoleIn, standingIn, viewerOf, type Viewer } from '../structures/access';
import { EventOrganiser } from './entities/event-organiser.entity';
import { Event } from './entities/event.entity';
import { eventsErrors as errors } from './events.errors';

/**
 * How the caller stands towards an event, from the structures module's access vocabulary (the request's Viewer and
 * `standingIn`):
 * `organiser` = coordinator of the collective, platform admin, or a co-organiser still on the staff of an active member
 * SIAE; `member` = staff of an active member SIAE (CIPs register their candidates). Anyone else gets 404.
 */
export type EventStanding = 'organiser' | 'member';

export interface EventAccess {
  event: Event;
  standing: EventStanding;
  coordinator: boolean;
  /** Active member SIAE of the collective, read once here for the checks that follow. */
  memberSiaeIds: string[];
}

export async function accessEvent(
  manager: EntityManager,
  who: Principal | Viewer,
  eventId: string,
  options: { lock?: boolean } = {},
): Promise<EventAccess> {
  const event = await manager.findOne(Event, {
    where: { id: eventId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!event) throw errors.eventNotFound();
  const viewer = 'grants' in who ? who : viewerOf(who);
  const standing = await standingIn(manager, viewer, event.collectiveId).catch(() => {
    throw errors.eventNotFound();
  });
  const memberSiaeIds = await activeMemberSiaeIds(manager, event.collectiveId);
  if (standing === 'coordinator' || standing === 'admin')
    return { event, standing: 'organiser', coordinator: true, memberSiaeIds };
  if (standing !== 'member') throw errors.eventNotFound();
  const organiser = await manager.findOneBy(EventOrganiser, { eventId, userId: viewer.userId });
  const stillStaff =
    organiser !== null && memberSiaeIds.includes(organiser.siaeId) && holdsRoleIn(viewer, organiser.siaeId);
  return { event, standing: stillStaff ? 'organiser' : 'member', coordinator: false, memberSiaeIds };
}

export async function accessAsOrganiser(
  manager: EntityManager,
  principal: Principal | Viewer,
  eventId: string,
  options: { lock?: boolean } = {},
): Promise<EventAccess> {
  const access = await accessEvent(manager, principal, eventId, options);
  if (access.standing !== 'organiser') throw errors.organiserOnly();
  return access;
}
