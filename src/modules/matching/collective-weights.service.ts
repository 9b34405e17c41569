import { matchingWrites } from './matching.permissions';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { assertMayWrite, standingIn, viewerOf } from '../structures/access';
import { Collective } from '../structures/entities/collective.entity';
import { interpretStoredWeights } from './collective-weights';
import type { CollectiveWeightsDto } from './dto/collective-weights.dto';
import { defaultMatchingWeights, InvalidMatchingWeightsError, mergeWeights } from './engine/matching-weights';
import { matchingErrors } from './matching.errors';

export const WEIGHTS_UPDATED_ACTION = matchingWrites.weights.audit;

/**
 * A collective's matching weights: everyone who may see the collective reads them (a CIP should know why a list is
 * ordered the way it is); only its coordinators change them, and every change is audited with the previous value.
 */
@Injectable()
export class CollectiveWeightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal, collectiveId: string): Promise<CollectiveWeightsDto> {
    const manager = this.dataSource.manager;
    await standingIn(manager, principal, collectiveId);
    return this.view(manager, collectiveId);
  }

  /**
   * Replaces the overrides. Checked by `mergeWeights` before anything is written (400 with its issues otherwise);
   * `{}` stores null, i.e. the defaults. The collective row is locked so that the audited "previous" value is the one
   * this write replaced, even when two coordinators save at once.
   */
  async put(
    principal: Principal,
    collectiveId: string,
    overrides: Record<string, unknown>,
  ): Promise<CollectiveWeightsDto> {
    return this.dataSource.transaction(async (manager) => {
      // The write table decides (and audits a refusal); `standingIn` would also let an invited SIAE see it, but the
      // route's guard admits coordinators only, so both answer the same to every caller that reaches here.
      assertMayWrite(viewerOf(principal), matchingWrites.weights, { collectiveIds: [collectiveId] });
      try {
        mergeWeights(overrides);
      } catch (error) {
        if (error instanceof InvalidMatchingWeightsError) throw matchingErrors.weightsInvalid(error.issues);
        throw error;
      }
      const stored = Object.keys(overrides).length === 0 ? null : overrides;
      const current = await manager.findOneOrFail(Collective, {
        where: { id: collectiveId },
        select: { id: true, matchingWeights: true },
        lock: { mode: 'pessimistic_write' },
      });
      await manager.update(Collective, { id: collectiveId }, { matchingWeights: stored });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: WEIGHTS_UPDATED_ACTION,
          subjectType: 'collective',
          subjectId: collectiveId,
          context: { previous: current.matchingWeights, overrides: stored },
        },
        manager,
      );
      return this.view(manager, collectiveId);
    });
  }

  private async view(manager: EntityManager, collectiveId: string): Promise<CollectiveWeightsDto> {
    const collective = await manager.findOneOrFail(Collective, {
      where: { id: collectiveId },
      select: { id: true, matchingWeights: true },
    });
    const { weights } = interpretStoredWeights(collective.matchingWeights);
    const changes: Array<{ at: Date; actor_user_id: string | null; display_name: string | null }> = await manager.query(
      `SELECT a.at, a.actor_user_id, u.display_name FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.subject_type = 'collective' AND a.subject_id = $1 AND a.action = $2 ORDER BY a.at DESC, a.id DESC LIMIT 1`,
      [collectiveId, WEIGHTS_UPDATED_ACTION],
    );
    const last = changes[0];
    return {
      collectiveId,
      weights: weights ?? defaultMatchingWeights,
      overrides: collective.matchingWeights,
      defaults: defaultMatchingWeights,
      lastChange: last ? { at: last.at, userId: last.actor_user_id, displayName: last.display_name } : null,
    };
  }
}
