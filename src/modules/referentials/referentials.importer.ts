import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { loadReferentialData, ReferentialData } from './referentials-data';

export interface TableImportReport {
  table: string;
  /** Rows in the shipped file. */
  inFile: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows removed because the file no longer has them (only for derived data nobody references). */
  deleted: number;
  /** Rows kept although the file no longer has them: other tables may reference them (an SIAE's commune…). */
  keptNotInFile: number;
}

export interface ImportReport {
  tables: TableImportReport[];
  durationMs: number;
}

interface ColumnSpec {
  name: string;
  /** PostgreSQL type of the array parameter carrying the column. */
  type: string;
  /** SQL turning the unnested value `v` into the stored value, when they differ. */
  select?: (v: string) => string;
}

interface UpsertSpec {
  table: string;
  key: string[];
  columns: ColumnSpec[];
  rows: unknown[][];
  /** Delete the rows of the table that the file no longer has. */
  deleteMissing?: boolean;
}

// Serialises imports (two deployments starting at once); any constant shared by every importer works.
const IMPORT_LOCK = 72_616_100;
/** GIN indexes of the word searches (see the migrations). */
const WORD_INDEXES: Record<string, string> = {
  rome_appellation: 'IDX_rome_appellation_words',
  commune: 'IDX_commune_words',
};
// One parameter per column (unnest of arrays): a batch of several thousand rows is one round trip.
const BATCH_SIZE = 5000;

/**
 * Loads data/ into the referential tables: upsert by natural key, touching only rows whose values differ, so running it
 * again changes nothing (and says so in its report). Every file is checked before anything is written, and each data set
 * (ROME, communes) is written in one transaction: a failure never leaves a half-imported data set.
 */
@Injectable()
export class ReferentialsImporter {
  constructor(private readonly dataSource: DataSource) {}

  async run(options: { dataDir?: string; data?: ReferentialData } = {}): Promise<ImportReport> {
    const started = Date.now();
    const data = options.data ?? loadReferentialData(options.dataDir);
    const specs = specsOf(data);
    // The ROME and the communes share nothing: two transactions in parallel, each atomic, roughly halve the import
    // (the commune indexes — GiST on ll_to_earth, trigram GINs — dominate and run on their own connection).
    const groups = [specs.filter((s) => s.table !== 'commune'), specs.filter((s) => s.table === 'commune')];
    const reports = await Promise.all(
      groups.map((group, i) =>
        this.dataSource.transaction(async (manager) => {
          await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK + i]);
          const done: TableImportReport[] = [];
          for (const spec of group) done.push(await upsert(manager, spec));
          // Planner statistics right away (a fresh database has none until autovacuum passes; test databases are cloned
          // from a template and keep them): without them the word searches are planned as sequential scans.
          const changed = done.filter((r) => r.inserted + r.updated + r.deleted > 0).map((r) => r.table);
          if (changed.length > 0) await manager.query(`ANALYZE ${changed.map((t) => `"${t}"`).join(', ')}`);
          // GIN's fastupdate parks new entries in an unsorted pending list until a VACUUM; searches then scan it
          // (15 ms instead of 0.8 ms for "cariste") and the planner avoids the index. Merging it once, in bulk, keeps
          // the import fast (fastupdate off would make it ~60 % slower) and the searches indexed.
          for (const table of changed) {
            const index = WORD_INDEXES[table];
            if (index) await manager.query(`SELECT gin_clean_pending_list($1::regclass)`, [`"${index}"`]);
          }
          return done;
        }),
      ),
    );
    return { tables: reports.flat(), durationMs: Date.now() - started };
  }
}

