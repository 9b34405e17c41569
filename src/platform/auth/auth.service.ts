import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { prepared } from '../database/prepared';
import { Clock } from '../clock/clock';
import { AccessToken } from './access-token.entity';
import { authErrors } from './auth.errors';
import { LoginRateLimiter } from './login-rate-limiter';
import { GRANT_READER, GrantReader, Principal, SiaeGrant } from './principal';
import { TokenHasher } from './token-hasher';
import { User } from './user.entity';

// A fixed hash verified when the account does not exist, so that response time does not reveal which e-mails exist.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$qknoi/hVot2TC8Rr3zE4cw$Q2KTqUjW4BrfJMtmh/TMtM0wmTAAejGGR7KFsV1fZkI';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly hasher: TokenHasher,
    private readonly limiter: LoginRateLimiter,
    @Inject(GRANT_READER) private readonly grants: GrantReader,
  ) {}

  hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async login(email: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date }> {
    const normalised = normaliseEmail(email);
    await this.limiter.consume(ip, normalised);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalised })
      .getOne();
    const valid = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !user.passwordHash || !valid || user.disabledAt) throw authErrors.invalidCredentials();
    await this.limiter.succeeded(ip, normalised);
    return this.openSession(this.dataSource.manager, user.id);
  }

  async openSession(manager: EntityManager, userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = this.hasher.newToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.config.SESSION_TTL_MINUTES * 60_000);
    await manager.insert(AccessToken, { userId, tokenHash: this.hasher.hash(token), expiresAt });
    return { token, expiresAt };
  }

  /** Read on every request: one statement for the session, its person and their grants (see GrantReader). */
  async authenticate(token: string): Promise<Principal> {
    type SessionRow = {
      id: string;
      user_id: string;
      expires_at: Date;
      revoked_at: Date | null;
      email: string;
      is_admin: boolean;
      disabled_at: Date | null;
      siae_grants: SiaeGrant[];
      coordinator_of: string[];
      memberships: Array<{ siaeId: string; collectiveId: string }>;
      partner_siae_ids: string[];
    };
    // Prepared once per connection (see `prepared`): it runs on every request.
    const rows = await prepared<SessionRow>(
      this.dataSource.manager,
      `SELECT t.id, t.user_id, t.expires_at, t.revoked_at, u.email, u.is_admin, u.disabled_at, ${this.grants.grantColumnsSql('t.user_id')}
         FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [this.hasher.hash(token)],
    );
    const row = rows[0];
    // No row: the token was never issued here (mistyped, truncated, forged, or signed with another TOKEN_SECRET).
    if (!row) throw authErrors.invalidToken();
    if (row.revoked_at || row.expires_at <= this.clock.now() || row.disabled_at) throw authErrors.sessionExpired();
    return {
      userId: row.user_id,
      email: row.email,
      tokenId: row.id,
      isAdmin: row.is_admin,
      siaeGrants: row.siae_grants,
      coordinatorOf: row.coordinator_of,
      memberships: row.memberships,
      partnerSiaeIds: row.partner_siae_ids,
    };
  }

  async logout(tokenId: string): Promise<void> {
    await this.dataSource
      .getRepository(AccessToken)
      .update({ id: tokenId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Changing the password closes every session, including the current one: the caller signs in again. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOneOrFail();
    if (!user.passwordHash || !(await argon2.verify(user.passwordHash, currentPassword)))
      throw authErrors.wrongCurrentPassword();
    const hash = await this.hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, userId, { passwordHash: hash, passwordChangedAt: this.clock.now() });
      await manager.update(AccessToken, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    });
  }
}
