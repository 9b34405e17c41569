import type { TestApp } from './test-app';

/**
 * Every text-like column of every table (information_schema: text, varchar, char, json, jsonb and their arrays) that
 * holds the needle, case-insensitively, as `table.column (rows)`. Same scan as the candidates' GDPR test: a new table
 * or column is covered without touching the test.
 */
export async function occurrences(t: TestApp, needle: string): Promise<string[]> {
  const columns: Array<{ table_name: string; column_name: string }> = await t.dataSource.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))
      ORDER BY c.table_name, c.column_name`,
  );
  if (columns.length < 30) throw new Error(`only ${columns.length} text columns found: the scan would prove nothing`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
      [`%${needle}%`],
    );
    if (n > 0) found.push(`${table_name}.${column_name} (${n})`);
  }
  return found;
}
