import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { normaliseEmail } from '../../platform/auth/auth.service';
import type { Principal } from '../../platform/auth/principal';
import { TokenHasher } from '../../platform/auth/token-hasher';
import { User } from '../../platform/auth/user.entity';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { MailService } from '../notifications/mail.service';
import { InvitationDto, InvitationPreviewDto } from './dto/invitation.dto';
import { CollectiveCoordinator } from './entities/collective-coordinator.entity';
import { Collective } from './entities/collective.entity';
import { SiaeMembership } from './entities/siae-membership.entity';
import { Siae } from './entities/siae.entity';
import { InvitationRole, UserInvitation } from './entities/user-invitation.entity';
import { assertCoordinatorOf } from './collectives-access';
import { assertSiaeRole, roleLabels } from './structures-access';
import { structuresErrors } from './structures.errors';

export type InvitationTarget =
  { siaeId: string; collectiveId?: undefined } | { collectiveId: string; siaeId?: undefined };

/** Tokens are 32 random bytes in base64url: anything else cannot be one and is answered without a query. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Issues, lists and revokes invitations; accepting one is `AcceptInvitation`. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: TokenHasher,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Re-inviting the same address replaces the pending invitation (the old link stops working), so there is never
   * more than one live link per person and target; the partial unique index makes that hold under races too.
   */
  async issue(
    manager: EntityManager,
    target: InvitationTarget,
    email: string,
    role: InvitationRole,
    inviterId: string,
  ): Promise<InvitationDto> {
    const address = normaliseEmail(email);
    const now = this.clock.now();
    const organisation = await this.organisationOf(manager, target);
    if (await this.alreadyIn(manager, target, address)) throw structuresErrors.alreadyMember();
    await manager
      .createQueryBuilder()
      .update(UserInvitation)
      .set({ status: 'revoked', revokedAt: now })
      .where('email = :address AND status = :pending', { address, pending: 'pending' })
      .andWhere(target.siaeId ? 'siae_id = :id' : 'collective_id = :id', { id: target.siaeId ?? target.collectiveId })
      .execute();
    const token = this.hasher.newToken();
    const expiresAt = new Date(now.getTime() + this.config.INVITATION_TTL_HOURS * 3_600_000);
    const invitation = await manager.save(
      manager.create(UserInvitation, {
        email: address,
        siaeId: target.siaeId ?? null,
        collectiveId: target.collectiveId ?? null,
        role,
        tokenHash: this.hasher.hash(token),
        status: 'pending',
        invitedByUserId: inviterId,
        expiresAt,
      }),
    );
    const inviter = await manager.findOneByOrFail(User, { id: inviterId });
    await this.mail.send(manager, address, 'user-invitation', {
      inviterName: inviter.displayName,
      organisation,
      role: roleLabels[role],
      url: `${this.config.PUBLIC_BASE_URL}/invitation?token=${token}`,
      expiresAt,
    });
    return this.toDto(invitation);
  }

  inviteToSiae(principal: Principal, siaeId: string, email: string, role: InvitationRole): Promise<InvitationDto> {
    assertSiaeRole(principal, siaeId, ['direction'], { admin: true });
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Siae, { id: siaeId }))) throw structuresErrors.siaeNotFound();
      return this.issue(manager, { siaeId }, email, role, principal.userId);
    });
  }

  inviteCoordinator(principal: Principal, collectiveId: string, email: string): Promise<InvitationDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertCoordinatorOf(manager, principal, collectiveId);
      return this.issue(manager, { collectiveId }, email, 'coordinator', principal.userId);
    });
  }

  async listForSiae(principal: Principal, siaeId: string): Promise<InvitationDto[]> {
    assertSiaeRole(principal, siaeId, ['direction'], { admin: true });
    const rows = await this.dataSource
      .getRepository(UserInvitation)
      .find({ where: { siaeId }, order: { createdAt: 'DESC' }, take: 500 });
    return rows.map((r) => this.toDto(r));
  }

  async listForCollective(principal: Principal, collectiveId: string): Promise<InvitationDto[]> {
    await assertCoordinatorOf(this.dataSource.manager, principal, collectiveId);
    const rows = await this.dataSource
      .getRepository(UserInvitation)
      .find({ where: { collectiveId }, order: { createdAt: 'DESC' }, take: 500 });
    return rows.map((r) => this.toDto(r));
  }

  /** The direction of the SIAE (or a coordinator of the collective) may revoke; anyone else is told it does not exist. */
  async revoke(principal: Principal, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(UserInvitation, {
        where: { id: invitationId },
        lock: { mode: 'pessimistic_write' },
      });
      const allowed =
        invitation &&
        (principal.isAdmin ||
          (invitation.siaeId !== null &&
            principal.siaeGrants.some((g) => g.siaeId === invitation.siaeId && g.role === 'direction')) ||
          (invitation.collectiveId !== null && principal.coordinatorOf.includes(invitation.collectiveId)));
      if (!invitation || !allowed) throw structuresErrors.invitationNotFound();
      if (invitation.status !== 'pending') throw structuresErrors.invitationNotPending();
      await manager.update(UserInvitation, { id: invitation.id }, { status: 'revoked', revokedAt: this.clock.now() });
    });
  }

  /** Finds a usable invitation by its token, or throws the reason it cannot be used. */
  async usable(manager: EntityManager, token: string): Promise<UserInvitation> {
    if (!INVITATION_TOKEN_PATTERN.test(token)) throw structuresErrors.invitationNotFound();
    const invitation = await manager.findOneBy(UserInvitation, { tokenHash: this.hasher.hash(token) });
    this.assertUsable(invitation);
    return invitation!;
  }

  assertUsable(invitation: UserInvitation | null): void {
    if (!invitation) throw structuresErrors.invitationNotFound();
    if (invitation.status === 'accepted') throw structuresErrors.invitationUsed();
    if (invitation.status === 'revoked') throw structuresErrors.invitationRevoked();
    if (invitation.expiresAt <= this.clock.now()) throw structuresErrors.invitationExpired();
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const manager = this.dataSource.manager;
    const invitation = await this.usable(manager, token);
    const platform = invitation.role === 'admin';
    const target: InvitationTarget = invitation.siaeId
      ? { siaeId: invitation.siaeId }
      : { collectiveId: invitation.collectiveId! };
    return {
      target: platform ? 'platform' : invitation.siaeId ? 'siae' : 'collective',
      organisationName: platform ? 'Maillage' : await this.organisationOf(manager, target, false),
      role: invitation.role,
      roleLabel: roleLabels[invitation.role],
      expiresAt: invitation.expiresAt,
      accountExists: await manager.existsBy(User, { email: invitation.email }),
    };
  }

  toDto(row: UserInvitation): InvitationDto {
    const expired = row.status === 'pending' && row.expiresAt <= this.clock.now();
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      status: expired ? 'expired' : row.status,
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
    };
  }

  private async organisationOf(manager: EntityManager, target: InvitationTarget, withArticle = true): Promise<string> {
    if (target.siaeId) {
      const siae = await manager.findOneBy(Siae, { id: target.siaeId });
      if (!siae) throw structuresErrors.siaeNotFound();
      return siae.name;
    }
    const collective = await manager.findOneBy(Collective, { id: target.collectiveId });
    if (!collective) throw structuresErrors.collectiveNotFound();
    return withArticle ? `le collectif « ${collective.name} »` : collective.name;
  }

  private async alreadyIn(manager: EntityManager, target: InvitationTarget, email: string): Promise<boolean> {
    const user = await manager.findOneBy(User, { email });
    if (!user) return false;
    return target.siaeId
      ? manager.existsBy(SiaeMembership, { userId: user.id, siaeId: target.siaeId })
      : manager.existsBy(CollectiveCoordinator, { userId: user.id, collectiveId: target.collectiveId });
  }
}
