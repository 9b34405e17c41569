import type { DrivingLicence } from './types';

/**
 * Which held licences satisfy a required one. Heavier categories include lighter ones as the Code de la route has it
 * (C, D and their E variants are only issued to holders of B; B includes AM): asking for B must not exclude a
 * lorry driver. CACES (forklifts and site machinery) is not a road licence and only satisfies itself.
 */
const SATISFIED_BY: Record<DrivingLicence, readonly DrivingLicence[]> = {
  AM: ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C', 'CE', 'D1', 'D', 'DE'],
  A1: ['A1', 'A2', 'A'],
  A2: ['A2', 'A'],
  A: ['A'],
  B: ['B', 'BE', 'C1', 'C', 'CE', 'D1', 'D', 'DE'],
  BE: ['BE', 'CE', 'DE'],
  C1: ['C1', 'C', 'CE'],
  C: ['C', 'CE'],
  CE: ['CE'],
  D1: ['D1', 'D', 'DE'],
  D: ['D', 'DE'],
  DE: ['DE'],
  CACES: ['CACES'],
};

/** True when `required` is empty or the candidate holds a licence satisfying one of the required ones. */
export function holdsRequiredLicence(held: readonly DrivingLicence[], required: readonly DrivingLicence[]): boolean {
  if (required.length === 0) return true;
  return required.some((r) => (SATISFIED_BY[r] ?? [r]).some((l) => held.includes(l)));
}
