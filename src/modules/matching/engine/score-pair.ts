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
import { haversineKm, withinRadiusKm } from './geo';
import { holdsRequiredLicence } from './licences';
import type { MatchingWeights } from './matching-weights';
import type { RelatedJobs } from './related-jobs';
import { skillKey } from './skill-key';
import type {
  CandidateSnapshot,
  EvidenceLevel,
  Exclusion,
  ExclusionCode,
  MatchingContext,
  MatchResult,
  MatchScore,
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
 * A candidate ready to be scored against many needs, or one of many candidates scored against a need: a handful of
 * scalars and no Map or Set, because at 100k candidates per ranking the allocations cost more than the arithmetic.
 */
export interface PreparedCandidate {
  snapshot: CandidateSnapshot;
  hasMotorVehicle: boolean;
  beginnerInFrench: boolean;
  availableDay: number | null;
  contractEndDay: number | null;
  radiusKm: number;
}

export interface PreparedNeed {
  snapshot: NeedSnapshot;
  ogrCode: string;
  ficheCode: string;
  domainCode: string;
  /** Distinct skills asked for, by key, with the employer's wording for the reasons. */
  skills: { key: string; label: string }[];
  softSkills: readonly SoftSkill[];
  workTime: 'full_time' | 'part_time' | null;
  startDay: number | null;
  acceptsReadingWriting: boolean;
}

const EVIDENCE_RANK: Record<EvidenceLevel, number> = { declared: 0, observed: 1, certified: 2 };

export function prepareCandidate(c: CandidateSnapshot): PreparedCandidate {
  const { latitude, longitude } = c.location;
  if (
    !Number.isFinite(latitude) ||
    !Number.isFinite(longitude) ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  ) {
    throw new RangeError(`Coordonnées invalides pour le candidat ${c.id}`);
  }
  if (!Number.isFinite(c.mobilityRadiusKm) || c.mobilityRadiusKm < 0) {
    throw new RangeError(`Rayon de mobilité invalide pour le candidat ${c.id} : ${c.mobilityRadiusKm}`);
  }
  const french = c.languages.find((l) => l.language.toLowerCase() === 'fr');
  return {
    snapshot: c,
    hasMotorVehicle: c.transportMeans.some((m) => MOTOR_MEANS.has(m)),
    beginnerInFrench: c.frenchAsForeignLanguage && !(french && INDEPENDENT_FRENCH.has(french.level)),
    availableDay: c.availableFrom ? dayNumber(c.availableFrom) : null,
    contractEndDay: c.contractEnd ? dayNumber(c.contractEnd) : null,
    radiusKm: c.mobilityRadiusKm,
  };
}

/** Best evidence the candidate has for a skill key (several rows may name the same skill). */
function evidenceFor(c: CandidateSnapshot, key: string): EvidenceLevel | null {
  let best: EvidenceLevel | null = null;
  for (const skill of c.skills) {
    if ((best === null || EVIDENCE_RANK[skill.evidenceLevel] > EVIDENCE_RANK[best]) && skillKey(skill.label) === key)
      best = skill.evidenceLevel;
  }
  return best;
}

export function prepareNeed(n: NeedSnapshot): PreparedNeed {
  if (n.location) {
    const { latitude, longitude } = n.location;
    if (
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude) ||
      Math.abs(latitude) > 90 ||
      Math.abs(longitude) > 180
    ) {
      throw new RangeError(`Coordonnées invalides pour le besoin ${n.id}`);
    }
  }
  const skills: { key: string; label: string }[] = [];
  for (const label of n.skills) {
    const key = skillKey(label);
    if (key && !skills.some((k) => k.key === key)) skills.push({ key, label: label.trim() });
  }
  // Lists are a handful long: a scan beats a Set, and a list without repeats is kept as is.
  const softSkills = n.softSkills.some((soft, i) => n.softSkills.indexOf(soft) !== i)
    ? [...new Set(n.softSkills)]
    : n.softSkills;
  const ficheCode = normCode(n.ficheCode);
  const hours =
    n.hoursPerWeek !== null && Number.isFinite(n.hoursPerWeek) && n.hoursPerWeek > 0 ? n.hoursPerWeek : null;
  return {
    snapshot: n,
    ogrCode: n.ogrCode.trim(),
    ficheCode,
    domainCode: ficheCode.slice(0, 3),
    skills,
    softSkills,
    workTime: n.workTime ?? (hours === null ? null : hours >= FULL_TIME_HOURS ? 'full_time' : 'part_time'),
    startDay: n.startDate ? dayNumber(n.startDate) : null,
    acceptsReadingWriting: n.acceptsReadingWritingDifficulty ?? n.acceptsBeginnerFrench,
  };
}

