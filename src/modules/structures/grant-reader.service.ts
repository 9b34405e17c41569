import { Injectable } from '@nestjs/common';
import type { GrantReader } from '../../platform/auth/principal';

/** A person's roles for the auth guard: read on every request, so two indexed lookups folded into the session read. */
@Injectable()
export class MembershipGrantReader implements GrantReader {
  grantColumnsSql(userIdExpr: string): string {
    return `coalesce((SELECT json_agg(json_build_object('siaeId', m.siae_id, 'role', m.role) ORDER BY m.siae_id, m.role) FROM siae_membership m WHERE m.user_id = ${userIdExpr}), '[]') AS siae_grants,
            coalesce((SELECT array_agg(c.collective_id ORDER BY c.collective_id) FROM collective_coordinator c WHERE c.user_id = ${userIdExpr}), '{}') AS coordinator_of`;
  }
}
