import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { siaeIdsWith, type Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { CommuneDirectory } from './commune-directory.service';
import { CollectiveDto, CollectiveMemberDto, CreateCollectiveDto } from './dto/collective.dto';
import { CollectiveCoordinator } from './entities/collective-coordinator.entity';
import { CollectiveMembership } from './entities/collective-membership.entity';
import { Collective } from './entities/collective.entity';
import { Siae } from './entities/siae.entity';
import { standingIn } from './collectives-access';
import { assertSiaeRole } from './structures-access';
import { structuresErrors } from './structures.errors';

/** Collectives: creation and what their members and coordinators may read. */
@Injectable()
export class CollectivesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly communes: CommuneDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The founding SIAE joins at once and its direction becomes the first coordinator, so a collective is never orphaned. */
  async create(principal: Principal, input: CreateCollectiveDto): Promise<CollectiveDto> {
    assertSiaeRole(principal, input.siaeId, ['direction']);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Siae, { id: input.siaeId }))) throw structuresErrors.siaeNotFound();
      const collective = await manager.save(
        manager.create(Collective, {
          name: input.name,
          description: input.description ?? null,
          territory: input.territory ?? null,
        }),
      );
      await manager.insert(CollectiveMembership, {
        collectiveId: collective.id,
        siaeId: input.siaeId,
        status: 'active',
        invitedByUserId: principal.userId,
        joinedAt: this.clock.now(),
      });
      await manager.insert(CollectiveCoordinator, { collectiveId: collective.id, userId: principal.userId });
      await this.audit.recordMany(
        [
          {
            actorUserId: principal.userId,
            action: 'collective.created',
            subjectType: 'collective',
            subjectId: collective.id,
            context: { foundingSiaeId: input.siaeId },
          },
          {
            actorUserId: principal.userId,
            action: 'collective.membership.joined',
            subjectType: 'collective',
            subjectId: collective.id,
            context: { siaeId: input.siaeId },
          },
        ],
        manager,
      );
      return this.toDto(collective, true);
    });
  }

  /** Collectives where one of my SIAE is active, or that I coordinate; every collective for the admin. */
  async listMine(principal: Principal): Promise<CollectiveDto[]> {
    const query = this.dataSource.getRepository(Collective).createQueryBuilder('c').orderBy('c.name', 'ASC');
    if (!principal.isAdmin) {
      query.where(
        `c.id = ANY(:coordinated::uuid[]) OR EXISTS (SELECT 1 FROM collective_membership m WHERE m.collective_id = c.id AND m.status = 'active' AND m.siae_id = ANY(:mine::uuid[]))`,
        { coordinated: principal.coordinatorOf, mine: siaeIdsWith(principal) },
      );
    }
    const rows = await query.getMany();
    return rows.map((c) => this.toDto(c, principal.coordinatorOf.includes(c.id)));
  }

  async get(principal: Principal, collectiveId: string): Promise<CollectiveDto> {
    await standingIn(this.dataSource.manager, principal, collectiveId);
    const collective = await this.dataSource.getRepository(Collective).findOneByOrFail({ id: collectiveId });
    return this.toDto(collective, principal.coordinatorOf.includes(collectiveId));
  }

  /** Active members for everyone who may see the collective; coordinators also see the invitations still open. */
  async members(principal: Principal, collectiveId: string): Promise<CollectiveMemberDto[]> {
    const standing = await standingIn(this.dataSource.manager, principal, collectiveId);
    const statuses = standing === 'coordinator' || standing === 'admin' ? ['active', 'invited'] : ['active'];
    const rows = await this.dataSource
      .getRepository(CollectiveMembership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.siae', 's')
      .where('m.collective_id = :collectiveId AND m.status IN (:...statuses)', { collectiveId, statuses })
      .orderBy('s.name', 'ASC')
      .getMany();
    const communes = await this.communes.describe(rows.map((m) => m.siae!.communeCode));
    return rows.map((m) => ({
      siaeId: m.siaeId,
      name: m.siae!.name,
      kind: m.siae!.kind,
      commune: communes.get(m.siae!.communeCode)!,
      status: m.status,
      joinedAt: m.joinedAt,
    }));
  }

  private toDto(c: Collective, iCoordinate: boolean): CollectiveDto {
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      territory: c.territory,
      iCoordinate,
      createdAt: c.createdAt,
    };
  }
}
