import { EntityManager, In } from 'typeorm';
import { PooledCompany } from './entities';
import type { RecordState, RelinkOutcome } from './linking/incremental';
import type { SnapshotRow } from './pooling-snapshot';

export interface WriteInput {
  collectiveId: string;
  outcome: RelinkOutcome;
  rows: SnapshotRow[];
  /** Each record's pooled company and state as the last run left them. */
  pooledOf: ReadonlyMap<string, string>;
  previousStates: ReadonlyMap<string, RecordState> | null;
  now: Date;
  /** Records written so far (moved or with a new state), for the progress. */
  onProgress: (written: number) => Promise<void>;
}

const BATCH = 2000;

/**
 * Writes the difference, for the re-linked records only: a record changes pooled company only when its cluster
 * changed, a pooled company keeps its id when a new cluster overlaps it most (so its solicitations and pause follow
 * it), one left without records is dissolved, not deleted. Pooled companies of records not re-linked are not read,
 * locked nor written. Nothing different, nothing written.
 */
export async function writePooling(manager: EntityManager, input: WriteInput) {
  const { collectiveId, outcome, pooledOf, now } = input;
  const byId = new Map(input.rows.map((r) => [r.id, r]));
  const present = new Set(byId.keys());
  const gone = [...pooledOf.keys()].filter((id) => !present.has(id));
  // The pooled companies the re-linked or removed records were in hold nothing else (a run re-links whole link
  // groups, and a pooled company lies inside one): they are the only ones a cluster may take over.
  const touchedIds = [
    ...new Set(
      [...outcome.relinked, ...gone].map((id) => pooledOf.get(id)).filter((p): p is string => p !== undefined),
    ),
  ];
  // Locked: a solicitation (which locks its pooled company) waits for the new view.
  const pooled = touchedIds.length
    ? await manager.find(PooledCompany, {
        where: { id: In(touchedIds) },
        lock: { mode: 'pessimistic_write' },
        order: { createdAt: 'ASC', id: 'ASC' },
      })
    : [];
  const clusters = outcome.clusters;

  // Each cluster takes over the pooled company it shares most records with (largest overlaps first); ties keep the oldest.
  const order = new Map(pooled.map((p, i) => [p.id, i]));
  const candidates: Array<{ cluster: number; pooledId: string; overlap: number }> = [];
  clusters.forEach((cluster, i) => {
    const counts = new Map<string, number>();
    for (const id of cluster) {
      const p = pooledOf.get(id);
      if (p && order.has(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    for (const [pooledId, overlap] of counts) candidates.push({ cluster: i, pooledId, overlap });
  });
  candidates.sort(
    (a, b) => b.overlap - a.overlap || order.get(a.pooledId)! - order.get(b.pooledId)! || a.cluster - b.cluster,
  );
  const assigned = new Map<number, string>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (assigned.has(c.cluster) || taken.has(c.pooledId)) continue;
    assigned.set(c.cluster, c.pooledId);
    taken.add(c.pooledId);
  }

  let created = 0;
  let updated = 0;
  let moved = 0;
  let written = 0;
  const pooledById = new Map(pooled.map((p) => [p.id, p]));
  const rows: Array<{ pooledId: string; companyId: string; state: RecordState }> = [];
  for (let i = 0; i < clusters.length; i++) {
    const summary = summarise(clusters[i].map((id) => byId.get(id)!));
    let pooledId = assigned.get(i);
    if (!pooledId) {
      const p = await manager.save(
        PooledCompany,
        manager.create(PooledCompany, { collectiveId, ...summary, dissolvedAt: null }),
      );
      pooledId = p.id;
      created++;
    } else {
      const p = pooledById.get(pooledId)!;
      if (
        p.displayName !== summary.displayName ||
        p.siret !== summary.siret ||
        p.siren !== summary.siren ||
        p.communeCode !== summary.communeCode ||
        p.sizeBand !== summary.sizeBand ||
        p.dissolvedAt !== null
      ) {
        await manager.update(PooledCompany, { id: pooledId }, { ...summary, dissolvedAt: null });
        updated++;
      }
    }
    for (const id of clusters[i]) {
      const state = outcome.states.get(id)!;
      const before = input.previousStates?.get(id);
      const movesHere = pooledOf.get(id) !== pooledId;
      if (movesHere) moved++;
      if (movesHere || !before || !sameState(before, state)) rows.push({ pooledId, companyId: id, state });
    }
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await manager.query(
      `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id, input_hash, fingerprint, linking_keys, link_group)
       SELECT u.p, $1, u.c, u.h, u.f, u.k::int[], u.g
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[]) AS u(p, c, h, f, k, g)
       ON CONFLICT (collective_id, company_id) DO UPDATE SET pooled_company_id = EXCLUDED.pooled_company_id,
         input_hash = EXCLUDED.input_hash, fingerprint = EXCLUDED.fingerprint, linking_keys = EXCLUDED.linking_keys, link_group = EXCLUDED.link_group`,
      [
        collectiveId,
        batch.map((r) => r.pooledId),
        batch.map((r) => r.companyId),
        batch.map((r) => r.state.inputHash),
        batch.map((r) => r.state.fingerprint),
        batch.map((r) => `{${r.state.keys.join(',')}}`),
        batch.map((r) => r.state.component),
      ],
    );
    written += batch.length;
    await input.onProgress(written);
  }
  // Records no longer shared (withdrawn, SIAE gone) leave the pooled view.
  if (gone.length > 0)
    await manager.query(`DELETE FROM pooled_company_member WHERE collective_id = $1 AND company_id = ANY($2::uuid[])`, [
      collectiveId,
      gone,
    ]);
  const empty: Array<{ id: string }> = touchedIds.length
    ? await manager
        .query(
          `UPDATE pooled_company p SET dissolved_at = $2
          WHERE p.id = ANY($1::uuid[]) AND p.dissolved_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM pooled_company_member m WHERE m.pooled_company_id = p.id) RETURNING p.id`,
          [touchedIds, now],
        )
        .then((r: [Array<{ id: string }>, number]) => r[0])
    : [];
  updated += await refreshShown(manager, collectiveId, outcome.relinked, pooledOf, byId);
  return { created, updated, moved, removed: gone.length, dissolved: empty.length, statesWritten: written };
}

/** What a pooled company shows may change without any re-linking (a size band is not linked on): compared, written if different. */
async function refreshShown(
  manager: EntityManager,
  collectiveId: string,
  relinked: ReadonlySet<string>,
  pooledOf: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, SnapshotRow>,
): Promise<number> {
  const groups = new Map<string, SnapshotRow[]>();
  for (const [companyId, pooledId] of pooledOf) {
    const row = byId.get(companyId);
    if (row && !relinked.has(companyId)) (groups.get(pooledId) ?? groups.set(pooledId, []).get(pooledId)!).push(row);
  }
  if (groups.size === 0) return 0;
  const shown: Array<{
    id: string;
    display_name: string;
    siret: string | null;
    siren: string | null;
    commune_code: string | null;
    size_band: string | null;
  }> = await manager.query(
    `SELECT id, display_name, siret, siren, commune_code, size_band FROM pooled_company WHERE collective_id = $1 AND id = ANY($2::uuid[])`,
    [collectiveId, [...groups.keys()]],
  );
  let updated = 0;
  for (const p of shown) {
    const s = summarise(groups.get(p.id)!);
    if (
      p.display_name === s.displayName &&
      p.siret === s.siret &&
      p.siren === s.siren &&
      p.commune_code === s.communeCode &&
      p.size_band === s.sizeBand
    )
      continue;
    await manager.update(PooledCompany, { id: p.id }, s);
    updated++;
  }
  return updated;
}

function sameState(a: RecordState, b: RecordState): boolean {
  return (
    a.inputHash === b.inputHash &&
    a.fingerprint === b.fingerprint &&
    a.component === b.component &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => k === b.keys[i])
  );
}

/** What the pooled company shows: the most frequent spelling and identifiers among its records (ties: earliest shared). */
function summarise(rows: SnapshotRow[]) {
  const sorted = [...rows].sort((a, b) => a.shared_at.getTime() - b.shared_at.getTime() || (a.id < b.id ? -1 : 1));
  const mostFrequent = <T>(values: Array<T | null>): T | null => {
    const counts = new Map<T, number>();
    for (const v of values) if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    let best: T | null = null;
    let bestCount = 0;
    for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
    return best;
  };
  return {
    displayName: mostFrequent(sorted.map((r) => r.name.trim())) ?? sorted[0].name,
    siret: mostFrequent(sorted.map((r) => r.siret)),
    siren: mostFrequent(sorted.map((r) => r.siren ?? r.siret?.slice(0, 9) ?? null)),
    communeCode: mostFrequent(sorted.map((r) => r.commune_code)),
    sizeBand: mostFrequent(sorted.map((r) => r.size_band)) as PooledCompany['sizeBand'],
  };
}
