import { EntityManager } from 'typeorm';
import {
  softSkills,
  type DrivingLicence,
  type EvidenceLevel,
  type ExperienceLevel,
  type SoftSkill,
  type TransportMean,
  type WorkTime,
} from './candidate-vocabulary';
import { visibleProfileSql, type Viewer } from './candidate-access';
import type { SpokenLanguage } from './entities/candidate-profile.entity';
import { inOrder } from './in-order';

export interface TargetJobView {
  ogrCode: string;
  label: string;
  ficheCode: string;
  domainCode: string;
  experienceLevel: ExperienceLevel;
}

export interface SharedProfileView {
  candidateId: string;
  siaeId: string;
  /** True when the viewer is staff of the candidate's SIAE. */
  mine: boolean;
  pseudonym: string;
  commune: { code: string; name: string };
  mobilityRadiusKm: number;
  transportMeans: TransportMean[];
  drivingLicences: DrivingLicence[];
  languages: SpokenLanguage[];
  frenchAsForeignLanguage: boolean;
  literacyDifficulty: boolean;
  availableFrom: string | null;
  workTime: WorkTime | null;
  timeConstraints: string | null;
  sharedWithCollective: boolean;
  targetJobs: TargetJobView[];
  skills: Array<{ label: string; evidenceLevel: EvidenceLevel; note: string | null }>;
  softSkills: Array<{ code: SoftSkill; label: string }>;
  updatedAt: Date;
}

interface ProfileRow {
  candidate_id: string;
  siae_id: string;
  pseudonym: string;
  commune_code: string;
  commune_name: string;
  mobility_radius_km: number;
  transport_means: TransportMean[];
  driving_licences: DrivingLicence[];
  languages: SpokenLanguage[];
  french_as_foreign_language: boolean;
  literacy_difficulty: boolean;
  available_from: string | null;
  work_time: WorkTime | null;
  time_constraints: string | null;
  shared_with_collective: boolean;
  updated_at: Date;
}

/**
 * Loads shared profiles by id, with the visibility rule in the WHERE clause: an id the viewer may not see simply does not
 * come back. Reads `candidate_profile` and its children only, never the identity table.
 */
export async function loadSharedProfiles(
  manager: EntityManager,
  viewer: Viewer,
  candidateIds: string[],
): Promise<Map<string, SharedProfileView>> {
  const views = new Map<string, SharedProfileView>();
  if (candidateIds.length === 0) return views;
  const rows: ProfileRow[] = await manager.query(
    `SELECT p.candidate_id, p.siae_id, p.pseudonym, p.commune_code, c.name AS commune_name, p.mobility_radius_km, p.transport_means,
            p.driving_licences, p.languages, p.french_as_foreign_language, p.literacy_difficulty, to_char(p.available_from, 'YYYY-MM-DD') AS available_from,
            p.work_time, p.time_constraints, p.shared_with_collective, p.updated_at
       FROM candidate_profile p JOIN commune c ON c.code = p.commune_code
      WHERE p.candidate_id = ANY($1::uuid[]) AND ${visibleProfileSql('p', '$2', '$3', '$4')}`,
    [candidateIds, viewer.ownSiaeIds, viewer.partnerSiaeIds, viewer.memberCollectiveIds],
  );
  if (rows.length === 0) return views;
  const visible = rows.map((r) => r.candidate_id);
  const [jobs, skills, soft] = await inOrder(
    () =>
      manager.query(
        `SELECT tj.candidate_id, tj.ogr_code, a.label, tj.fiche_code, tj.domain_code, tj.experience_level
         FROM candidate_target_job tj JOIN rome_appellation a ON a.code = tj.ogr_code
        WHERE tj.candidate_id = ANY($1::uuid[]) ORDER BY a.label`,
        [visible],
      ) as Promise<
        Array<{
          candidate_id: string;
          ogr_code: string;
          label: string;
          fiche_code: string;
          domain_code: string;
          experience_level: ExperienceLevel;
        }>
      >,
    () =>
      manager.query(
        `SELECT candidate_id, label, evidence_level, note FROM candidate_skill WHERE candidate_id = ANY($1::uuid[])
        ORDER BY array_position(ARRAY['certified', 'observed', 'declared']::varchar[], evidence_level), label`,
        [visible],
      ) as Promise<Array<{ candidate_id: string; label: string; evidence_level: EvidenceLevel; note: string | null }>>,
    () =>
      manager.query(
        `SELECT candidate_id, soft_skill FROM candidate_soft_skill WHERE candidate_id = ANY($1::uuid[]) ORDER BY soft_skill`,
        [visible],
      ) as Promise<Array<{ candidate_id: string; soft_skill: SoftSkill }>>,
  );
  for (const r of rows) {
    views.set(r.candidate_id, {
      candidateId: r.candidate_id,
      siaeId: r.siae_id,
      mine: viewer.ownSiaeIds.includes(r.siae_id),
      pseudonym: r.pseudonym,
      commune: { code: r.commune_code, name: r.commune_name },
      mobilityRadiusKm: r.mobility_radius_km,
      transportMeans: r.transport_means,
      drivingLicences: r.driving_licences,
      languages: r.languages,
      frenchAsForeignLanguage: r.french_as_foreign_language,
      literacyDifficulty: r.literacy_difficulty,
      availableFrom: r.available_from,
      workTime: r.work_time,
      timeConstraints: r.time_constraints,
      sharedWithCollective: r.shared_with_collective,
      targetJobs: [],
      skills: [],
      softSkills: [],
      updatedAt: r.updated_at,
    });
  }
  for (const j of jobs)
    views.get(j.candidate_id)?.targetJobs.push({
      ogrCode: j.ogr_code,
      label: j.label,
      ficheCode: j.fiche_code,
      domainCode: j.domain_code,
      experienceLevel: j.experience_level,
    });
  for (const s of skills)
    views.get(s.candidate_id)?.skills.push({ label: s.label, evidenceLevel: s.evidence_level, note: s.note });
  for (const s of soft)
    views.get(s.candidate_id)?.softSkills.push({ code: s.soft_skill, label: softSkills[s.soft_skill] });
  return views;
}
