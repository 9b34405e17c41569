/**
 * CSV import of an SIAE's company list: encodings and separators as spreadsheets write them, column mapping, per-line
 * report with nothing written on any error, dry run, and who may import.
 */
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

// Luhn-valid SIRETs (fictitious)
const S1 = '44830792800011';
const S2 = '55248129600028';
const S3 = '39120345700018';
const S4 = '80123456700015';

/** Windows-1252 bytes: latin1, except the typographic characters Excel keeps in 0x80–0x9F. */
const cp1252 = (text: string) => Buffer.from(text.replace(/’/g, '\u0092').replace(/œ/g, '\u009c'), 'latin1');

/** What Excel writes for "CSV (séparateur : point-virgule)": Windows-1252, CRLF, no BOM. */
const WINDOWS_FILE = cp1252(
  [
    'Raison sociale;SIRET;Code postal;Ville;Téléphone;E-mail;Contact;Fonction',
    `Boulangerie Ménard;${S1.slice(0, 3)} ${S1.slice(3, 6)} ${S1.slice(6, 9)} ${S1.slice(9)};69003;Lyon;04 78 12 34 56;Contact@Menard.fr;Hélène Ménard;Gérante`,
    `"Transports Dubois; Fils";${S2};69100;VILLEURBANNE;06.12.34.56.78;;Jérôme Dubois;Directeur d'exploitation`,
    "Café de l'Église;;69007;Lyon 7e;;;;",
    'Crèche Les Poussins;;69800;St-Priest;;;;',
    'Cœur d’Artichaut;;69001;Lyon 1er;;;;',
    ';;;;;;;',
  ].join('\r\n') + '\r\n',
);

const MAPPED_FILE = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(
    [
      'Nom commercial,N° SIRET,INSEE,Mail contact,Tel,Remarques',
      `"Garage Dupont, père et fils",${S3},69266,atelier@garage-dupont.fr,+33 4 72 00 00 01,client fidèle`,
      `Métallerie Rhône Sud,${S4},69387,,,`,
    ].join('\n'),
    'utf8',
  ),
]);

const INVALID_FILE = Buffer.from(
  [
    'Entreprise;SIRET;CP;Ville;Email;Téléphone',
    `Valide SARL;${S1};69003;Lyon;;`,
    ';;69003;Lyon;;',
    'Mauvais SIRET;44830792800012;69003;Lyon;;',
    'Commune inconnue;;99999;Nulle Part;;',
    'Mauvais contact;;69100;Villeurbanne;pas-un-mail;12',
    `Doublon SIRET;${S1};69100;Villeurbanne;;`,
    'Valide SARL;;69003;LYON;;',
  ].join('\n'),
  'utf8',
);

