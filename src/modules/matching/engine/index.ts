export * from './types';
export * from './matching-weights';
export * from './related-jobs';
export { scorePair } from './score-pair';
export {
  rankCandidatesForNeed,
  rankNeedsForCandidate,
  rankNeedScoresForCandidate,
  compareResults,
  type RankOptions,
  type Ranking,
} from './rank';
export { pairWeightForJobDating, JOB_DATING_WEIGHTS, type JobDatingPairSignals } from './job-dating-weight';
export { skillKey } from './skill-key';
export { haversineKm, EARTH_RADIUS_KM, boundingBox, withinRadiusKm, type LatLonBox } from './geo';
export { needAccommodationFields, type NeedAccommodationFields } from './need-accommodations';
