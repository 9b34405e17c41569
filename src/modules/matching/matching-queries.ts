/**
 * The SQL side of matching: pre-filters that only ever return rows the viewer may see (visibility and consent are in
 * the WHERE clause, reusing the candidates and employer-network rules), mapped to the engine's snapshots. Nothing here
 * scores: the engine does. The viewer of a list is read here, with the need or candidate it is about, in one statement;
 * the rest is in matching-sql.ts (shared), need-queries.ts and candidate-queries.ts, re-exported below.
 */
import { EntityManager } from 'typeorm';
import { prepared } from '../../platform/database/prepared';
import { activeMembersSql, memberCollectiveIdsSql, partnerSiaeIdsSql } from '../structures/access';
import { candidateLookup, ownCandidateSelect, type CandidateLookup, type CandidateRow } from './candidate-queries';
import type { MatchingViewer } from './matching-sql';
import { visibleNeed, visibleNeedSelect, type VisibleNeed, type VisibleNeedRow } from './need-queries';

export * from './matching-sql';
export * from './need-queries';
export * from './candidate-queries';

type ViewerRow = { partners: string[]; collectives: Array<{ id: string; weights: unknown; members: string[] }> };
/**
 * The structures module's Viewer as a match list reads it, with its collectives' active members and stored matching
 * weights. Its partners and collectives are read again here, with the need or candidate, in the list's own snapshot
 * (REPEATABLE READ): the candidates ranked and the partners they are filtered by come from one state of the database,
 * at no extra round trip (the sub-selects are the structures fragments; the statement's plan is the one measured in
 * the README).
 */
export type ListViewer = MatchingViewer & { storedWeights: Map<string, unknown> };

/** The viewer's columns over $1 = their SIAE (see loadMatchingViewer), plus `extra` columns of the caller's. */
function viewerStatement(extra = ''): string {
  return `SELECT coalesce((SELECT array_agg(p.siae_id ORDER BY p.siae_id) FROM (${partnerSiaeIdsSql('$1')}) p), '{}') AS partners,
            coalesce((SELECT json_agg(json_build_object('id', c.id, 'weights', c.matching_weights,
                                                        'members', (${activeMembersSql('c.id', 'array_agg(a.siae_id ORDER BY a.siae_id)')})) ORDER BY c.id)
                        FROM collective c WHERE c.id IN (${memberCollectiveIdsSql('$1')})), '[]') AS collectives
            ${extra}`;
}

/** The collectives of $1's SIAE as an SQL array expression, for a rule written with a collectives parameter. */
const MEMBER_COLLECTIVES_SQL = `(${memberCollectiveIdsSql('$1', 'array_agg(m.collective_id)')})`;

function viewerFromRow(ownSiaeIds: string[], row: ViewerRow): ListViewer {
  return {
    ownSiaeIds,
    candidateSiaeIds: [...ownSiaeIds, ...row.partners],
    memberCollectiveIds: row.collectives.map((c) => c.id),
    collectiveMembers: new Map(row.collectives.map((c) => [c.id, c.members])),
    storedWeights: new Map(row.collectives.map((c) => [c.id, c.weights])),
  };
}

const NO_VIEWER = (ownSiaeIds: string[]): ListViewer => ({
  ownSiaeIds,
  candidateSiaeIds: [],
  memberCollectiveIds: [],
  collectiveMembers: new Map(),
  storedWeights: new Map(),
});

/**
 * The viewer of a match list, read in the caller's transaction (a membership that ends is honoured by the very next
 * query), in one statement: on a list read at every search, each round trip to PostgreSQL shows. The collectives'
 * stored weights come with them.
 */
export async function loadMatchingViewer(manager: EntityManager, ownSiaeIds: string[]): Promise<ListViewer> {
  if (ownSiaeIds.length === 0) return NO_VIEWER(ownSiaeIds);
  const [row]: ViewerRow[] = await prepared(manager, viewerStatement(), [ownSiaeIds]);
  return viewerFromRow(ownSiaeIds, row);
}

/** The viewer and the need they ask matches for (null if they may not see it), in one statement. */
export async function loadViewerAndNeed(
  manager: EntityManager,
  ownSiaeIds: string[],
  needId: string,
): Promise<{ viewer: ListViewer; need: VisibleNeed | null }> {
  if (ownSiaeIds.length === 0) return { viewer: NO_VIEWER(ownSiaeIds), need: null };
  const [row]: Array<ViewerRow & { need: VisibleNeedRow | null }> = await prepared(
    manager,
    viewerStatement(
      `, (SELECT row_to_json(x) FROM (${visibleNeedSelect('$2', '$1', MEMBER_COLLECTIVES_SQL)}) x) AS need`,
    ),
    [ownSiaeIds, needId],
  );
  return { viewer: viewerFromRow(ownSiaeIds, row), need: row.need && visibleNeed(row.need) };
}

/** The viewer and a candidate of their own SIAE (see loadOwnCandidate), in one statement. */
export async function loadViewerAndCandidate(
  manager: EntityManager,
  ownSiaeIds: string[],
  candidateId: string,
): Promise<{ viewer: ListViewer; candidate: CandidateLookup }> {
  if (ownSiaeIds.length === 0) return { viewer: NO_VIEWER(ownSiaeIds), candidate: { status: 'not_found' } };
  const [row]: Array<ViewerRow & { candidate: CandidateRow | { candidate_id: null } | null }> = await prepared(
    manager,
    viewerStatement(`, (SELECT row_to_json(x) FROM (${ownCandidateSelect('$2', '$1')}) x) AS candidate`),
    [ownSiaeIds, candidateId],
  );
  return {
    viewer: viewerFromRow(ownSiaeIds, row),
    candidate: candidateLookup(row.candidate === null ? [] : [row.candidate]),
  };
}
