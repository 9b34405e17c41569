import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { hasSiaeRole, type Principal, SiaeRole } from '../../platform/auth/principal';
import { SiaeMemberDto } from './dto/siae.dto';
import { SiaeMembership } from './entities/siae-membership.entity';
import { Siae } from './entities/siae.entity';
import { assertSiaeRole, assertSiaeVisible } from './structures-access';
import { structuresErrors } from './structures.errors';

/** The people of an SIAE and their roles. The last direction can be neither removed nor demoted. */
@Injectable()
export class SiaeMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Colleagues see names and roles; e-mail addresses are for the direction (who administers accounts) and the admin. */
  async list(principal: Principal, siaeId: string): Promise<SiaeMemberDto[]> {
    assertSiaeVisible(principal, siaeId);
    const withContacts = principal.isAdmin || hasSiaeRole(principal, siaeId, ['direction']);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Siae, { id: siaeId }))) throw structuresErrors.siaeNotFound();
      const rows = await manager.find(SiaeMembership, {
        where: { siaeId },
        relations: { user: true },
        order: { createdAt: 'ASC' },
      });
      if (withContacts) {
        await this.audit.record(
          {
            actorUserId: principal.userId,
            action: 'siae.members.contacts.read',
            subjectType: 'siae',
            subjectId: siaeId,
            context: { count: rows.length },
          },
          manager,
        );
      }
      return rows.map((m) => ({
        userId: m.userId,
        displayName: m.user!.displayName,
        role: m.role,
        ...(withContacts ? { email: m.user!.email } : {}),
        since: m.createdAt,
      }));
    });
  }

  async changeRole(principal: Principal, siaeId: string, userId: string, role: SiaeRole): Promise<SiaeMemberDto> {
    assertSiaeRole(principal, siaeId, ['direction']);
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, siaeId, userId);
      if (membership.role === 'direction' && role !== 'direction')
        await this.assertAnotherDirection(manager, siaeId, userId);
      const previous = membership.role;
      await manager.update(SiaeMembership, { id: membership.id }, { role });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'siae.member.role_changed',
          subjectType: 'siae',
          subjectId: siaeId,
          context: { userId, from: previous, to: role },
        },
        manager,
      );
      return {
        userId,
        displayName: membership.user!.displayName,
        role,
        email: membership.user!.email,
        since: membership.createdAt,
      };
    });
  }

  async remove(principal: Principal, siaeId: string, userId: string): Promise<void> {
    assertSiaeRole(principal, siaeId, ['direction']);
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, siaeId, userId);
      if (membership.role === 'direction') await this.assertAnotherDirection(manager, siaeId, userId);
      await manager.delete(SiaeMembership, { id: membership.id });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'siae.member.removed',
          subjectType: 'siae',
          subjectId: siaeId,
          context: { userId, role: membership.role },
        },
        manager,
      );
    });
  }

  /**
   * Locks the SIAE row first: two directions removing each other at the same time are serialised, and the second sees
   * that only one direction is left.
   */
  private async lockedMembership(manager: EntityManager, siaeId: string, userId: string): Promise<SiaeMembership> {
    const siae = await manager.findOne(Siae, { where: { id: siaeId }, lock: { mode: 'pessimistic_write' } });
    if (!siae) throw structuresErrors.siaeNotFound();
    const membership = await manager.findOne(SiaeMembership, { where: { siaeId, userId }, relations: { user: true } });
    if (!membership) throw structuresErrors.memberNotFound();
    return membership;
  }

  private async assertAnotherDirection(manager: EntityManager, siaeId: string, userId: string): Promise<void> {
    const others = await manager
      .getRepository(SiaeMembership)
      .createQueryBuilder('m')
      .where('m.siae_id = :siaeId AND m.role = :role AND m.user_id <> :userId', { siaeId, role: 'direction', userId })
      .getCount();
    if (others === 0) throw structuresErrors.lastDirection();
  }
}
