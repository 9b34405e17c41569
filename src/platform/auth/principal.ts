export const siaeRoles = ['direction', 'cip', 'charge_dev'] as const;
export type SiaeRole = (typeof siaeRoles)[number];
export type AccessRole = SiaeRole | 'coordinator' | 'admin';

export interface SiaeGrant {
  siaeId: string;
  role: SiaeRole;
}

/** Who is calling, with every grant they hold; loaded once per request by the auth guard. */
export interface Principal {
  userId: string;
  email: string;
  tokenId: string;
  isAdmin: boolean;
  siaeGrants: SiaeGrant[];
  coordinatorOf: string[];
  /**
   * The active collective memberships of the person's SIAE, and the other active members of those collectives (partner
   * SIAE). Computed by the GrantReader (structures owns the rule) in the session read; domain code reads them through
   * the structures module's `Viewer`, not here.
   */
  memberships: Array<{ siaeId: string; collectiveId: string }>;
  partnerSiaeIds: string[];
}

export function hasSiaeRole(principal: Principal, siaeId: string, roles: readonly SiaeRole[] = siaeRoles): boolean {
  return principal.siaeGrants.some((g) => g.siaeId === siaeId && roles.includes(g.role));
}

export function siaeIdsWith(principal: Principal, roles: readonly SiaeRole[] = siaeRoles): string[] {
  return [...new Set(principal.siaeGrants.filter((g) => roles.includes(g.role)).map((g) => g.siaeId))];
}

export function holdsAnyRole(principal: Principal, roles: readonly AccessRole[]): boolean {
  return roles.some((role) => {
    if (role === 'admin') return principal.isAdmin;
    if (role === 'coordinator') return principal.coordinatorOf.length > 0;
    return principal.siaeGrants.some((g) => g.role === role);
  });
}

/**
 * Grants are not stored by the auth layer: the structures module owns memberships and provides this reader, so that
 * platform code never depends on a domain module.
 */
export interface GrantReader {
  /**
   * The grants as SQL expressions over a user id expression, named `siae_grants` (json array of {siaeId, role}),
   * `coordinator_of` (uuid[]), `memberships` (json array of {siaeId, collectiveId}) and `partner_siae_ids` (uuid[]): the auth layer reads them in the
   * statement that reads the session, one round trip for every request instead of two or three.
   */
  grantColumnsSql(userIdExpr: string): string;
}
export const GRANT_READER = Symbol('GRANT_READER');
