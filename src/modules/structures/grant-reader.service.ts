import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GrantReader, SiaeGrant } from '../../platform/auth/principal';

/** Loads a person's roles for the auth guard; read on every request, so one statement of two indexed lookups. */
@Injectable()
export class MembershipGrantReader implements GrantReader {
  constructor(private readonly dataSource: DataSource) {}

  async grantsOf(userId: string): Promise<{ siaeGrants: SiaeGrant[]; coordinatorOf: string[] }> {
    const [row]: Array<{ siae_grants: SiaeGrant[]; coordinator_of: string[] }> = await this.dataSource.query(
      `SELECT coalesce((SELECT json_agg(json_build_object('siaeId', m.siae_id, 'role', m.role) ORDER BY m.siae_id, m.role) FROM siae_membership m WHERE m.user_id = $1), '[]') AS siae_grants,
              coalesce((SELECT array_agg(c.collective_id ORDER BY c.collective_id) FROM collective_coordinator c WHERE c.user_id = $1), '{}') AS coordinator_of`,
      [userId],
    );
    return { siaeGrants: row.siae_grants, coordinatorOf: row.coordinator_of };
  }
}
