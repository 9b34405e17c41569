import type { AppError } from '../../../platform/errors/app-error';
import { siaeRoles, type AccessRole, type SiaeRole } from '../../../platform/auth/principal';
import { coordinates, holdsRoleIn, memberSiaeIdsIn, type Viewer } from './viewer';

/**
 * Who may take part in a write on a shared object, said relative to the object:
 * - `coordinator`: coordinates the object's collective;
 * - `admin`: the platform admin;
 * - `staff` of the `owner` SIAE (the record's SIAE), of a `contributor` SIAE (one that brought a record into a pooled
 *   company: its records are involved), or of a `member` SIAE (an active member of the object's collective), holding
 *   one of `roles`.
 */
export type Party =
  | { kind: 'coordinator' }
  | { kind: 'admin' }
  | { kind: 'staff'; of: 'owner' | 'contributor' | 'member'; roles: readonly SiaeRole[] };

export const coordinatorParty: Party = { kind: 'coordinator' };
export const adminParty: Party = { kind: 'admin' };
export const staffOf = (of: 'owner' | 'contributor' | 'member', roles: readonly SiaeRole[] = siaeRoles): Party => ({
  kind: 'staff',
  of,
  roles,
});

/**
 * One write on a shared object: the routes that perform it, who may (`may`), who may see the object at all
 * (`visibleTo`; anyone else learns nothing: `hidden`), what a caller who sees it but may not act gets (`refused`), and
 * the audit action every decision is recorded under. Each module keeps its writes in one table of these; the services
 * decide with `mayWrite`/`assertMayWrite`, and the access tests (test/e2e/access-shared-writes.e2e-spec.ts) read the
 * same table to derive what every kind of caller must get.
 */
export interface WriteRule {
  routes: readonly string[];
  /**
   * The roles the routes admit (`@Allow`, checked by the platform guard before any service): a caller holding none of
   * them anywhere gets 403 `FORBIDDEN` whatever the object. Absent: any signed-in user reaches the service.
   */
  guard?: readonly AccessRole[];
  may: readonly Party[];
  visibleTo: readonly Party[];
  refused: () => AppError;
  hidden: () => AppError;
  audit: string;
}

/** What the service knows of the object when it decides: its collective(s) and the SIAE it relates to. */
export interface WriteFacts {
  /** The collective(s) the object belongs to or is shared with (a pooled company has one). */
  collectiveIds: readonly string[];
  ownerSiaeIds?: readonly string[];
  contributorSiaeIds?: readonly string[];
}

function holds(viewer: Viewer, party: Party, facts: WriteFacts): boolean {
  switch (party.kind) {
    case 'admin':
      return viewer.isAdmin;
    case 'coordinator':
      return facts.collectiveIds.some((c) => coordinates(viewer, c));
    case 'staff': {
      if (party.of === 'member')
        return facts.collectiveIds.some((c) => memberSiaeIdsIn(viewer, c, party.roles).length > 0);
      const siaeIds = (party.of === 'owner' ? facts.ownerSiaeIds : facts.contributorSiaeIds) ?? [];
      return siaeIds.some((s) => holdsRoleIn(viewer, s, party.roles));
    }
  }
}

export function mayWrite(viewer: Viewer, rule: WriteRule, facts: WriteFacts): boolean {
  return rule.may.some((p) => holds(viewer, p, facts));
}

export function maySee(viewer: Viewer, rule: WriteRule, facts: WriteFacts): boolean {
  return rule.visibleTo.some((p) => holds(viewer, p, facts)) || mayWrite(viewer, rule, facts);
}

/** 404 (`hidden`) for who may not see the object, 403 (`refused`) for who sees it but may not act. */
export function assertMayWrite(viewer: Viewer, rule: WriteRule, facts: WriteFacts): void {
  if (mayWrite(viewer, rule, facts)) return;
  if (!maySee(viewer, rule, facts)) throw rule.hidden();
  throw rule.refused();
}
