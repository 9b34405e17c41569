/**
 * The SQL side of matching: a pre-filter that only ever returns rows the viewer may see (visibility and consent are in
 * the WHERE clause, reusing the candidates and employer-network rules), mapped to the engine's snapshots. Nothing here
 * scores: the engine does.
 */
import { EntityManager } from 'typeorm';
import { prepared } from '../../platform/database/prepared';
import { partnerSiaeIdsSql, partnerSql } from '../candidates/candidate-access';
import type { DrivingLicence, EvidenceLevel, SoftSkill, TransportMean, WorkTime } from '../candidates/candidate-vocabulary';
import type { SpokenLanguage } from '../candidates/entities/candidate-profile.entity';
import { visibleCompanySql, visibleNeedSql } from '../employer-network/employer-network-access';
import type { Accommodation, ContractType } from '../employer-network/employer-network-vocabulary';
import { SnapshotCache } from './snapshot-cache';
import { pooledCompanyFactsSql, type PooledCompanyFacts } from './pooled-company-queries';
import { boundingBox, EARTH_RADIUS_KM, haversineKm, needAccommodationFields, withinRadiusKm, type CandidateSnapshot, type NeedSnapshot, type RelatedJobRow } from './engine';

/** Candidates for a need with a place and no radius given: how far around the place the index is asked to look. */
export const DEFAULT_NEED_RADIUS_KM = 30;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const domainOf = (fiche: string) => fiche.slice(0, 3);

/** Who is looking: their SIAE, the SIAE whose consenting candidates they may see, the collectives their SIAE belong to. */
export interface MatchingViewer {
  ownSiaeIds: string[];
  /** Own SIAE + partner SIAE (active members of an active collective membership of theirs). */
  candidateSiaeIds: string[];
  memberCollectiveIds: string[];
  /** Active member SIAE of each of those collectives: whose shared needs the viewer sees through it (`visibleNeedSql`). */
  collectiveMembers: ReadonlyMap<string, string[]>;
}

type ViewerRow = { partners: string[]; collectives: Array<{ id: string; weights: unknown; members: string[] }> };
/** A viewer with their collectives' stored matching weights (for the list's context). */
export type ListViewer = MatchingViewer & { storedWeights: Map<string, unknown> };

/** The viewer's columns over $1 = their SIAE (see loadMatchingViewer), plus `extra` columns of the caller's. */
function viewerStatement(extra = ''): string {
  return `SELECT coalesce((SELECT array_agg(p.siae_id ORDER BY p.siae_id) FROM (${partnerSiaeIdsSql('$1')}) p), '{}') AS partners,
            coalesce((SELECT json_agg(json_build_object('id', c.id, 'weights', c.matching_weights,
                                                        'members', (SELECT array_agg(a.siae_id ORDER BY a.siae_id) FROM collective_membership a
                                                                     WHERE a.collective_id = c.id AND a.status = 'active')) ORDER BY c.id)
                        FROM collective c WHERE c.id IN (SELECT m.collective_id FROM collective_membership m WHERE m.status = 'active' AND m.siae_id = ANY($1::uuid[]))), '[]') AS collectives
            ${extra}`;
}

/** The collectives of $1's SIAE as an SQL array expression, for a rule written with a collectives parameter. */
const MEMBER_COLLECTIVES_SQL = `(SELECT array_agg(m.collective_id) FROM collective_membership m WHERE m.status = 'active' AND m.siae_id = ANY($1::uuid[]))`;

function viewerFromRow(ownSiaeIds: string[], row: ViewerRow): ListViewer {
  return {
    ownSiaeIds,
    candidateSiaeIds: [...ownSiaeIds, ...row.partners],
    memberCollectiveIds: row.collectives.map((c) => c.id),
    collectiveMembers: new Map(row.collectives.map((c) => [c.id, c.members])),
    storedWeights: new Map(row.collectives.map((c) => [c.id, c.weights])),
  };
}

