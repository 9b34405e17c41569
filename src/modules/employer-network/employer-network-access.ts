import type { SiaeRole } from '../../platform/auth/principal';
import { activeMembershipJoinSql, readableCollectiveIds, viewerOf, type Viewer } from '../structures/access';

/** Who writes an SIAE's company records (create, edit, contacts, needs, shares): its direction and chargé·es de développement. */
export const COMPANY_WRITERS: readonly SiaeRole[] = ['direction', 'charge_dev'];

/**
 * The viewer of the employer-network queries is the structures module's `Viewer`. They see their SIAE's records, and
 * the records shared with the collectives whose pooled view they read (`pooledCollectivesOf`).
 */
export type { Viewer };
export { viewerOf };

/** Collectives whose pooled view the viewer may read: those of their SIAE, and those they coordinate. */
export const pooledCollectivesOf = (v: Viewer) => readableCollectiveIds(v);

/**
 * The one visibility rule for a company record, as SQL over a `company` alias. $own = viewer's SIAE, $pooled = the
 * collectives whose pooled view they read. A shared record is visible only while its SIAE is still an active member.
 * With `contacts`, only shares that include the contacts count.
 */
export function visibleCompanySql(alias: string, ownParam: string, pooledParam: string, contacts = false): string {
  return `(${alias}.siae_id = ANY(${ownParam}::uuid[]) OR EXISTS (
      SELECT 1 FROM company_share s
        ${activeMembershipJoinSql('om', { collective: 's.collective_id', siae: `${alias}.siae_id` })}
       WHERE s.company_id = ${alias}.id AND s.withdrawn_at IS NULL AND s.collective_id = ANY(${pooledParam}::uuid[])
         ${contacts ? 'AND s.with_contacts' : ''}))`;
}

/**
 * The same rule over a `hiring_need` alias, from the copies the database keeps on the need (`owner_siae_id`,
 * `shared_collective_ids`, see migration NeedVisibilityColumns): an owner SIAE of the viewer's, or an active share with
 * one of the viewer's collectives whose owner is still an active member of it. Each collective comes with its active
 * members as a parameter, so no row of `company`, `company_share` or membership is read per need.
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
