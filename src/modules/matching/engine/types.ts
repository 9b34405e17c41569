/**
 * Input and output shapes of the matching engine. The engine never sees an entity: the query service maps the rows it
 * loaded (candidate_profile + candidate_target_job + candidate_skill + candidate_soft_skill + candidate.contract_end,
 * the hiring need and its commune) to these snapshots, so the engine stays pure and can be benchmarked on its own.
 *
 * The closed vocabularies are the candidates module's (`candidate-vocabulary.ts`, a file of constants with no I/O), so a
 * profile maps to a snapshot field by field.
 */
import type {
  DrivingLicence,
  EvidenceLevel,
  LanguageLevel,
  SoftSkill,
  TransportMean,
  WorkTime,
} from '../../candidates/candidate-vocabulary';
import type { MatchingWeights } from './matching-weights';
import type { RelatedJobs } from './related-jobs';

export type { DrivingLicence, EvidenceLevel, LanguageLevel, SoftSkill, TransportMean, WorkTime };

/** A calendar day, `YYYY-MM-DD` (what PostgreSQL `date` columns give back through TypeORM). */
export type IsoDate = string;

/** A point where the person lives or where the job is: the commune's centroid from the referential. */
export interface GeoPoint {
  /** INSEE code, only used in reasons and to recognise "same commune". */
  communeCode: string;
  latitude: number;
  longitude: number;
}

export interface CandidateTargetJobSnapshot {
  /** OGR code of the ROME appellation. */
  ogrCode: string;
  /** ROME fiche of the appellation (e.g. `K2204`); the domain is its first three characters. */
  ficheCode: string;
}

export interface CandidateSkillSnapshot {
  /** Free label as the CIP wrote it; compared to the need's skills through `skillKey`. */
  label: string;
  evidenceLevel: EvidenceLevel;
}

/** The shared profile of one candidate (never identity data: the engine does not need it and must not see it). */
export interface CandidateSnapshot {
  id: string;
  targetJobs: readonly CandidateTargetJobSnapshot[];
  skills: readonly CandidateSkillSnapshot[];
  softSkills: readonly SoftSkill[];
  location: GeoPoint;
  /** `candidate_profile.mobility_radius_km`: beyond it the candidate is excluded, not merely penalised. */
  mobilityRadiusKm: number;
  transportMeans: readonly TransportMean[];
  drivingLicences: readonly DrivingLicence[];
  /** `candidate_profile.languages`: the French entry (`language: 'fr'`), if any, tells a beginner from a fluent FLE speaker. */
  languages: readonly { language: string; level: LanguageLevel }[];
  /** FLE: French is not the person's first language. */
  frenchAsForeignLanguage: boolean;
  /** Reading/writing French is difficult (illettrisme). */
  literacyDifficulty: boolean;
  /** Null = available now. */
  availableFrom: IsoDate | null;
  /** Null = not stated (treated like `either`, with fewer points). */
  workTime: WorkTime | null;
  /** `candidate.contract_end`: the end of the insertion contract, null when unknown. */
  contractEnd: IsoDate | null;
}

/** One open hiring need, as the employer-network module will hold it. */
export interface NeedSnapshot {
  id: string;
  /** OGR code of the ROME appellation sought. */
  ogrCode: string;
  /** ROME fiche of that appellation. */
  ficheCode: string;
  /** Where the job is; null when the need has no place yet (no distance points, no exclusion). */
  location: GeoPoint | null;
  /** Null = as soon as possible (compared to `MatchingContext.today`). */
  startDate: IsoDate | null;
  /** Null = not stated; then derived from `hoursPerWeek` when given. */
  workTime: 'full_time' | 'part_time' | null;
  hoursPerWeek: number | null;
  /** Accommodation "débutant en français accepté" (FLE beginners). */
  acceptsBeginnerFrench: boolean;
  /**
   * Accommodation for reading/writing difficulties (illettrisme). Absent = same answer as `acceptsBeginnerFrench`, since
   * employers usually state one "French" accommodation.
   */
  acceptsReadingWritingDifficulty?: boolean;
  /** Accommodation "temps partiel accepté": a full-time need that a part-time candidate may still take. */
  acceptsPartTime?: boolean;
  /**
   * Licences the job requires (usually `['B']`); empty when the employer accepts candidates without a licence. Any one
   * of them is enough (a need asking for `['C', 'CE']` accepts either).
   */
  requiredDrivingLicences: readonly DrivingLicence[];
  /** Skills the employer asked for (free labels, compared through `skillKey`). */
  skills: readonly string[];
  /** Soft skills the employer asked for, from the same closed list as the profiles. */
  softSkills: readonly SoftSkill[];
}

export interface MatchingContext {
  /** "Today" in the collective's time zone: contract-end urgency and ASAP start dates are measured from it. */
  today: IsoDate;
  weights: MatchingWeights;
  relatedJobs: RelatedJobs;
}

export const componentKeys = [
  'job',
  'skills',
  'softSkills',
  'distance',
  'accommodations',
  'availability',
  'workTime',
  'contractEnd',
] as const;
export type ComponentKey = (typeof componentKeys)[number];

export interface ScoreComponent {
  key: ComponentKey;
  /** Points given (negative for a penalty). The total is the sum of these, nothing else. */
  points: number;
  /** Best points this component can give with these weights (0 for a pure penalty component). */
  maxPoints: number;
  /** Why, in French, for the professional who reads the match. */
  reason: string;
}

export const exclusionCodes = [
  'beyond_mobility_radius',
  'driving_licence_required',
  'beginner_french_not_accepted',
  'reading_writing_not_accepted',
] as const;
export type ExclusionCode = (typeof exclusionCodes)[number];

export interface Exclusion {
  code: ExclusionCode;
  reason: string;
}

/** A ranked pair without its explanation: what a list needs to order and count, not to show the reasons. */
export interface MatchScore {
  candidateId: string;
  needId: string;
  /** Σ components[].points, rounded to 2 decimals after summing rounded components (so the sum holds exactly). */
  score: number;
  /** Best score these weights allow (Σ maxPoints), to show the score as a share. */
  maxScore: number;
  /** score / maxScore clamped to 0..1: what the job-dating weight takes. */
  normalizedScore: number;
  /** Distance between the communes' centroids, km (null when the need has no place). */
  distanceKm: number | null;
}

export interface MatchResult {
  candidateId: string;
  needId: string;
  /** Σ components[].points, rounded to 2 decimals after summing rounded components (so the sum holds exactly). */
  score: number;
  /** Best score these weights allow (Σ maxPoints), to show the score as a share. */
  maxScore: number;
  /** score / maxScore clamped to 0..1: what the job-dating weight takes. */
  normalizedScore: number;
  excluded: boolean;
  exclusions: Exclusion[];
  components: ScoreComponent[];
  /** Distance between the communes' centroids, km (null when the need has no place). */
  distanceKm: number | null;
}
