/**
 * Every weight of the matching score, in one place. A collective may override any of them (`mergeWeights`); the
 * defaults below add up to 100 points for a perfect match so that a score reads as a percentage.
 *
 * Why these numbers:
 * - The job comes first (35): a CIP proposes someone for a trade. Related ROME fiches ("métiers connexes") sit between
 *   the same domain and the same fiche, scaled by the referential's score, because the referential measured how often
 *   people actually move between those trades.
 * - Skills weigh almost as much (25), and *how we know them* matters: the sector's rule is "judge on doing, not on
 *   saying" (PMSMP, situations de travail), so a skill observed at work counts nearly as much as a certificate and about
 *   twice a declared one.
 * - Distance (15) ranks within the mobility radius; the radius itself is a hard limit because it is what the person
 *   said they can travel, and a job they cannot reach every day is not an offer.
 * - Availability (7), working time (5) and soft skills (6) refine the order between people who fit the job.
 * - A contract ending soon boosts (7): an insertion contract is capped (typically 24 months) and a person whose parcours
 *   runs out in a few weeks needs the offer now, while someone who just started has time. The boost is kept below the
 *   job weight so it reorders close matches, never puts an unrelated person first.
 * - Accommodations are rules, not preferences: an employer who does not accept beginners in French or asks for a
 *   licence is respected (exclusion). A collective may choose to show FLE/illettrisme candidates with a penalty instead,
 *   so that a CIP can argue the case with the employer.
 */
export interface MatchingWeights {
  job: {
    /** Candidate targets the need's ROME fiche. */
    sameFiche: number;
    /** A related fiche with referential score 1; a related fiche scores between `sameDomain` and this. */
    relatedMax: number;
    /** Same professional domain (first three characters of the fiche, e.g. `K22`). */
    sameDomain: number;
  };
  skills: {
    /** Points when the candidate has every skill the need lists, all certified. */
    max: number;
    /** Share of a skill's points by level of evidence; declared ≤ observed ≤ certified ≤ 1 (checked). */
    evidence: { declared: number; observed: number; certified: number };
  };
  softSkills: {
    /** Points when the candidate has every soft skill the employer asked for. */
    max: number;
  };
  distance: {
    /** Points at distance 0; they fall to 0 at the mobility radius. */
    max: number;
    /**
     * Shape of the fall for people without a personal motor vehicle (car, motorbike, carpool): points = max·(1−d/r)^e.
     * 1 = linear like drivers; 2 (default) = a trip by bus or bicycle costs more per km, so nearby jobs rank higher.
     */
    exponentWithoutVehicle: number;
  };
  availability: {
    /** Points when the candidate is available on the need's start date. */
    max: number;
    /** Days of lateness after which no availability point is left (linear in between). */
    graceDays: number;
  };
  workTime: {
    /** Points when full/part time is exactly what the candidate wants. */
    max: number;
    /** Points when the candidate accepts either or did not say (≤ max, checked). */
    flexible: number;
  };
  contractEnd: {
    /** Boost for a contract ending today (or already ended). */
    max: number;
    /** The boost starts this many days before the contract end and grows linearly to `max`. */
    windowDays: number;
  };
  accommodations: {
    /**
     * true (default): a need that does not accept beginners in French / reading-writing difficulties excludes FLE
     * beginners / candidates with illettrisme. false: they stay, with `frenchPenalty` points taken off.
     */
    excludeWhenFrenchNotAccepted: boolean;
    /** Penalty (subtracted) when the rule above is `false`. */
    frenchPenalty: number;
  };
}

export const defaultMatchingWeights: MatchingWeights = Object.freeze({
  job: Object.freeze({ sameFiche: 35, relatedMax: 28, sameDomain: 14 }),
  skills: Object.freeze({ max: 25, evidence: Object.freeze({ declared: 0.4, observed: 0.85, certified: 1 }) }),
  softSkills: Object.freeze({ max: 6 }),
  distance: Object.freeze({ max: 15, exponentWithoutVehicle: 2 }),
  availability: Object.freeze({ max: 7, graceDays: 60 }),
  workTime: Object.freeze({ max: 5, flexible: 4 }),
  contractEnd: Object.freeze({ max: 7, windowDays: 90 }),
  accommodations: Object.freeze({ excludeWhenFrenchNotAccepted: true, frenchPenalty: 15 }),
}) as MatchingWeights;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type MatchingWeightsOverrides = DeepPartial<MatchingWeights>;

export interface WeightIssue {
  /** Dotted path, e.g. `skills.evidence.observed`. */
  path: string;
  /** French, shown to the coordinator who configures the collective. */
  message: string;
}

