import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { User } from '../../src/platform/auth/user.entity';
import type { SiaeRole } from '../../src/platform/auth/principal';
import { Collective } from '../../src/modules/structures/entities/collective.entity';
import { CollectiveCoordinator } from '../../src/modules/structures/entities/collective-coordinator.entity';
import {
  CollectiveMembership,
  CollectiveMembershipStatus,
} from '../../src/modules/structures/entities/collective-membership.entity';
import { Siae, SiaeKind } from '../../src/modules/structures/entities/siae.entity';
import { SiaeMembership } from '../../src/modules/structures/entities/siae-membership.entity';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'mot-de-passe-de-test-42';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

/** Valid SIRET (Luhn) derived from a counter, so builders never collide on the unique index. */
export function validSiret(seed = Math.floor(Math.random() * 1e12)): string {
  const base = String(seed).padStart(13, '0').slice(-13);
  for (let check = 0; check <= 9; check++) {
    const candidate = base + check;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(candidate[13 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** Builders that insert through the real entities (and constraints) of a test database. */
export class Fixtures {
  constructor(private readonly t: TestApp) {}

  private get ds(): DataSource {
    return this.t.dataSource;
  }

  async user(overrides: Partial<User> = {}): Promise<User> {
    passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
    return this.ds.getRepository(User).save({
      email: `user-${unique()}@exemple.fr`,
      displayName: 'Camille Test',
      passwordHash: await passwordHash,
      isAdmin: false,
      ...overrides,
    });
  }

  async siae(overrides: Partial<Siae> = {}): Promise<Siae> {
    return this.ds.getRepository(Siae).save({
      kind: 'ACI' as SiaeKind,
      name: `SIAE ${unique()}`,
      siret: validSiret(),
      communeCode: '69123',
      ...overrides,
    });
  }

  async member(siae: Siae, role: SiaeRole, overrides: Partial<User> = {}): Promise<User> {
    const user = await this.user(overrides);
    await this.ds.getRepository(SiaeMembership).save({ userId: user.id, siaeId: siae.id, role });
    return user;
  }

  async collective(overrides: Partial<Collective> = {}): Promise<Collective> {
    return this.ds.getRepository(Collective).save({ name: `Collectif ${unique()}`, ...overrides });
  }

  async coordinator(collective: Collective, user?: User): Promise<User> {
    const coordinator = user ?? (await this.user());
    await this.ds.getRepository(CollectiveCoordinator).save({ collectiveId: collective.id, userId: coordinator.id });
    return coordinator;
  }

  /** An SIAE's place in a collective (active by default, as if its direction had accepted). */
  async collectiveMember(
    collective: Collective,
    siae: Siae,
    status: CollectiveMembershipStatus = 'active',
  ): Promise<CollectiveMembership> {
    return this.ds.getRepository(CollectiveMembership).save({
      collectiveId: collective.id,
      siaeId: siae.id,
      status,
      invitedByUserId: null,
      joinedAt: status === 'active' ? new Date() : null,
    });
  }

  async admin(overrides: Partial<User> = {}): Promise<User> {
    return this.user({ displayName: 'Admin Plateforme', ...overrides, isAdmin: true });
  }

  /** Signs in through the real login route and returns the bearer token. */
  async tokenFor(user: User): Promise<string> {
    const response = await this.t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  }
}
