import { EntityManager } from 'typeorm';
import { siaeIdsWith, type Principal } from '../../platform/auth/principal';

/**
 * Who is looking, reduced to what the employer-network queries need: the SIAE whose staff they are (they see their
 * SIAE's records), those where they may write (direction, chargé·e de développement), the collectives where one of
 * their SIAE is an active member, and those they coordinate.
 */
export interface EnViewer {
  userId: string;
  ownSiaeIds: string[];
  writerSiaeIds: string[];
  memberCollectiveIds: string[];
  coordinatorOf: string[];
}

export async function enViewerOf(manager: EntityManager, principal: Principal): Promise<EnViewer> {
  const ownSiaeIds = siaeIdsWith(principal);
  const rows: Array<{ collective_id: string }> = ownSiaeIds.length
    ? await manager.query(
        `SELECT DISTINCT collective_id FROM collective_membership WHERE status = 'active' AND siae_id = ANY($1::uuid[])`,
        [ownSiaeIds],
      )
    : [];
  return {
    userId: principal.userId,
    ownSiaeIds,
    writerSiaeIds: siaeIdsWith(principal, ['direction', 'charge_dev']),
    memberCollectiveIds: rows.map((r) => r.collective_id),
    coordinatorOf: principal.coordinatorOf,
  };
}

/** Collectives whose pooled view the viewer may read: those of their SIAE, and those they coordinate. */
export const pooledCollectivesOf = (v: EnViewer) => [...new Set([...v.memberCollectiveIds, ...v.coordinatorOf])];

/**
 * The one visibility rule for a company record, as SQL over a `company` alias. $own = viewer's SIAE, $pooled = the
 * collectives whose pooled view they read. A shared record is visible only while its SIAE is still an active member.
 * With `contacts`, only shares that include the contacts count.
 */
export function visibleCompanySql(alias: string, ownParam: string, pooledParam: string, contacts = false): string {
  return `(${alias}.siae_id = ANY(${ownParam}::uuid[]) OR EXISTS (
      SELECT 1 FROM company_share s
        JOIN collective_membership om ON om.collective_id = s.collective_id AND om.siae_id = ${alias}.siae_id AND om.status = 'active'
       WHERE s.company_id = ${alias}.id AND s.withdrawn_at IS NULL AND s.collective_id = ANY(${pooledParam}::uuid[])
         ${contacts ? 'AND s.with_contacts' : ''}))`;
}

/**
 * The same rule over a `hiring_need` alias, from the copies the database keeps on the need (`owner_siae_id`,
 * `shared_collective_ids`, see migration NeedVisibilityColumns): an owner SIAE of the viewer's, or an active share with
 * one of the viewer's collectives whose owner is still an active member of it. Each collective comes with its active
 * members as a parameter, so no row of `company`, `company_share` or `collective_membership` is read per need.
 */
export function visibleNeedSql(
  alias: string,
  ownParam: string,
  collectives: ReadonlyArray<{ collectiveParam: string; membersParam: string }>,
): string {
  const shared = collectives.map(
    ({ collectiveParam, membersParam }) =>
      `(${alias}.shared_collective_ids @> ARRAY[${collectiveParam}::uuid] AND ${alias}.owner_siae_id = ANY(${membersParam}::uuid[]))`,
  );
  return `(${[`${alias}.owner_siae_id = ANY(${ownParam}::uuid[])`, ...shared].join(' OR ')})`;
}
