import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { Fixtures } from './fixtures';
import type { TestApp } from './test-app';

/** The signed-in callers of the access tables: an admin, someone without role, and each role of two tenants. */
export type SignedInActor = 'admin' | 'noRole' | 'dirA' | 'cipA' | 'devA' | 'dirB' | 'cipB' | 'devB';

export interface AccessWorld {
  t: TestApp;
  f: Fixtures;
  users: Record<SignedInActor, User>;
  tokens: Map<SignedInActor, string>;
  siaeA: Siae;
  siaeB: Siae;
  c1: Collective;
  c2: Collective;
}

/**
 * Two tenants for the access tables: SIAE A in collective C1 (coordinated by A's direction), SIAE B in C2 (B's
 * direction), each with a direction, a CIP and a chargé·e de développement, all signed in.
 */
export async function buildAccessWorld(t: TestApp): Promise<AccessWorld> {
  const f = new Fixtures(t);
  const siaeA = await f.siae({ name: 'SIAE A' });
  const siaeB = await f.siae({ name: 'SIAE B' });
  const users: Record<SignedInActor, User> = {
    admin: await f.admin(),
    noRole: await f.user(),
    dirA: await f.member(siaeA, 'direction'),
    cipA: await f.member(siaeA, 'cip'),
    devA: await f.member(siaeA, 'charge_dev'),
    dirB: await f.member(siaeB, 'direction'),
    cipB: await f.member(siaeB, 'cip'),
    devB: await f.member(siaeB, 'charge_dev'),
  };
  const c1 = await f.collective({ name: 'C1' });
  const c2 = await f.collective({ name: 'C2' });
  await f.collectiveMember(c1, siaeA);
  await f.collectiveMember(c2, siaeB);
  await f.coordinator(c1, users.dirA);
  await f.coordinator(c2, users.dirB);
  const tokens = new Map<SignedInActor, string>();
  for (const [actor, user] of Object.entries(users)) tokens.set(actor as SignedInActor, await f.tokenFor(user));
  return { t, f, users, tokens, siaeA, siaeB, c1, c2 };
}
