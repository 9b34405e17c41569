/**
 * Test-only builders and fast-check arbitraries for the matching engine: snapshots around Lyon, with a small pool of
 * ROME fiches so that same fiche, related fiche, same domain and nothing all occur, and skill labels written in the
 * variants people actually type (case, accents, articles).
 */
import fc from 'fast-check';
import { softSkillCodes } from '../../../candidates/candidate-vocabulary';
import { defaultMatchingWeights, mergeWeights, type MatchingWeights } from '../matching-weights';
import { relatedJobsFromRows, type RelatedJobRow } from '../related-jobs';
import type { CandidateSnapshot, DrivingLicence, MatchingContext, NeedSnapshot, TransportMean } from '../types';

export const TODAY = '2027-03-01';

export const RELATED_ROWS: RelatedJobRow[] = [
  { ficheCode: 'K2204', relatedCode: 'N1105', score: 0.42 },
  { ficheCode: 'N1103', relatedCode: 'N1105', score: 0.9 },
  { ficheCode: 'H2909', relatedCode: 'H2913', score: 0.05 },
  { ficheCode: 'A1203', relatedCode: 'K2204', score: 0.2 },
];
export const FICHES = ['K2204', 'K2201', 'N1103', 'N1105', 'H2909', 'H2913', 'A1203', 'G1603'];
export const SKILL_LABELS = [
  'Soudure',
  'soudure',
  "Conduite d'engins",
  'conduite des engins',
  'Nettoyage des locaux',
  'Préparation de commandes',
  'preparation commandes',
  'Caisse',
  'Cariste',
];

export function context(weights: MatchingWeights = defaultMatchingWeights, today = TODAY): MatchingContext {
  return { today, weights, relatedJobs: relatedJobsFromRows(RELATED_ROWS) };
}

export const LYON = { communeCode: '69123', latitude: 45.758, longitude: 4.835 };
export const VILLEURBANNE = { communeCode: '69266', latitude: 45.7719, longitude: 4.8902 };
export const VIENNE = { communeCode: '38544', latitude: 45.5255, longitude: 4.8746 };

export function candidate(over: Partial<CandidateSnapshot> = {}): CandidateSnapshot {
  return {
    id: 'c1',
    targetJobs: [{ ogrCode: '12345', ficheCode: 'K2204' }],
    skills: [],
    softSkills: [],
    location: LYON,
    mobilityRadiusKm: 20,
    transportMeans: ['car'],
    drivingLicences: ['B'],
    languages: [{ language: 'fr', level: 'native' }],
    frenchAsForeignLanguage: false,
    literacyDifficulty: false,
    availableFrom: null,
    workTime: 'either',
    contractEnd: null,
    ...over,
  };
}

export function need(over: Partial<NeedSnapshot> = {}): NeedSnapshot {
  return {
    id: 'n1',
    ogrCode: '12345',
    ficheCode: 'K2204',
    location: VILLEURBANNE,
    startDate: null,
    workTime: 'full_time',
    hoursPerWeek: 35,
    acceptsBeginnerFrench: true,
    requiredDrivingLicences: [],
    skills: [],
    softSkills: [],
    ...over,
  };
}

const dayOffset = (days: number): string => new Date(Date.UTC(2027, 2, 1 + days)).toISOString().slice(0, 10);

export const pointArb = fc.record({
  communeCode: fc.constantFrom('69123', '69266', '38544', '69029', '01053', '42218'),
  latitude: fc.double({ min: 45.4, max: 46.1, noNaN: true }),
  longitude: fc.double({ min: 4.4, max: 5.3, noNaN: true }),
});
const licenceArb = fc.subarray<DrivingLicence>(['B', 'C', 'CE', 'BE', 'A', 'CACES']);
const transportArb = fc.subarray<TransportMean>([
  'car',
  'motorbike',
  'bicycle',
  'public_transport',
  'walking',
  'carpool',
]);
const softArb = fc.subarray(softSkillCodes.slice(0, 6));

