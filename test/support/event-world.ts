import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { Fixtures } from './fixtures';
import type { TestApp } from './test-app';

/**
 * A collective for event tests: coordinated by `coord`, three member SIAE (A, B, C) each with a direction, a CIP and a
 * chargé·e de développement, and an outsider SIAE in another collective. Everybody signed in through the real login.
 */
export interface EventWorld {
  t: TestApp;
  f: Fixtures;
  collective: Collective;
  other: Collective;
  siaes: { A: Siae; B: Siae; C: Siae; X: Siae };
  users: Record<string, User>;
  auth: (who: string) => string;
}

export async function buildEventWorld(t: TestApp): Promise<EventWorld> {
  const f = new Fixtures(t);
  const collective = await f.collective({ name: 'Inter-SIAE test' });
  const other = await f.collective({ name: 'Autre collectif' });
  const siaes = {
    A: await f.siae({ name: 'SIAE A' }),
    B: await f.siae({ name: 'SIAE B' }),
    C: await f.siae({ name: 'SIAE C' }),
    X: await f.siae({ name: 'SIAE X' }),
  };
  const users: Record<string, User> = {};
  for (const [key, siae] of Object.entries(siaes)) {
    await f.collectiveMember(key === 'X' ? other : collective, siae);
    users[`dir${key}`] = await f.member(siae, 'direction');
    users[`cip${key}`] = await f.member(siae, 'cip');
    users[`dev${key}`] = await f.member(siae, 'charge_dev');
  }
  users.coord = await f.coordinator(collective);
  users.coordX = await f.coordinator(other);
  const tokens = new Map<string, string>();
  for (const [key, user] of Object.entries(users)) tokens.set(key, await f.tokenFor(user));
  return {
    t,
    f,
    collective,
    other,
    siaes,
    users,
    auth: (who) => {
      const token = tokens.get(who);
      if (!token) throw new Error(`no actor ${who}`);
      return `Bearer ${token}`;
    },
  };
}

/** A valid event body for the collective (a morning of 15-minute slots with 5 minutes between them). */
export function eventBody(collectiveId: string, overrides: Record<string, unknown> = {}) {
  return {
    collectiveId,
    title: 'Job dating logistique',
    kind: 'job_dating',
    address: '12 rue du Dauphiné',
    communeCode: '69123',
    accessNotes: 'Métro D, arrêt Grange Blanche',
    date: '2027-03-12',
    timeWindows: [{ start: '09:00', end: '10:00' }],
    slotMinutes: 15,
    changeoverMinutes: 5,
    tableCount: 4,
    defaultSiaeQuota: 5,
    ...overrides,
  };
}
