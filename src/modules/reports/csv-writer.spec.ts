import { frenchNumber, parseCsv, parseFrenchNumber, toCsv } from './csv-writer';

describe('CSV for a French spreadsheet', () => {
  it('starts with a BOM, separates with ";", ends lines with CRLF and writes decimals with a comma', () => {
    const text = toCsv(
      ['Indicateur', 'Valeur'],
      [
        ['Couverture (%)', 83.333],
        ['Tenus', 12],
      ],
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('Indicateur;Valeur\r\nCouverture (%);83,33\r\nTenus;12\r\n');
  });

  it('quotes separators, quotes and line breaks, and reads them back unchanged', () => {
    const cells = ['Café « Le Zinc » ; Lyon', 'dit "le chef"', 'deux\nlignes', 'simple'];
    const rows = parseCsv(toCsv(['a', 'b', 'c', 'd'], [cells]));
    expect(rows).toEqual([['a', 'b', 'c', 'd'], cells]);
  });

  it('keeps a text that a spreadsheet would run as a formula as text', () => {
    const [, [cell]] = parseCsv(toCsv(['a'], [['=HYPERLINK("http://x")']]));
    expect(cell).toBe(`'=HYPERLINK("http://x")`);
  });

  it('writes null as an empty cell and reads French numbers back', () => {
    const [, row] = parseCsv(toCsv(['a', 'b'], [[null, 0.5]]));
    expect(row).toEqual(['', '0,5']);
    expect(parseFrenchNumber(row[1])).toBe(0.5);
    expect(parseFrenchNumber(row[0])).toBeNull();
    expect(frenchNumber(12.345, 1)).toBe('12,3');
  });
});
