import { adminParty, coordinatorParty, staffOf, type WriteRule } from '../structures/access/write-rules';
import { structuresErrors } from '../structures/structures.errors';

/**
 * The one write of matching on a shared object: a collective's matching weights, set by its coordinators (members and
 * the platform admin read them). `CollectiveWeightsService.put` decides it with `assertMayWrite` on this rule; the
 * access tests read the table.
 */
export const matchingWrites = {
  weights: {
    routes: ['PUT /api/collectives/:collectiveId/matching-weights'],
    guard: ['coordinator'],
    may: [coordinatorParty],
    visibleTo: [staffOf('member'), adminParty],
    refused: structuresErrors.coordinatorOnly,
    hidden: structuresErrors.collectiveNotFound,
    audit: 'collective.matching_weights.updated',
  },
} satisfies Record<string, WriteRule>;
