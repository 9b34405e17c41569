/**
 * The SQL side of matching: a pre-filter that only ever returns rows the viewer may see (visibility and consent are in
 * the WHERE clause, reusing the candidates and employer-network rules), mapped to the engine's snapshots. Nothing here
 * scores: the engine does.
 */
import { EntityManager } from 'typeorm';
import { partnerSql } from '../candidates/candidate-access';
import type { DrivingLicence, EvidenceLevel, SoftSkill, TransportMean, WorkTime } from '../candidates/candidate-vocabulary';
import type { SpokenLanguage } from '../candidates/entities/candidate-profile.entity';
import { visibleCompanySql } from '../employer-network/employer-network-access';
import type { Accommodation, ContractType } from '../employer-network/employer-network-vocabulary';
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
}

export interface CandidateRowInfo {
  pseudonym: string;
  siaeId: string;
  commune: { code: string; name: string };
}

/**
 * The job referential as the pre-filters need it, loaded once per process (it changes with an import, i.e. a
 * deployment): related fiches (both directions) and the fiches of each domain.
 */
export interface JobReferential {
  related: RelatedJobRow[];
  fichesByDomain: Map<string, string[]>;
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
  return { related, fichesByDomain };
}

/**
 * The fiches a job search covers: every fiche of the given fiches' domains, plus the fiches related to them; restricted
 * to one domain when the caller filters on it.
 */
