import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '../../platform/clock/clock';
import { PooledCompany, PooledCompanyMember, PoolingRun } from './entities';
import { linkRecords } from './linking/link-records';
import type { CommuneLocation, LinkableRecord } from './linking/types';

interface SnapshotRow {
  id: string;
  siae_id: string;
  name: string;
  siret: string | null;
  siren: string | null;
  naf: string | null;
  commune_code: string | null;
  address: string | null;
  size_band: string | null;
  with_contacts: boolean;
  shared_at: Date;
}

/**
 * The pooling of one collective: loads the records its SIAE share (the snapshot), runs the pure linking engine with the
 * human corrections, and writes the difference: a record changes pooled company only when its cluster changed, a
 * pooled company keeps its id when a new cluster overlaps it most (so its solicitations and pause follow it), and one
 * left without records is dissolved, not deleted. Running it twice on the same state writes nothing the second time.
 */
@Injectable()
export class PoolingService {
  private readonly logger = new Logger(PoolingService.name);
  private communes: Map<string, CommuneLocation> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async run(runId: string): Promise<'done' | 'skipped'> {
    const run = await this.dataSource.getRepository(PoolingRun).findOne({ where: { id: runId } });
    if (!run || run.status === 'done' || run.status === 'failed') return 'skipped';
    const collectiveId = run.collectiveId;
    await this.progress(runId, { status: 'running', phase: 'loading', startedAt: this.clock.now() });
    try {
      const snapshot = await this.loadSnapshot(collectiveId);
      await this.progress(runId, { phase: 'linking', total: snapshot.records.length, processed: 0 });
      const result = linkRecords(snapshot.records, { communes: await this.communeLocations(), mustLink: snapshot.mustLink, cannotLink: snapshot.cannotLink });
      await this.progress(runId, { phase: 'writing', processed: Math.floor(snapshot.records.length / 2) });
      const inCluster = new Set(result.clusters.flat());
      const clusters = [...result.clusters, ...snapshot.records.filter((r) => !inCluster.has(r.recordId)).map((r) => [r.recordId])];
      const written = await this.dataSource.transaction((manager) => this.write(manager, collectiveId, clusters, snapshot.rows));
      await this.progress(runId, {
        status: 'done', phase: null, processed: snapshot.records.length, finishedAt: this.clock.now(),
        stats: { records: snapshot.records.length, pooledCompanies: clusters.length, ...written, engine: result.stats },
      });
      return 'done';
    } catch (e) {
      this.logger.error(`pooling of collective ${collectiveId} failed: ${(e as Error).message}`);
      await this.progress(runId, { phase: 'error' });
      throw e;
    }
  }

  private async progress(runId: string, patch: QueryDeepPartialEntity<PoolingRun>): Promise<void> {
    await this.dataSource.getRepository(PoolingRun).update({ id: runId }, patch);
  }

  private async communeLocations(): Promise<Map<string, CommuneLocation>> {
    if (this.communes) return this.communes;
    const rows: Array<{ code: string; name: string; latitude: number; longitude: number; postcodes: string[] }> = await this.dataSource.query(
      `SELECT code, name, latitude, longitude, postcodes FROM commune`,
    );
    const map = new Map<string, CommuneLocation>();
    for (const r of rows) map.set(r.code, { lat: r.latitude, lon: r.longitude, name: r.name, postcodes: r.postcodes });
    // the referential changes with an import, not between two runs of a worker's life: cached once it has rows
    if (map.size > 0) this.communes = map;
    return map;
  }

  /** The shared records of the collective (an SIAE that left takes its records with it), their shared contacts, the corrections. */
  async loadSnapshot(collectiveId: string) {
    const rows: SnapshotRow[] = await this.dataSource.query(
      `SELECT c.id, c.siae_id, c.name, c.siret, c.siren, c.naf, c.commune_code, c.address, c.size_band, s.with_contacts, s.shared_at
         FROM company_share s
         JOIN company c ON c.id = s.company_id
         JOIN collective_membership m ON m.collective_id = s.collective_id AND m.siae_id = c.siae_id AND m.status = 'active'
        WHERE s.collective_id = $1 AND s.withdrawn_at IS NULL
        ORDER BY c.id`,
      [collectiveId],
    );
    const withContacts = rows.filter((r) => r.with_contacts).map((r) => r.id);
    const contacts: Array<{ id: string; company_id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null }> =
      withContacts.length
        ? await this.dataSource.query(
            `SELECT id, company_id, first_name, last_name, email, phone FROM company_contact WHERE company_id = ANY($1::uuid[]) ORDER BY id`,
            [withContacts],
          )
        : [];
    const contactsOf = new Map<string, typeof contacts>();
    for (const c of contacts) (contactsOf.get(c.company_id) ?? contactsOf.set(c.company_id, []).get(c.company_id)!).push(c);
    const records: LinkableRecord[] = rows.map((r) => ({
      recordId: r.id, siaeId: r.siae_id, name: r.name, siret: r.siret, siren: r.siren, naf: r.naf, communeInsee: r.commune_code,
      address: r.address,
      // contacts not shared never serve the linking either: what the collective may not see cannot shape its view
      contacts: (contactsOf.get(r.id) ?? []).map((c) => ({ contactId: c.id, firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone })),
    }));
    const corrections: Array<{ kind: 'merge' | 'split'; company_a_id: string; company_b_id: string }> = await this.dataSource.query(
      `SELECT kind, company_a_id, company_b_id FROM pooling_correction WHERE collective_id = $1 ORDER BY created_at, id`,
      [collectiveId],
    );
    return {
      rows,
      records,
      mustLink: corrections.filter((c) => c.kind === 'merge').map((c) => [c.company_a_id, c.company_b_id] as const),
      cannotLink: corrections.filter((c) => c.kind === 'split').map((c) => [c.company_a_id, c.company_b_id] as const),
    };
  }

