import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { activeMembershipJoinSql } from '../structures/access';
import type { PreviousLinking, RecordState } from './linking/incremental';
import type { CommuneLocation, LinkableRecord } from './linking/types';

export interface SnapshotRow {
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

export interface Snapshot {
  rows: SnapshotRow[];
  /** Sorted by id (see RelinkInput.records). */
  records: LinkableRecord[];
  mustLink: Array<readonly [string, string]>;
  cannotLink: Array<readonly [string, string]>;
}

/** The shared records of the collective (an SIAE that left takes its records with it), their shared contacts, the corrections. */
export async function loadSnapshot(manager: EntityManager, collectiveId: string): Promise<Snapshot> {
  const rows: SnapshotRow[] = await manager.query(
    `SELECT c.id, c.siae_id, c.name, c.siret, c.siren, c.naf, c.commune_code, c.address, c.size_band, s.with_contacts, s.shared_at
       FROM company_share s
       JOIN company c ON c.id = s.company_id
       ${activeMembershipJoinSql('m', { collective: 's.collective_id', siae: 'c.siae_id' })}
      WHERE s.collective_id = $1 AND s.withdrawn_at IS NULL
      ORDER BY c.id`,
    [collectiveId],
  );
  const withContacts = rows.filter((r) => r.with_contacts).map((r) => r.id);
  const contacts: Array<{
    id: string;
    company_id: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone: string | null;
  }> = withContacts.length
    ? await manager.query(
        `SELECT id, company_id, first_name, last_name, email, phone FROM company_contact WHERE company_id = ANY($1::uuid[]) ORDER BY id`,
        [withContacts],
      )
    : [];
  const contactsOf = new Map<string, typeof contacts>();
  for (const c of contacts)
    (contactsOf.get(c.company_id) ?? contactsOf.set(c.company_id, []).get(c.company_id)!).push(c);
  const records: LinkableRecord[] = rows.map((r) => ({
    recordId: r.id,
    siaeId: r.siae_id,
    name: r.name,
    siret: r.siret,
    siren: r.siren,
    naf: r.naf,
    communeInsee: r.commune_code,
    address: r.address,
    // contacts not shared never serve the linking either: what the collective may not see cannot shape its view
    contacts: (contactsOf.get(r.id) ?? []).map((c) => ({
      contactId: c.id,
      firstName: c.first_name,
      lastName: c.last_name,
      email: c.email,
      phone: c.phone,
    })),
  }));
  const corrections: Array<{ kind: 'merge' | 'split'; company_a_id: string; company_b_id: string }> =
    await manager.query(
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

export interface LoadedPrevious {
  /** The last successful run: a run that writes must still find it the last one (see PoolingWriter). */
  runId: string | null;
  linking: PreviousLinking | null;
  /** The run that counted the statistics it linked with. */
  statisticsRunId: string | null;
  /** The pooled company of each record of the last run. */
  pooledOf: Map<string, string>;
}

/** What the last successful run left: its statistics, corrections and, per record, its state and pooled company. */
export async function loadPrevious(manager: EntityManager, collectiveId: string): Promise<LoadedPrevious> {
  const [last]: Array<{
    id: string;
    engine_version: string | null;
    statistics_run_id: string | null;
    corrections: string[] | null;
    drift: number;
  }> = await manager.query(
    `SELECT id, engine_version, statistics_run_id, corrections, drift FROM pooling_run
        WHERE collective_id = $1 AND status = 'done' ORDER BY finished_at DESC, id DESC LIMIT 1`,
    [collectiveId],
  );
  const members: Array<{
    company_id: string;
    pooled_company_id: string;
    input_hash: string | null;
    fingerprint: string | null;
    linking_keys: number[] | null;
    link_group: string | null;
  }> = await manager.query(
    `SELECT company_id, pooled_company_id, input_hash, fingerprint, linking_keys, link_group FROM pooled_company_member WHERE collective_id = $1`,
    [collectiveId],
  );
  const pooledOf = new Map(members.map((m) => [m.company_id, m.pooled_company_id]));
  const complete = members.every(
    (m) => m.input_hash !== null && m.fingerprint !== null && m.linking_keys !== null && m.link_group !== null,
  );
  if (!last || !last.engine_version || !last.statistics_run_id || !last.corrections || !complete)
    return { runId: last?.id ?? null, linking: null, statisticsRunId: null, pooledOf };
  const [stats]: Array<{ linking_statistics: { records: number; documentFrequency: Array<[string, number]> } | null }> =
    await manager.query(`SELECT linking_statistics FROM pooling_run WHERE id = $1`, [last.statistics_run_id]);
  if (!stats?.linking_statistics) return { runId: last.id, linking: null, statisticsRunId: null, pooledOf };
  const states = new Map<string, RecordState>();
  for (const m of members)
    states.set(m.company_id, {
      inputHash: m.input_hash!,
      fingerprint: m.fingerprint!,
      keys: m.linking_keys!,
      component: m.link_group!,
    });
  return {
    runId: last.id,
    statisticsRunId: last.statistics_run_id,
    pooledOf,
    linking: {
      engineVersion: last.engine_version,
      statistics: {
        records: stats.linking_statistics.records,
        documentFrequency: new Map(stats.linking_statistics.documentFrequency),
      },
      corrections: last.corrections,
      drift: last.drift,
      states,
    },
  };
}

let engineDigest: string | null = null;
const communeDigests = new WeakMap<ReadonlyMap<string, CommuneLocation>, string>();

/**
 * The engine's own source (compiled or not) as a digest: a deployment that changes how records are linked makes the
 * next run a full one. The incremental part and tests are left out: they do not change any link.
 */
export function engineVersion(communes: ReadonlyMap<string, CommuneLocation>): string {
  if (!engineDigest) {
    const dir = path.join(__dirname, 'linking');
    const h = createHash('sha1');
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(ts|js)$/.test(f) || /\.d\.ts$|\.spec\.|^incremental/.test(f)) continue;
      h.update(f).update(readFileSync(path.join(dir, f)));
    }
    engineDigest = h.digest('base64url').slice(0, 20);
  }
  let communeDigest = communeDigests.get(communes);
  if (!communeDigest) {
    const c = createHash('sha1');
    for (const [code, l] of [...communes].sort(([a], [b]) => (a < b ? -1 : 1)))
      c.update(`${code}|${l.lat}|${l.lon}|${l.name ?? ''}|${(l.postcodes ?? []).join(',')}\n`);
    communeDigests.set(communes, (communeDigest = c.digest('base64url').slice(0, 20)));
  }
  return `${engineDigest}.${communeDigest}`;
}
