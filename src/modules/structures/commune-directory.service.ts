import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface CommuneInfo {
  code: string;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** INSEE code: 5 digits, or 2A/2B + 3 digits for Corsica. */
export const INSEE_CODE_PATTERN = /^(?:[0-9]{5}|2[AB][0-9]{3})$/;

const pick = (row: Record<string, unknown>, names: string[]): unknown => names.map((n) => row[n]).find((v) => v !== undefined && v !== null);
const toNumber = (value: unknown): number | null => (value === undefined || value === null || value === '' ? null : Number(value));

/**
 * Resolves INSEE codes through the communes referential (owned by the referentials module). Until that module ships
 * its `commune` table in every database, codes are only checked for their format and come back without name or
 * coordinates; once the table exists, an unknown code is refused. The table is read generically (its key column is
 * looked up, the row read as JSON) so that this bridge does not freeze the referential's column names.
 * TODO(referentials): replace by `ReferentialsService` when it is exported.
 */
@Injectable()
export class CommuneDirectory {
  private keyColumn?: Promise<string | null>;

  constructor(private readonly dataSource: DataSource) {}

  private communeKey(manager: EntityManager): Promise<string | null> {
    // Only a found table is cached: a database migrated after boot is picked up on the next call.
    const lookup = (this.keyColumn ??= manager
      .query(
        `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = to_regclass('public.commune') AND i.indisprimary LIMIT 1`,
      )
      .then((rows: Array<{ column: string }>) => rows[0]?.column ?? null));
    return lookup.then((key) => {
      if (key === null) this.keyColumn = undefined;
      return key;
    });
  }

  /** `null` in the map means the referential exists and does not know the code. */
  async resolve(codes: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, CommuneInfo | null>> {
    const unique = [...new Set(codes)];
    const result = new Map<string, CommuneInfo | null>();
    if (unique.length === 0) return result;
    const key = await this.communeKey(manager);
    if (key === null) {
      for (const code of unique) result.set(code, { code, name: null, latitude: null, longitude: null });
      return result;
    }
    const rows: Array<{ row: Record<string, unknown> }> = await manager.query(
      `SELECT to_jsonb(c) AS row FROM commune c WHERE c."${key.replace(/"/g, '""')}"::text = ANY($1::text[])`,
      [unique],
    );
    for (const code of unique) result.set(code, null);
    for (const { row } of rows) {
      const code = String(row[key]);
      result.set(code, {
        code,
        name: (pick(row, ['name', 'nom', 'label', 'libelle']) as string | undefined) ?? null,
        latitude: toNumber(pick(row, ['latitude', 'lat'])),
        longitude: toNumber(pick(row, ['longitude', 'lon', 'lng'])),
      });
    }
    return result;
  }

  async resolveOne(code: string, manager?: EntityManager): Promise<CommuneInfo | null> {
    return (await this.resolve([code], manager)).get(code) ?? null;
  }

  /** For reads: a code the referential lost still shows, without name or coordinates. */
  async describe(codes: string[], manager?: EntityManager): Promise<Map<string, CommuneInfo>> {
    const resolved = await this.resolve(codes, manager);
    return new Map([...resolved].map(([code, info]) => [code, info ?? { code, name: null, latitude: null, longitude: null }]));
  }
}
