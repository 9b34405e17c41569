import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { AuthService } from '../../../platform/auth/auth.service';
import { User } from '../../../platform/auth/user.entity';
import { Clock } from '../../../platform/clock/clock';
import { isConstraintViolation } from '../../../platform/errors/constraint-errors';
import { AcceptInvitationDto, InvitationSessionDto } from '../dto/invitation.dto';
import { CollectiveCoordinator } from '../entities/collective-coordinator.entity';
import { SiaeMembership } from '../entities/siae-membership.entity';
import { UserInvitation } from '../entities/user-invitation.entity';
import { InvitationsService } from '../invitations.service';
import { structuresErrors } from '../structures.errors';

// The scheme name is case-insensitive (RFC 7235 §2.1).
const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i;

/**
 * Turns an invitation into a membership (SIAE role or collective coordination) and a session. A new address gets an
 * account with the password chosen here; an address that already has one must be signed in as that account, so a
 * leaked link cannot attach roles to somebody else's account or reset its password.
 */
@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(input: AcceptInvitationDto, authorization: string | undefined): Promise<InvitationSessionDto> {
    // Checks and argon2 (slow on purpose) happen before the transaction so that it stays short.
    const invitation = await this.invitations.usable(this.dataSource.manager, input.token);
    const existing = await this.accountOf(this.dataSource.manager, invitation.email);
    let passwordHash: string | null = null;
    if (existing?.passwordHash) {
      await this.assertSignedInAs(existing.id, authorization);
    } else {
      if (!input.displayName || !input.password) throw structuresErrors.invitationAccountDetailsRequired();
      passwordHash = await this.auth.hashPassword(input.password);
    }

    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // The conditional update is the single-use guard: of two concurrent acceptances, the second waits for the
      // first's row lock, re-reads the row, no longer matches `pending` and gets the reason below.
      const claimed = await manager
        .createQueryBuilder()
        .update(UserInvitation)
        .set({ status: 'accepted', acceptedAt: now })
        .where('id = :id AND status = :pending AND expires_at > :now', { id: invitation.id, pending: 'pending', now })
        .execute();
      if (claimed.affected !== 1) {
        this.invitations.assertUsable(await manager.findOneBy(UserInvitation, { id: invitation.id }));
        throw structuresErrors.invitationUsed();
      }
      const userId = await this.userFor(manager, invitation.email, existing, passwordHash, input.displayName);
      await manager.update(UserInvitation, { id: invitation.id }, { acceptedByUserId: userId });
      if (invitation.role === 'admin') {
        await manager.update(User, { id: userId }, { isAdmin: true });
      } else if (invitation.siaeId) {
        await manager.insert(SiaeMembership, {
          userId,
          siaeId: invitation.siaeId,
          role: invitation.role as SiaeMembership['role'],
        });
      } else {
        await manager.insert(CollectiveCoordinator, { userId, collectiveId: invitation.collectiveId! });
      }
      await this.audit.record(
        {
          actorUserId: userId,
          action:
            invitation.role === 'admin'
              ? 'platform.admin.joined'
              : invitation.siaeId
                ? 'siae.member.joined'
                : 'collective.coordinator.joined',
          subjectType: invitation.role === 'admin' ? 'user' : invitation.siaeId ? 'siae' : 'collective',
          subjectId: invitation.role === 'admin' ? userId : (invitation.siaeId ?? invitation.collectiveId),
          context: {
            invitationId: invitation.id,
            role: invitation.role,
            invitedBy: invitation.invitedByUserId,
            newAccount: passwordHash !== null && !existing,
          },
        },
        manager,
      );
      const session = await this.auth.openSession(manager, userId);
      return { ...session, userId };
    });
  }

  private async accountOf(manager: EntityManager, email: string): Promise<User | null> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  private async assertSignedInAs(userId: string, authorization: string | undefined): Promise<void> {
    const match = BEARER.exec(authorization ?? '');
    if (!match) throw structuresErrors.invitationNeedsLogin();
    const principal = await this.auth.authenticate(match[1]);
    if (principal.userId !== userId) throw structuresErrors.invitationOtherAccount();
  }

  /** Creates the account, or completes one that never had a password (holding the link proves the address). */
  private async userFor(
    manager: EntityManager,
    email: string,
    existing: User | null,
    passwordHash: string | null,
    displayName?: string,
  ): Promise<string> {
    if (existing && !passwordHash) return existing.id;
    if (existing) {
      // Only if still without password: an account completed meanwhile must be signed into instead.
      const completed = await manager
        .createQueryBuilder()
        .update(User)
        .set({ passwordHash, displayName, passwordChangedAt: this.clock.now() })
        .where('id = :id AND password_hash IS NULL', { id: existing.id })
        .execute();
      if (completed.affected !== 1) throw structuresErrors.invitationNeedsLogin();
      return existing.id;
    }
    try {
      const result = await manager.insert(User, { email, displayName: displayName!, passwordHash, isAdmin: false });
      return result.identifiers[0].id as string;
    } catch (error) {
      // Someone created the account between our check and this insert (another invitation accepted at once).
      if (isConstraintViolation(error, 'UQ_app_user_email')) throw structuresErrors.invitationNeedsLogin();
      throw error;
    }
  }
}
