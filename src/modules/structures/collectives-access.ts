import { EntityManager, In } from 'typeorm';
import { siaeIdsWith, type Principal } from '../../platform/auth/principal';
import { CollectiveMembership } from './entities/collective-membership.entity';
import { Collective } from './entities/collective.entity';
import { structuresErrors } from './structures.errors';

export type CollectiveStanding = 'coordinator' | 'admin' | 'member' | 'invited';

/**
 * How the caller stands towards a collective: coordinator, platform admin, staff of an active member SIAE, or staff of
 * an SIAE invited to join (who may see it to decide). Anyone else gets 404 and learns nothing about it.
 */
export async function standingIn(
  manager: EntityManager,
  principal: Principal,
  collectiveId: string,
): Promise<CollectiveStanding> {
  const exists = await manager.existsBy(Collective, { id: collectiveId });
  if (exists) {
    if (principal.coordinatorOf.includes(collectiveId)) return 'coordinator';
    if (principal.isAdmin) return 'admin';
    const mine = siaeIdsWith(principal);
    if (mine.length > 0) {
      const memberships = await manager.find(CollectiveMembership, {
        where: { collectiveId, siaeId: In(mine), status: In(['active', 'invited']) },
        select: { status: true },
      });
      if (memberships.some((m) => m.status === 'active')) return 'member';
      if (memberships.length > 0) return 'invited';
    }
  }
  throw structuresErrors.collectiveNotFound();
}

/** Coordinator-only actions: 404 for outsiders, 403 for those who can see the collective. */
export async function assertCoordinatorOf(
  manager: EntityManager,
  principal: Principal,
  collectiveId: string,
): Promise<void> {
  const standing = await standingIn(manager, principal, collectiveId);
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
