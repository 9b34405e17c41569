/**
 * Reads a hiring need's accommodations (the employer-network vocabulary) into the snapshot's explicit rules, so that the
 * meaning of "not ticked" is decided here, once, and tested:
 * - `beginner_french` not ticked → beginners in French (FLE below B1) are not accepted; the reading/writing rule follows
 *   it, since the employer states one "French" accommodation;
 * - `no_driving_licence` not ticked → a licence is required, `B` unless the caller knows better (a need for a lorry
 *   driver may pass `['C', 'CE']`);
 * - `part_time` ticked → a full-time need also suits a part-time candidate.
 * `no_experience`, `no_diploma` and `reduced_mobility` are not scored: the shared profile holds no diploma or disability
 * data, and experience is not reliable enough to exclude anyone (an SIAE parcours is itself experience).
 */
import type { Accommodation } from '../../employer-network/employer-network-vocabulary';
import type { DrivingLicence, NeedSnapshot } from './types';

export type NeedAccommodationFields = Pick<
  NeedSnapshot,
  'acceptsBeginnerFrench' | 'acceptsPartTime' | 'requiredDrivingLicences'
>;

export function needAccommodationFields(
  accommodations: readonly Accommodation[],
  licenceIfRequired: readonly DrivingLicence[] = ['B'],
): NeedAccommodationFields {
  return {
    acceptsBeginnerFrench: accommodations.includes('beginner_french'),
    acceptsPartTime: accommodations.includes('part_time'),
    requiredDrivingLicences: accommodations.includes('no_driving_licence') ? [] : licenceIfRequired,
  };
}
