/**
 * Score of one (candidate, hiring need) pair: a sum of named components, each with its points and a French reason,
 * plus the exclusions (hard rules) that keep the pair out of any ranking. Pure: same snapshots + context, same result.
 */
import { dayNumber, frenchDate } from './dates';
import {
  evidenceLabel,
  frenchList,
  frenchNumber,
  licenceLabel,
  plural,
  softSkillLabel,
  transportLabel,
  workTimeLabel,
} from './french';
import { haversineKm } from './geo';
import { holdsRequiredLicence } from './licences';
import type { MatchingWeights } from './matching-weights';
import type { RelatedJobs } from './related-jobs';
import { skillKey } from './skill-key';
import type {
  CandidateSnapshot,
  EvidenceLevel,
  Exclusion,
  MatchingContext,
  MatchResult,
  NeedSnapshot,
  ScoreComponent,
  SoftSkill,
} from './types';

/** Means with which a longer trip costs little more than a short one (see `distance.exponentWithoutVehicle`). */
const MOTOR_MEANS = new Set(['car', 'motorbike', 'carpool']);
/** CEFR levels from which an FLE speaker is no longer a beginner (B1 = "utilisateur indépendant"). */
const INDEPENDENT_FRENCH = new Set(['B1', 'B2', 'C1', 'C2', 'native']);
/** Legal full-time week in France (Code du travail L3121-27): fewer hours is part time. */
const FULL_TIME_HOURS = 35;
/**
 * Tolerance on the radius: the SQL pre-filter and the engine compute the same great circle in a different order of
 * float operations, so they may differ by ~1e-12 km. A millimetre settles the boundary the SQL's way.
 */
const RADIUS_TOLERANCE_KM = 1e-6;

export interface PreparedCandidate {
  snapshot: CandidateSnapshot;
  jobs: { ficheCode: string; domainCode: string; ogrCode: string }[];
  /** Best evidence per skill key. */
  evidenceByKey: Map<string, EvidenceLevel>;
  softSkills: Set<SoftSkill>;
  hasMotorVehicle: boolean;
  beginnerInFrench: boolean;
  availableDay: number | null;
  contractEndDay: number | null;
  radiusKm: number;
}

export interface PreparedNeed {
  snapshot: NeedSnapshot;
  ficheCode: string;
  domainCode: string;
  /** Distinct skills asked for, by key, with the employer's wording for the reasons. */
  skills: { key: string; label: string }[];
  softSkills: SoftSkill[];
  workTime: 'full_time' | 'part_time' | null;
  startDay: number | null;
  acceptsReadingWriting: boolean;
}

const EVIDENCE_RANK: Record<EvidenceLevel, number> = { declared: 0, observed: 1, certified: 2 };

export function prepareCandidate(c: CandidateSnapshot): PreparedCandidate {
  const { latitude, longitude } = c.location;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new RangeError(`Coordonnées invalides pour le candidat ${c.id}`);
  }
  if (!Number.isFinite(c.mobilityRadiusKm) || c.mobilityRadiusKm < 0) {
    throw new RangeError(`Rayon de mobilité invalide pour le candidat ${c.id} : ${c.mobilityRadiusKm}`);
  }
  const evidenceByKey = new Map<string, EvidenceLevel>();
  for (const s of c.skills) {
    const key = skillKey(s.label);
    const known = evidenceByKey.get(key);
    if (key && (known === undefined || EVIDENCE_RANK[s.evidenceLevel] > EVIDENCE_RANK[known])) evidenceByKey.set(key, s.evidenceLevel);
  }
  const french = c.languages.find((l) => l.language.toLowerCase() === 'fr');
  return {
    snapshot: c,
    jobs: c.targetJobs.map((j) => {
      const ficheCode = normCode(j.ficheCode);
      return { ficheCode, domainCode: ficheCode.slice(0, 3), ogrCode: j.ogrCode.trim() };
    }),
    evidenceByKey,
    softSkills: new Set(c.softSkills),
    hasMotorVehicle: c.transportMeans.some((m) => MOTOR_MEANS.has(m)),
    beginnerInFrench: c.frenchAsForeignLanguage && !(french && INDEPENDENT_FRENCH.has(french.level)),
    availableDay: c.availableFrom ? dayNumber(c.availableFrom) : null,
    contractEndDay: c.contractEnd ? dayNumber(c.contractEnd) : null,
    radiusKm: c.mobilityRadiusKm,
  };
}

