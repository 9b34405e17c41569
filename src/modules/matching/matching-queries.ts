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
import { needAccommodationFields, type CandidateSnapshot, type NeedSnapshot, type RelatedJobRow } from './engine';

/** Candidates for a need with a place and no radius given: how far around the place the index is asked to look. */
export const DEFAULT_NEED_RADIUS_KM = 30;
/** One metre of slack: the engine decides the radius boundary exactly (it agrees with earthdistance to 1e-6 km). */
const RADIUS_SLACK_M = 1;

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
  appellation_label: string;
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
  company_name: string;
}

const NEED_COLUMNS = `n.id, n.status, n.appellation_code, a.label AS appellation_label, a.fiche_code, n.place_commune_code, cm.name AS place_name,
       cm.latitude, cm.longitude, to_char(n.start_date, 'YYYY-MM-DD') AS start_date, n.weekly_hours, n.accommodations, n.positions,
       n.contract_type, co.id AS company_id, co.name AS company_name`;
const NEED_FROM = `hiring_need n JOIN company co ON co.id = n.company_id JOIN rome_appellation a ON a.code = n.appellation_code
       LEFT JOIN commune cm ON cm.code = n.place_commune_code`;

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
    companyName: r.company_name,
    appellation: { code: r.appellation_code, label: r.appellation_label },
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

/**
 * Open needs the viewer may see whose job is the same domain as one of the candidate's, or a related fiche, and whose
 * place (if any) lies within `radiusKm` of the candidate.
 */
export async function prefilterNeeds(
  manager: EntityManager,
  viewer: MatchingViewer,
  candidate: CandidateSnapshot,
  related: readonly RelatedJobRow[],
  filters: { radiusKm: number; domain?: string },
): Promise<Array<{ snapshot: NeedSnapshot; info: NeedRowInfo }>> {
  const fiches = [...new Set(candidate.targetJobs.map((j) => j.ficheCode))];
  if (fiches.length === 0) return [];
  const p = new Params();
  // The fiches first (a few dozen, from the indexed domain column), so the appellations are read by their fiche index
  // rather than by computing left(fiche_code, 3) over the whole referential.
  const domains = [...new Set(fiches.map(domainOf))].filter((d) => !filters.domain || d === filters.domain);
  const sameDomain: Array<{ code: string }> = domains.length ? await manager.query(`SELECT code FROM rome_fiche WHERE domain_code = ANY($1::bpchar[])`, [domains]) : [];
  const jobFiches = [...new Set([...sameDomain.map((f) => f.code), ...relatedFichesOf(related, fiches).filter((f) => !filters.domain || domainOf(f) === filters.domain)])];
  if (jobFiches.length === 0) return [];
  const where = [`n.status = 'open'`, `a.fiche_code = ANY(${p.add(jobFiches)}::bpchar[])`, visibleCompanySql('co', p.add(viewer.ownSiaeIds), p.add(viewer.memberCollectiveIds))];
  const origin = `ll_to_earth(${p.add(candidate.location.latitude)}::float8, ${p.add(candidate.location.longitude)}::float8)`;
  const radius = `${p.add(filters.radiusKm * 1000 + RADIUS_SLACK_M)}::float8`;
  // A need without a place stays: the engine gives it no distance points and no exclusion.
  where.push(
    `(n.place_commune_code IS NULL OR (earth_box(${origin}, ${radius}) @> ll_to_earth(cm.latitude, cm.longitude) AND earth_distance(${origin}, ll_to_earth(cm.latitude, cm.longitude)) <= ${radius}))`,
  );
  const rows: NeedRow[] = await manager.query(`SELECT ${NEED_COLUMNS} FROM ${NEED_FROM} WHERE ${where.join(' AND ')}`, p.values);
  return rows.map((r) => ({ snapshot: needSnapshot(r), info: needInfo(r) }));
}

// ---------------------------------------------------------------- candidates