export const candidateArb: fc.Arbitrary<CandidateSnapshot> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  targetJobs: fc.array(
    fc.record({ ogrCode: fc.constantFrom('11111', '12345', '22222'), ficheCode: fc.constantFrom(...FICHES) }),
    { maxLength: 3 },
  ),
  skills: fc.array(
    fc.record({
      label: fc.constantFrom(...SKILL_LABELS),
      evidenceLevel: fc.constantFrom('declared' as const, 'observed' as const, 'certified' as const),
    }),
    { maxLength: 5 },
  ),
  softSkills: softArb,
  location: pointArb,
  mobilityRadiusKm: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constant(0)),
  transportMeans: transportArb,
  drivingLicences: licenceArb,
  languages: fc
    .option(fc.constantFrom('A1' as const, 'A2' as const, 'B1' as const, 'C2' as const, 'native' as const), {
      nil: undefined,
    })
    .map((level) => (level ? [{ language: 'fr', level }] : [])),
  frenchAsForeignLanguage: fc.boolean(),
  literacyDifficulty: fc.boolean(),
  availableFrom: fc.option(fc.integer({ min: -30, max: 200 }).map(dayOffset), { nil: null }),
  workTime: fc.constantFrom('full_time' as const, 'part_time' as const, 'either' as const, null),
  contractEnd: fc.option(fc.integer({ min: -20, max: 400 }).map(dayOffset), { nil: null }),
});

export const needArb: fc.Arbitrary<NeedSnapshot> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  ogrCode: fc.constantFrom('11111', '12345'),
  ficheCode: fc.constantFrom(...FICHES),
  location: fc.option(pointArb, { nil: null, freq: 8 }),
  startDate: fc.option(fc.integer({ min: -10, max: 120 }).map(dayOffset), { nil: null }),
  workTime: fc.constantFrom('full_time' as const, 'part_time' as const, null),
  hoursPerWeek: fc.option(fc.integer({ min: 5, max: 39 }), { nil: null }),
  acceptsBeginnerFrench: fc.boolean(),
  acceptsReadingWritingDifficulty: fc.option(fc.boolean(), { nil: undefined }),
  acceptsPartTime: fc.option(fc.boolean(), { nil: undefined }),
  requiredDrivingLicences: fc.constantFrom<DrivingLicence[]>([], [], ['B'], ['C'], ['C', 'CE']),
  skills: fc.subarray(SKILL_LABELS),
  softSkills: softArb,
});

/** Candidates with distinct ids (a ranking refuses duplicates). */
export const candidatesArb = (maxLength = 25): fc.Arbitrary<CandidateSnapshot[]> =>
  fc.uniqueArray(candidateArb, { selector: (c) => c.id, maxLength });
export const needsArb = (maxLength = 25): fc.Arbitrary<NeedSnapshot[]> =>
  fc.uniqueArray(needArb, { selector: (n) => n.id, maxLength });

/** Any configuration a collective could save (valid by construction: orders respected). */
export const weightsArb: fc.Arbitrary<MatchingWeights> = fc
  .record({
    fiche: fc.integer({ min: 0, max: 60 }),
    relatedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    domainShare: fc.double({ min: 0, max: 1, noNaN: true }),
    skills: fc.integer({ min: 0, max: 40 }),
    certified: fc.double({ min: 0, max: 1, noNaN: true }),
    observedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    declaredShare: fc.double({ min: 0, max: 1, noNaN: true }),
    soft: fc.integer({ min: 0, max: 20 }),
    distance: fc.integer({ min: 0, max: 30 }),
    exponent: fc.double({ min: 0, max: 4, noNaN: true }),
    availability: fc.integer({ min: 0, max: 20 }),
    grace: fc.integer({ min: 0, max: 120 }),
    workTime: fc.integer({ min: 0, max: 10 }),
    flexibleShare: fc.double({ min: 0, max: 1, noNaN: true }),
    contract: fc.integer({ min: 0, max: 20 }),
    window: fc.integer({ min: 0, max: 200 }),
    exclude: fc.boolean(),
    penalty: fc.integer({ min: 0, max: 40 }),
  })
  .map((r) => {
    const relatedMax = r.fiche * r.relatedShare;
    const observed = r.certified * r.observedShare;
    return mergeWeights({
      job: { sameFiche: r.fiche, relatedMax, sameDomain: relatedMax * r.domainShare },
      skills: { max: r.skills, evidence: { certified: r.certified, observed, declared: observed * r.declaredShare } },
      softSkills: { max: r.soft },
      distance: { max: r.distance, exponentWithoutVehicle: r.exponent },
      availability: { max: r.availability, graceDays: r.grace },
      workTime: { max: r.workTime, flexible: r.workTime * r.flexibleShare },
      contractEnd: { max: r.contract, windowDays: r.window },
      accommodations: { excludeWhenFrenchNotAccepted: r.exclude, frenchPenalty: r.penalty },
    });
  });