export function prepareNeed(n: NeedSnapshot): PreparedNeed {
  if (n.location) {
    const { latitude, longitude } = n.location;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      throw new RangeError(`Coordonnées invalides pour le besoin ${n.id}`);
    }
  }
  const skills = new Map<string, string>();
  for (const label of n.skills) {
    const key = skillKey(label);
    if (key && !skills.has(key)) skills.set(key, label.trim());
  }
  const ficheCode = normCode(n.ficheCode);
  const hours = n.hoursPerWeek !== null && Number.isFinite(n.hoursPerWeek) && n.hoursPerWeek > 0 ? n.hoursPerWeek : null;
  return {
    snapshot: n,
    ficheCode,
    domainCode: ficheCode.slice(0, 3),
    skills: [...skills].map(([key, label]) => ({ key, label })),
    softSkills: [...new Set(n.softSkills)],
    workTime: n.workTime ?? (hours === null ? null : hours >= FULL_TIME_HOURS ? 'full_time' : 'part_time'),
    startDay: n.startDate ? dayNumber(n.startDate) : null,
    acceptsReadingWriting: n.acceptsReadingWritingDifficulty ?? n.acceptsBeginnerFrench,
  };
}

export function scorePair(candidate: CandidateSnapshot, need: NeedSnapshot, ctx: MatchingContext): MatchResult {
  return scorePrepared(prepareCandidate(candidate), prepareNeed(need), ctx, dayNumber(ctx.today));
}

export function scorePrepared(c: PreparedCandidate, n: PreparedNeed, ctx: MatchingContext, today: number): MatchResult {
  const w = ctx.weights;
  const exclusions: Exclusion[] = [];
  const distance = distanceComponent(c, n, w, exclusions);
  const components: ScoreComponent[] = [
    jobComponent(c, n, w, ctx.relatedJobs),
    skillsComponent(c, n, w),
    softSkillsComponent(c, n, w),
    distance.component,
    accommodationsComponent(c, n, w, exclusions),
    availabilityComponent(c, n, w, today),
    workTimeComponent(c, n, w),
    contractEndComponent(c, w, today),
  ];
  // Sum in hundredths so that Σ components = score exactly as displayed.
  const cents = components.reduce((sum, k) => sum + Math.round(k.points * 100), 0);
  const maxCents = components.reduce((sum, k) => sum + Math.round(k.maxPoints * 100), 0);
  const score = cents / 100;
  const maxScore = maxCents / 100;
  return {
    candidateId: c.snapshot.id,
    needId: n.snapshot.id,
    score,
    maxScore,
    normalizedScore: maxCents > 0 ? Math.min(1, Math.max(0, cents / maxCents)) : 0,
    excluded: exclusions.length > 0,
    exclusions,
    components,
    distanceKm: distance.km,
  };
}

function component(key: ScoreComponent['key'], points: number, maxPoints: number, reason: string): ScoreComponent {
  return { key, points: round2(points), maxPoints: round2(maxPoints), reason };
}

function jobComponent(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, related: RelatedJobs): ScoreComponent {
  const { sameFiche, relatedMax, sameDomain } = w.job;
  const max = sameFiche;
  if (c.jobs.length === 0) return component('job', 0, max, 'Aucun métier visé renseigné.');
  if (c.jobs.some((j) => j.ficheCode === n.ficheCode)) {
    const exact = c.jobs.some((j) => j.ogrCode === n.snapshot.ogrCode.trim());
    return component('job', sameFiche, max, exact
      ? `Vise exactement ce métier (appellation ROME ${n.snapshot.ogrCode}, fiche ${n.ficheCode}).`
      : `Vise un métier de la même fiche ROME (${n.ficheCode}).`);
  }
  // Best related fiche; ties broken by fiche code so that the reason never depends on the order of the target jobs.
  let best: { code: string; score: number } | null = null;
  for (const j of c.jobs) {
    const s = clamp01(related.score(j.ficheCode, n.ficheCode));
    if (s > 0 && (!best || s > best.score || (s === best.score && j.ficheCode < best.code))) best = { code: j.ficheCode, score: s };
  }
  if (best) {
    const points = sameDomain + (relatedMax - sameDomain) * best.score;
    return component('job', points, max,
      `Vise un métier connexe : fiche ${best.code}, proche de ${n.ficheCode} (indice de proximité ${frenchNumber(best.score, 2)}).`);
  }
  if (c.jobs.some((j) => j.domainCode === n.domainCode)) {
    return component('job', sameDomain, max, `Vise un métier du même domaine professionnel (${n.domainCode}).`);
  }
  return component('job', 0, max, `Aucun métier visé ne correspond à la fiche ${n.ficheCode}, ni par métier connexe, ni par domaine.`);
}