export function scorePair(candidate: CandidateSnapshot, need: NeedSnapshot, ctx: MatchingContext): MatchResult {
  return explainPrepared(prepareCandidate(candidate), prepareNeed(need), ctx, dayNumber(ctx.today));
}

/**
 * Where a scoring pass writes. Reasons are built only when `explain` is set: formatting French sentences is most of the
 * cost of a pair, and a ranking only needs them for the page it returns. Both passes run the same code, so the score
 * that ranked a pair is the score its explanation adds up to.
 */
export interface ScoreSheet {
  explain: boolean;
  excluded: boolean;
  exclusions: Exclusion[];
  /** Reason of the component just scored (explain only). */
  reason: string;
  distanceKm: number | null;
}

export function newSheet(explain: boolean): ScoreSheet {
  return { explain, excluded: false, exclusions: [], reason: '', distanceKm: null };
}

type ComponentScorer = (
  c: PreparedCandidate,
  n: PreparedNeed,
  ctx: MatchingContext,
  today: number,
  s: ScoreSheet,
) => number;

const SCORERS: readonly [ScoreComponent['key'], ComponentScorer][] = [
  ['job', (c, n, ctx, _t, s) => jobPoints(c, n, ctx.weights, ctx.relatedJobs, s)],
  ['skills', (c, n, ctx, _t, s) => skillsPoints(c, n, ctx.weights, s)],
  ['softSkills', (c, n, ctx, _t, s) => softSkillsPoints(c, n, ctx.weights, s)],
  ['distance', (c, n, ctx, _t, s) => distancePoints(c, n, ctx.weights, s)],
  ['accommodations', (c, n, ctx, _t, s) => accommodationsPoints(c, n, ctx.weights, s)],
  ['availability', (c, n, ctx, today, s) => availabilityPoints(c, n, ctx.weights, today, s)],
  ['workTime', (c, n, ctx, _t, s) => workTimePoints(c, n, ctx.weights, s)],
  ['contractEnd', (c, _n, ctx, today, s) => contractEndPoints(c, ctx.weights, today, s)],
];

/** Score in hundredths of a point (an integer, so sorting and summing never meet float noise); `s.excluded` tells the rest. */
export function scoreCents(
  c: PreparedCandidate,
  n: PreparedNeed,
  ctx: MatchingContext,
  today: number,
  s: ScoreSheet,
): number {
  s.excluded = false;
  s.exclusions.length = 0;
  let cents = 0;
  for (const [, scorer] of SCORERS) cents += Math.round(scorer(c, n, ctx, today, s) * 100);
  return cents;
}

export function explainPrepared(
  c: PreparedCandidate,
  n: PreparedNeed,
  ctx: MatchingContext,
  today: number,
): MatchResult {
  const s = newSheet(true);
  const max = maxPoints(n, ctx.weights);
  const components: ScoreComponent[] = SCORERS.map(([key, scorer]) => {
    s.reason = '';
    const points = Math.round(scorer(c, n, ctx, today, s) * 100) / 100;
    return { key, points, maxPoints: max[key], reason: s.reason };
  });
  // Sum in hundredths so that Σ components = score exactly as displayed.
  const cents = components.reduce((sum, k) => sum + Math.round(k.points * 100), 0);
  return {
    ...scoreOf(c, n, cents, maxCents(n, ctx.weights), s.distanceKm),
    excluded: s.excluded,
    exclusions: s.exclusions,
    components,
    distanceKm: s.distanceKm,
  };
}

/** The pair's figures from its score in hundredths: one formula for the explained and the unexplained results. */
export function scoreOf(
  c: PreparedCandidate,
  n: PreparedNeed,
  cents: number,
  maxCentsOfNeed: number,
  distanceKm: number | null,
): MatchScore {
  return {
    candidateId: c.snapshot.id,
    needId: n.snapshot.id,
    score: cents / 100,
    maxScore: maxCentsOfNeed / 100,
    normalizedScore: maxCentsOfNeed > 0 ? Math.min(1, Math.max(0, cents / maxCentsOfNeed)) : 0,
    distanceKm,
  };
}