const NO_VIEWER = (ownSiaeIds: string[]): ListViewer => ({ ownSiaeIds, candidateSiaeIds: [], memberCollectiveIds: [], collectiveMembers: new Map(), storedWeights: new Map() });

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
export async function loadViewerAndNeed(manager: EntityManager, ownSiaeIds: string[], needId: string): Promise<{ viewer: ListViewer; need: VisibleNeed | null }> {
  if (ownSiaeIds.length === 0) return { viewer: NO_VIEWER(ownSiaeIds), need: null };
  const [row]: Array<ViewerRow & { need: VisibleNeedRow | null }> = await prepared(manager, 
    viewerStatement(`, (SELECT row_to_json(x) FROM (${visibleNeedSelect('$2', '$1', MEMBER_COLLECTIVES_SQL)}) x) AS need`),
    [ownSiaeIds, needId],
  );
  return { viewer: viewerFromRow(ownSiaeIds, row), need: row.need && visibleNeed(row.need) };
}

/** The viewer and a candidate of their own SIAE (see loadOwnCandidate), in one statement. */
export async function loadViewerAndCandidate(manager: EntityManager, ownSiaeIds: string[], candidateId: string): Promise<{ viewer: ListViewer; candidate: CandidateLookup }> {
  if (ownSiaeIds.length === 0) return { viewer: NO_VIEWER(ownSiaeIds), candidate: { status: 'not_found' } };
  const [row]: Array<ViewerRow & { candidate: CandidateRow | { candidate_id: null } | null }> = await prepared(manager, 
    viewerStatement(`, (SELECT row_to_json(x) FROM (${ownCandidateSelect('$2', '$1')}) x) AS candidate`),
    [ownSiaeIds, candidateId],
  );
  return { viewer: viewerFromRow(ownSiaeIds, row), candidate: candidateLookup(row.candidate === null ? [] : [row.candidate]) };
}

/**
 * A candidate as the match lists keep it (SnapshotCache): the engine's snapshot, and what a page shows of it (its SIAE,
 * pseudonym and commune; never an identity field).
 */
export interface CachedCandidate {
  snapshot: CandidateSnapshot;
  siaeId: string;
  pseudonym: string;
  commune: { code: string; name: string };
}

/**
 * The job referential as the pre-filters need it, loaded once per process (it changes with an import, i.e. a
 * deployment): related fiches (both directions) and the fiches of each domain.
 */
export interface JobReferential {
  related: RelatedJobRow[];
  fichesByDomain: Map<string, string[]>;
  /** Fiches related to each fiche, either direction (the engine reads both): a lookup per request, not a scan of every row. */
  relatedByFiche: Map<string, Set<string>>;
}

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

export async function loadJobReferential(manager: EntityManager): Promise<JobReferential> {
  const related = await loadRelatedJobRows(manager);
  const fiches: Array<{ code: string; domain_code: string }> = await manager.query(`SELECT code, domain_code FROM rome_fiche ORDER BY code`);
  const fichesByDomain = new Map<string, string[]>();
  for (const f of fiches) {
    const domain = f.domain_code.trim();
    (fichesByDomain.get(domain) ?? fichesByDomain.set(domain, []).get(domain)!).push(f.code.trim());
  }
  const relatedByFiche = new Map<string, Set<string>>();
  const link = (a: string, b: string) => (relatedByFiche.get(a) ?? relatedByFiche.set(a, new Set()).get(a)!).add(b);
  for (const r of related) {
    link(r.ficheCode, r.relatedCode);
    link(r.relatedCode, r.ficheCode);
  }
  return { related, fichesByDomain, relatedByFiche };
}

/**
 * The fiches a job search covers: every fiche of the given fiches' domains, plus the fiches related to them; restricted
 * to one domain when the caller filters on it.
 */
