import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GrantReader, SiaeGrant } from '../../platform/auth/principal';
import { CollectiveCoordinator } from './entities/collective-coordinator.entity';
import { SiaeMembership } from './entities/siae-membership.entity';

/** Loads a person's roles for the auth guard; read on every request, so two indexed lookups and nothing else. */
@Injectable()
export class MembershipGrantReader implements GrantReader {
  constructor(private readonly dataSource: DataSource) {}

  async grantsOf(userId: string): Promise<{ siaeGrants: SiaeGrant[]; coordinatorOf: string[] }> {
    const [memberships, coordinations] = await Promise.all([
      this.dataSource.getRepository(SiaeMembership).find({ where: { userId }, select: { siaeId: true, role: true } }),
      this.dataSource.getRepository(CollectiveCoordinator).find({ where: { userId }, select: { collectiveId: true } }),
    ]);
    return {
      siaeGrants: memberships.map((m) => ({ siaeId: m.siaeId, role: m.role })),
      coordinatorOf: coordinations.map((c) => c.collectiveId),
    };
  }
}
