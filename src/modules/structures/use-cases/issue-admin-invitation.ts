import { EntityManager } from 'typeorm';
import { normaliseEmail } from '../../../platform/auth/auth.service';
import { TokenHasher } from '../../../platform/auth/token-hasher';
import { AppConfig } from '../../../platform/config/app-config';
import { UserInvitation } from '../entities/user-invitation.entity';

/** Addresses the CLI accepts (the column is 254 characters, like the other invitations). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A one-time link to administer the platform, for the operator's `create-admin` command: on a new deployment nobody can
 * sign in to invite anyone. Accepting it (POST /api/invitations/accept, like any invitation) creates the account with
 * the chosen password, or asks to be signed in as the existing one, and makes it a platform admin. Issuing again for
 * the same address replaces the pending link; only the token's HMAC is stored.
 */
export async function issueAdminInvitation(
  manager: EntityManager,
  hasher: TokenHasher,
  config: AppConfig,
  email: string,
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  const address = normaliseEmail(email);
  if (address.length > 254 || !EMAIL.test(address))
    throw new Error(`adresse e-mail invalide (254 caractères au plus) : « ${email} »`);
  await manager
    .createQueryBuilder()
    .update(UserInvitation)
    .set({ status: 'revoked', revokedAt: now })
    .where(`email = :address AND status = 'pending' AND role = 'admin'`, { address })
    .execute();
  const token = hasher.newToken();
  const expiresAt = new Date(now.getTime() + config.INVITATION_TTL_HOURS * 3_600_000);
  await manager.insert(UserInvitation, {
    email: address,
    siaeId: null,
    collectiveId: null,
    role: 'admin',
    tokenHash: hasher.hash(token),
    status: 'pending',
    invitedByUserId: null,
    expiresAt,
  });
  return { url: `${config.PUBLIC_BASE_URL}/invitation?token=${token}`, expiresAt };
}