function searchedFiches(ref: JobReferential, fiches: readonly string[], onlyDomain?: string): string[] {
  const out = new Set<string>();
  for (const f of fiches) for (const same of ref.fichesByDomain.get(domainOf(f)) ?? [f]) out.add(same);
  for (const f of fiches) for (const r of ref.relatedByFiche.get(f) ?? []) out.add(r);
  return [...out].filter((f) => !onlyDomain || domainOf(f) === onlyDomain).sort();
}

/**
 * Great-circle distance in km as plain float arithmetic (haversine on the engine's sphere): cheap enough to run on
 * every index tuple, unlike earthdistance's SQL wrappers. Used with SQL_SLACK_KM as a pre-filter only; the engine's
 * `haversineKm` and `withinRadiusKm` decide the boundary.
 */
function haversineSql(lat: string, lon: string, lat0: string, lon0: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(sin(radians(${lat} - ${lat0}) / 2) ^ 2 + cos(radians(${lat0})) * cos(radians(${lat})) * sin(radians(${lon} - ${lon0}) / 2) ^ 2))))`;
}
/** SQL and JavaScript may round the same formula differently: the SQL side keeps a metre more, the engine decides. */
const SQL_SLACK_KM = 0.001;

/** The integer form of a ROME fiche code, as the SQL function `rome_fiche_id` computes it (K2204 → 102204). */
export function ficheId(code: string): number {
  return (code.charCodeAt(0) - 65) * 10000 + Number(code.slice(1, 5));
}

/** Box parameters for a btree range on latitude plus a filter on longitude (see `boundingBox`). */
function boxSql(p: Params, alias: string, lat: number, lon: number, km: number): string {
  const b = boundingBox(lat, lon, km);
  return `${alias}.latitude BETWEEN ${p.add(b.minLat)}::float8 AND ${p.add(b.maxLat)}::float8 AND ${alias}.longitude BETWEEN ${p.add(b.minLon)}::float8 AND ${p.add(b.maxLon)}::float8`;
}

export async function loadRelatedJobRows(manager: EntityManager): Promise<RelatedJobRow[]> {
  const rows: Array<{ fiche_code: string; related_code: string; score: string | number }> = await manager.query(
    `SELECT fiche_code, related_code, score FROM rome_related`,
  );
  return rows.map((r) => ({ ficheCode: r.fiche_code, relatedCode: r.related_code, score: Number(r.score) }));
}

export async function domainExists(manager: EntityManager, code: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM rome_domain WHERE code = $1`, [code]);
  return rows.length > 0;
}

// ---------------------------------------------------------------- needs

type VisibleNeedRow = NeedScoreRow & { company_name: string; appellation_label: string; place_name: string | null };
export type VisibleNeed = { snapshot: NeedSnapshot; info: NeedRowInfo; open: boolean };

/** The need $need if the viewer ($own, collectives as an SQL array expression) may see it: one row or none. */
function visibleNeedSelect(needParam: string, ownParam: string, collectivesSql: string): string {
  return `SELECT ${NEED_SCORE_COLUMNS}, co.name AS company_name, a.label AS appellation_label, cm.name AS place_name
       FROM hiring_need n JOIN company co ON co.id = n.company_id JOIN rome_appellation a ON a.code = n.appellation_code
       LEFT JOIN commune cm ON cm.code = n.place_commune_code
      WHERE n.id = ${needParam}::uuid AND ${visibleCompanySql('co', ownParam, collectivesSql)}`;
}

function visibleNeed(r: VisibleNeedRow): VisibleNeed {
  const { snapshot, info } = scoreRowNeed(r);
  return { snapshot, info: labelled(info, { companyName: r.company_name, appellationLabel: r.appellation_label, placeName: r.place_name }), open: r.status === 'open' };
}