/** Thrown by `mergeWeights`; the query service turns it into a 400 with `issues` as details. */
export class InvalidMatchingWeightsError extends Error {
  constructor(readonly issues: WeightIssue[]) {
    super(`Pondérations de matching invalides : ${issues.map((i) => `${i.path} ${i.message}`).join(' ; ')}`);
    this.name = 'InvalidMatchingWeightsError';
  }
}

/**
 * Defaults overridden by a collective's configuration (stored as JSON, hence `unknown`), validated: every number finite
 * and ≥ 0, unknown keys refused (a typo must not silently keep a default), and the orders the ranking's guarantees rest
 * on (same fiche ≥ related ≥ domain; certified ≥ observed ≥ declared). Returns a new frozen object.
 */
export function mergeWeights(
  overrides: MatchingWeightsOverrides | unknown = {},
  base: MatchingWeights = defaultMatchingWeights,
): MatchingWeights {
  const issues: WeightIssue[] = [];
  const merged = mergeNode(base as unknown as Node, overrides ?? {}, '', issues) as unknown as MatchingWeights;
  if (issues.length === 0) checkOrders(merged, issues);
  if (issues.length > 0) throw new InvalidMatchingWeightsError(issues);
  return deepFreeze(merged);
}

type Node = { [key: string]: Node | number | boolean };

function mergeNode(base: Node, override: unknown, path: string, issues: WeightIssue[]): Node {
  const out: Node = {};
  if (typeof override !== 'object' || override === null || Array.isArray(override)) {
    issues.push({ path: path || '(racine)', message: 'doit être un objet' });
    return { ...base };
  }
  const given = override as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(base, key))
      issues.push({ path: join(path, key), message: 'est une clé inconnue' });
  }
  for (const [key, baseValue] of Object.entries(base)) {
    const p = join(path, key);
    const value = given[key];
    if (value === undefined) {
      out[key] = typeof baseValue === 'object' ? mergeNode(baseValue, {}, p, issues) : baseValue;
    } else if (typeof baseValue === 'object') {
      out[key] = mergeNode(baseValue, value, p, issues);
    } else if (typeof baseValue === 'boolean') {
      if (typeof value === 'boolean') out[key] = value;
      else {
        issues.push({ path: p, message: 'doit être vrai ou faux' });
        out[key] = baseValue;
      }
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ path: p, message: 'doit être un nombre fini' });
      out[key] = baseValue;
    } else if (value < 0 || value > upperBound(p)) {
      issues.push({ path: p, message: `doit être un nombre entre 0 et ${upperBound(p)}` });
      out[key] = baseValue;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Upper bounds of the numbers a collective may set. A score is a sum of points read as a percentage: a weight of 1e308
 * made the sum overflow to Infinity and every score null. Bounds are wide (ten times the defaults' scale) so that a
 * coordinator can still stress one criterion; days within a year, the exponent within 10;
 * shares of points (skills.evidence.*) are kept ≤ 1 by checkOrders, with its own message.
 */
const UPPER_BOUNDS: Record<string, number> = {
  'distance.exponentWithoutVehicle': 10,
  'availability.graceDays': 365,
  'contractEnd.windowDays': 365,
};
const MAX_POINTS = 1000;

function upperBound(path: string): number {
  return UPPER_BOUNDS[path] ?? MAX_POINTS;
}

function checkOrders(w: MatchingWeights, issues: WeightIssue[]): void {
  const { job, skills, workTime } = w;
  if (job.relatedMax > job.sameFiche)
    issues.push({
      path: 'job.relatedMax',
      message: 'ne doit pas dépasser job.sameFiche (même fiche ROME ≥ fiche connexe)',
    });
  if (job.sameDomain > job.relatedMax)
    issues.push({
      path: 'job.sameDomain',
      message: 'ne doit pas dépasser job.relatedMax (fiche connexe ≥ même domaine)',
    });
  const e = skills.evidence;
  if (e.certified > 1)
    issues.push({
      path: 'skills.evidence.certified',
      message: 'doit être au plus 1 (part des points de la compétence)',
    });
  if (e.observed > e.certified)
    issues.push({
      path: 'skills.evidence.observed',
      message: 'ne doit pas dépasser skills.evidence.certified (certifiée ≥ observée)',
    });
  if (e.declared > e.observed)
    issues.push({
      path: 'skills.evidence.declared',
      message: 'ne doit pas dépasser skills.evidence.observed (observée ≥ déclarée)',
    });
  if (workTime.flexible > workTime.max)
    issues.push({ path: 'workTime.flexible', message: 'ne doit pas dépasser workTime.max' });
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