  private async write(manager: EntityManager, collectiveId: string, clusters: string[][], rows: SnapshotRow[]) {
    // Locks every pooled company of the collective: solicitations (which lock one of them) wait for the new view.
    const pooled = await manager.find(PooledCompany, { where: { collectiveId }, lock: { mode: 'pessimistic_write' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const members = await manager.find(PooledCompanyMember, { where: { collectiveId } });
    const current = new Map(members.map((m) => [m.companyId, m.pooledCompanyId]));
    const byId = new Map(rows.map((r) => [r.id, r]));

    // Each cluster takes over the pooled company it shares most records with (largest overlaps first); ties keep the oldest.
    const order = new Map(pooled.map((p, i) => [p.id, i]));
    const candidates: Array<{ cluster: number; pooledId: string; overlap: number }> = [];
    clusters.forEach((cluster, i) => {
      const counts = new Map<string, number>();
      for (const id of cluster) {
        const p = current.get(id);
        if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
      }
      for (const [pooledId, overlap] of counts) candidates.push({ cluster: i, pooledId, overlap });
    });
    candidates.sort((a, b) => b.overlap - a.overlap || order.get(a.pooledId)! - order.get(b.pooledId)! || a.cluster - b.cluster);
    const assigned = new Map<number, string>();
    const taken = new Set<string>();
    for (const c of candidates) {
      if (assigned.has(c.cluster) || taken.has(c.pooledId)) continue;
      assigned.set(c.cluster, c.pooledId);
      taken.add(c.pooledId);
    }

    let created = 0;
    let moved = 0;
    let updated = 0;
    const pooledById = new Map(pooled.map((p) => [p.id, p]));
    const now = this.clock.now();
    for (let i = 0; i < clusters.length; i++) {
      const summary = summarise(clusters[i].map((id) => byId.get(id)!));
      let pooledId = assigned.get(i);
      if (!pooledId) {
        const p = await manager.save(PooledCompany, manager.create(PooledCompany, { collectiveId, ...summary, dissolvedAt: null }));
        pooledId = p.id;
        created++;
      } else {
        const p = pooledById.get(pooledId)!;
        if (p.displayName !== summary.displayName || p.siret !== summary.siret || p.siren !== summary.siren || p.communeCode !== summary.communeCode ||
            p.sizeBand !== summary.sizeBand || p.dissolvedAt !== null) {
          await manager.update(PooledCompany, { id: pooledId }, { ...summary, dissolvedAt: null });
          updated++;
        }
      }
      const toMove = clusters[i].filter((id) => current.get(id) !== pooledId);
      if (toMove.length > 0) {
        await manager.query(
          `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id)
           SELECT $1, $2, unnest($3::uuid[])
           ON CONFLICT (collective_id, company_id) DO UPDATE SET pooled_company_id = EXCLUDED.pooled_company_id`,
          [pooledId, collectiveId, toMove],
        );
        moved += toMove.length;
      }
    }
    // Records no longer shared (withdrawn, SIAE gone) leave the pooled view.
    const present = new Set(rows.map((r) => r.id));
    const gone = members.filter((m) => !present.has(m.companyId)).map((m) => m.id);
    if (gone.length > 0) await manager.delete(PooledCompanyMember, { id: In(gone) });
    const empty: Array<{ id: string }> = await manager.query(
      `UPDATE pooled_company p SET dissolved_at = $2
        WHERE p.collective_id = $1 AND p.dissolved_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM pooled_company_member m WHERE m.pooled_company_id = p.id) RETURNING p.id`,
      [collectiveId, now],
    ).then((r: [Array<{ id: string }>, number]) => r[0]);
    return { created, updated, moved, removed: gone.length, dissolved: empty.length };
  }
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
