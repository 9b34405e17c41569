import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ImportReport, ReferentialsImporter } from '../modules/referentials/referentials.importer';
import { loadConfig } from '../platform/config/app-config';
import { typeormOptions } from '../platform/database/typeorm-options';

/**
 * Loads the reference data shipped in data/ (ROME, communes) into the database named by DATABASE_URL. Idempotent:
 * run it after every deployment. Usage: node dist/src/cli/import-referentials.js [--data-dir <folder>]
 */
async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--data-dir');
  const dataDir = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !dataDir) throw new Error('--data-dir attend un dossier');
  const dataSource = new DataSource(typeormOptions(loadConfig()));
  await dataSource.initialize();
  try {
    const report = await new ReferentialsImporter(dataSource).run({ dataDir });
    process.stdout.write(formatReport(report));
  } finally {
    await dataSource.destroy();
  }
}

export function formatReport(report: ImportReport): string {
  const header = ['table', 'fichier', 'insérées', 'modifiées', 'inchangées', 'supprimées', 'hors fichier (gardées)'];
  const rows = report.tables.map((t) =>
    [t.table, t.inFile, t.inserted, t.updated, t.unchanged, t.deleted, t.keptNotInFile].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const changed = report.tables.reduce((n, t) => n + t.inserted + t.updated + t.deleted, 0);
  return [
    'Import des référentiels',
    line(header),
    ...rows.map(line),
    `${changed === 0 ? 'Aucun changement' : `${changed} ligne(s) écrite(s)`} en ${report.durationMs} ms.`,
    '',
  ].join('\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