/** Σ maxPoints in hundredths, summed as the explanation sums its displayed parts. */
export function maxCents(n: PreparedNeed, w: MatchingWeights): number {
  let sum = 0;
  for (const v of Object.values(maxPoints(n, w))) sum += Math.round(v * 100);
  return sum;
}

/** Best points of each component for this need: a component the need gives no data for (no skills, no place) has none. */
function maxPoints(n: PreparedNeed, w: MatchingWeights): Record<ScoreComponent['key'], number> {
  return {
    job: round2(w.job.sameFiche),
    skills: n.skills.length > 0 ? round2(w.skills.max) : 0,
    softSkills: n.softSkills.length > 0 ? round2(w.softSkills.max) : 0,
    distance: n.snapshot.location ? round2(w.distance.max) : 0,
    accommodations: 0,
    availability: round2(w.availability.max),
    workTime: round2(w.workTime.max),
    contractEnd: round2(w.contractEnd.max),
  };
}

function exclude(s: ScoreSheet, code: ExclusionCode, reason: () => string): void {
  s.excluded = true;
  if (s.explain) s.exclusions.push({ code, reason: reason() });
}

function jobPoints(
  c: PreparedCandidate,
  n: PreparedNeed,
  w: MatchingWeights,
  related: RelatedJobs,
  s: ScoreSheet,
): number {
  const { sameFiche, relatedMax, sameDomain } = w.job;
  const jobs = c.snapshot.targetJobs;
  if (jobs.length === 0) {
    if (s.explain) s.reason = 'Aucun métier visé renseigné.';
    return 0;
  }
  let sameFicheFound = false;
  let exactAppellation = false;
  let sameDomainFound = false;
  // Best related fiche; ties broken by fiche code so that the reason never depends on the order of the target jobs.
  let bestCode = '';
  let bestScore = 0;
  for (const j of jobs) {
    const fiche = normCode(j.ficheCode);
    if (fiche === n.ficheCode) {
      sameFicheFound = true;
      if (j.ogrCode.trim() === n.ogrCode) exactAppellation = true;
      continue;
    }
    if (fiche.startsWith(n.domainCode)) sameDomainFound = true;
    const r = clamp01(related.score(fiche, n.ficheCode));
    if (r > bestScore || (r > 0 && r === bestScore && fiche < bestCode)) {
      bestCode = fiche;
      bestScore = r;
    }
  }
  if (sameFicheFound) {
    if (s.explain) {
      s.reason = exactAppellation
        ? `Vise exactement ce métier (appellation ROME ${n.ogrCode}, fiche ${n.ficheCode}).`
        : `Vise un métier de la même fiche ROME (${n.ficheCode}).`;
    }
    return sameFiche;
  }
  if (bestScore > 0) {
    if (s.explain)
      s.reason = `Vise un métier connexe : fiche ${bestCode}, proche de ${n.ficheCode} (indice de proximité ${frenchNumber(bestScore, 2)}).`;
    return sameDomain + (relatedMax - sameDomain) * bestScore;
  }
  if (sameDomainFound) {
    if (s.explain) s.reason = `Vise un métier du même domaine professionnel (${n.domainCode}).`;
    return sameDomain;
  }
  if (s.explain)
    s.reason = `Aucun métier visé ne correspond à la fiche ${n.ficheCode}, ni par métier connexe, ni par domaine.`;
  return 0;
}

function skillsPoints(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, s: ScoreSheet): number {
  if (n.skills.length === 0) {
    if (s.explain) s.reason = "L'employeur n'a pas listé de compétences.";
    return 0;
  }
  let share = 0;
  const held: string[] = [];
  const missing: string[] = [];
  for (const skill of n.skills) {
    const evidence = evidenceFor(c.snapshot, skill.key);
    if (evidence) share += w.skills.evidence[evidence];
    if (s.explain) {
      if (evidence) held.push(`${skill.label} (${evidenceLabel[evidence]})`);
      else missing.push(skill.label);
    }
  }
  if (s.explain) {
    const total = n.skills.length;
    const parts = [
      `${held.length} compétence${held.length >= 2 ? 's' : ''} sur ${total} demandée${total >= 2 ? 's' : ''}`,
    ];
    if (held.length > 0) parts.push(`acquises : ${frenchList(held)}`);
    if (missing.length > 0) parts.push(`manquantes : ${frenchList(missing)}`);
    s.reason = `${parts.join(' ; ')}.`;
  }
  return (w.skills.max * share) / n.skills.length;
}