/** The need if the viewer may see it (owner SIAE, or shared with a collective of theirs), else null (→ 404). */
export async function loadVisibleNeed(manager: EntityManager, viewer: MatchingViewer, needId: string): Promise<VisibleNeed | null> {
  const rows: VisibleNeedRow[] = await prepared(manager, visibleNeedSelect('$1', '$2', '$3'), [needId, viewer.ownSiaeIds, viewer.memberCollectiveIds]);
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
  open: Array<{ snapshot: NeedSnapshot; info: NeedRowInfo }>;
  /** Needs, open or recent, of companies in a pooled company of the viewer's collectives (the pooled companies list). */
  pooled: PooledNeedRow[];
}

/** What scoring reads of a need, from its row alone (it carries its fiche, coordinates and visibility copies). */
interface NeedScoreRow {
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

const NEED_SCORE_COLUMNS = `n.id, n.status, n.appellation_code, n.fiche_code, n.place_commune_code, n.latitude, n.longitude,
       to_char(n.start_date, 'YYYY-MM-DD') AS start_date, n.weekly_hours, array_to_string(n.accommodations, ',') AS accommodations, n.positions,
       n.contract_type, n.company_id`;

function scoreRowNeed(r: NeedScoreRow): { snapshot: NeedSnapshot; info: NeedRowInfo } {
  const hours = r.weekly_hours === null ? null : Number(r.weekly_hours);
  return {
    snapshot: {
      id: r.id,
      ogrCode: r.appellation_code,
      ficheCode: r.fiche_code.trim(),
      location: r.place_commune_code && r.latitude !== null && r.longitude !== null ? { communeCode: r.place_commune_code, latitude: r.latitude, longitude: r.longitude } : null,
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
  const visible = visibleNeedSql('n', p.add(viewer.ownSiaeIds), [...viewer.collectiveMembers].map(([id, members]) => ({ collectiveParam: p.add(id), membersParam: p.add(members) })));
  const job = `n.domain_code = ANY(${p.add([...new Set(fiches.map(domainOf))])}::bpchar[]) AND n.fiche_code = ANY(${p.add(fiches)}::bpchar[]) AND ${visible}`;
  const recent = `coalesce(n.closed_at, n.updated_at) >= ${p.add(filters.today)}::date - make_interval(months => ${POOLED_HISTORY_MONTHS})`;
  // The box on the index, then the circle on the index tuple (float haversine, a metre of slack): a quarter fewer rows.
  const km = haversineSql('n.latitude', 'n.longitude', `${p.add(latitude)}::float8`, `${p.add(longitude)}::float8`);
  const box = `${boxSql(p, 'n', latitude, longitude, filters.radiusKm)} AND ${km} <= ${p.add(filters.radiusKm + SQL_SLACK_KM)}::float8`;
  // Every branch is answered from its index alone (ids, versions, statuses); the scored columns come from `cache`.
  const open_ = `SELECT n.id, 'open'::varchar AS status, n.match_version, n.company_id, n.latitude IS NULL AS no_place FROM hiring_need n WHERE n.status = 'open' AND ${job}`;
  const past = `SELECT n.id, n.status, n.match_version, n.company_id, n.latitude IS NULL AS no_place FROM hiring_need n WHERE n.status <> 'open' AND ${job} AND ${recent}`;
  const rows: Array<{ id: string; status: string; match_version: string; pooled_id: string | null; pooled_point: [number, number] | null }> = await prepared(manager, 
    `WITH n AS (${open_} AND ${box} UNION ALL ${open_} AND n.latitude IS NULL UNION ALL ${past} AND ${box} UNION ALL ${past} AND n.latitude IS NULL)
     SELECT n.id, n.status, n.match_version, pm.pooled_company_id AS pooled_id,
            CASE WHEN n.no_place AND pm.pooled_company_id IS NOT NULL
                 THEN (SELECT ARRAY[cm.latitude, cm.longitude] FROM pooled_company pc JOIN commune cm ON cm.code = pc.commune_code WHERE pc.id = pm.pooled_company_id) END AS pooled_point
       FROM n LEFT JOIN pooled_company_member pm ON pm.company_id = n.company_id AND pm.collective_id = ANY(${collectives}::uuid[])
      WHERE n.status = 'open' OR pm.pooled_company_id IS NOT NULL`,
    p.values,
  );
  const needs = await cachedNeeds(manager, rows, cache);
  const inRadius = (place: { latitude: number; longitude: number } | null) => place === null || withinRadiusKm(haversineKm(latitude, longitude, place.latitude, place.longitude), filters.radiusKm);
  const open = new Map<string, CachedNeed>();
  const pooled: PooledNeedRow[] = [];
  for (const r of rows) {
    const need = needs.get(r.id)!;
    const inCircle = inRadius(need.snapshot.location);
    // A company in the pooled view of two of the caller's collectives comes twice: one open need all the same.
    if (r.status === 'open' && inCircle) open.set(r.id, need);
    // A pooled company member always belongs to a live pooled company: the pooling writer dissolves only companies left without members.
    const pooledPlace = need.snapshot.location ?? (r.pooled_point ? { latitude: r.pooled_point[0], longitude: r.pooled_point[1] } : null);
    if (r.pooled_id === null || !(need.snapshot.location ? inCircle : inRadius(pooledPlace))) continue;
    pooled.push({ needId: r.id, pooledCompanyId: r.pooled_id, status: r.status, snapshot: { ...need.snapshot, id: `${r.id}/${r.pooled_id}` }, info: need.info });
  }
  return { open: [...open.values()], pooled };
}

/** The snapshots of those needs: from `cache` at the version read, else read (one statement for all the others) and kept. */
async function cachedNeeds(manager: EntityManager, rows: ReadonlyArray<{ id: string; match_version: string }>, cache: SnapshotCache<CachedNeed>): Promise<Map<string, CachedNeed>> {
  const found = new Map<string, CachedNeed>();
  const missing = new Set<string>();
  for (const r of rows) {
    const cached = cache.get(r.id, r.match_version);
    if (cached) found.set(r.id, cached);
    else missing.add(r.id);
  }
  if (missing.size === 0) return found;
  const fetched: Array<NeedScoreRow & { match_version: string }> = await prepared(manager, 
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
  const [row]: Array<{ labels: Array<NeedLabels & { id: string }>; facts: Array<PooledCompanyFacts & { id: string }> }> = await prepared(manager, 
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

// ---------------------------------------------------------------- candidates

interface CandidateRow {
  candidate_id: string;
  siae_id: string;
  commune_code: string;
  latitude: number;
  longitude: number;
  mobility_radius_km: number;
  /** Arrays of codes as comma-joined text, and the languages as JSON text: see `profileColumns`. */
  transport_means: string;
  driving_licences: string;
  languages: string;
  french_as_foreign_language: boolean;
  literacy_difficulty: boolean;
  available_from: string | null;
  work_time: WorkTime | null;
  contract_end: string | null;
  target_ogr_codes: string;
  target_fiche_codes: string;
  skills: Array<{ l: string; e: EvidenceLevel }>;
  soft: SoftSkill[];
}

/**
 * Every column the engine scores on, read from the profile row; the skills (their own tables) only when the need asks
 * for some. Arrays of codes come as comma-joined text and the languages as JSON text: the driver's array and jsonb
 * parsers cost a fifth of the candidates list over a few hundred rows, a split and a JSON.parse almost nothing (the
 * codes hold no comma: CHECK constraints and foreign keys on the referentials).
 */
function profileColumns(load: { skills: boolean; softSkills: boolean }): string {
  const skills = load.skills
    ? `(SELECT coalesce(json_agg(json_build_object('l', s.label, 'e', s.evidence_level)), '[]') FROM candidate_skill s WHERE s.candidate_id = p.candidate_id)`
    : `'[]'::json`;
  const soft = load.softSkills ? `(SELECT coalesce(array_agg(ss.soft_skill), '{}') FROM candidate_soft_skill ss WHERE ss.candidate_id = p.candidate_id)` : `'{}'::varchar[]`;
  return `p.candidate_id, p.siae_id, p.commune_code, p.latitude, p.longitude, p.mobility_radius_km, array_to_string(p.transport_means, ',') AS transport_means,
       array_to_string(p.driving_licences, ',') AS driving_licences, p.languages::text AS languages, p.french_as_foreign_language, p.literacy_difficulty,
       to_char(p.available_from, 'YYYY-MM-DD') AS available_from, p.work_time, to_char(p.contract_end, 'YYYY-MM-DD') AS contract_end,
       array_to_string(p.target_ogr_codes, ',') AS target_ogr_codes, array_to_string(p.target_fiche_codes, ',') AS target_fiche_codes, ${skills} AS skills, ${soft} AS soft`;
}

const codes = <T extends string>(joined: string | null): T[] => (joined ? (joined.split(',') as T[]) : []);

function candidateSnapshot(r: CandidateRow): CandidateSnapshot {
  const fiches = codes(r.target_fiche_codes);
  return {
    id: r.candidate_id,
    targetJobs: codes(r.target_ogr_codes).map((o, i) => ({ ogrCode: o, ficheCode: fiches[i].trim() })),
    skills: r.skills.map((s) => ({ label: s.l, evidenceLevel: s.e })),
    softSkills: r.soft,
    location: { communeCode: r.commune_code, latitude: r.latitude, longitude: r.longitude },
    mobilityRadiusKm: r.mobility_radius_km,
    transportMeans: codes<TransportMean>(r.transport_means),
    drivingLicences: codes<DrivingLicence>(r.driving_licences),
    languages: JSON.parse(r.languages) as SpokenLanguage[],
    frenchAsForeignLanguage: r.french_as_foreign_language,
    literacyDifficulty: r.literacy_difficulty,
    availableFrom: r.available_from,
    workTime: r.work_time,
    // Mirrored from the identity row onto the shared profile (candidates module), so a partner's query never reads
    // the identity table: the same boost in both lists.
    contractEnd: r.contract_end,
  };
}

export type CandidateLookup = { status: 'ok'; snapshot: CandidateSnapshot } | { status: 'no_profile' } | { status: 'not_found' };

/** The candidate $candidate of $own's SIAE (identity row not erased), with its profile columns (null when it has none). */
function ownCandidateSelect(candidateParam: string, ownParam: string): string {
  return `SELECT ${profileColumns({ skills: true, softSkills: true })}
       FROM candidate k LEFT JOIN candidate_profile p ON p.candidate_id = k.id AND p.siae_id = k.siae_id
      WHERE k.id = ${candidateParam}::uuid AND k.siae_id = ANY(${ownParam}::uuid[]) AND k.erased_at IS NULL`;
}

function candidateLookup(rows: Array<CandidateRow | { candidate_id: null }>): CandidateLookup {
  if (rows.length === 0) return { status: 'not_found' };
  const row = rows[0];
  return row.candidate_id === null ? { status: 'no_profile' } : { status: 'ok', snapshot: candidateSnapshot(row as CandidateRow) };
}

/** A candidate of the viewer's own SIAE (identity row not erased) with its profile; consent is not needed to look for offers. */
export async function loadOwnCandidate(manager: EntityManager, viewer: MatchingViewer, candidateId: string): Promise<CandidateLookup> {
  return candidateLookup(await prepared(manager, ownCandidateSelect('$1', '$2'), [candidateId, viewer.ownSiaeIds]));
}

/**
 * Candidates who could take the need: a target job in the need's domain or on a fiche related to the need's; within
 * the search radius of the place and within their own mobility radius; shared with the collective, in the viewer's
 * SIAE or a partner SIAE. One range scan of `IDX_candidate_profile_matching` per SIAE (siae_id = ANY, latitude range;
 * longitude, fiche overlap and distance checked inside the index) returns ids and match versions; the snapshots come
 * from `cache` when it holds that version, else their profile rows are read by primary key (and cached).
 * The sharing flag is "an active collective consent exists", kept in the same transaction as every consent write
 * (`syncSharingFlag`); each candidate found is checked again against the consent rows themselves, with the candidates
 * module's own rule (`partnerSql`): one the rule refuses (a bug upstream) is neither ranked nor counted. What a page
 * shows (pseudonym, commune) comes with the snapshot: nothing is read after the ranking.
 */
export async function prefilterCandidates(
  manager: EntityManager,
  viewer: MatchingViewer,
  need: NeedSnapshot,
  ref: JobReferential,
  filters: { radiusKm: number; domain?: string; availableBy?: string },
  cache: SnapshotCache<CachedCandidate> = new SnapshotCache(),
): Promise<CachedCandidate[]> {
  if (viewer.candidateSiaeIds.length === 0) return [];
  const fiches = searchedFiches(ref, [need.ficheCode.trim()], filters.domain);
  if (fiches.length === 0) return [];
  const p = new Params();
  const siaeIds = p.add(viewer.candidateSiaeIds);
  const where = [`p.shared_with_collective`, `p.siae_id = ANY(${siaeIds}::uuid[])`, `p.target_fiche_ids && ${p.add(fiches.map(ficheId))}::int[]`];
  if (need.location) {
    const { latitude, longitude } = need.location;
    where.push(boxSql(p, 'p', latitude, longitude, filters.radiusKm));
    const km = haversineSql('p.latitude', 'p.longitude', `${p.add(latitude)}::float8`, `${p.add(longitude)}::float8`);
    where.push(`${km} <= least(${p.add(filters.radiusKm)}::float8, p.mobility_radius_km) + ${SQL_SLACK_KM}`);
  }
  if (filters.availableBy) where.push(`(p.available_from IS NULL OR p.available_from <= ${p.add(filters.availableBy)}::date)`);
  // The filter reads only the narrow index (index-only scan over the box). A wide index holding every scored column
  // scanned three times slower; reading the few hundred profiles by primary key was half the list's time: hence the cache.
  // The consent rows themselves, by the candidates module's own rule, as a semi-join: one index probe per candidate found.
  const hits: Array<{ candidate_id: string; match_version: string }> = await prepared(manager,
    `SELECT p.candidate_id, p.match_version FROM candidate_profile p WHERE ${where.join(' AND ')} AND ${partnerSql('p', siaeIds)}`,
    p.values,
  );
  const found: CachedCandidate[] = [];
  const missing: string[] = [];
  for (const h of hits) {
    const cached = cache.get(h.candidate_id, h.match_version);
    if (cached) found.push(cached);
    else missing.push(h.candidate_id);
  }
  if (missing.length > 0) {
    const rows: Array<CandidateRow & { match_version: string; pseudonym: string; commune_name: string }> = await prepared(manager,
      `SELECT ${profileColumns({ skills: true, softSkills: true })}, p.match_version, p.pseudonym, c.name AS commune_name
         FROM candidate_profile p JOIN commune c ON c.code = p.commune_code WHERE p.candidate_id = ANY($1::uuid[])`,
      [missing],
    );
    for (const r of rows) {
      const value = { snapshot: candidateSnapshot(r), siaeId: r.siae_id, pseudonym: r.pseudonym, commune: { code: r.commune_code, name: r.commune_name } };
      cache.set(r.candidate_id, r.match_version, value);
      found.push(value);
    }
  }
  const place = need.location;
  // Beyond the search radius or the candidate's own radius, a candidate is not a match at all (rather than an
  // exclusion the list would count): the same distance and tolerance as the engine's hard limit.
  const candidates = place
    ? found.filter(({ snapshot: c }) => {
        const km = haversineKm(place.latitude, place.longitude, c.location.latitude, c.location.longitude);
        return withinRadiusKm(km, filters.radiusKm) && withinRadiusKm(km, c.mobilityRadiusKm);
      })
    : found;
  return candidates;
}