function skillsComponent(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights): ScoreComponent {
  if (n.skills.length === 0) return component('skills', 0, 0, "L'employeur n'a pas listé de compétences.");
  let share = 0;
  const held: string[] = [];
  const missing: string[] = [];
  for (const s of n.skills) {
    const evidence = c.evidenceByKey.get(s.key);
    if (evidence) {
      share += w.skills.evidence[evidence];
      held.push(`${s.label} (${evidenceLabel[evidence]})`);
    } else {
      missing.push(s.label);
    }
  }
  const points = (w.skills.max * share) / n.skills.length;
  const parts = [`${held.length} compétence${held.length >= 2 ? 's' : ''} sur ${n.skills.length} demandée${n.skills.length >= 2 ? 's' : ''}`];
  if (held.length > 0) parts.push(`acquises : ${frenchList(held)}`);
  if (missing.length > 0) parts.push(`manquantes : ${frenchList(missing)}`);
  return component('skills', points, w.skills.max, `${parts.join(' ; ')}.`);
}

function softSkillsComponent(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights): ScoreComponent {
  if (n.softSkills.length === 0) return component('softSkills', 0, 0, "L'employeur n'a pas demandé de savoir-être particulier.");
  const held = n.softSkills.filter((s) => c.softSkills.has(s));
  const points = (w.softSkills.max * held.length) / n.softSkills.length;
  const reason = held.length === 0
    ? `Aucun des savoir-être demandés (${frenchList(n.softSkills.map(softSkillLabel))}).`
    : `Savoir-être demandés présents : ${frenchList(held.map(softSkillLabel))} (${held.length} sur ${n.softSkills.length}).`;
  return component('softSkills', points, w.softSkills.max, reason);
}

function distanceComponent(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, exclusions: Exclusion[]): { component: ScoreComponent; km: number | null } {
  const place = n.snapshot.location;
  if (!place) return { component: component('distance', 0, 0, 'Lieu de travail non renseigné : distance non évaluée.'), km: null };
  const here = c.snapshot.location;
  const km = haversineKm(here.latitude, here.longitude, place.latitude, place.longitude);
  const radius = c.radiusKm;
  const means = c.snapshot.transportMeans.length > 0 ? ` (${frenchList(c.snapshot.transportMeans.map((m) => transportLabel[m]))})` : '';
  if (km > radius + RADIUS_TOLERANCE_KM) {
    const reason = `Lieu de travail à ${frenchNumber(km)} km, au-delà du rayon de mobilité de ${frenchNumber(radius)} km${means}.`;
    exclusions.push({ code: 'beyond_mobility_radius', reason });
    return { component: component('distance', 0, w.distance.max, reason), km };
  }
  const ratio = radius > 0 ? Math.min(1, km / radius) : 0;
  const exponent = c.hasMotorVehicle ? 1 : w.distance.exponentWithoutVehicle;
  const points = w.distance.max * (1 - ratio) ** exponent;
  const where = km === 0 ? 'Travail dans la commune de résidence' : `Lieu de travail à ${frenchNumber(km)} km`;
  const vehicle = c.hasMotorVehicle ? '' : ', sans véhicule motorisé : la distance pèse davantage';
  return { component: component('distance', points, w.distance.max, `${where}, dans le rayon de mobilité de ${frenchNumber(radius)} km${means}${vehicle}.`), km };
}