function specsOf(data: ReferentialData): UpsertSpec[] {
  return [
    {
      table: 'rome_grand_domain',
      key: ['code'],
      columns: [
        { name: 'code', type: 'text' },
        { name: 'label', type: 'text' },
      ],
      rows: data.grandDomains.map((d) => [d.code, d.label]),
    },
    {
      table: 'rome_domain',
      key: ['code'],
      columns: [
        { name: 'code', type: 'text' },
        { name: 'label', type: 'text' },
        { name: 'grand_domain_code', type: 'text' },
      ],
      rows: data.domains.map((d) => [d.code, d.label, d.grandDomainCode]),
    },
    {
      table: 'rome_fiche',
      key: ['code'],
      columns: [
        { name: 'code', type: 'text' },
        { name: 'label', type: 'text' },
        { name: 'domain_code', type: 'text' },
      ],
      rows: data.fiches.map((f) => [f.code, f.label, f.domainCode]),
    },
    {
      table: 'rome_appellation',
      key: ['code'],
      columns: [
        { name: 'code', type: 'text' },
        { name: 'fiche_code', type: 'text' },
        { name: 'label', type: 'text' },
        { name: 'short_label', type: 'text' },
      ],
      rows: data.appellations.map((a) => [a.code, a.ficheCode, a.label, a.shortLabel]),
    },
    {
      table: 'rome_related',
      key: ['fiche_code', 'related_code'],
      columns: [
        { name: 'fiche_code', type: 'text' },
        { name: 'related_code', type: 'text' },
        { name: 'score', type: 'numeric' },
        { name: 'areas', type: 'int' },
      ],
      rows: data.related.map((r) => [r.ficheCode, r.relatedCode, r.score, r.areas]),
      deleteMissing: true,
    },
    {
      table: 'commune',
      key: ['code'],
      columns: [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'department', type: 'text' },
        // text[][] cannot be ragged: postcodes travel space-separated and are split back in SQL.
        { name: 'postcodes', type: 'text', select: (v) => `string_to_array(NULLIF(${v}, ''), ' ')` },
        { name: 'latitude', type: 'float8' },
        { name: 'longitude', type: 'float8' },
      ],
      rows: data.communes.map((c) => [c.code, c.name, c.department, c.postcodes.join(' '), c.latitude, c.longitude]),
    },
  ];
}

async function upsert(manager: EntityManager, spec: UpsertSpec): Promise<TableImportReport> {
  const names = spec.columns.map((c) => c.name);
  const quoted = (n: string) => `"${n}"`;
  const values = spec.columns.map((c) => {
    const v = `u.${quoted(c.name)}`;
    // string_to_array(NULL…) is NULL: an empty list of postcodes is stored as '{}', never NULL.
    return c.select ? `COALESCE(${c.select(v)}, '{}')` : v;
  });
  const nonKey = names.filter((n) => !spec.key.includes(n));
  const sql = `
    INSERT INTO ${quoted(spec.table)} AS t (${names.map(quoted).join(', ')})
    SELECT ${values.join(', ')}
    FROM unnest(${spec.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS u(${names.map(quoted).join(', ')})
    -- Identical rows are skipped by an anti-join before the insert: going through ON CONFLICT would lock each of them.
    WHERE NOT EXISTS (
      SELECT 1 FROM ${quoted(spec.table)} x
      WHERE ${spec.key.map((k) => `x.${quoted(k)} = u.${quoted(k)}`).join(' AND ')}
        AND (${nonKey.map((n) => `x.${quoted(n)}`).join(', ')}) IS NOT DISTINCT FROM (${spec.columns
          .filter((c) => !spec.key.includes(c.name))
          .map((c) => values[names.indexOf(c.name)])
          .join(', ')}))
    ON CONFLICT (${spec.key.map(quoted).join(', ')}) DO UPDATE
      SET ${nonKey.map((n) => `${quoted(n)} = EXCLUDED.${quoted(n)}`).join(', ')}
      WHERE (${nonKey.map((n) => `t.${quoted(n)}`).join(', ')}) IS DISTINCT FROM (${nonKey.map((n) => `EXCLUDED.${quoted(n)}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`;
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < spec.rows.length; start += BATCH_SIZE) {
    const batch = spec.rows.slice(start, start + BATCH_SIZE);
    const params = spec.columns.map((_, i) => batch.map((row) => row[i]));
    const rows: { inserted: boolean }[] = await manager.query(sql, params);
    for (const row of rows) {
      if (row.inserted) inserted++;
      else updated++;
    }
  }

  // Rows the file no longer has: an anti-join against the file's keys (hash join, not a 35k × 35k scan).
  const keyParams = spec.key.map((k) => {
    const i = names.indexOf(k);
    return spec.rows.map((row) => row[i]);
  });
  const keyArrays = spec.key.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const keyMatch = spec.key.map((k) => `f.${quoted(k)} = t.${quoted(k)}`).join(' AND ');
  const missing = `NOT EXISTS (SELECT 1 FROM unnest(${keyArrays}) AS f(${spec.key.map(quoted).join(', ')}) WHERE ${keyMatch})`;
  let deleted = 0;
  let keptNotInFile = 0;
  if (spec.deleteMissing) {
    const [{ n }] = await manager.query(
      `WITH d AS (DELETE FROM ${quoted(spec.table)} AS t WHERE ${missing} RETURNING 1) SELECT count(*)::int AS n FROM d`,
      keyParams,
    );
    deleted = n;
  } else {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM ${quoted(spec.table)} AS t WHERE ${missing}`,
      keyParams,
    );
    keptNotInFile = n;
  }
  return {
    table: spec.table,
    inFile: spec.rows.length,
    inserted,
    updated,
    unchanged: spec.rows.length - inserted - updated,
    deleted,
    keptNotInFile,
  };
}
