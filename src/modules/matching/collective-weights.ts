import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Collective } from '../structures/entities/collective.entity';
import {
  InvalidMatchingWeightsError,
  mergeWeights,
  type MatchingWeights,
  type WeightIssue,
} from './engine/matching-weights';

const logger = new Logger('CollectiveWeights');

/** What a stored value means for the engine: the collective's weights, or none (the defaults apply). */
export type StoredWeights =
  { weights: MatchingWeights; issues: null } | { weights: null; issues: WeightIssue[] | null };

/**
 * Reads a collective's stored overrides as the engine's weights. Null (no overrides, or `{}`) → `weights: null`.
 * An invalid stored value cannot come through the API (validated before writing) but could through SQL or a change of
 * the weights' vocabulary: it is reported in `issues` and the defaults apply, so that a bad row never breaks a match list.
 */
export function interpretStoredWeights(stored: unknown): StoredWeights {
  if (stored === null || stored === undefined) return { weights: null, issues: null };
  if (typeof stored === 'object' && !Array.isArray(stored) && Object.keys(stored).length === 0)
    return { weights: null, issues: null };
  try {
    return { weights: mergeWeights(stored), issues: null };
  } catch (error) {
    if (error instanceof InvalidMatchingWeightsError) return { weights: null, issues: error.issues };
    throw error;
  }
}

/**
 * The weights a match list should use for a collective: its overrides merged over the defaults, or null when it has
 * none (the caller then uses `defaultMatchingWeights` and may say `weights: 'default'`). A stored value that
 * `mergeWeights` refuses is logged and treated as "none": the defaults. An unknown collective also gives null.
 */
export async function loadCollectiveWeights(
  manager: EntityManager,
  collectiveId: string,
): Promise<MatchingWeights | null> {
  const row = await manager.findOne(Collective, {
    where: { id: collectiveId },
    select: { id: true, matchingWeights: true },
  });
  const { weights, issues } = interpretStoredWeights(row?.matchingWeights);
  if (issues) logger.error({ msg: 'stored matching weights are invalid: the defaults apply', collectiveId, issues });
  return weights;
}
