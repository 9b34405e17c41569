/**
 * The membership rules as SQL fragments: the only place outside migrations and the structures module's own services that
 * spells `collective_membership` and its `active` status. Every module that decides access in SQL builds on these, so a
 * change of the rule (e.g. a membership that ends at a date) is made once.
 *
 * Parameters are SQL expressions of the caller's statement (`$1`, `c.id`, `s.collective_id`…): the fragments never bind
 * values themselves, so they fold into the caller's statement (and its prepared plan) without a round trip of their own.
 * Their text is stable: the match lists' prepared statements are named by the hash of their text.
 */

/** The table, for the rare caller that must join it with columns of its own (prefer the fragments below). */
const MEMBERSHIP = 'collective_membership';

/** The condition "this membership row is active" over an alias of `collective_membership`. */
export function activeMembershipSql(alias: string): string {
  return `${alias}.status = 'active'`;
}

/**
 * A JOIN on the active membership of `siae` in `collective` (both SQL expressions), as `alias`: for a statement that
 * keeps a row only while its SIAE is an active member of the collective it is shared with.
 */
export function activeMembershipJoinSql(alias: string, on: { collective: string; siae: string }): string {
  return `JOIN ${MEMBERSHIP} ${alias} ON ${alias}.collective_id = ${on.collective} AND ${alias}.siae_id = ${on.siae} AND ${activeMembershipSql(alias)}`;
}

/** `EXISTS`: the SIAE `siae` is an active member of `collective`. */
export function isActiveMemberSql(collective: string, siae: string): string {
  return `EXISTS (SELECT 1 FROM ${MEMBERSHIP} am WHERE am.collective_id = ${collective} AND am.siae_id = ${siae} AND ${activeMembershipSql('am')})`;
}

/**
 * The active member SIAE of `collective`, as a query returning `siae_id` rows (alias `a`); `select` replaces the
 * selected expression, e.g. `array_agg(a.siae_id ORDER BY a.siae_id)`.
 */
export function activeMembersSql(collective: string, select = 'a.siae_id'): string {
  return `SELECT ${select} FROM ${MEMBERSHIP} a WHERE a.collective_id = ${collective} AND ${activeMembershipSql('a')}`;
}

/**
 * The collectives where one of the SIAE `own` (an SQL uuid[] expression) is an active member, as a query returning
 * `collective_id` rows (alias `m`); `select` replaces the selected expression.
 */
export function memberCollectiveIdsSql(own: string, select = 'm.collective_id'): string {
  return `SELECT ${select} FROM ${MEMBERSHIP} m WHERE ${activeMembershipSql('m')} AND m.siae_id = ANY(${own}::uuid[])`;
}

/**
 * The partner SIAE of the SIAE `own` (an SQL uuid[] expression): the other active members of the collectives where one
 * of them is an active member. A query returning `siae_id` rows.
 */
export function partnerSiaeIdsSql(own: string): string {
  return `SELECT DISTINCT theirs.siae_id
       FROM ${MEMBERSHIP} mine
       JOIN ${MEMBERSHIP} theirs ON theirs.collective_id = mine.collective_id AND ${activeMembershipSql('theirs')}
      WHERE ${activeMembershipSql('mine')} AND mine.siae_id = ANY(${own}::uuid[]) AND NOT (theirs.siae_id = ANY(${own}::uuid[]))`;
}
