/**
 * The needs side of matching's SQL: the need a list is about (if the viewer may see it), and the needs of a candidate for
 * both lists (open needs, and the pooled companies' open or recent ones), as the engine's snapshots kept by version.
 * Visibility is in the WHERE clause, with employer-network's rules.
 */
import { EntityManager } from 'typeorm';
import { prepared } from '../../platform/database/prepared';
import { visibleCompanySql, visibleNeedSql } from '../employer-network/employer-network-access';
import type { Accommodation, ContractType } from '../employer-network/employer-network-vocabulary';
import {
  haversineKm,
  needAccommodationFields,
  withinRadiusKm,
  type CandidateSnapshot,
  type NeedSnapshot,
} from './engine';
import {
  boxSql,
  codes,
  domainOf,
  haversineSql,
  Params,
  searchedFiches,
  SQL_SLACK_KM,
  type JobReferential,
  type MatchingViewer,
} from './matching-sql';
import { pooledCompanyFactsSql, type PooledCompanyFacts } from './pooled-company-queries';
import { SnapshotCache } from './snapshot-cache';

export interface NeedRowInfo {
  companyId: string;
  companyName: string;
  appellation: { code: string; label: string };
  place: { code: string; name: string } | null;
  positions: number;
  contractType: ContractType;
  startDate: string | null;
  weeklyHours: number | null;
}

export type VisibleNeedRow = NeedScoreRow & {
  company_name: string;
  appellation_label: string;
  place_name: string | null;
};
export type VisibleNeed = CachedNeed & { open: boolean };

/** The need $need if the viewer ($own, collectives as an SQL array expression) may see it: one row or none. */
export function visibleNeedSelect(needParam: string, ownParam: string, collectivesSql: string): string {
  return `SELECT ${NEED_SCORE_COLUMNS}, co.name AS company_name, a.label AS appellation_label, cm.name AS place_name
       FROM hiring_need n JOIN company co ON co.id = n.company_id JOIN rome_appellation a ON a.code = n.appellation_code
       LEFT JOIN commune cm ON cm.code = n.place_commune_code
      WHERE n.id = ${needParam}::uuid AND ${visibleCompanySql('co', ownParam, collectivesSql)}`;
}

export function visibleNeed(r: VisibleNeedRow): VisibleNeed {
  const { snapshot, info } = scoreRowNeed(r);
  return {
    snapshot,
    info: labelled(info, {
      companyName: r.company_name,
      appellationLabel: r.appellation_label,
      placeName: r.place_name,
    }),
    open: r.status === 'open',
  };
}

/** The need if the viewer may see it (owner SIAE, or shared with a collective of theirs), else null (→ 404). */
export async function loadVisibleNeed(
  manager: EntityManager,
  viewer: MatchingViewer,
  needId: string,
): Promise<VisibleNeed | null> {
  const rows: VisibleNeedRow[] = await prepared(manager, visibleNeedSelect('$1', '$2', '$3'), [
    needId,
    viewer.ownSiaeIds,
    viewer.memberCollectiveIds,
  ]);
  return rows.length === 0 ? null : visibleNeed(rows[0]);
}

export interface PooledNeedRow {
  /** The hiring need; `snapshot.id` is `<need>/<pooled company>`, since one need may sit in two collectives' views. */
  needId: string;
  pooledCompanyId: string;
  status: string;
  snapshot: NeedSnapshot;
  info: NeedRowInfo;
}

/** How far back a filled or closed need still says "this company hires for this trade". */
export const POOLED_HISTORY_MONTHS = 24;

/** A need as the match lists keep it (SnapshotCache): the engine's snapshot and what a list shows beside the names. */
export interface CachedNeed {
  snapshot: NeedSnapshot;
  info: NeedRowInfo;
}

export interface NeedsOfCandidate {
  /** Open needs the viewer may see (the needs list). */
  open: CachedNeed[];
  /** Needs, open or recent, of companies in a pooled company of the viewer's collectives (the pooled companies list). */
  pooled: PooledNeedRow[];
}

/** What scoring reads of a need, from its row alone (it carries its fiche, coordinates and visibility copies). */
export interface NeedScoreRow {
  id: string;
  status: string;
  appellation_code: string;
  fiche_code: string;
  place_commune_code: string | null;
  latitude: number | null;
  longitude: number | null;
  start_date: string | null;
  weekly_hours: string | null;
  /** Comma-joined, as the candidates' arrays (see `profileColumns`). */
  accommodations: string;
  positions: number;
  contract_type: ContractType;
  company_id: string;
}

export const NEED_SCORE_COLUMNS = `n.id, n.status, n.appellation_code, n.fiche_code, n.place_commune_code, n.latitude, n.longitude,
       to_char(n.start_date, 'YYYY-MM-DD') AS start_date, n.weekly_hours, array_to_string(n.accommodations, ',') AS accommodations, n.positions,
       n.contract_type, n.company_id`;

