import { EntityManager, In } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { coordinates, isMemberOf, siaeIdsWhere, viewerOf, type Viewer } from './access/viewer';
import { CollectiveMembership } from './entities/collective-membership.entity';
import { Collective } from './entities/collective.entity';
import { structuresErrors } from './structures.errors';

export type CollectiveStanding = 'coordinator' | 'admin' | 'member' | 'invited';

/**
 * How the caller stands towards a collective, from the request's Viewer: coordinator, platform admin, staff of an
 * active member SIAE, or staff of an SIAE invited to join (who may see it to decide; the one fact the Viewer does not
 * carry, read here). Anyone else gets 404 and learns nothing about it.
 */
export async function standingIn(
  manager: EntityManager,
  who: Principal | Viewer,
  collectiveId: string,
): Promise<CollectiveStanding> {
  const viewer = 'grants' in who ? who : viewerOf(who);
  const exists = await manager.existsBy(Collective, { id: collectiveId });
  if (exists) {
    if (coordinates(viewer, collectiveId)) return 'coordinator';
    if (viewer.isAdmin) return 'admin';
    if (isMemberOf(viewer, collectiveId)) return 'member';
    const mine = siaeIdsWhere(viewer);
    if (
      mine.length > 0 &&
      (await manager.existsBy(CollectiveMembership, { collectiveId, siaeId: In(mine), status: 'invited' }))
    )
      return 'invited';
  }
  throw structuresErrors.collectiveNotFound();
}

/** Coordinator-only actions: 404 for outsiders, 403 for those who can see the collective. */
export async function assertCoordinatorOf(
  manager: EntityManager,
  who: Principal | Viewer,
  collectiveId: string,
): Promise<void> {
  const standing = await standingIn(manager, who, collectiveId);
  if (standing !== 'coordinator') throw structuresErrors.coordinatorOnly();
}

/** The SIAE that are active members of a collective now (read in the caller's transaction). */
export async function activeMemberSiaeIds(manager: EntityManager, collectiveId: string): Promise<string[]> {
  const rows = await manager.find(CollectiveMembership, {
    where: { collectiveId, status: 'active' },
    select: { siaeId: true },
  });
  return rows.map((r) => r.siaeId);
}
