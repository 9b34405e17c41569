import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { CoordinatorDto } from './dto/collective.dto';
import { CollectiveCoordinator } from './entities/collective-coordinator.entity';
import { CollectiveMembership } from './entities/collective-membership.entity';
import { Collective } from './entities/collective.entity';
import { SiaeMembership } from './entities/siae-membership.entity';
import { assertCoordinatorOf, standingIn } from './collectives-access';
import { structuresErrors } from './structures.errors';

/** Who runs a collective. Directly added coordinators come from member SIAE; outsiders are invited by e-mail. */
@Injectable()
export class CollectiveCoordinatorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, collectiveId: string): Promise<CoordinatorDto[]> {
    await standingIn(this.dataSource.manager, principal, collectiveId);
    const rows = await this.dataSource
      .getRepository(CollectiveCoordinator)
      .find({ where: { collectiveId }, relations: { user: true }, order: { createdAt: 'ASC' } });
    return rows.map((c) => ({ userId: c.userId, displayName: c.user!.displayName, since: c.createdAt }));
  }

  async add(principal: Principal, collectiveId: string, userId: string): Promise<CoordinatorDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertCoordinatorOf(manager, principal, collectiveId);
      const membership = await manager
        .getRepository(SiaeMembership)
        .createQueryBuilder('sm')
        .innerJoinAndSelect('sm.user', 'u')
        .innerJoin(
          CollectiveMembership,
          'cm',
          `cm.siae_id = sm.siae_id AND cm.collective_id = :collectiveId AND cm.status = 'active'`,
          { collectiveId },
        )
        .where('sm.user_id = :userId', { userId })
        .getOne();
      if (!membership) throw structuresErrors.coordinatorMustBeMember();
      if (await manager.existsBy(CollectiveCoordinator, { collectiveId, userId }))
        throw structuresErrors.alreadyCoordinator();
      await manager.insert(CollectiveCoordinator, { collectiveId, userId });
      await this.record(manager, principal, 'collective.coordinator.added', collectiveId, userId);
      const row = await manager.findOneByOrFail(CollectiveCoordinator, { collectiveId, userId });
      return { userId, displayName: membership.user!.displayName, since: row.createdAt };
    });
  }

  /** Locks the collective so that two coordinators removing each other cannot leave it with none. */
  async remove(principal: Principal, collectiveId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await assertCoordinatorOf(manager, principal, collectiveId);
      await manager.findOne(Collective, { where: { id: collectiveId }, lock: { mode: 'pessimistic_write' } });
      const coordinators = await manager.find(CollectiveCoordinator, {
        where: { collectiveId },
        select: { userId: true },
      });
      if (!coordinators.some((c) => c.userId === userId)) throw structuresErrors.coordinatorNotFound();
      if (coordinators.length === 1) throw structuresErrors.lastCoordinator();
      await manager.delete(CollectiveCoordinator, { collectiveId, userId });
      await this.record(manager, principal, 'collective.coordinator.removed', collectiveId, userId);
    });
  }

  private record(
    manager: EntityManager,
    principal: Principal,
    action: string,
    collectiveId: string,
    userId: string,
  ): Promise<void> {
    return this.audit.record(
      {
        actorUserId: principal.userId,
        action,
        subjectType: 'collective',
        subjectId: collectiveId,
        context: { userId },
      },
      manager,
    );
  }
}