function accommodationsComponent(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, exclusions: Exclusion[]): ScoreComponent {
  const facts: string[] = [];
  const need = n.snapshot;
  if (need.requiredDrivingLicences.length > 0) {
    const required = frenchList(need.requiredDrivingLicences.map(licenceLabel)).replace(/ et /g, ' ou ');
    if (holdsRequiredLicence(c.snapshot.drivingLicences, need.requiredDrivingLicences)) {
      facts.push(`${capitalise(required)} exigé : détenu`);
    } else {
      exclusions.push({ code: 'driving_licence_required', reason: `${capitalise(required)} exigé par l'employeur, non détenu par le candidat.` });
      facts.push(`${capitalise(required)} exigé : non détenu`);
    }
  }
  let frenchIssue = false;
  const rule = w.accommodations.excludeWhenFrenchNotAccepted;
  if (c.beginnerInFrench) {
    if (need.acceptsBeginnerFrench) facts.push('débutant en français (FLE) : accepté par l\'employeur');
    else {
      frenchIssue = true;
      if (rule) exclusions.push({ code: 'beginner_french_not_accepted', reason: "L'employeur n'accepte pas les débutants en français (FLE)." });
      facts.push("débutant en français (FLE) alors que l'employeur ne l'accepte pas");
    }
  }
  if (c.snapshot.literacyDifficulty) {
    if (n.acceptsReadingWriting) facts.push("difficultés de lecture et d'écriture : acceptées par l'employeur");
    else {
      frenchIssue = true;
      if (rule) exclusions.push({ code: 'reading_writing_not_accepted', reason: "L'employeur n'accepte pas les difficultés de lecture et d'écriture du français." });
      facts.push("difficultés de lecture et d'écriture alors que l'employeur ne les accepte pas");
    }
  }
  // The penalty applies once: one missing accommodation is enough to make the employer hesitate; two do not double it.
  const points = frenchIssue && !rule ? -w.accommodations.frenchPenalty : 0;
  const reason = facts.length === 0 ? 'Aucun aménagement nécessaire.' : `${capitalise(facts.join(' ; '))}${points < 0 ? ' (pénalité)' : ''}.`;
  return component('accommodations', points, 0, reason);
}

function availabilityComponent(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, today: number): ScoreComponent {
  const { max, graceDays } = w.availability;
  // A start date already past means "as soon as possible", like no date at all.
  const start = Math.max(n.startDay ?? today, today);
  const available = Math.max(c.availableDay ?? today, today);
  const late = available - start;
  const startText = n.startDay !== null && n.startDay >= today ? `le démarrage du ${frenchDate(n.snapshot.startDate as string)}` : 'un démarrage immédiat';
  if (late <= 0) {
    const when = c.availableDay !== null && c.availableDay > today ? `Disponible à partir du ${frenchDate(c.snapshot.availableFrom as string)}` : 'Disponible dès maintenant';
    return component('availability', max, max, `${when}, à temps pour ${startText}.`);
  }
  const points = graceDays > 0 ? max * Math.max(0, 1 - late / graceDays) : 0;
  return component('availability', points, max,
    `Disponible à partir du ${frenchDate(c.snapshot.availableFrom as string)}, ${plural(late, 'jour')} après ${startText}.`);
}

function workTimeComponent(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights): ScoreComponent {
  const { max, flexible } = w.workTime;
  const wanted = c.snapshot.workTime;
  const offered = n.workTime;
  if (offered === null) return component('workTime', flexible, max, "Temps de travail non précisé par l'employeur.");
  if (wanted === null) return component('workTime', flexible, max, `Poste à ${workTimeLabel[offered]} ; souhait du candidat non précisé.`);
  if (wanted === 'either') return component('workTime', flexible, max, `Poste à ${workTimeLabel[offered]} ; le candidat accepte les deux.`);
  if (wanted === offered) return component('workTime', max, max, `Poste à ${workTimeLabel[offered]}, comme souhaité.`);
  return component('workTime', 0, max, `Poste à ${workTimeLabel[offered]}, alors que le candidat cherche un ${workTimeLabel[wanted]}.`);
}

function contractEndComponent(c: PreparedCandidate, w: MatchingWeights, today: number): ScoreComponent {
  const { max, windowDays } = w.contractEnd;
  if (c.contractEndDay === null) return component('contractEnd', 0, max, "Date de fin du contrat d'insertion non renseignée.");
  const end = frenchDate(c.snapshot.contractEnd as string);
  const left = c.contractEndDay - today;
  if (left > windowDays) return component('contractEnd', 0, max, `Contrat d'insertion jusqu'au ${end} : pas d'urgence.`);
  const points = windowDays > 0 ? max * (1 - Math.max(0, left) / windowDays) : max;
  const reason = left < 0
    ? `Contrat d'insertion terminé depuis le ${end} : priorité.`
    : `Contrat d'insertion se terminant le ${end} (dans ${plural(left, 'jour')}) : priorité au parcours qui s'achève.`;
  return component('contractEnd', points, max, reason);
}

const normCode = (code: string): string => code.trim().toUpperCase();
const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