export function scoreRowNeed(r: NeedScoreRow): CachedNeed {
  const hours = r.weekly_hours === null ? null : Number(r.weekly_hours);
  return {
    snapshot: {
      id: r.id,
      ogrCode: r.appellation_code,
      ficheCode: r.fiche_code.trim(),
      location:
        r.place_commune_code && r.latitude !== null && r.longitude !== null
          ? { communeCode: r.place_commune_code, latitude: r.latitude, longitude: r.longitude }
          : null,
      startDate: r.start_date,
      // The need has no work-time column: the engine derives it from the hours (< 35 h = part time).
      workTime: null,
      hoursPerWeek: hours,
      ...needAccommodationFields(codes<Accommodation>(r.accommodations)),
      // Hiring needs hold no skills yet: the engine then leaves those parts out of maxScore.
      skills: [],
      softSkills: [],
    },
    // Names are read for the needs shown only (loadShownDetails).
    info: {
      companyId: r.company_id,
      companyName: '',
      appellation: { code: r.appellation_code, label: '' },
      place: r.place_commune_code ? { code: r.place_commune_code, name: '' } : null,
      positions: r.positions,
      contractType: r.contract_type,
      startDate: r.start_date,
      weeklyHours: hours,
    },
  };
}

/**
 * Both lists of a candidate in one statement, since they read the same needs: needs the viewer may see whose fiche is
 * in one of the candidate's domains or related to one of the candidate's fiches, open ones and (for the pooled
 * companies) those filled or closed within POOLED_HISTORY_MONTHS: a company that hired for a trade may again.
 * - Where: a box around the candidate on `IDX_hiring_need_matching` (open) and `IDX_hiring_need_history` (past), one
 *   range per domain; needs without a place are kept (no distance points, no exclusion), and in the pooled list placed
 *   at their pooled company's commune. The exact circle is the engine's own distance.
 * - Visibility (`visibleNeedSql`) reads the need's own copies, in the index; the pooled company (of the caller's
 *   collectives) is one lookup per need. Names, budgets and pauses are read for the companies shown only.
 */
export async function loadNeedsOfCandidate(
  manager: EntityManager,
  viewer: MatchingViewer,
  candidate: CandidateSnapshot,
  ref: JobReferential,
  filters: { radiusKm: number; domain?: string; today: string },
  cache: SnapshotCache<CachedNeed> = new SnapshotCache(),
): Promise<NeedsOfCandidate> {
  const fiches = searchedFiches(ref, [...new Set(candidate.targetJobs.map((j) => j.ficheCode.trim()))], filters.domain);
  if (fiches.length === 0 || viewer.ownSiaeIds.length === 0) return { open: [], pooled: [] };
  const p = new Params();
  const collectives = p.add(viewer.memberCollectiveIds);
  const { latitude, longitude } = candidate.location;
  const visible = visibleNeedSql(
    'n',
    p.add(viewer.ownSiaeIds),
    [...viewer.collectiveMembers].map(([id, members]) => ({
      collectiveParam: p.add(id),
      membersParam: p.add(members),
    })),
  );
  const job = `n.domain_code = ANY(${p.add([...new Set(fiches.map(domainOf))])}::bpchar[]) AND n.fiche_code = ANY(${p.add(fiches)}::bpchar[]) AND ${visible}`;
  const recent = `coalesce(n.closed_at, n.updated_at) >= ${p.add(filters.today)}::date - make_interval(months => ${POOLED_HISTORY_MONTHS})`;
  // The box on the index, then the circle on the index tuple (float haversine, a metre of slack): a quarter fewer rows.
  const km = haversineSql('n.latitude', 'n.longitude', `${p.add(latitude)}::float8`, `${p.add(longitude)}::float8`);
  const box = `${boxSql(p, 'n', latitude, longitude, filters.radiusKm)} AND ${km} <= ${p.add(filters.radiusKm + SQL_SLACK_KM)}::float8`;
  // Every branch is answered from its index alone (ids, versions, statuses); the scored columns come from `cache`.
  const openBranch = `SELECT n.id, 'open'::varchar AS status, n.match_version, n.company_id, n.latitude IS NULL AS no_place FROM hiring_need n WHERE n.status = 'open' AND ${job}`;
  const pastBranch = `SELECT n.id, n.status, n.match_version, n.company_id, n.latitude IS NULL AS no_place FROM hiring_need n WHERE n.status <> 'open' AND ${job} AND ${recent}`;
  const rows: Array<{
    id: string;
    status: string;
    match_version: string;
    pooled_id: string | null;
    pooled_point: [number, number] | null;
  }> = await prepared(
    manager,
    `WITH n AS (${openBranch} AND ${box} UNION ALL ${openBranch} AND n.latitude IS NULL UNION ALL ${pastBranch} AND ${box} UNION ALL ${pastBranch} AND n.latitude IS NULL)
     SELECT n.id, n.status, n.match_version, pm.pooled_company_id AS pooled_id,
            CASE WHEN n.no_place AND pm.pooled_company_id IS NOT NULL
                 THEN (SELECT ARRAY[cm.latitude, cm.longitude] FROM pooled_company pc JOIN commune cm ON cm.code = pc.commune_code WHERE pc.id = pm.pooled_company_id) END AS pooled_point
       FROM n LEFT JOIN pooled_company_member pm ON pm.company_id = n.company_id AND pm.collective_id = ANY(${collectives}::uuid[])
      WHERE n.status = 'open' OR pm.pooled_company_id IS NOT NULL`,
    p.values,
  );
  const needs = await cachedNeeds(manager, rows, cache);
  const inRadius = (place: { latitude: number; longitude: number } | null) =>
    place === null ||
    withinRadiusKm(haversineKm(latitude, longitude, place.latitude, place.longitude), filters.radiusKm);
  const open = new Map<string, CachedNeed>();
  const pooled: PooledNeedRow[] = [];
  for (const r of rows) {
    const need = needs.get(r.id)!;
    const inCircle = inRadius(need.snapshot.location);
    // A company in the pooled view of two of the caller's collectives comes twice: one open need all the same.
    if (r.status === 'open' && inCircle) open.set(r.id, need);
    // A pooled company member always belongs to a live pooled company: the pooling writer dissolves only companies left without members.
    // Without a place of its own, a need is placed at its pooled company's commune in that list.
    const pooledPlace =
      need.snapshot.location ?? (r.pooled_point ? { latitude: r.pooled_point[0], longitude: r.pooled_point[1] } : null);
    if (r.pooled_id === null || !inRadius(pooledPlace)) continue;
    pooled.push({
      needId: r.id,
      pooledCompanyId: r.pooled_id,
      status: r.status,
      snapshot: { ...need.snapshot, id: `${r.id}/${r.pooled_id}` },
      info: need.info,
    });
  }
  return { open: [...open.values()], pooled };
}

