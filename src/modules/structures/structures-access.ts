import { hasSiaeRole, Principal, SiaeRole } from '../../platform/auth/principal';
import { structuresErrors } from './structures.errors';

/**
 * Access to an SIAE by id. Someone with no grant in it learns nothing, not even that it exists (404); a member whose
 * role does not allow the action is told so (403). The platform admin sees every SIAE.
 */
export function assertSiaeVisible(principal: Principal, siaeId: string): void {
  if (!principal.isAdmin && !hasSiaeRole(principal, siaeId)) throw structuresErrors.siaeNotFound();
}

export function assertSiaeRole(
  principal: Principal,
  siaeId: string,
  roles: readonly SiaeRole[],
  options: { admin?: boolean } = {},
): void {
  if (options.admin && principal.isAdmin) return;
  assertSiaeVisible(principal, siaeId);
  if (!hasSiaeRole(principal, siaeId, roles)) throw structuresErrors.directionOnly();
}

export const roleLabels: Record<string, string> = {
  direction: 'direction',
  cip: 'conseiller·ère en insertion professionnelle (CIP)',
  charge_dev: 'chargé·e de développement',
  coordinator: 'coordinateur·rice du collectif',
  admin: 'administration de la plateforme',
};
