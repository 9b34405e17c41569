import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GrantReader, Principal } from '../../platform/auth/principal';
import { memberCollectiveIdsSql, partnerSiaeIdsSql } from './access/membership-sql';
import { viewerOf, type Viewer } from './access/viewer';

/**
 * A person's roles and standing for the auth guard (see `access/viewer.ts`): read on every request, so folded into the
 * session read as indexed sub-selects (siae_membership by user, collective_membership by SIAE then by collective).
 */
@Injectable()
export class MembershipGrantReader implements GrantReader {
  grantColumnsSql(userIdExpr: string): string {
    const own = `ARRAY(SELECT sm.siae_id FROM siae_membership sm WHERE sm.user_id = ${userIdExpr})`;
    return `coalesce((SELECT json_agg(json_build_object('siaeId', m.siae_id, 'role', m.role) ORDER BY m.siae_id, m.role) FROM siae_membership m WHERE m.user_id = ${userIdExpr}), '[]') AS siae_grants,
            coalesce((SELECT array_agg(c.collective_id ORDER BY c.collective_id) FROM collective_coordinator c WHERE c.user_id = ${userIdExpr}), '{}') AS coordinator_of,
            coalesce((SELECT json_agg(x.m ORDER BY x.m->>'collectiveId', x.m->>'siaeId') FROM (${memberCollectiveIdsSql(own, `json_build_object('siaeId', m.siae_id, 'collectiveId', m.collective_id) AS m`)}) x), '[]') AS memberships,
            coalesce((SELECT array_agg(p.siae_id ORDER BY p.siae_id) FROM (${partnerSiaeIdsSql(own)}) p), '{}') AS partner_siae_ids`;
  }
}

/**
 * The Viewer of a user outside an HTTP request (a job acting for the user who asked, a benchmark, a test), read with
 * the same columns as the session read.
 */
export async function loadViewer(manager: EntityManager, userId: string): Promise<Viewer> {
  type Row = Pick<Principal, 'isAdmin' | 'email'> & {
    siae_grants: Principal['siaeGrants'];
    coordinator_of: string[];
    memberships: Principal['memberships'];
    partner_siae_ids: string[];
  };
  const [row]: Row[] = await manager.query(
    `SELECT u.email, u.is_admin AS "isAdmin", ${new MembershipGrantReader().grantColumnsSql('u.id')} FROM app_user u WHERE u.id = $1`,
    [userId],
  );
  if (!row) throw new Error(`loadViewer: no user ${userId}`);
  return viewerOf({
    userId,
    email: row.email,
    tokenId: '',
    isAdmin: row.isAdmin,
    siaeGrants: row.siae_grants,
    coordinatorOf: row.coordinator_of,
    memberships: row.memberships,
    partnerSiaeIds: row.partner_siae_ids,
  });
}
