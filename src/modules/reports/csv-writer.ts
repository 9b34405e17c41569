/**
 * CSV for a French spreadsheet (Excel, LibreOffice in a French locale): UTF-8 with a BOM (without it Excel reads the
 * accents as Windows-1252), `;` as separator (the comma is the decimal mark), CRLF line ends (RFC 4180), decimals with
 * a comma. Pure: rows in, text out.
 */

export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[;"\r\n]/;
/** A text cell a spreadsheet would run as a formula (CSV injection): it is shown as text behind an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number as a French spreadsheet reads it: decimal comma, no thousands separator, at most `digits` decimals. */
export function frenchNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Number(value.toFixed(digits));
  return String(fixed).replace('.', ',');
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? frenchNumber(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * The reader of that format (used by the tests to parse back what the writer produced, and kept beside it so the two
 * agree): BOM, `;`, quotes with doubled quotes inside, CRLF or LF.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** A French decimal back to a number ("12,5" → 12.5; "" → null). */
export function parseFrenchNumber(text: string): number | null {
  return text === '' ? null : Number(text.replace(',', '.'));
}