describe('employer network: CSV import of companies', () => {
  let t: TestApp;
  let f: Fixtures;
  let siaeA: Siae;
  let tokens: Record<'devA' | 'dirA' | 'cipA' | 'devB', string>;

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
    f = new Fixtures(t);
    siaeA = await f.siae({ name: 'SIAE Import A' });
    const siaeB = await f.siae({ name: 'SIAE Import B' });
    tokens = {
      devA: await f.tokenFor(await f.member(siaeA, 'charge_dev')),
      dirA: await f.tokenFor(await f.member(siaeA, 'direction')),
      cipA: await f.tokenFor(await f.member(siaeA, 'cip')),
      devB: await f.tokenFor(await f.member(siaeB, 'charge_dev')),
    };
  });
  afterAll(() => t.close());

  const send = (token: string | null, body: Buffer, query: Record<string, string> = {}, siaeId = siaeA.id) => {
    let req = t.http().post(`/api/siae/${siaeId}/companies/import`).query(query).set('content-type', 'text/csv');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    return req.send(body);
  };
  /**
   * A request, and for an import the job's outcome: what the request refuses keeps its HTTP status; an accepted import
   * (202) is run by the worker and read back from the progress endpoint: `done` with its result, or `invalid` with the
   * refusal (the same `{ code, message, details }` the dry run answers as an error).
   */
  const post = async (token: string | null, body: Buffer, query: Record<string, string> = {}, siaeId = siaeA.id) => {
    const res = await send(token, body, query, siaeId);
    if (query.dryRun === 'true' || res.status !== 202) return { status: res.status as number | string, body: res.body };
    expect(res.body).toMatchObject({ status: 'queued', siaeId, label: 'En attente' });
    await t.drainQueues(60_000);
    const view = await t
      .http()
      .get(`/api/siae/${siaeId}/companies/imports/${res.body.id}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    return {
      status: view.body.status as number | string,
      body: view.body.status === 'done' ? view.body.result : view.body.errors,
    };
  };
  const counts = async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM company WHERE siae_id = $1) AS companies,
              (SELECT count(*)::int FROM company_contact cc JOIN company c ON c.id = cc.company_id WHERE c.siae_id = $1) AS contacts,
              (SELECT count(*)::int FROM audit_entry WHERE action = 'company.import' AND subject_id = $1) AS audits`,
      [siaeA.id],
    );
    return row as { companies: number; contacts: number; audits: number };
  };

  it('imports a ;-separated Windows-1252 export with accents, quotes and French headers', async () => {
    const before = await counts();
    const res = await post(tokens.devA, WINDOWS_FILE);
    expect([res.status, res.body.code]).toEqual(['done', undefined]);
    expect(res.body).toMatchObject({
      dryRun: false,
      encoding: 'windows-1252',
      separator: ';',
      lines: 5,
      companies: 5,
      contacts: 2,
    });
    expect(res.body.columns).toMatchObject({
      name: 'Raison sociale',
      siret: 'SIRET',
      postcode: 'Code postal',
      city: 'Ville',
      contactEmail: 'E-mail',
    });

    const rows: Array<{ name: string; siret: string | null; commune_code: string | null }> = await t.dataSource.query(
      `SELECT name, siret, commune_code FROM company WHERE siae_id = $1`,
      [siaeA.id],
    );
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: 'Boulangerie Ménard', siret: S1, commune_code: '69123' },
        { name: "Café de l'Église", siret: null, commune_code: '69387' },
        { name: 'Cœur d’Artichaut', siret: null, commune_code: '69381' },
        { name: 'Crèche Les Poussins', siret: null, commune_code: '69290' },
        { name: 'Transports Dubois; Fils', siret: S2, commune_code: '69266' },
      ]),
    );
    const contacts = await t.dataSource.query(
      `SELECT last_name, role, email_normalised, phone_e164 FROM company_contact cc JOIN company c ON c.id = cc.company_id
        WHERE c.siae_id = $1 ORDER BY last_name`,
      [siaeA.id],
    );
    expect(contacts).toEqual([
      {
        last_name: 'Hélène Ménard',
        role: 'Gérante',
        email_normalised: 'contact@menard.fr',
        phone_e164: '+33478123456',
      },
      {
        last_name: 'Jérôme Dubois',
        role: "Directeur d'exploitation",
        email_normalised: null,
        phone_e164: '+33612345678',
      },
    ]);
    const after = await counts();
    expect(after).toEqual({
      companies: before.companies + 5,
      contacts: before.contacts + 2,
      audits: before.audits + 1,
    });
    const [audit] = await t.dataSource.query(
      `SELECT context FROM audit_entry WHERE action = 'company.import' AND subject_id = $1`,
      [siaeA.id],
    );
    expect(audit.context).toMatchObject({ companies: 5, contacts: 2 });
  });

  it('imports a ,-separated UTF-8 file with a BOM through a column mapping (direction may import too)', async () => {
    const mapping = {
      name: 'Nom commercial',
      siret: 'N° SIRET',
      commune: 'INSEE',
      contactEmail: 'Mail contact',
      contactPhone: 'Tel',
    };
    const res = await post(tokens.dirA, MAPPED_FILE, { mapping: JSON.stringify(mapping) });
    expect([res.status, res.body.code]).toEqual(['done', undefined]);
    expect(res.body).toMatchObject({
      encoding: 'utf-8',
      separator: ',',
      lines: 2,
      companies: 2,
      contacts: 1,
      ignoredColumns: ['Remarques'],
    });
    const rows = await t.dataSource.query(
      `SELECT name, siret, commune_code FROM company WHERE siae_id = $1 AND siret = ANY($2) ORDER BY name`,
      [siaeA.id, [S3, S4]],
    );
    expect(rows).toEqual([
      { name: 'Garage Dupont, père et fils', siret: S3, commune_code: '69266' },
      { name: 'Métallerie Rhône Sud', siret: S4, commune_code: '69387' },
    ]);
  });

  it('refuses a mapping naming a column the file does not have', async () => {
    const res = await post(tokens.devA, MAPPED_FILE, { mapping: JSON.stringify({ name: 'Raison sociale' }) });
    expect([res.status, res.body.code]).toEqual(['invalid', 'IMPORT_UNREADABLE']);
  });

  it('writes nothing when a line is invalid and reports every problem by line and field (the job ends invalid; the dry run answers 422)', async () => {
    const before = await counts();
    const res = await post(tokens.devA, INVALID_FILE);
    expect([res.status, res.body.code]).toEqual(['invalid', 'IMPORT_INVALID']);
    expect(res.body.details).toMatchObject({ lines: 7, errorCount: 7, truncated: false });
    const report = (res.body.details.errors as Array<{ line: number; field: string; message: string }>).map((e) => [
      e.line,
      e.field,
    ]);
    expect(report).toEqual([
      [3, 'name'],
      [4, 'siret'],
      [5, 'postcode'],
      [6, 'contactEmail'],
      [6, 'contactPhone'],
      [7, 'siret'],
      [8, 'name'],
    ]);
    for (const e of res.body.details.errors) expect(e.message).toMatch(/^[A-ZÀ-Ü]/);
    expect(res.body.details.errors[6].message).toContain('ligne 2');
    expect(await counts()).toEqual(before);
  });

  it('dry run validates and answers the counts without writing anything', async () => {
    const before = await counts();
    const file = Buffer.from(`Nom;Code INSEE\nNouvelle Entreprise;69123\nAutre Entreprise;69266\n`, 'utf8');
    const res = await post(tokens.devA, file, { dryRun: 'true' });
    expect([res.status, res.body]).toEqual([200, expect.objectContaining({ dryRun: true, companies: 2, contacts: 0 })]);
    expect(await counts()).toEqual(before);
    const bad = await post(tokens.devA, INVALID_FILE, { dryRun: 'true' });
    expect([bad.status, bad.body.code]).toEqual([422, 'IMPORT_INVALID']);
  });

  it('rejects a file without a recognisable name column, and a JSON body', async () => {
    const res = await post(tokens.devA, Buffer.from('Colonne A;Colonne B\n1;2\n'));
    expect([res.status, res.body.code]).toEqual(['invalid', 'IMPORT_UNREADABLE']);
    const json = await t
      .http()
      .post(`/api/siae/${siaeA.id}/companies/import`)
      .set('authorization', `Bearer ${tokens.devA}`)
      .send({ csv: 'Nom\nA' });
    expect([json.status, json.body.code]).toEqual([415, 'IMPORT_MEDIA_TYPE']);
  });

  it('refuses a malformed mapping and a file over 5 MB, writing nothing', async () => {
    const before = await counts();
    const unknown = await post(tokens.devA, MAPPED_FILE, {
      mapping: JSON.stringify({ name: 'Nom commercial', fax: 'Fax' }),
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'IMPORT_MAPPING_INVALID']);
    const notJson = await post(tokens.devA, MAPPED_FILE, { mapping: 'name=Nom' });
    expect([notJson.status, notJson.body.code]).toEqual([400, 'IMPORT_MAPPING_INVALID']);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    const tooLarge = await post(tokens.devA, big);
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'IMPORT_TOO_LARGE']);
    expect(await counts()).toEqual(before);
  });

  describe('compared with the SIAE’s existing companies', () => {
    let siae: Siae;
    let dev: string;
    const S5 = '73282932000074';
    const FILE = Buffer.from(
      [
        'Raison sociale;SIRET;Code INSEE;Adresse;Contact;E-mail',
        `Menuiserie Charvet;${S5};69123;12 rue des Artisans;Lucie Charvet;lucie@charvet.fr`,
        'Fleurs & Jardins;;69266;;;',
        'Traiteur du Parc;;69259;4 allée du Parc;;',
      ].join('\n'),
      'utf8',
    );
    const companiesOf = async () =>
      (await t.dataSource.query(
        `SELECT name, siret, commune_code, address FROM company WHERE siae_id = $1 ORDER BY name`,
        [siae.id],
      )) as Array<Record<string, string | null>>;
    const contactCount = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM company_contact cc JOIN company c ON c.id = cc.company_id WHERE c.siae_id = $1`,
          [siae.id],
        )
      )[0].n as number;
    beforeAll(async () => {
      siae = await f.siae({ name: 'SIAE Import C' });
      dev = await f.tokenFor(await f.member(siae, 'charge_dev'));
    });

    it('importing the same file twice creates nothing the second time, and the dry run says so line by line', async () => {
      const first = await post(dev, FILE, {}, siae.id);
      expect([first.status, first.body.code]).toEqual(['done', undefined]);
      expect(first.body).toMatchObject({ companies: 3, existing: 0, updated: 0, contacts: 1 });
      expect(first.body.report.map((r: { outcome: string }) => r.outcome)).toEqual(['créée', 'créée', 'créée']);
      const after = await companiesOf();

      const dry = await post(dev, FILE, { dryRun: 'true' }, siae.id);
      expect([dry.status, dry.body.code]).toEqual([200, undefined]);
      expect(dry.body).toMatchObject({
        dryRun: true,
        companies: 0,
        existing: 3,
        updated: 0,
        contacts: 0,
        reportTruncated: false,
      });
      expect(dry.body.report).toEqual([
        {
          line: 2,
          outcome: 'déjà présente',
          companyId: first.body.report[0].companyId,
          message: 'déjà présente : « Menuiserie Charvet », reconnue par le SIRET (contact déjà connu)',
        },
        {
          line: 3,
          outcome: 'déjà présente',
          companyId: first.body.report[1].companyId,
          message: 'déjà présente : « Fleurs & Jardins », reconnue par le nom et la commune (rien à mettre à jour)',
        },
        {
          line: 4,
          outcome: 'déjà présente',
          companyId: first.body.report[2].companyId,
          message: expect.stringContaining('rien à mettre à jour'),
        },
      ]);
      const again = await post(dev, FILE, {}, siae.id);
      expect([again.status, again.body.companies, again.body.existing]).toEqual(['done', 0, 3]);
      expect(await companiesOf()).toEqual(after);
      expect(await contactCount()).toBe(1);
    });

    it('a line with the SIRET of an existing company under another spelling fills its empty fields only, and adds a new contact', async () => {
      const created = await t.http().post('/api/companies').set('authorization', `Bearer ${dev}`).send({
        siaeId: siae.id,
        name: 'Nettoyage Express SAS',
        siret: '448 307 928 00011',
        communeCode: '69383',
        address: '5 rue Paul Bert',
      });
      expect(created.status).toBe(201);
      const before = (await companiesOf()).length;
      const file = Buffer.from(
        [
          'Entreprise;N° SIRET;CP;Ville;Adresse;Site web;Nom;E-mail',
          `NETTOYAGE EXPRESS;${S1};69100;Villeurbanne;12 avenue Ailleurs;www.nettoyage-express.fr;Sofia Martin;s.martin@nettoyage-express.fr`,
          'Nouvelle Entreprise;;69100;Villeurbanne;;;;',
        ].join('\n'),
        'utf8',
      );
      const dry = await post(dev, file, { dryRun: 'true' }, siae.id);
      expect(dry.body.report.map((r: { message: string }) => r.message)).toEqual([
        'déjà présente : « Nettoyage Express SAS », reconnue par le SIRET (mise à jour de : site web ; contact ajouté)',
        'créée',
      ]);
      expect((await companiesOf()).length).toBe(before);
      const res = await post(dev, file, {}, siae.id);
      expect([res.status, res.body.companies, res.body.existing, res.body.updated, res.body.contacts]).toEqual([
        'done',
        1,
        1,
        1,
        1,
      ]);
      expect((await companiesOf()).length).toBe(before + 1);
      const [row] = await t.dataSource.query(
        `SELECT name, siret, commune_code, address, website FROM company WHERE id = $1`,
        [created.body.id],
      );
      // what the SIAE typed stays (name, commune, address); only the empty website is filled
      expect(row).toEqual({
        name: 'Nettoyage Express SAS',
        siret: S1,
        commune_code: '69383',
        address: '5 rue Paul Bert',
        website: 'www.nettoyage-express.fr',
      });
      const contacts = await t.dataSource.query(
        `SELECT last_name, email_normalised FROM company_contact WHERE company_id = $1`,
        [created.body.id],
      );
      expect(contacts).toEqual([{ last_name: 'Sofia Martin', email_normalised: 's.martin@nettoyage-express.fr' }]);
      const [audit] = await t.dataSource.query(
        `SELECT context FROM audit_entry WHERE action = 'company.import' AND subject_id = $1 ORDER BY at DESC LIMIT 1`,
        [siae.id],
      );
      expect(audit.context).toMatchObject({ companies: 1, existing: 1, updated: 1, contacts: 1 });
    });

    it('two lines landing on the same existing company are reported, nothing written', async () => {
      const before = { companies: (await companiesOf()).length, contacts: await contactCount() };
      const file = Buffer.from(
        ['Nom;SIRET;Code INSEE', `Charvet Menuiserie;${S5};69123`, 'Menuiserie Charvet;;69123'].join('\n'),
        'utf8',
      );
      const res = await post(dev, file, {}, siae.id);
      expect([res.status, res.body.code]).toEqual(['invalid', 'IMPORT_INVALID']);
      expect(res.body.details.errors).toEqual([
        { line: 3, field: 'name', message: expect.stringContaining('la ligne 2') },
      ]);
      expect({ companies: (await companiesOf()).length, contacts: await contactCount() }).toEqual(before);
    });
  });

  it('answers 404 to another SIAE’s staff, 403 to a wrong role, 401 to anonymous', async () => {
    const before = await counts();
    const other = await post(tokens.devB, WINDOWS_FILE);
    expect([other.status, other.body.code]).toEqual([404, 'SIAE_NOT_FOUND']);
    const cip = await post(tokens.cipA, WINDOWS_FILE);
    expect([cip.status, cip.body.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await post(null, WINDOWS_FILE);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await counts()).toEqual(before);
  });
});
