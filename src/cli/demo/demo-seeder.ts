import * as argon2 from 'argon2';
import { EntityManager } from 'typeorm';
import { User } from '../../platform/auth/user.entity';
import { Collective } from '../../modules/structures/entities/collective.entity';
import { CollectiveCoordinator } from '../../modules/structures/entities/collective-coordinator.entity';
import { CollectiveMembership } from '../../modules/structures/entities/collective-membership.entity';
import { Siae } from '../../modules/structures/entities/siae.entity';
import { SiaeMembership } from '../../modules/structures/entities/siae-membership.entity';
import { seedDemoCandidates } from '../../modules/candidates/demo/demo-candidates';
import { seedDemoCompanies } from '../../modules/employer-network/demo/demo-companies';
import { DEMO_PASSWORD, demoAdminEmail, demoCollective, demoEmail, demoSiaes } from './territory';

export interface DemoSummary {
  siaes: number;
  users: number;
  collective: string;
  candidates: number;
  companies: number;
}

/** Creates or refreshes the demo territory; running it again changes nothing (natural keys: SIRET, e-mail, name). */
export async function seedDemoTerritory(manager: EntityManager): Promise<DemoSummary> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  const userByEmail = async (email: string, displayName: string, isAdmin = false): Promise<User> => {
    const existing = await manager.findOneBy(User, { email });
    if (existing) return existing;
    return manager.save(manager.create(User, { email, displayName, passwordHash, isAdmin }));
  };

  await userByEmail(demoAdminEmail, 'Administration Maillage', true);
  let users = 1;
  const siaeIds = new Map<string, string>();
  for (const demo of demoSiaes) {
    let siae = await manager.findOneBy(Siae, { siret: demo.siret });
    if (!siae) {
      siae = await manager.save(
        manager.create(Siae, {
          kind: demo.kind,
          name: demo.name,
          siret: demo.siret,
          communeCode: demo.communeCode,
          address: demo.address,
          contactEmail: demoEmail(demo.slug, 'direction'),
        }),
      );
    }
    siaeIds.set(demo.slug, siae.id);
    for (const member of demo.staff) {
      const user = await userByEmail(demoEmail(demo.slug, member.role), member.name);
      users++;
      await manager
        .createQueryBuilder()
        .insert()
        .into(SiaeMembership)
        .values({ userId: user.id, siaeId: siae.id, role: member.role })
        .orIgnore()
        .execute();
    }
  }

  let collective = await manager.findOneBy(Collective, { name: demoCollective.name });
  collective ??= await manager.save(
    manager.create(Collective, {
      name: demoCollective.name,
      territory: demoCollective.territory,
      description: demoCollective.description,
    }),
  );
  for (const siaeId of siaeIds.values()) {
    const active = await manager.findOneBy(CollectiveMembership, {
      collectiveId: collective.id,
      siaeId,
      status: 'active',
    });
    if (!active)
      await manager.save(
        manager.create(CollectiveMembership, {
          collectiveId: collective.id,
          siaeId,
          status: 'active',
          joinedAt: new Date(),
        }),
      );
  }
  const coordinator = await manager.findOneByOrFail(User, {
    email: demoEmail(demoCollective.coordinatorSlug, 'direction'),
  });
  await manager
    .createQueryBuilder()
    .insert()
    .into(CollectiveCoordinator)
    .values({ collectiveId: collective.id, userId: coordinator.id })
    .orIgnore()
    .execute();

  // Candidates are followed by the CIP of their SIAE; structures without a CIP in the demo get none.
  const withCip = demoSiaes.filter((d) => d.staff.some((m) => m.role === 'cip'));
  // One after the other: a transaction is one connection, which runs one query at a time (pg warns otherwise).
  const cipUserIds: string[] = [];
  for (const d of withCip)
    cipUserIds.push((await manager.findOneByOrFail(User, { email: demoEmail(d.slug, 'cip') })).id);
  const candidates = await seedDemoCandidates(manager, {
    siaeIds: withCip.map((d) => siaeIds.get(d.slug)!),
    cipUserIds,
    communeCodes: ['69266', '69259', '69029', '69290', '69388', '69387', '69256', '69091', '69123', '69149', '69034'],
  });

  // The companies each chargé·e de développement knows (or the direction where there is none), shared with the collective.
  const userIdBySlug = new Map<string, string>();
  for (const d of demoSiaes) {
    const role = d.staff.some((m) => m.role === 'charge_dev') ? 'charge_dev' : 'direction';
    userIdBySlug.set(d.slug, (await manager.findOneByOrFail(User, { email: demoEmail(d.slug, role) })).id);
  }
  const companies = await seedDemoCompanies(manager, {
    siaeIdBySlug: siaeIds,
    userIdBySlug,
    collectiveId: collective.id,
  });

  return {
    siaes: siaeIds.size,
    users,
    collective: collective.name,
    candidates: candidates.created + candidates.existing,
    companies: companies.created + companies.existing,
  };
}