interface CandidateRow {
  candidate_id: string;
  siae_id: string;
  pseudonym: string;
  commune_code: string;
  commune_name: string;
  latitude: number;
  longitude: number;
  mobility_radius_km: number;
  transport_means: TransportMean[];
  driving_licences: DrivingLicence[];
  languages: SpokenLanguage[];
  french_as_foreign_language: boolean;
  literacy_difficulty: boolean;
  available_from: string | null;
  work_time: WorkTime | null;
  jobs: Array<{ o: string; f: string }>;
  skills: Array<{ l: string; e: EvidenceLevel }>;
  soft: SoftSkill[];
}

/** One statement for the profile and its children (json_agg), so that candidates cost one round trip. */
function profileColumns(load: { jobs?: string; skills: boolean; softSkills: boolean }): string {
  const jobs =
    load.jobs ?? `(SELECT coalesce(json_agg(json_build_object('o', tj.ogr_code, 'f', tj.fiche_code)), '[]') FROM candidate_target_job tj WHERE tj.candidate_id = p.candidate_id)`;
  const skills = load.skills
    ? `(SELECT coalesce(json_agg(json_build_object('l', s.label, 'e', s.evidence_level)), '[]') FROM candidate_skill s WHERE s.candidate_id = p.candidate_id)`
    : `'[]'::json`;
  const soft = load.softSkills ? `(SELECT coalesce(array_agg(ss.soft_skill), '{}') FROM candidate_soft_skill ss WHERE ss.candidate_id = p.candidate_id)` : `'{}'::varchar[]`;
  return `p.candidate_id, p.siae_id, p.pseudonym, p.commune_code, c.name AS commune_name, p.latitude, p.longitude,
       p.mobility_radius_km, p.transport_means, p.driving_licences, p.languages, p.french_as_foreign_language, p.literacy_difficulty,
       to_char(p.available_from, 'YYYY-MM-DD') AS available_from, p.work_time, ${jobs} AS jobs, ${skills} AS skills, ${soft} AS soft`;
}

function candidateSnapshot(r: CandidateRow): CandidateSnapshot {
  return {
    id: r.candidate_id,
    targetJobs: r.jobs.map((j) => ({ ogrCode: j.o, ficheCode: j.f.trim() })),
    skills: r.skills.map((s) => ({ label: s.l, evidenceLevel: s.e })),
    softSkills: r.soft,
    location: { communeCode: r.commune_code, latitude: r.latitude, longitude: r.longitude },
    mobilityRadiusKm: r.mobility_radius_km,
    transportMeans: r.transport_means,
    drivingLicences: r.driving_licences,
    languages: r.languages,
    frenchAsForeignLanguage: r.french_as_foreign_language,
    literacyDifficulty: r.literacy_difficulty,
    availableFrom: r.available_from,
    workTime: r.work_time,
    // `candidate.contract_end` sits in the identity table, which a query for another SIAE must not read; until the
    // candidates module mirrors it onto candidate_profile, no pair gets the contract-end boost (same rule both ways).
    contractEnd: null,
  };
}

const candidateInfo = (r: CandidateRow): CandidateRowInfo => ({ pseudonym: r.pseudonym, siaeId: r.siae_id, commune: { code: r.commune_code, name: r.commune_name } });

export type CandidateLookup = { status: 'ok'; snapshot: CandidateSnapshot } | { status: 'no_profile' } | { status: 'not_found' };

