import type { EntityManager } from 'typeorm';
import type { WriteFacts } from '../structures/access/write-rules';
import type { PooledCompany } from './entities';

/**
 * What the write rules need to know of a pooled company: its collective, and the SIAE that contributed a record of it
 * (their records are involved in a pause, a split, a merge). Read in the caller's transaction, after the row is locked.
 */
export async function pooledCompanyFacts(
  manager: EntityManager,
  pooled: Pick<PooledCompany, 'id' | 'collectiveId'>,
): Promise<WriteFacts & { contributorSiaeIds: string[]; subject: { type: string; id: string } }> {
  const rows: Array<{ siae_id: string }> = await manager.query(
    `SELECT DISTINCT c.siae_id FROM pooled_company_member m JOIN company c ON c.id = m.company_id
      WHERE m.pooled_company_id = $1 ORDER BY c.siae_id`,
    [pooled.id],
  );
  return {
    collectiveIds: [pooled.collectiveId],
    contributorSiaeIds: rows.map((r) => r.siae_id),
    subject: { type: 'pooled_company', id: pooled.id },
  };
}
