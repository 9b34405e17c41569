import { parse } from 'csv-parse/sync';
import { fold } from '../linking/text';

/** Fields an imported line can fill; the keys of a column mapping. */
export const importFields = [
  'name',
  'siret',
  'commune',
  'postcode',
  'city',
  'address',
  'website',
  'naf',
  'contactName',
  'contactFirstName',
  'contactEmail',
  'contactPhone',
  'contactRole',
] as const;
export type ImportField = (typeof importFields)[number];
export type ColumnMapping = Partial<Record<ImportField, string>>;

export interface CsvTable {
  encoding: 'utf-8' | 'windows-1252';
  separator: ';' | ',' | '\t';
  headers: string[];
  /** Field → column index. */
  columns: Partial<Record<ImportField, number>>;
  /** Headers that no field uses (said back to the user so that a forgotten column does not go unnoticed). */
  ignoredColumns: string[];
  rows: Array<{ line: number; values: Partial<Record<ImportField, string>> }>;
}

export class CsvTableError extends Error {}

/**
 * Usual headers of the spreadsheets SIAE keep, folded (no accents, lower case, punctuation as spaces). Matched whole,
 * so "nom" is the company and "nom contact" the person.
 */
const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: [
    'raison sociale',
    'entreprise',
    'nom entreprise',
    'nom de l entreprise',
    'societe',
    'denomination',
    'denomination sociale',
    'etablissement',
    'employeur',
    'raison sociale entreprise',
    'nom',
  ],
  siret: [
    'siret',
    'n siret',
    'no siret',
    'numero siret',
    'num siret',
    'siret etablissement',
    'n de siret',
    'numero de siret',
  ],
  commune: ['code insee', 'insee', 'code commune', 'commune insee', 'code insee commune'],
  postcode: ['code postal', 'cp', 'postal', 'code post'],
  city: ['ville', 'commune', 'localite', 'nom commune'],
  address: ['adresse', 'adresse postale', 'rue'],
  website: ['site', 'site web', 'site internet', 'url', 'web', 'internet'],
  naf: ['naf', 'code naf', 'ape', 'code ape', 'naf ape', 'code naf ape', 'activite naf'],
  // "nom" last: reached only when the company's name came from another column ("Entreprise;Nom;Prénom;…")
  contactName: [
    'contact',
    'nom contact',
    'nom du contact',
    'interlocuteur',
    'referent',
    'nom interlocuteur',
    'contact nom',
    'nom',
  ],
  contactFirstName: ['prenom', 'prenom contact', 'prenom du contact', 'contact prenom'],
  contactEmail: [
    'email',
    'e mail',
    'mail',
    'courriel',
    'adresse mail',
    'adresse e mail',
    'email contact',
    'mail contact',
    'e mail contact',
    'adresse email',
  ],
  contactPhone: [
    'telephone',
    'tel',
    'portable',
    'telephone contact',
    'tel contact',
    'numero de telephone',
    'mobile',
    'n telephone',
  ],
  contactRole: ['fonction', 'poste', 'role', 'fonction contact', 'fonction du contact'],
};

export function foldHeader(h: string): string {
  return fold(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is latin1). Node 20's TextDecoder('windows-1252') decodes them as C1 control
 * characters, which would turn every typographic apostrophe (0x92) of an Excel export into an invisible character.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chars = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b),
    );
    out += chars.join('');
  }
  return out;
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252: what Excel writes for "CSV (séparateur : point-virgule)". */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** The separator that occurs most often outside quotes on the header line. */
export function detectSeparator(text: string): CsvTable['separator'] {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.keys(counts) as Array<keyof typeof counts>).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ';';
}

function columnsOf(headers: string[], mapping: ColumnMapping | undefined): CsvTable['columns'] {
  const folded = headers.map(foldHeader);
  const columns: CsvTable['columns'] = {};
  if (mapping && Object.keys(mapping).length > 0) {
    for (const [field, header] of Object.entries(mapping) as Array<[ImportField, string]>) {
      const index = folded.indexOf(foldHeader(header));
      if (index < 0)
        throw new CsvTableError(`la colonne « ${header} » indiquée pour « ${field} » est absente de l'en-tête`);
      columns[field] = index;
    }
    return columns;
  }
  const used = new Set<number>();
  // synonyms in their order of preference, not the file's column order: "Nom;Raison sociale" names the company by the latter
  for (const field of importFields) {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const index = folded.findIndex((h, i) => h === synonym && !used.has(i));
      if (index >= 0) {
        columns[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return columns;
}

/** csv-parse's messages are English and name its options: the user reads what is wrong, in French, and where. */
const CSV_PARSE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'un guillemet ouvert n’est jamais refermé',
  CSV_INVALID_CLOSING_QUOTE: 'un guillemet fermant est suivi d’autre chose qu’un séparateur',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'un guillemet fermant est suivi d’autre chose qu’un séparateur',
  INVALID_OPENING_QUOTE: 'un guillemet apparaît au milieu d’une valeur',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'une ligne n’a pas le même nombre de colonnes que l’en-tête',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'une ligne n’a pas le même nombre de colonnes que l’en-tête',
  CSV_MAX_RECORD_SIZE: 'une ligne est trop longue',
};

export function csvParseProblem(error: unknown): string {
  const { code, lines } = (error ?? {}) as { code?: string; lines?: number };
  const what = (code && CSV_PARSE_PROBLEMS[code]) ?? 'sa structure n’a pas pu être lue';
  return `le CSV est mal formé : ${what}${typeof lines === 'number' ? ` (vers la ligne ${lines})` : ''}`;
}

/** Decodes, detects the separator, reads the header (mapped or recognised) and the lines. No validation of values here. */
export function readCsvTable(bytes: Uint8Array, mapping?: ColumnMapping): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw new CsvTableError('le fichier est vide');
  const separator = detectSeparator(content);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(content, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      relax_quotes: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new CsvTableError(csvParseProblem(e));
  }
  const [header, ...lines] = records;
  if (!lines.some(({ record }) => record.some((v) => v !== '')))
    throw new CsvTableError("le fichier ne contient aucune ligne d'entreprise sous l'en-tête");
  const columns = columnsOf(header.record, mapping);
  if (columns.name === undefined)
    throw new CsvTableError(
      "aucune colonne ne donne le nom de l'entreprise (attendu : « Raison sociale », « Nom » ou « Entreprise », ou une correspondance de colonnes)",
    );
  const used = new Set(Object.values(columns));
  const ignoredColumns = header.record.filter((h, i) => !used.has(i) && h !== '');
  const rows = lines
    .filter(({ record }) => record.some((v) => v !== ''))
    .map(({ record, info }) => {
      const values: Partial<Record<ImportField, string>> = {};
      for (const [field, index] of Object.entries(columns) as Array<[ImportField, number]>) {
        const v = record[index];
        if (v !== undefined && v !== '') values[field] = v;
      }
      return { line: info.lines, values };
    });
  return { encoding, separator, headers: header.record, columns, ignoredColumns, rows };
}
