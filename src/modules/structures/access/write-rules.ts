import { withRefusalAudit } from '../../../platform/audit/refused-writes';
import type { AppError } from '../../../platform/errors/app-error';
import { siaeRoles, type AccessRole, type SiaeRole } from '../../../platform/auth/principal';
import { coordinates, holdsRoleIn, memberSiaeIdsIn, type Viewer } from './viewer';

/**
 * Who may take part in a write on a shared object, said relative to the object:
 * - `coordinator`: coordinates the object's collective;
 * - `admin`: the platform admin;
 * - `staff` of the `owner` SIAE (the record's SIAE), of a `contributor` SIAE (one that brought a record into a pooled
 *   company: its records are involved), or of a `member` SIAE (an active member of the object's collective), holding
 *   one of `roles`;
 * - `employer`: the employer itself, through a personal link (platform/links) whose scope names the object
 *   (`scope[scopeKey]` is the object's id, `facts.subject.id`); `via` is the route it acts through.
 */
export type Party =
  | { kind: 'coordinator' }
  | { kind: 'admin' }
  | { kind: 'staff'; of: 'owner' | 'contributor' | 'member'; roles: readonly SiaeRole[] }
  | { kind: 'employer'; scopeKey: string; via: string };

export const coordinatorParty: Party = { kind: 'coordinator' };
export const employerParty = (scopeKey: string, via: string): Party => ({ kind: 'employer', scopeKey, via });

/**
 * Who acts: a signed-in person (their `Viewer`), or an employer through its link session. Only `employer` parties can
 * hold for the latter, and no staff party for the former.
 */
export type WriteActor = Viewer | EmployerActor;
export interface EmployerActor {
  employerLink: { linkId: string; scope: Readonly<Record<string, string>> };
}
export const employerActor = (link: { linkId: string; scope: Readonly<Record<string, string>> }): EmployerActor => ({
  employerLink: { linkId: link.linkId, scope: link.scope },
});
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
  /** What the audit row of a refusal names (default: the first collective). */
  subject?: { type: string; id: string };
}

function holds(actor: WriteActor, party: Party, facts: WriteFacts): boolean {
  if ('employerLink' in actor)
    return (
      party.kind === 'employer' &&
      facts.subject !== undefined &&
      actor.employerLink.scope[party.scopeKey] === facts.subject.id
    );
  const viewer = actor;
  switch (party.kind) {
    case 'employer':
      return false;
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

export function mayWrite(viewer: WriteActor, rule: WriteRule, facts: WriteFacts): boolean {
  return rule.may.some((p) => holds(viewer, p, facts));
}

export function maySee(viewer: WriteActor, rule: WriteRule, facts: WriteFacts): boolean {
  return rule.visibleTo.some((p) => holds(viewer, p, facts)) || mayWrite(viewer, rule, facts);
}

/**
 * 404 (`hidden`) for who may not see the object, 403 (`refused`) for who sees it but may not act. A refusal is a
 * decision too: the error carries an audit row (`<rule.audit>.refused`, the outcome and the facts decided on) that the
 * platform writes outside the use case's transaction, which the refusal rolls back (platform/audit/refused-writes.ts).
 */
export function assertMayWrite(viewer: WriteActor, rule: WriteRule, facts: WriteFacts): void {
  if (mayWrite(viewer, rule, facts)) return;
  throw refusal(viewer, rule, facts, maySee(viewer, rule, facts) ? 'refused' : 'hidden');
}

/**
 * The rule's error for a refusal, marked with its audit row: for `assertMayWrite`, and for a service that finds the
 * object hidden by its own visibility query before it can gather the facts (`hidden`).
 */
export function refusal(
  viewer: WriteActor,
  rule: WriteRule,
  facts: WriteFacts,
  outcome: 'refused' | 'hidden',
): AppError {
  const error = outcome === 'refused' ? rule.refused() : rule.hidden();
  const subject = facts.subject ?? { type: 'collective', id: facts.collectiveIds[0] ?? null };
  return withRefusalAudit(error, {
    ...('employerLink' in viewer
      ? { actorUserId: null, actorLabel: `employeur (lien ${viewer.employerLink.linkId})` }
      : { actorUserId: viewer.userId }),
    action: refusedAction(rule),
    subjectType: subject.type,
    subjectId: subject.id,
    context: {
      outcome,
      code: error.code,
      collectiveIds: facts.collectiveIds,
      ownerSiaeIds: facts.ownerSiaeIds ?? [],
      contributorSiaeIds: facts.contributorSiaeIds ?? [],
    },
  });
}

/** The audit action of a refused write of `rule`. */
export function refusedAction(rule: WriteRule): string {
  return `${rule.audit}.refused`;
}