/** The snapshots of those needs: from `cache` at the version read, else read (one statement for all the others) and kept. */
async function cachedNeeds(
  manager: EntityManager,
  rows: ReadonlyArray<{ id: string; match_version: string }>,
  cache: SnapshotCache<CachedNeed>,
): Promise<Map<string, CachedNeed>> {
  const found = new Map<string, CachedNeed>();
  const missing = new Set<string>();
  for (const r of rows) {
    const cached = cache.get(r.id, r.match_version);
    if (cached) found.set(r.id, cached);
    else missing.add(r.id);
  }
  if (missing.size === 0) return found;
  const fetched: Array<NeedScoreRow & { match_version: string }> = await prepared(
    manager,
    `SELECT ${NEED_SCORE_COLUMNS}, n.match_version FROM hiring_need n WHERE n.id = ANY($1::uuid[])`,
    [[...missing]],
  );
  for (const r of fetched) {
    const need = scoreRowNeed(r);
    cache.set(r.id, r.match_version, need);
    found.set(r.id, need);
  }
  return found;
}

export interface NeedLabels {
  companyName: string;
  appellationLabel: string;
  placeName: string | null;
}

/**
 * What a page shows beyond the scores, in one statement: the names of the needs shown (company, appellation label,
 * place: the ranking did without them) and the facts of the pooled companies shown (pooled-company-queries.ts).
 */
export async function loadShownDetails(
  manager: EntityManager,
  needIds: string[],
  pooledIds: string[],
  now: Date,
): Promise<{ labels: Map<string, NeedLabels>; facts: Map<string, PooledCompanyFacts> }> {
  if (needIds.length === 0 && pooledIds.length === 0) return { labels: new Map(), facts: new Map() };
  const [row]: Array<{
    labels: Array<NeedLabels & { id: string }>;
    facts: Array<PooledCompanyFacts & { id: string }>;
  }> = await prepared(
    manager,
    `SELECT coalesce((SELECT json_agg(json_build_object('id', n.id, 'companyName', co.name, 'appellationLabel', a.label, 'placeName', cm.name))
                        FROM hiring_need n JOIN company co ON co.id = n.company_id JOIN rome_appellation a ON a.code = n.appellation_code
                        LEFT JOIN commune cm ON cm.code = n.place_commune_code
                       WHERE n.id = ANY($1::uuid[])), '[]') AS labels,
            coalesce((SELECT json_agg(f) FROM (${pooledCompanyFactsSql('$2', '$3')}) f), '[]') AS facts`,
    [needIds, pooledIds, now],
  );
  return {
    labels: new Map(row.labels.map(({ id, ...l }) => [id, l])),
    facts: new Map(row.facts.map(({ id, ...f }) => [id, f])),
  };
}

/** A need's info with the names `loadShownDetails` read. */
export function labelled(info: NeedRowInfo, labels: NeedLabels | undefined): NeedRowInfo {
  if (!labels) return info;
  return {
    ...info,
    companyName: labels.companyName,
    appellation: { ...info.appellation, label: labels.appellationLabel },
    place: info.place ? { ...info.place, name: labels.placeName ?? '' } : null,
  };
}