function softSkillsPoints(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, s: ScoreSheet): number {
  if (n.softSkills.length === 0) {
    if (s.explain) s.reason = "L'employeur n'a pas demandé de savoir-être particulier.";
    return 0;
  }
  let heldCount = 0;
  for (const soft of n.softSkills) if (c.snapshot.softSkills.includes(soft)) heldCount++;
  if (s.explain) {
    const held = n.softSkills.filter((soft) => c.snapshot.softSkills.includes(soft));
    s.reason =
      held.length === 0
        ? `Aucun des savoir-être demandés (${frenchList(n.softSkills.map(softSkillLabel))}).`
        : `Savoir-être demandés présents : ${frenchList(held.map(softSkillLabel))} (${held.length} sur ${n.softSkills.length}).`;
  }
  return (w.softSkills.max * heldCount) / n.softSkills.length;
}

function distancePoints(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, s: ScoreSheet): number {
  const place = n.snapshot.location;
  if (!place) {
    s.distanceKm = null;
    if (s.explain) s.reason = 'Lieu de travail non renseigné : distance non évaluée.';
    return 0;
  }
  const here = c.snapshot.location;
  const km = haversineKm(here.latitude, here.longitude, place.latitude, place.longitude);
  s.distanceKm = km;
  const radius = c.radiusKm;
  const means = (): string =>
    c.snapshot.transportMeans.length > 0
      ? ` (${frenchList(c.snapshot.transportMeans.map((m) => transportLabel[m]))})`
      : '';
  if (!withinRadiusKm(km, radius)) {
    const reason = (): string =>
      `Lieu de travail à ${frenchNumber(km)} km, au-delà du rayon de mobilité de ${frenchNumber(radius)} km${means()}.`;
    exclude(s, 'beyond_mobility_radius', reason);
    if (s.explain) s.reason = reason();
    return 0;
  }
  const ratio = radius > 0 ? Math.min(1, km / radius) : 0;
  const exponent = c.hasMotorVehicle ? 1 : w.distance.exponentWithoutVehicle;
  if (s.explain) {
    const where = km === 0 ? 'Travail dans la commune de résidence' : `Lieu de travail à ${frenchNumber(km)} km`;
    const vehicle = c.hasMotorVehicle ? '' : ', sans véhicule motorisé : la distance pèse davantage';
    s.reason = `${where}, dans le rayon de mobilité de ${frenchNumber(radius)} km${means()}${vehicle}.`;
  }
  return w.distance.max * (1 - ratio) ** exponent;
}

function accommodationsPoints(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, s: ScoreSheet): number {
  const facts: string[] = [];
  const need = n.snapshot;
  if (need.requiredDrivingLicences.length > 0) {
    const required = (): string =>
      capitalise(frenchList(need.requiredDrivingLicences.map(licenceLabel)).replace(/ et /g, ' ou '));
    if (holdsRequiredLicence(c.snapshot.drivingLicences, need.requiredDrivingLicences)) {
      if (s.explain) facts.push(`${required()} exigé : détenu`);
    } else {
      exclude(s, 'driving_licence_required', () => `${required()} exigé par l'employeur, non détenu par le candidat.`);
      if (s.explain) facts.push(`${required()} exigé : non détenu`);
    }
  }
  let frenchIssue = false;
  const rule = w.accommodations.excludeWhenFrenchNotAccepted;
  if (c.beginnerInFrench) {
    if (need.acceptsBeginnerFrench) {
      if (s.explain) facts.push("débutant en français (FLE) : accepté par l'employeur");
    } else {
      frenchIssue = true;
      if (rule)
        exclude(s, 'beginner_french_not_accepted', () => "L'employeur n'accepte pas les débutants en français (FLE).");
      if (s.explain) facts.push("débutant en français (FLE) alors que l'employeur ne l'accepte pas");
    }
  }
  if (c.snapshot.literacyDifficulty) {
    if (n.acceptsReadingWriting) {
      if (s.explain) facts.push("difficultés de lecture et d'écriture : acceptées par l'employeur");
    } else {
      frenchIssue = true;
      if (rule)
        exclude(
          s,
          'reading_writing_not_accepted',
          () => "L'employeur n'accepte pas les difficultés de lecture et d'écriture du français.",
        );
      if (s.explain) facts.push("difficultés de lecture et d'écriture alors que l'employeur ne les accepte pas");
    }
  }
  // The penalty applies once: one missing accommodation is enough to make the employer hesitate; two do not double it.
  const points = frenchIssue && !rule ? -w.accommodations.frenchPenalty : 0;
  if (s.explain)
    s.reason =
      facts.length === 0
        ? 'Aucun aménagement nécessaire.'
        : `${capitalise(facts.join(' ; '))}${points < 0 ? ' (pénalité)' : ''}.`;
  return points;
}