/** A candidate of the viewer's own SIAE (identity row not erased) with its profile; consent is not needed to look for offers. */
export async function loadOwnCandidate(manager: EntityManager, viewer: MatchingViewer, candidateId: string): Promise<CandidateLookup> {
  const own: Array<{ has_profile: boolean }> = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM candidate_profile p WHERE p.candidate_id = k.id) AS has_profile
       FROM candidate k WHERE k.id = $1 AND k.siae_id = ANY($2::uuid[]) AND k.erased_at IS NULL`,
    [candidateId, viewer.ownSiaeIds],
  );
  if (own.length === 0) return { status: 'not_found' };
  if (!own[0].has_profile) return { status: 'no_profile' };
  const rows: CandidateRow[] = await manager.query(
    `SELECT ${profileColumns({ skills: true, softSkills: true })} FROM candidate_profile p JOIN commune c ON c.code = p.commune_code WHERE p.candidate_id = $1 AND p.siae_id = ANY($2::uuid[])`,
    [candidateId, viewer.ownSiaeIds],
  );
  return rows.length === 0 ? { status: 'no_profile' } : { status: 'ok', snapshot: candidateSnapshot(rows[0]) };
}

/**
 * Candidates who could take the need: a target job of the same fiche, a related fiche or the same domain; within the
 * search radius of the place and within their own mobility radius; with a shared profile and an active `collective`
 * consent, in the viewer's SIAE or a partner SIAE (the candidates module's `partnerSql`, which the partial GiST index
 * `IDX_candidate_target_job_search` serves). One UNION branch per ROME domain so each branch is an equality on
 * `domain_code` inside that index (GiST cannot use `= ANY(array)` as an index condition).
 */
export async function prefilterCandidates(
  manager: EntityManager,
  viewer: MatchingViewer,
  need: NeedSnapshot,
  related: readonly RelatedJobRow[],
  filters: { radiusKm: number; domain?: string; availableBy?: string },
): Promise<Array<{ snapshot: CandidateSnapshot; info: CandidateRowInfo }>> {
  if (viewer.candidateSiaeIds.length === 0) return [];
  const needDomain = domainOf(need.ficheCode);
  const relatedFiches = relatedFichesOf(related, [need.ficheCode]);
  const byDomain = new Map<string, string[]>([[needDomain, []]]);
  for (const f of relatedFiches) {
    const d = domainOf(f);
    if (d !== needDomain) byDomain.set(d, [...(byDomain.get(d) ?? []), f]);
  }
  if (filters.domain) for (const d of [...byDomain.keys()]) if (d !== filters.domain) byDomain.delete(d);
  if (byDomain.size === 0) return [];

  const p = new Params();
  const siaes = p.add(viewer.candidateSiaeIds);
  let origin: string | null = null;
  let radius: string | null = null;
  if (need.location) {
    origin = `ll_to_earth(${p.add(need.location.latitude)}::float8, ${p.add(need.location.longitude)}::float8)`;
    radius = `${p.add(filters.radiusKm * 1000 + RADIUS_SLACK_M)}::float8`;
  }
  const point = `ll_to_earth(tj.latitude, tj.longitude)`;
  const branches = [...byDomain].map(([domain, fiches]) => {
    const where = [`tj.domain_code = ${p.add(domain)}`, partnerSql('tj', siaes)];
    if (domain !== needDomain) where.push(`tj.fiche_code = ANY(${p.add(fiches)}::bpchar[])`);
    if (origin && radius) where.push(`earth_box(${origin}, ${radius}) @> ${point}`, `earth_distance(${origin}, ${point}) <= ${radius}`);
    return `SELECT tj.candidate_id, tj.ogr_code, tj.fiche_code FROM candidate_target_job tj WHERE ${where.join(' AND ')}`;
  });

  const where = [partnerSql('p', siaes)];
  if (origin) where.push(`earth_distance(${origin}, ll_to_earth(p.latitude, p.longitude)) <= p.mobility_radius_km * 1000 + ${RADIUS_SLACK_M}`);
  if (filters.availableBy) where.push(`(p.available_from IS NULL OR p.available_from <= ${p.add(filters.availableBy)}::date)`);
  // The target jobs come from the branches: a job outside them scores 0 for this need (other domain, not related), so
  // the best one is always among them and the score is the same as with every target job. The skills are read only
  // when the need asks for some (hiring needs hold none yet): at thousands of candidates these subqueries are the cost.
  const rows: CandidateRow[] = await manager.query(
    `SELECT ${profileColumns({ jobs: 'h.jobs', skills: need.skills.length > 0, softSkills: need.softSkills.length > 0 })}
       FROM (SELECT b.candidate_id, json_agg(json_build_object('o', b.ogr_code, 'f', b.fiche_code)) AS jobs FROM (${branches.join(' UNION ALL ')}) b GROUP BY b.candidate_id) h
       JOIN candidate_profile p ON p.candidate_id = h.candidate_id
       JOIN commune c ON c.code = p.commune_code
      WHERE ${where.join(' AND ')}`,
    p.values,
  );
  return rows.map((r) => ({ snapshot: candidateSnapshot(r), info: candidateInfo(r) }));
}
