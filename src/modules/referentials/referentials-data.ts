import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The reference data shipped in `data/` (see data/README.md for origins, derivation and licences). */
export interface ReferentialData {
  grandDomains: { code: string; label: string }[];
  domains: { code: string; label: string; grandDomainCode: string }[];
  fiches: { code: string; label: string; domainCode: string }[];
  appellations: { code: string; ficheCode: string; label: string; shortLabel: string }[];
  related: { ficheCode: string; relatedCode: string; score: number; areas: number }[];
  communes: {
    code: string;
    name: string;
    department: string;
    postcodes: string[];
    latitude: number;
    longitude: number;
  }[];
}

export const DATA_FILES = {
  fiches: 'rome/romes_public.csv',
  appellations: 'rome/appellations_public.csv',
  domains: 'rome/rome_domaines.csv',
  related: 'rome/rome_metiers_connexes.csv',
  communes: 'communes/communes_centroides.csv',
} as const;

export class ReferentialDataError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Données de référence invalides :\n - ${problems.slice(0, 20).join('\n - ')}${problems.length > 20 ? `\n - … et ${problems.length - 20} autres` : ''}`,
    );
  }
}

/**
 * Finds the repository's `data/` folder. Compiled code may live in dist/ or in any private build folder (benchmarks,
 * migration generation), so `__dirname` alone is not enough: walk up from it, then from the working directory, to the
 * first folder holding both a package.json and data/rome.
 */
export function findDataDir(starts: string[] = [__dirname, process.cwd()]): string {
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', DATA_FILES.fiches)))
        return join(dir, 'data');
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `Dossier data/ introuvable (cherché au-dessus de ${starts.join(' et ')}) : lancez la commande depuis le dépôt.`,
  );
}

/** Rows as objects keyed by the header; parsed as arrays first (csv-parse's `columns` mode is ~40 % slower). */
function readCsv(dataDir: string, file: string, delimiter: string): Record<string, string>[] {
  const [header, ...rows]: string[][] = parse(readFileSync(join(dataDir, file), 'utf8'), {
    delimiter,
    skip_empty_lines: true,
    bom: true,
  });
  const names = header.map((h) => h.trim());
  return rows.map((row) => {
    const record: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) record[names[i]] = (row[i] ?? '').trim();
    return record;
  });
}

/** Reads and checks every file; a problem anywhere stops the import before anything is written. */
export function loadReferentialData(dataDir: string = findDataDir()): ReferentialData {
  const problems: string[] = [];
  const unique = <T>(rows: T[], key: (r: T) => string, file: string) => {
    const seen = new Set<string>();
    for (const row of rows) {
      const k = key(row);
      if (seen.has(k)) problems.push(`${file} : clé en double ${k}`);
      seen.add(k);
    }
    return seen;
  };

  const domainRows = readCsv(dataDir, DATA_FILES.domains, ';');
  const grandDomains = domainRows
    .filter((r) => /^[A-Z]$/.test(r.code))
    .map((r) => ({ code: r.code, label: r.libelle }));
  const domains = domainRows
    .filter((r) => r.code.length !== 1)
    .map((r) => ({ code: r.code, label: r.libelle, grandDomainCode: r.code.slice(0, 1) }));
  const grandDomainCodes = unique(grandDomains, (r) => r.code, DATA_FILES.domains);
  const domainCodes = unique(domains, (r) => r.code, DATA_FILES.domains);
  for (const d of domains) {
    if (!/^[A-Z][0-9]{2}$/.test(d.code)) problems.push(`${DATA_FILES.domains} : code de domaine invalide ${d.code}`);
    else if (!grandDomainCodes.has(d.grandDomainCode))
      problems.push(`${DATA_FILES.domains} : grand domaine inconnu pour ${d.code}`);
  }

  const fiches = readCsv(dataDir, DATA_FILES.fiches, ';').map((r) => ({
    code: r.code_rome,
    label: r.libelle_rome,
    domainCode: r.code_rome.slice(0, 3),
  }));
  const ficheCodes = unique(fiches, (r) => r.code, DATA_FILES.fiches);
  for (const f of fiches) {
    if (!/^[A-Z][0-9]{4}$/.test(f.code)) problems.push(`${DATA_FILES.fiches} : code ROME invalide ${f.code}`);
    else if (!domainCodes.has(f.domainCode)) problems.push(`${DATA_FILES.fiches} : domaine inconnu pour ${f.code}`);
  }

  const appellations = readCsv(dataDir, DATA_FILES.appellations, ';').map((r) => ({
    code: r.ogr_appellation,
    ficheCode: r.rome_code,
    label: r.libelle_appellation_long,
    shortLabel: r.libelle_appellation_court || r.libelle_appellation_long,
  }));
  unique(appellations, (r) => r.code, DATA_FILES.appellations);
  for (const a of appellations) {
    if (!/^[0-9]{1,10}$/.test(a.code)) problems.push(`${DATA_FILES.appellations} : code OGR invalide ${a.code}`);
    if (!ficheCodes.has(a.ficheCode))
      problems.push(`${DATA_FILES.appellations} : fiche ROME inconnue ${a.ficheCode} (OGR ${a.code})`);
    if (!a.label) problems.push(`${DATA_FILES.appellations} : libellé vide (OGR ${a.code})`);
  }

  const related = readCsv(dataDir, DATA_FILES.related, ',').map((r) => ({
    ficheCode: r.rome,
    relatedCode: r.rome_connexe,
    score: Number(r.score),
    areas: Number(r.bassins),
  }));
  unique(related, (r) => `${r.ficheCode}→${r.relatedCode}`, DATA_FILES.related);
  for (const r of related) {
    if (!ficheCodes.has(r.ficheCode) || !ficheCodes.has(r.relatedCode))
      problems.push(`${DATA_FILES.related} : fiche inconnue ${r.ficheCode}→${r.relatedCode}`);
    if (!(r.score > 0 && r.score <= 1) || !Number.isInteger(r.areas))
      problems.push(`${DATA_FILES.related} : score ou support invalide ${r.ficheCode}→${r.relatedCode}`);
  }

  const communes = readCsv(dataDir, DATA_FILES.communes, ',').map((r) => ({
    code: r.code_insee,
    name: r.nom,
    department: r.departement,
    postcodes: r.codes_postaux ? r.codes_postaux.split(/\s+/) : [],
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
  }));
  unique(communes, (r) => r.code, DATA_FILES.communes);
  for (const c of communes) {
    if (!/^[0-9][0-9AB][0-9]{3}$/.test(c.code)) problems.push(`${DATA_FILES.communes} : code INSEE invalide ${c.code}`);
    if (!c.name) problems.push(`${DATA_FILES.communes} : nom vide (${c.code})`);
    if (!c.postcodes.every((p) => /^[0-9]{5}$/.test(p)))
      problems.push(`${DATA_FILES.communes} : code postal invalide (${c.code})`);
    if (!(Math.abs(c.latitude) <= 90 && Math.abs(c.longitude) <= 180))
      problems.push(`${DATA_FILES.communes} : coordonnées invalides (${c.code})`);
  }

  if (problems.length > 0) throw new ReferentialDataError(problems);
  return { grandDomains, domains, fiches, appellations, related, communes };
}
