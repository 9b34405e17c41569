/**
 * The candidates side of matching's SQL: a candidate of the viewer's own SIAE, and the candidates who could take a need
 * (shared with the collective, consent rows checked), as the engine's snapshots kept by version.
 */
import { EntityManager } from 'typeorm';
import { prepared } from '../../platform/database/prepared';
import { partnerSql } from '../candidates/candidate-access';
import type {
  DrivingLicence,
  EvidenceLevel,
  SoftSkill,
  TransportMean,
  WorkTime,
} from '../candidates/candidate-vocabulary';
import type { SpokenLanguage } from '../candidates/entities/candidate-profile.entity';
import { haversineKm, withinRadiusKm, type CandidateSnapshot, type NeedSnapshot } from './engine';
import {
  boxSql,
  codes,
  ficheId,
  haversineSql,
  Params,
  searchedFiches,
  SQL_SLACK_KM,
  type JobReferential,
  type MatchingViewer,
} from './matching-sql';
import { SnapshotCache } from './snapshot-cache';

/** Candidates for a need with a place and no radius given: how far around the place the index is asked to look. */
export const DEFAULT_NEED_RADIUS_KM = 30;

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

export interface CandidateRow {
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
 * Every column the engine scores on: the profile row, its skills and soft skills (their own tables; read for a snapshot
 * kept by version, so whatever a need asks for). Arrays of codes come as comma-joined text and the languages as JSON
 * text: the driver's array and jsonb parsers cost a fifth of the candidates list over a few hundred rows, a split and a
 * JSON.parse almost nothing (the codes hold no comma: CHECK constraints and foreign keys on the referentials).
 */
export function profileColumns(): string {
  const skills = `(SELECT coalesce(json_agg(json_build_object('l', s.label, 'e', s.evidence_level)), '[]') FROM candidate_skill s WHERE s.candidate_id = p.candidate_id)`;
  const soft = `(SELECT coalesce(array_agg(ss.soft_skill), '{}') FROM candidate_soft_skill ss WHERE ss.candidate_id = p.candidate_id)`;
  return `p.candidate_id, p.siae_id, p.commune_code, p.latitude, p.longitude, p.mobility_radius_km, array_to_string(p.transport_means, ',') AS transport_means,
       array_to_string(p.driving_licences, ',') AS driving_licences, p.languages::text AS languages, p.french_as_foreign_language, p.literacy_difficulty,
       to_char(p.available_from, 'YYYY-MM-DD') AS available_from, p.work_time, to_char(p.contract_end, 'YYYY-MM-DD') AS contract_end,
       array_to_string(p.target_ogr_codes, ',') AS target_ogr_codes, array_to_string(p.target_fiche_codes, ',') AS target_fiche_codes, ${skills} AS skills, ${soft} AS soft`;
}

export function candidateSnapshot(r: CandidateRow): CandidateSnapshot {
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

export type CandidateLookup =
  { status: 'ok'; snapshot: CandidateSnapshot } | { status: 'no_profile' } | { status: 'not_found' };

/** The candidate $candidate of $own's SIAE (identity row not erased), with its profile columns (null when it has none). */
export function ownCandidateSelect(candidateParam: string, ownParam: string): string {
  return `SELECT ${profileColumns()}
       FROM candidate k LEFT JOIN candidate_profile p ON p.candidate_id = k.id AND p.siae_id = k.siae_id
      WHERE k.id = ${candidateParam}::uuid AND k.siae_id = ANY(${ownParam}::uuid[]) AND k.erased_at IS NULL`;
}

export function candidateLookup(rows: Array<CandidateRow | { candidate_id: null }>): CandidateLookup {
  if (rows.length === 0) return { status: 'not_found' };
  const row = rows[0];
  return row.candidate_id === null
    ? { status: 'no_profile' }
    : { status: 'ok', snapshot: candidateSnapshot(row as CandidateRow) };
}

/** A candidate of the viewer's own SIAE (identity row not erased) with its profile; consent is not needed to look for offers. */
export async function loadOwnCandidate(
  manager: EntityManager,
  viewer: MatchingViewer,
  candidateId: string,
): Promise<CandidateLookup> {
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
  // Who may appear is the candidates module's rule as it stands (SIAE, sharing flag, and the consent rows themselves as
  // a semi-join: one index probe per candidate found); its SIAE and flag are also what the partial index is read by.
  const where = [
    partnerSql('p', p.add(viewer.candidateSiaeIds), p.add(viewer.memberCollectiveIds), p.add(viewer.ownSiaeIds)),
    `p.target_fiche_ids && ${p.add(fiches.map(ficheId))}::int[]`,
  ];
  if (need.location) {
    const { latitude, longitude } = need.location;
    where.push(boxSql(p, 'p', latitude, longitude, filters.radiusKm));
    const km = haversineSql('p.latitude', 'p.longitude', `${p.add(latitude)}::float8`, `${p.add(longitude)}::float8`);
    where.push(`${km} <= least(${p.add(filters.radiusKm)}::float8, p.mobility_radius_km) + ${SQL_SLACK_KM}`);
  }
  if (filters.availableBy)
    where.push(`(p.available_from IS NULL OR p.available_from <= ${p.add(filters.availableBy)}::date)`);
  // The filter reads only the narrow index (index-only scan over the box). A wide index holding every scored column
  // scanned three times slower; reading the few hundred profiles by primary key was half the list's time: hence the cache.
  const hits: Array<{ candidate_id: string; match_version: string }> = await prepared(
    manager,
    `SELECT p.candidate_id, p.match_version FROM candidate_profile p WHERE ${where.join(' AND ')}`,
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
    const rows: Array<CandidateRow & { match_version: string; pseudonym: string; commune_name: string }> =
      await prepared(
        manager,
        `SELECT ${profileColumns()}, p.match_version, p.pseudonym, c.name AS commune_name
         FROM candidate_profile p JOIN commune c ON c.code = p.commune_code WHERE p.candidate_id = ANY($1::uuid[])`,
        [missing],
      );
    for (const r of rows) {
      const value = {
        snapshot: candidateSnapshot(r),
        siaeId: r.siae_id,
        pseudonym: r.pseudonym,
        commune: { code: r.commune_code, name: r.commune_name },
      };
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
