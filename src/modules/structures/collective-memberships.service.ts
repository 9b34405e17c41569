import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { User } from '../../platform/auth/user.entity';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { MailService } from '../notifications/mail.service';
import { CollectiveMemberDto, InviteSiaeDto } from './dto/collective.dto';
import { CollectiveMembership, CollectiveMembershipStatus } from './entities/collective-membership.entity';
import { Collective } from './entities/collective.entity';
import { SiaeMembership } from './entities/siae-membership.entity';
import { Siae } from './entities/siae.entity';
import { CommuneDirectory } from './commune-directory.service';
import { assertCoordinatorOf } from './collectives-access';
import { assertSiaeRole } from './structures-access';
import { structuresErrors } from './structures.errors';
import { commonErrors } from '../../platform/errors/app-error';

/**
 * An SIAE joins a collective only by its own direction's decision: a coordinator invites, the direction accepts or
 * declines, and may leave later. Each step is a sharing decision and is audited in the same transaction.
 */
@Injectable()
export class CollectiveMembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly communes: CommuneDirectory,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async invite(principal: Principal, collectiveId: string, input: InviteSiaeDto): Promise<CollectiveMemberDto> {
    if ((input.siaeId === undefined) === (input.siret === undefined)) {
      throw commonErrors.validation([
        { field: 'siaeId', problems: ["donnez soit l'identifiant de la structure, soit son SIRET, pas les deux"] },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      await assertCoordinatorOf(manager, principal, collectiveId);
      const collective = await manager.findOneByOrFail(Collective, { id: collectiveId });
      const siae = await manager.findOneBy(Siae, input.siaeId ? { id: input.siaeId } : { siret: input.siret });
      if (!siae) throw structuresErrors.siaeNotFound();
      const membership = await manager.save(
        manager.create(CollectiveMembership, {
          collectiveId,
          siaeId: siae.id,
          status: 'invited',
          invitedByUserId: principal.userId,
        }),
      );
      const inviter = await manager.findOneByOrFail(User, { id: principal.userId });
      const directions = await manager.find(SiaeMembership, {
        where: { siaeId: siae.id, role: 'direction' },
        relations: { user: true },
      });
      for (const direction of directions.filter((d) => !d.user!.disabledAt)) {
        await this.mail.send(manager, direction.user!.email, 'collective-invitation', {
          collective: collective.name,
          siae: siae.name,
          inviterName: inviter.displayName,
          url: `${this.config.PUBLIC_BASE_URL}/structures/${siae.id}/collectifs`,
        });
      }
      await this.record(manager, principal, 'collective.membership.invited', collectiveId, siae.id, {
        notified: directions.length,
      });
      const communes = await this.communes.describe([siae.communeCode], manager);
      return {
        siaeId: siae.id,
        name: siae.name,
        kind: siae.kind,
        commune: communes.get(siae.communeCode)!,
        status: membership.status,
        joinedAt: null,
      };
    });
  }

  accept(principal: Principal, collectiveId: string, siaeId: string): Promise<void> {
    return this.transition(principal, collectiveId, siaeId, 'invited', 'active', 'collective.membership.accepted');
  }

  decline(principal: Principal, collectiveId: string, siaeId: string): Promise<void> {
    return this.transition(principal, collectiveId, siaeId, 'invited', 'declined', 'collective.membership.declined');
  }

  /** Coordinators from the leaving SIAE keep their role: the collective decides that, not the departure. */
  leave(principal: Principal, collectiveId: string, siaeId: string): Promise<void> {
    return this.transition(principal, collectiveId, siaeId, 'active', 'left', 'collective.membership.left');
  }

  /**
   * The direction of `siaeId` decides. A conditional update is the guard: two clicks or two directions deciding at
   * once change the row once, and the second is told there is nothing left to decide.
   */
  private async transition(
    principal: Principal,
    collectiveId: string,
    siaeId: string,
    from: CollectiveMembershipStatus,
    to: CollectiveMembershipStatus,
    action: string,
  ): Promise<void> {
    assertSiaeRole(principal, siaeId, ['direction']);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const changes: Partial<CollectiveMembership> = { status: to };
      if (to === 'active') changes.joinedAt = now;
      if (to === 'left') changes.leftAt = now;
      const result = await manager
        .createQueryBuilder()
        .update(CollectiveMembership)
        .set(changes)
        .where({ collectiveId, siaeId, status: from })
        .execute();
      if (result.affected !== 1) {
        // Invited to another collective, or never: the same answer, so ids cannot be probed.
        throw from === 'invited'
          ? structuresErrors.collectiveInvitationNotFound()
          : structuresErrors.notActiveInCollective();
      }
      await this.record(manager, principal, action, collectiveId, siaeId, {});
    });
  }

  private record(
    manager: EntityManager,
    principal: Principal,
    action: string,
    collectiveId: string,
    siaeId: string,
    context: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        actorUserId: principal.userId,
        action,
        subjectType: 'collective',
        subjectId: collectiveId,
        context: { siaeId, ...context },
      },
      manager,
    );
  }
}