function searchedFiches(ref: JobReferential, fiches: readonly string[], onlyDomain?: string): string[] {
  const out = new Set<string>();
  for (const f of fiches) for (const same of ref.fichesByDomain.get(domainOf(f)) ?? [f]) out.add(same);
  for (const f of relatedFichesOf(ref.related, fiches)) out.add(f);
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

/** Fiches related to any of `fiches`, in either direction (the engine reads both). */
function relatedFichesOf(rows: readonly RelatedJobRow[], fiches: readonly string[]): string[] {
  const set = new Set(fiches);
  const out = new Set<string>();
  for (const r of rows) {
    if (set.has(r.ficheCode)) out.add(r.relatedCode);
    if (set.has(r.relatedCode)) out.add(r.ficheCode);
  }
  for (const f of fiches) out.delete(f);
  return [...out];
}

export async function domainExists(manager: EntityManager, code: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM rome_domain WHERE code = $1`, [code]);
  return rows.length > 0;
}

// ---------------------------------------------------------------- needs

interface NeedRow {
  id: string;
  status: string;
  appellation_code: string;
  appellation_label: string | null;
  fiche_code: string;
  place_commune_code: string | null;
  place_name: string | null;
  latitude: number | null;
  longitude: number | null;
  start_date: string | null;
  weekly_hours: string | null;
  accommodations: Accommodation[];
  positions: number;
  contract_type: ContractType;
  company_id: string;
  company_name: string | null;
}

const NEED_COLUMNS = `n.id, n.status, n.appellation_code, a.label AS appellation_label, a.fiche_code, n.place_commune_code, cm.name AS place_name,
       cm.latitude, cm.longitude, to_char(n.start_date, 'YYYY-MM-DD') AS start_date, n.weekly_hours, n.accommodations, n.positions,
       n.contract_type, co.id AS company_id, co.name AS company_name`;
const NEED_FROM = `hiring_need n JOIN company co ON co.id = n.company_id JOIN rome_appellation a ON a.code = n.appellation_code
       LEFT JOIN commune cm ON cm.code = n.place_commune_code`;
/**
 * What scoring reads, from the need row alone (it carries its fiche and coordinates): the names (company, appellation,
 * place) are read by `loadNeedLabels` for the needs shown, not for the hundreds ranked.
 */
const NEED_SCORE_COLUMNS = `n.id, n.status, n.appellation_code, NULL AS appellation_label, n.fiche_code, n.place_commune_code, NULL AS place_name,
       n.latitude, n.longitude, to_char(n.start_date, 'YYYY-MM-DD') AS start_date, n.weekly_hours, n.accommodations, n.positions,
       n.contract_type, co.id AS company_id, NULL AS company_name`;

function needSnapshot(r: NeedRow): NeedSnapshot {
  return {
    id: r.id,
    ogrCode: r.appellation_code,
    ficheCode: r.fiche_code.trim(),
    location: r.place_commune_code && r.latitude !== null && r.longitude !== null ? { communeCode: r.place_commune_code, latitude: r.latitude, longitude: r.longitude } : null,
    startDate: r.start_date,
    // The need has no work-time column: the engine derives it from the hours (< 35 h = part time).
    workTime: null,
    hoursPerWeek: r.weekly_hours === null ? null : Number(r.weekly_hours),
    ...needAccommodationFields(r.accommodations),
    // Hiring needs hold no skills yet: the engine then leaves those parts out of maxScore.
    skills: [],
    softSkills: [],
  };
}

function needInfo(r: NeedRow): NeedRowInfo {
  return {
    companyId: r.company_id,
    companyName: r.company_name ?? '',
    appellation: { code: r.appellation_code, label: r.appellation_label ?? '' },
    place: r.place_commune_code ? { code: r.place_commune_code, name: r.place_name ?? '' } : null,
    positions: r.positions,
    contractType: r.contract_type,
    startDate: r.start_date,
    weeklyHours: r.weekly_hours === null ? null : Number(r.weekly_hours),
  };
}

/** The need if the viewer may see it (owner SIAE, or shared with a collective of theirs), else null (→ 404). */
export async function loadVisibleNeed(manager: EntityManager, viewer: MatchingViewer, needId: string): Promise<{ snapshot: NeedSnapshot; info: NeedRowInfo; open: boolean } | null> {
  const rows: NeedRow[] = await manager.query(
    `SELECT ${NEED_COLUMNS} FROM ${NEED_FROM} WHERE n.id = $1 AND ${visibleCompanySql('co', '$2', '$3')}`,
    [needId, viewer.ownSiaeIds, viewer.memberCollectiveIds],
  );
  if (rows.length === 0) return null;
  return { snapshot: needSnapshot(rows[0]), info: needInfo(rows[0]), open: rows[0].status === 'open' };
}

export interface PooledNeedRow {
  /** The hiring need; `snapshot.id` is `<need>/<pooled company>`, since one need may sit in two collectives' views. */
  needId: string;
  pooledCompanyId: string;
  collectiveId: string;
  pooledName: string;
  pooledCommune: { code: string; name: string } | null;
  pausedUntil: string | null;
  sizeBand: string | null;
  status: string;
  snapshot: NeedSnapshot;
  info: NeedRowInfo;
}

/** How far back a filled or closed need still says "this company hires for this trade". */
export const POOLED_HISTORY_MONTHS = 24;

export interface NeedsOfCandidate {
  /** Open needs the viewer may see (the needs list). */
  open: Array<{ snapshot: NeedSnapshot; info: NeedRowInfo }>;
  /** Needs, open or recent, of companies in a pooled company of the viewer's collectives (the pooled companies list). */
  pooled: PooledNeedRow[];
}

/**
 * Both lists of a candidate in one statement, since they read the same needs: needs the viewer may see whose fiche is
 * in one of the candidate's domains or related to one of the candidate's fiches, open ones and (for the pooled
 * companies) those filled or closed within POOLED_HISTORY_MONTHS: a company that hired for a trade may again.
 * - Where: a box around the candidate on `IDX_hiring_need_matching` (open) and `IDX_hiring_need_history` (past), one
 *   range per domain; needs without a place are kept (no distance points, no exclusion), and in the pooled list placed
 *   at their pooled company's commune. The exact circle is the engine's own distance.
 * - Visibility (`visibleCompanySql`) is checked on the few hundred needs left; pooled companies are the caller's
 *   collectives', not dissolved.
 */
export async function loadNeedsOfCandidate(
  manager: EntityManager,
  viewer: MatchingViewer,
  candidate: CandidateSnapshot,
  ref: JobReferential,
  filters: { radiusKm: number; domain?: string; today: string },
): Promise<NeedsOfCandidate> {
  const fiches = searchedFiches(ref, [...new Set(candidate.targetJobs.map((j) => j.ficheCode.trim()))], filters.domain);
  if (fiches.length === 0) return { open: [], pooled: [] };
  const p = new Params();
  const collectives = p.add(viewer.memberCollectiveIds);
  const { latitude, longitude } = candidate.location;
  const job = `n.domain_code = ANY(${p.add([...new Set(fiches.map(domainOf))])}::bpchar[]) AND n.fiche_code = ANY(${p.add(fiches)}::bpchar[])`;
  const recent = `coalesce(n.closed_at, n.updated_at) >= ${p.add(filters.today)}::date - make_interval(months => ${POOLED_HISTORY_MONTHS})`;
  // The box on the index, then the circle on the index tuple (float haversine, a metre of slack): a quarter fewer rows.
  const km = haversineSql('n.latitude', 'n.longitude', `${p.add(latitude)}::float8`, `${p.add(longitude)}::float8`);
  const box = `${boxSql(p, 'n', latitude, longitude, filters.radiusKm)} AND ${km} <= ${p.add(filters.radiusKm + SQL_SLACK_KM)}::float8`;
  const ids = `SELECT n.id FROM hiring_need n WHERE n.status = 'open' AND ${job} AND ${box}
               UNION ALL SELECT n.id FROM hiring_need n WHERE n.status = 'open' AND ${job} AND n.latitude IS NULL
               UNION ALL SELECT n.id FROM hiring_need n WHERE n.status <> 'open' AND ${job} AND ${box} AND ${recent}
               UNION ALL SELECT n.id FROM hiring_need n WHERE n.status <> 'open' AND ${job} AND n.latitude IS NULL AND ${recent}`;
  const rows: Array<NeedRow & { n_latitude: number | null; n_longitude: number | null; pooled_id: string | null; pooled_collective_id: string | null;
    display_name: string | null; pc_commune: string | null; pc_commune_name: string | null; pc_latitude: number | null; pc_longitude: number | null;
    paused_until: string | null; size_band: string | null }> = await manager.query(
    `SELECT ${NEED_SCORE_COLUMNS}, n.latitude AS n_latitude, n.longitude AS n_longitude, pc.id AS pooled_id, pc.collective_id AS pooled_collective_id, pc.display_name,
            pc.commune_code AS pc_commune, pcm.name AS pc_commune_name, pcm.latitude AS pc_latitude, pcm.longitude AS pc_longitude,
            to_char(pc.paused_until, 'YYYY-MM-DD') AS paused_until, pc.size_band
       FROM hiring_need n JOIN company co ON co.id = n.company_id
       LEFT JOIN (pooled_company_member pm JOIN pooled_company pc ON pc.id = pm.pooled_company_id AND pc.dissolved_at IS NULL)
              ON pm.company_id = n.company_id AND pm.collective_id = ANY(${collectives}::uuid[])
       LEFT JOIN commune pcm ON pcm.code = pc.commune_code
      WHERE n.id IN (${ids}) AND ${visibleCompanySql('co', p.add(viewer.ownSiaeIds), collectives)}`,
    p.values,
  );
  const inRadius = (lat: number | null, lon: number | null) => lat === null || lon === null || withinRadiusKm(haversineKm(latitude, longitude, lat, lon), filters.radiusKm);
  const open = new Map<string, { snapshot: NeedSnapshot; info: NeedRowInfo }>();
  const pooled: PooledNeedRow[] = [];
  for (const r of rows) {
    // A company in the pooled view of two of the caller's collectives comes twice: one open need all the same.
    if (r.status === 'open' && !open.has(r.id) && inRadius(r.n_latitude, r.n_longitude)) open.set(r.id, { snapshot: needSnapshot(r), info: needInfo(r) });
    if (r.pooled_id === null || !(r.n_latitude !== null ? inRadius(r.n_latitude, r.n_longitude) : inRadius(r.pc_latitude, r.pc_longitude))) continue;
    pooled.push({
      needId: r.id,
      pooledCompanyId: r.pooled_id,
      collectiveId: r.pooled_collective_id!,
      pooledName: r.display_name!,
      pooledCommune: r.pc_commune ? { code: r.pc_commune, name: r.pc_commune_name ?? '' } : null,
      pausedUntil: r.paused_until,
      sizeBand: r.size_band,
      status: r.status,
      snapshot: { ...needSnapshot(r), id: `${r.id}/${r.pooled_id}` },
      info: needInfo(r),
    });
  }
  return { open: [...open.values()], pooled };
}

/** The names a list shows for a few needs: company, appellation label, place (the ranking did without them). */
export async function loadNeedLabels(manager: EntityManager, needIds: string[]): Promise<Map<string, { companyName: string; appellationLabel: string; placeName: string | null }>> {
  if (needIds.length === 0) return new Map();
  const rows: Array<{ id: string; company_name: string; label: string; place_name: string | null }> = await manager.query(
    `SELECT n.id, co.name AS company_name, a.label, cm.name AS place_name
       FROM hiring_need n JOIN company co ON co.id = n.company_id JOIN rome_appellation a ON a.code = n.appellation_code
       LEFT JOIN commune cm ON cm.code = n.place_commune_code
      WHERE n.id = ANY($1::uuid[])`,
    [needIds],
  );
  return new Map(rows.map((r) => [r.id, { companyName: r.company_name, appellationLabel: r.label, placeName: r.place_name }]));
}

/** A need's info with the names `loadNeedLabels` read. */
export function labelled(info: NeedRowInfo, labels: { companyName: string; appellationLabel: string; placeName: string | null } | undefined): NeedRowInfo {
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

/** A candidate of the viewer's own SIAE (identity row not erased) with its profile; consent is not needed to look for offers. */
export async function loadOwnCandidate(manager: EntityManager, viewer: MatchingViewer, candidateId: string): Promise<CandidateLookup> {
  const rows: Array<CandidateRow | { candidate_id: null }> = await manager.query(
    `SELECT ${profileColumns({ skills: true, softSkills: true })}
       FROM candidate k LEFT JOIN candidate_profile p ON p.candidate_id = k.id AND p.siae_id = k.siae_id
      WHERE k.id = $1 AND k.siae_id = ANY($2::uuid[]) AND k.erased_at IS NULL`,
    [candidateId, viewer.ownSiaeIds],
  );
  if (rows.length === 0) return { status: 'not_found' };
  const row = rows[0];
  return row.candidate_id === null ? { status: 'no_profile' } : { status: 'ok', snapshot: candidateSnapshot(row as CandidateRow) };
}

/**
 * Candidates who could take the need: a target job in the need's domain or on a fiche related to the need's; within
 * the search radius of the place and within their own mobility radius; shared with the collective, in the viewer's
 * SIAE or a partner SIAE. One range scan of `IDX_candidate_profile_matching` per SIAE (siae_id = ANY, latitude range;
 * longitude, fiche overlap and distance checked inside the index), then the profile rows of those who passed.
 * The sharing flag is "an active collective consent exists", kept in the same transaction as every consent write
 * (`syncSharingFlag`); the rows shown are checked again against the consent rows themselves by `loadCandidatePage`.
 */
export async function prefilterCandidates(
  manager: EntityManager,
  viewer: MatchingViewer,
  need: NeedSnapshot,
  ref: JobReferential,
  filters: { radiusKm: number; domain?: string; availableBy?: string },
): Promise<Array<{ snapshot: CandidateSnapshot; siaeId: string }>> {
  if (viewer.candidateSiaeIds.length === 0) return [];
  const fiches = searchedFiches(ref, [need.ficheCode.trim()], filters.domain);
  if (fiches.length === 0) return [];
  const p = new Params();
  const where = [`p.shared_with_collective`, `p.siae_id = ANY(${p.add(viewer.candidateSiaeIds)}::uuid[])`, `p.target_fiche_ids && ${p.add(fiches.map(ficheId))}::int[]`];
  if (need.location) {
    const { latitude, longitude } = need.location;
    where.push(boxSql(p, 'p', latitude, longitude, filters.radiusKm));
    const km = haversineSql('p.latitude', 'p.longitude', `${p.add(latitude)}::float8`, `${p.add(longitude)}::float8`);
    where.push(`${km} <= least(${p.add(filters.radiusKm)}::float8, p.mobility_radius_km) + ${SQL_SLACK_KM}`);
  }
  if (filters.availableBy) where.push(`(p.available_from IS NULL OR p.available_from <= ${p.add(filters.availableBy)}::date)`);
  // Two steps: the filter reads only the narrow index (index-only scan over the box), then the scored columns are read
  // for the candidates that passed, by primary key. One wide index held every column but scanned three times slower.
  const rows: CandidateRow[] = await manager.query(
    `WITH hit AS MATERIALIZED (SELECT p.candidate_id FROM candidate_profile p WHERE ${where.join(' AND ')})
     SELECT ${profileColumns({ skills: need.skills.length > 0, softSkills: need.softSkills.length > 0 })}
       FROM hit JOIN candidate_profile p ON p.candidate_id = hit.candidate_id`,
    p.values,
  );
  const place = need.location;
  // Beyond the search radius or the candidate's own radius, a candidate is not a match at all (rather than an
  // exclusion the list would count): the same distance and tolerance as the engine's hard limit.
  const kept = place
    ? rows.filter((r) => {
        const km = haversineKm(place.latitude, place.longitude, r.latitude, r.longitude);
        return withinRadiusKm(km, filters.radiusKm) && withinRadiusKm(km, r.mobility_radius_km);
      })
    : rows;
  return kept.map((r) => ({ snapshot: candidateSnapshot(r), siaeId: r.siae_id }));
}

/**
 * What a page shows of each ranked candidate (pseudonym, commune), read with the full visibility rule of the candidates
 * module (`partnerSql`: SIAE, sharing flag and an active consent row). A candidate the rule refuses is left out.
 */
export async function loadCandidatePage(manager: EntityManager, viewer: MatchingViewer, candidateIds: string[]): Promise<Map<string, CandidateRowInfo>> {
  if (candidateIds.length === 0) return new Map();
  const rows: Array<{ candidate_id: string; siae_id: string; pseudonym: string; commune_code: string; commune_name: string }> = await manager.query(
    `SELECT p.candidate_id, p.siae_id, p.pseudonym, p.commune_code, c.name AS commune_name
       FROM candidate_profile p JOIN commune c ON c.code = p.commune_code
      WHERE p.candidate_id = ANY($1::uuid[]) AND ${partnerSql('p', '$2')}`,
    [candidateIds, viewer.candidateSiaeIds],
  );
  return new Map(rows.map((r) => [r.candidate_id, { pseudonym: r.pseudonym, siaeId: r.siae_id, commune: { code: r.commune_code, name: r.commune_name } }]));
}
