import { EntityManager } from 'typeorm';
import {
  evidenceLevels,
  type DrivingLicence,
  type EvidenceLevel,
  type SoftSkill,
  type WorkTime,
} from './candidate-vocabulary';
import { partnerSql, type Viewer } from './candidate-access';
import { loadSharedProfiles, type SharedProfileView } from './candidate-views';
import { candidatesErrors } from './candidates.errors';

export interface CandidateSearchFilters {
  appellation?: string;
  domain?: string;
  commune?: string;
  radiusKm?: number;
  skills?: string[];
  minEvidence?: EvidenceLevel;
  softSkills?: SoftSkill[];
  availableBy?: string;
  workTime?: WorkTime;
  drivingLicence?: DrivingLicence;
  scope?: 'all' | 'mine' | 'collective';
  page?: number;
  pageSize?: number;
}

export interface CandidateSearchItem extends SharedProfileView {
  distanceKm: number | null;
}

export interface CandidateSearchResult {
  items: CandidateSearchItem[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

const DEFAULT_RADIUS_KM = 20;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Candidate search over shared profiles. Two branches, each served by its own index, so that neither slows the other:
 *  - the viewer's own SIAE: every candidate, consent or not (an SIAE has hundreds of candidates: `siae_id` btree);
 *  - partner SIAE: only shared profiles with an active collective consent, through the partial GiST index
 *    (appellation/domain + ll_to_earth) or the partial GiST on the profile's position when no job is asked.
 * Radius: `earth_box @>` lets the index cut a square, `earth_distance` keeps the disc; with a place, each branch is
 * walked in distance order (KNN) and stops once the page is full, so a common job around a city costs a page, not
 * the thousands of rows inside the radius. The page is then loaded with the
 * same visibility rule (`loadSharedProfiles`), so a consent withdrawn between the two statements still hides the profile.
 */
export async function searchCandidates(
  manager: EntityManager,
  viewer: Viewer,
  filters: CandidateSearchFilters,
): Promise<CandidateSearchResult> {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  if (filters.radiusKm !== undefined && !filters.commune) throw candidatesErrors.radiusWithoutCommune();

  const p = new Params();
  let origin: string | null = null;
  let radius: string | null = null;
  if (filters.commune) {
    const rows: Array<{ latitude: number; longitude: number }> = await manager.query(
      `SELECT latitude, longitude FROM commune WHERE code = $1`,
      [filters.commune],
    );
    if (rows.length === 0) throw candidatesErrors.unknownCommune(filters.commune);
    origin = `ll_to_earth(${p.add(rows[0].latitude)}::float8, ${p.add(rows[0].longitude)}::float8)`;
    radius = `${p.add((filters.radiusKm ?? DEFAULT_RADIUS_KM) * 1000)}::float8`;
  }

  const scope = filters.scope ?? 'all';
  const ownIds = scope === 'collective' ? [] : viewer.ownSiaeIds;
  const partnerIds = scope === 'mine' ? [] : viewer.partnerSiaeIds;
  const byJob = filters.appellation !== undefined || filters.domain !== undefined;

  // Profile filters go inside each branch, so that a branch ordered by the index can stop at the page's end.
  const profileWhere: string[] = [];
  if (filters.availableBy)
    profileWhere.push(`(p.available_from IS NULL OR p.available_from <= ${p.add(filters.availableBy)}::date)`);
  if (filters.workTime)
    profileWhere.push(`(p.work_time IS NULL OR p.work_time IN (${p.add(filters.workTime)}, 'either'))`);
  if (filters.drivingLicence) profileWhere.push(`${p.add(filters.drivingLicence)}::varchar = ANY(p.driving_licences)`);
  for (const code of filters.softSkills ?? [])
    profileWhere.push(
      `EXISTS (SELECT 1 FROM candidate_soft_skill ss WHERE ss.candidate_id = p.candidate_id AND ss.soft_skill = ${p.add(code)})`,
    );
  const accepted = evidenceLevels.slice(evidenceLevels.indexOf(filters.minEvidence ?? 'declared'));
  for (const skill of filters.skills ?? [])
    profileWhere.push(
      `EXISTS (SELECT 1 FROM candidate_skill sk WHERE sk.candidate_id = p.candidate_id AND sk.evidence_level = ANY(${p.add(accepted)}::varchar[])
         AND immutable_unaccent(lower(sk.label)) LIKE '%' || immutable_unaccent(lower(${p.add(escapeLike(skill))}::text)) || '%')`,
    );
  if (filters.minEvidence && !(filters.skills ?? []).length)
    profileWhere.push(
      `EXISTS (SELECT 1 FROM candidate_skill sk WHERE sk.candidate_id = p.candidate_id AND sk.evidence_level = ANY(${p.add(accepted)}::varchar[]))`,
    );

  const window = pageSize + 1 + (page - 1) * pageSize;
  const branch = (restriction: string): string => {
    const t = byJob ? 'tj' : 'p';
    const where: string[] = [restriction.replaceAll('{a}', t), ...profileWhere];
    if (filters.appellation !== undefined) where.push(`tj.ogr_code = ${p.add(filters.appellation)}`);
    if (filters.domain !== undefined) where.push(`tj.domain_code = ${p.add(filters.domain)}`);
    // Several target jobs of one candidate in the same domain: keep the first, so a candidate appears once.
    if (filters.domain !== undefined && filters.appellation === undefined)
      where.push(
        `NOT EXISTS (SELECT 1 FROM candidate_target_job t2 WHERE t2.candidate_id = tj.candidate_id AND t2.domain_code = tj.domain_code AND t2.ogr_code < tj.ogr_code)`,
      );
    const point = `ll_to_earth(${t}.latitude, ${t}.longitude)`;
    if (origin && radius)
      where.push(`earth_box(${origin}, ${radius}) @> ${point}`, `earth_distance(${origin}, ${point}) <= ${radius}`);
    const from = byJob
      ? 'candidate_target_job tj JOIN candidate_profile p ON p.candidate_id = tj.candidate_id'
      : 'candidate_profile p';
    // With a place, each branch is read in distance order straight from the GiST index (KNN, `<->` on the earth
    // cube: the chord distance orders like the great-circle one) and stops after the rows the page needs.
    const order = origin ? `${point} <-> ${origin}` : null;
    return `(SELECT p.candidate_id, p.updated_at, ${origin ? `earth_distance(${origin}, ${point})` : 'NULL::float8'} AS distance
               FROM ${from} WHERE ${where.join(' AND ')}${order ? ` ORDER BY ${order} LIMIT ${window}` : ''})`;
  };

  const branches: string[] = [];
  if (ownIds.length > 0) branches.push(branch(`{a}.siae_id = ANY(${p.add(ownIds)}::uuid[])`));
  if (partnerIds.length > 0)
    branches.push(branch(partnerSql('{a}', p.add(partnerIds), p.add(viewer.memberCollectiveIds))));
  if (branches.length === 0) return { items: [], page, pageSize, hasMore: false };

  // Ties (same commune, same distance) keep the index's order: stable while the data does not change.
  const sql = `
    SELECT h.candidate_id, h.distance FROM (${branches.join(' UNION ALL ')}) h
     ORDER BY ${origin ? 'h.distance ASC' : 'h.updated_at DESC, h.candidate_id'}
     LIMIT ${p.add(pageSize + 1)} OFFSET ${p.add((page - 1) * pageSize)}`;
  const hits: Array<{ candidate_id: string; distance: number | null }> = await manager.query(sql, p.values);

  const hasMore = hits.length > pageSize;
  const pageHits = hits.slice(0, pageSize);
  const views = await loadSharedProfiles(
    manager,
    viewer,
    pageHits.map((h) => h.candidate_id),
  );
  const items: CandidateSearchItem[] = [];
  for (const hit of pageHits) {
    const view = views.get(hit.candidate_id);
    if (view) items.push({ ...view, distanceKm: hit.distance === null ? null : Math.round(hit.distance / 100) / 10 });
  }
  return { items, page, pageSize, hasMore };
}
