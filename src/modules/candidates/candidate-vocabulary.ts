/**
 * Closed vocabularies of the candidate profile. They are checked both by the DTOs and by named CHECK constraints, so
 * the lists here and the SQL lists in the entities must say the same thing (a unit test compares them).
 */
export const candidateStatuses = ['in_parcours', 'left', 'hired_elsewhere'] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];

export const evidenceLevels = ['declared', 'observed', 'certified'] as const;
export type EvidenceLevel = (typeof evidenceLevels)[number];

export const experienceLevels = ['none', 'beginner', 'experienced', 'confirmed'] as const;
export type ExperienceLevel = (typeof experienceLevels)[number];

export const consentScopes = ['collective', 'employers'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const workTimes = ['full_time', 'part_time', 'either'] as const;
export type WorkTime = (typeof workTimes)[number];

export const transportMeans = ['car', 'motorbike', 'bicycle', 'public_transport', 'walking', 'carpool'] as const;
export type TransportMean = (typeof transportMeans)[number];

export const drivingLicences = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C', 'CE', 'D1', 'D', 'DE', 'CACES'] as const;
export type DrivingLicence = (typeof drivingLicences)[number];

export const languageLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof languageLevels)[number];

/**
 * Soft skills as CIPs name them. Codes are stable identifiers, labels what people read; the list is closed so that
 * matching can compare profiles across SIAE.
 */
export const softSkills = {
  ponctualite: 'Ponctualité',
  travail_en_equipe: 'Travail en équipe',
  adaptabilite: 'Adaptabilité',
  capacite_de_rebond: 'Capacité de rebond',
  autonomie: 'Autonomie',
  relation_client: 'Relation client',
  rigueur: 'Rigueur',
  perseverance: 'Persévérance',
  assiduite: 'Assiduité',
  respect_des_consignes: 'Respect des consignes',
  sens_de_l_organisation: "Sens de l'organisation",
  curiosite: 'Curiosité',
  gestion_du_stress: 'Gestion du stress',
  prise_d_initiative: "Prise d'initiative",
  communication: 'Communication',
} as const;
export type SoftSkill = keyof typeof softSkills;
export const softSkillCodes = Object.keys(softSkills) as SoftSkill[];

/** `'a', 'b'` for CHECK constraints built from the lists above. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}
