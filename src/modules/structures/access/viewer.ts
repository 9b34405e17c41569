import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../../../platform/auth/access.decorators';
import { siaeRoles, type Principal, type SiaeGrant, type SiaeRole } from '../../../platform/auth/principal';

/**
 * Who is looking, in the words every module decides access with. Built once per request from the session read (the
 * auth guard reads grants, collectives and partners in the statement that reads the token: no round trip of its own)
 * and passed down to services; SQL that needs it binds its arrays as parameters.
 *
 * - `grants`: the person's role in each SIAE (direction, cip, charge_dev); `ownSiaeIds`: the SIAE where they hold any.
 * - `memberships`: the active collective memberships of their SIAE; `memberCollectiveIds`: those collectives.
 * - `coordinatorOf`: collectives they coordinate (a coordinator need not be staff of a member SIAE).
 * - `partnerSiaeIds`: the other active members of `memberCollectiveIds` (never one of `ownSiaeIds`).
 *
 * Membership changes are honoured by the next request (read at its start); a write that depends on a membership as it
 * stands at commit re-checks it in its transaction (`isActiveMemberSql`).
 */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
  grants: readonly SiaeGrant[];
  ownSiaeIds: string[];
  memberships: Array<{ siaeId: string; collectiveId: string }>;
  memberCollectiveIds: string[];
  coordinatorOf: string[];
  partnerSiaeIds: string[];
}

const ofPrincipal = new WeakMap<Principal, Viewer>();

/** The Viewer of a signed-in principal; the same object for the whole request (kept beside the principal). */
export function viewerOf(principal: Principal): Viewer {
  let viewer = ofPrincipal.get(principal);
  if (!viewer) ofPrincipal.set(principal, (viewer = build(principal)));
  return viewer;
}

function build(principal: Principal): Viewer {
  return {
    userId: principal.userId,
    isAdmin: principal.isAdmin,
    grants: principal.siaeGrants,
    ownSiaeIds: [...new Set(principal.siaeGrants.map((g) => g.siaeId))],
    memberships: principal.memberships,
    memberCollectiveIds: [...new Set(principal.memberships.map((m) => m.collectiveId))],
    coordinatorOf: principal.coordinatorOf,
    partnerSiaeIds: principal.partnerSiaeIds,
  };
}

/** The request's Viewer as a controller parameter (`@CurrentViewer() viewer: Viewer`), built once per request. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentViewer used on a public route');
  return viewerOf(request.principal);
});

/** The SIAE where the viewer holds one of `roles` (any role by default). */
export function siaeIdsWhere(viewer: Viewer, roles: readonly SiaeRole[] = siaeRoles): string[] {
  return [...new Set(viewer.grants.filter((g) => roles.includes(g.role)).map((g) => g.siaeId))];
}

/** The viewer holds one of `roles` in the SIAE `siaeId`. */
export function holdsRoleIn(viewer: Viewer, siaeId: string, roles: readonly SiaeRole[] = siaeRoles): boolean {
  return viewer.grants.some((g) => g.siaeId === siaeId && roles.includes(g.role));
}

export function coordinates(viewer: Viewer, collectiveId: string): boolean {
  return viewer.coordinatorOf.includes(collectiveId);
}

/** One of the viewer's SIAE is an active member of the collective. */
export function isMemberOf(viewer: Viewer, collectiveId: string): boolean {
  return viewer.memberCollectiveIds.includes(collectiveId);
}

/** The viewer's SIAE that are active members of the collective, restricted to those where they hold one of `roles`. */
export function memberSiaeIdsIn(
  viewer: Viewer,
  collectiveId: string,
  roles: readonly SiaeRole[] = siaeRoles,
): string[] {
  const members = viewer.memberships.filter((m) => m.collectiveId === collectiveId).map((m) => m.siaeId);
  return siaeIdsWhere(viewer, roles).filter((s) => members.includes(s));
}

/** Collectives whose shared view the viewer reads: those of their SIAE, and those they coordinate. */
export function readableCollectiveIds(viewer: Viewer): string[] {
  return [...new Set([...viewer.memberCollectiveIds, ...viewer.coordinatorOf])];
}

/** Own SIAE first, then partner SIAE: whose shared candidate profiles the viewer may be shown (consent permitting). */
export function candidateSiaeIds(viewer: Viewer): string[] {
  return [...viewer.ownSiaeIds, ...viewer.partnerSiaeIds];
}