function availabilityPoints(
  c: PreparedCandidate,
  n: PreparedNeed,
  w: MatchingWeights,
  today: number,
  s: ScoreSheet,
): number {
  const { max, graceDays } = w.availability;
  // A start date already past means "as soon as possible", like no date at all.
  const start = Math.max(n.startDay ?? today, today);
  const available = Math.max(c.availableDay ?? today, today);
  const late = available - start;
  const startText = (): string =>
    n.startDay !== null && n.startDay >= today
      ? `le démarrage du ${frenchDate(n.snapshot.startDate as string)}`
      : 'un démarrage immédiat';
  if (late <= 0) {
    if (s.explain) {
      const when =
        c.availableDay !== null && c.availableDay > today
          ? `Disponible à partir du ${frenchDate(c.snapshot.availableFrom as string)}`
          : 'Disponible dès maintenant';
      s.reason = `${when}, à temps pour ${startText()}.`;
    }
    return max;
  }
  if (s.explain)
    s.reason = `Disponible à partir du ${frenchDate(c.snapshot.availableFrom as string)}, ${plural(late, 'jour')} après ${startText()}.`;
  return graceDays > 0 ? max * Math.max(0, 1 - late / graceDays) : 0;
}

function workTimePoints(c: PreparedCandidate, n: PreparedNeed, w: MatchingWeights, s: ScoreSheet): number {
  const { max, flexible } = w.workTime;
  const wanted = c.snapshot.workTime;
  const offered = n.workTime;
  if (offered === null) {
    if (s.explain) s.reason = "Temps de travail non précisé par l'employeur.";
    return flexible;
  }
  if (wanted === null || wanted === 'either') {
    if (s.explain)
      s.reason = `Poste à ${workTimeLabel[offered]} ; ${wanted === null ? 'souhait du candidat non précisé' : 'le candidat accepte les deux'}.`;
    return flexible;
  }
  if (wanted === offered) {
    if (s.explain) s.reason = `Poste à ${workTimeLabel[offered]}, comme souhaité.`;
    return max;
  }
  if (wanted === 'part_time' && n.snapshot.acceptsPartTime === true) {
    if (s.explain)
      s.reason = "Poste à temps plein, mais l'employeur accepte un temps partiel, que cherche le candidat.";
    return flexible;
  }
  if (s.explain)
    s.reason = `Poste à ${workTimeLabel[offered]}, alors que le candidat cherche un ${workTimeLabel[wanted]}.`;
  return 0;
}

function contractEndPoints(c: PreparedCandidate, w: MatchingWeights, today: number, s: ScoreSheet): number {
  const { max, windowDays } = w.contractEnd;
  if (c.contractEndDay === null) {
    if (s.explain) s.reason = "Date de fin du contrat d'insertion non renseignée.";
    return 0;
  }
  const left = c.contractEndDay - today;
  const end = (): string => frenchDate(c.snapshot.contractEnd as string);
  if (left > windowDays) {
    if (s.explain) s.reason = `Contrat d'insertion jusqu'au ${end()} : pas d'urgence.`;
    return 0;
  }
  if (s.explain) {
    s.reason =
      left < 0
        ? `Contrat d'insertion terminé depuis le ${end()} : priorité.`
        : `Contrat d'insertion se terminant le ${end()} (dans ${plural(left, 'jour')}) : priorité au parcours qui s'achève.`;
  }
  return windowDays > 0 ? max * (1 - Math.max(0, left) / windowDays) : max;
}

const FICHE_CODE = /^[A-Z][0-9]{4}$/;
/** Codes from the database are already clean (CHECK constraints): only others pay for a new string. */
const normCode = (code: string): string => (FICHE_CODE.test(code) ? code : code.trim().toUpperCase());
const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const capitalise = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
