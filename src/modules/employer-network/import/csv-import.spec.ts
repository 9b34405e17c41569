import { CsvTableError, decodeCsv, detectSeparator, readCsvTable } from './csv-table';
import { checkLines, findDuplicates } from './import-lines';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('CSV table reading', () => {
  it('decodes UTF-8 with or without BOM, and falls back to Windows-1252 on invalid UTF-8', () => {
    expect(decodeCsv(utf8('Société'))).toEqual({ text: 'Société', encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Été')])).text).toBe('Été');
    // 0x92 is the typographic apostrophe in Windows-1252 (not in latin1), 0xE9 is é
    expect(decodeCsv(Buffer.from([0x4c, 0x92, 0xe9, 0x74, 0xe9]))).toEqual({ text: 'L’été', encoding: 'windows-1252' });
    expect(decodeCsv(Buffer.from([0x43, 0x9c, 0x75, 0x72, 0x20, 0x80])).text).toBe('Cœur €');
  });

  it('detects the separator on the header line, ignoring quoted ones', () => {
    expect(detectSeparator('Nom;Ville;CP\nA,B;C;D')).toBe(';');
    expect(detectSeparator('"Nom; entreprise",Ville,CP\n')).toBe(',');
    expect(detectSeparator('Nom\tVille\tCP\n')).toBe('\t');
    expect(detectSeparator('Nom\nA\n')).toBe(';');
  });

  it('recognises usual French headers regardless of accents and case, and reports unused columns', () => {
    const t = readCsvTable(
      utf8(
        'RAISON SOCIALE\tN° SIRET\tCode Postal\tVille\tTéléphone\tE-Mail\tObservations\nA\t\t69003\tLyon\t0601020304\ta@b.fr\tx\n',
      ),
    );
    expect(t.separator).toBe('\t');
    expect(t.columns).toEqual({ name: 0, siret: 1, postcode: 2, city: 3, contactPhone: 4, contactEmail: 5 });
    expect(t.ignoredColumns).toEqual(['Observations']);
    expect(t.rows).toEqual([
      {
        line: 2,
        values: { name: 'A', postcode: '69003', city: 'Lyon', contactPhone: '0601020304', contactEmail: 'a@b.fr' },
      },
    ]);
  });

  it('takes "Nom" as the contact when another column names the company', () => {
    expect(readCsvTable(utf8('Nom;Prénom;Entreprise\nDupont;Marie;Acme\n')).columns).toEqual({
      name: 2,
      contactName: 0,
      contactFirstName: 1,
    });
    expect(readCsvTable(utf8('Nom;Ville\nAcme;Lyon\n')).columns).toEqual({ name: 0, city: 1 });
  });

  it('keeps quoted separators and line breaks, numbers lines as the spreadsheet does, skips empty lines', () => {
    const t = readCsvTable(utf8('Nom;Adresse\n"A; fils";"1 rue X\nBât. B"\n\n;\nB;\n'));
    expect(t.rows).toEqual([
      { line: 3, values: { name: 'A; fils', address: '1 rue X\nBât. B' } },
      { line: 6, values: { name: 'B' } },
    ]);
  });

  it('refuses an empty file, a file without a name column, and a mapping to a missing column', () => {
    expect(() => readCsvTable(utf8(''))).toThrow(CsvTableError);
    expect(() => readCsvTable(utf8('Nom;Ville\n'))).toThrow(/aucune ligne/);
    expect(() => readCsvTable(utf8('A;B\n1;2\n'))).toThrow(/nom de l'entreprise/);
    expect(() => readCsvTable(utf8('A;B\n1;2\n'), { name: 'Société' })).toThrow(/« Société »/);
    expect(readCsvTable(utf8('Société;B\n1;2\n'), { name: 'societe', city: 'b' }).columns).toEqual({
      name: 0,
      city: 1,
    });
  });
});

describe('line checks', () => {
  const check = (csv: string) => checkLines(readCsvTable(utf8(csv)));

  it('normalises SIRET spaces, NAF, lost leading zeros of postcodes, and contact e-mail/phone', () => {
    const { lines, errors } = check(
      'Nom;SIRET;NAF;CP;Ville;Mail;Tel\nA;448 307 928 00011;49.41a;1400;Châtillon;A@B.FR;6 12 34 56 78\n',
    );
    expect(errors).toEqual([]);
    expect(lines[0]).toMatchObject({
      siret: '44830792800011',
      naf: '4941A',
      commune: { kind: 'place', postcode: '01400', city: 'Châtillon' },
      contact: { emailNormalised: 'a@b.fr', phoneE164: '+33612345678' },
    });
  });

  it('reports each wrong value with its line and field, in French', () => {
    const { lines, errors } = check(
      'Nom;SIRET;Code INSEE;Mail;Tel;Fonction\n;;;;;\n' + 'B;123;6912;x@;12;\nC;;;;;Gérant\n',
    );
    expect(lines).toEqual([]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'siret'],
      [3, 'commune'],
      [3, 'contactEmail'],
      [3, 'contactPhone'],
      [4, 'contactRole'],
    ]);
    expect(errors[0].message).toBe('Le SIRET « 123 » doit compter 14 chiffres.');
  });

  it('requires a name on lines that have something else', () => {
    expect(check('Nom;Ville\n;Lyon\n').errors).toEqual([
      { line: 2, field: 'name', message: "Le nom de l'entreprise est obligatoire." },
    ]);
  });

  it('reports duplicates by SIRET, or by normalised name in the same commune, but not two SIRETs of a chain', () => {
    const base = { naf: null, address: null, website: null, commune: null, contact: null };
    const dups = findDuplicates([
      { ...base, line: 2, name: 'Boulangerie Martin SARL', siret: '44830792800011', communeCode: '69123' },
      { ...base, line: 3, name: 'Autre nom', siret: '44830792800011', communeCode: '69123' },
      { ...base, line: 4, name: 'BOULANGERIE MARTIN', siret: null, communeCode: '69123' },
      { ...base, line: 5, name: 'Boulangerie Martin', siret: null, communeCode: '69266' },
      { ...base, line: 6, name: 'Carrefour Market', siret: '55248129600028', communeCode: '69123' },
      { ...base, line: 7, name: 'Carrefour Market', siret: '39120345700018', communeCode: '69123' },
    ]);
    expect(dups.map((d) => [d.line, d.field])).toEqual([
      [3, 'siret'],
      [4, 'name'],
    ]);
    expect(dups[1].message).toContain('ligne 2');
  });
});
