export { linkRecords, DEFAULT_THRESHOLD } from './link-records';
export { normaliseCompanyName } from './company-name';
export { toE164, normaliseEmail } from './phone';
export { readSiret, isValidSiret, isValidSiren } from './siret';
export { cityOf, distanceKm } from './commune';
export * from './types';
