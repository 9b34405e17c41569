import { ReferentialsImporter } from '../../src/modules/referentials/referentials.importer';
import { ReferentialsService } from '../../src/modules/referentials/referentials.service';
import { TestApp } from '../support/test-app';

interface Suggestion {
  code: string;
  label: string;
  shortLabel: string;
  fiche: { code: string; label: string };
  domain: { code: string; label: string };
}
interface CommuneBody {
  code: string;
  name: string;
  department: string;
  postcodes: string[];
  latitude: number;
  longitude: number;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');

describe('referentials: data, import, autocomplete', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  const appellations = async (q: string, limit?: number): Promise<Suggestion[]> => {
    const res = await t
      .http()
      .get('/api/referentials/appellations')
      .query(limit ? { q, limit } : { q });
    expect(res.status).toBe(200);
    return res.body;
  };
  const communes = async (q: string, limit?: number): Promise<CommuneBody[]> => {
    const res = await t
      .http()
      .get('/api/referentials/communes')
      .query(limit ? { q, limit } : { q });
    expect(res.status).toBe(200);
    return res.body;
  };

  describe('appellations', () => {
    it('finds labels by the beginning of several words, in any position, without needing an account', async () => {
      const found = await appellations('agent entr', 50);
      expect(found.length).toBeGreaterThan(3);
      for (const a of found) {
        const words = fold(a.label).split(' ');
        expect(words.some((w) => w.startsWith('agent'))).toBe(true);
        expect(words.some((w) => w.startsWith('entr'))).toBe(true);
      }
      expect(found.map((a) => a.label)).toContain("Agent / Agente d'entretien du bâtiment");
    });

    it('ignores accents both ways and puts labels starting with the query first', async () => {
      const elec = await appellations('elec');
      expect(elec.length).toBe(10);
      expect(fold(elec[0].label)).toMatch(/^elec/);
      expect(elec.some((a) => a.label.startsWith('Électricien'))).toBe(true);
      const accented = await appellations('ÉLEC');
      expect(accented).toEqual(elec);
      const wrongAccent = await appellations('électricièn');
      expect(wrongAccent.some((a) => a.label.startsWith('Électricien'))).toBe(true);
    });

    it('returns the OGR code, the fiche and the domain of each result', async () => {
      const [first] = await appellations('chauffeur machines agricoles');
      expect(first).toEqual({
        code: '11987',
        label: 'Chauffeur / Chauffeuse de machines agricoles',
        shortLabel: 'Chauffeur / Chauffeuse de machines agricoles',
        fiche: { code: 'A1101', label: "Conduite d'engins agricoles et forestiers" },
        domain: { code: 'A11', label: 'Engins agricoles et forestiers' },
      });
    });

    it('ranks shorter labels first among those that do not start with the query', async () => {
      const found = await appellations('cuisinier', 20);
      const starting = found.filter((a) => fold(a.label).startsWith('cuisinier'));
      const lengths = starting.map((a) => a.label.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    });

    it('matches word beginnings only, treats apostrophes and hyphens as separators, and honours limit', async () => {
      expect(await appellations('ntretien')).toEqual([]);
      const hyphen = await appellations('aide-soignant');
      expect(hyphen.some((a) => fold(a.label).startsWith('aide soignant'))).toBe(true);
      const apostrophe = await appellations("d'entretien");
      expect(apostrophe.length).toBeGreaterThan(0);
      expect(await appellations('agent', 3)).toHaveLength(3);
      expect(await appellations('zzzzqqq')).toEqual([]);
    });
  });

  describe('communes', () => {
    it('finds by name ignoring accents, hyphens and the Saint/St abbreviation', async () => {
      const stEtienne = await communes('st etienne');
      expect(stEtienne[0]).toMatchObject({ code: '42218', name: 'Saint-Étienne', department: '42' });
      expect((await communes('saint-etienne'))[0].code).toBe('42218');
      expect((await communes('SAINT ÉTIENNE'))[0].code).toBe('42218');
      const steFoy = await communes('ste foy les lyon');
      expect(steFoy[0]).toMatchObject({ code: '69202', name: 'Sainte-Foy-lès-Lyon' });
    });

    it('puts Lyon first, then its arrondissements in order', async () => {
      const lyon = await communes('lyon', 12);
      expect(lyon[0]).toMatchObject({ code: '69123', name: 'Lyon', department: '69' });
      expect(lyon[0].postcodes).toHaveLength(9);
      expect(lyon.slice(1, 10).map((c) => c.code)).toEqual([
        '69381',
        '69382',
        '69383',
        '69384',
        '69385',
        '69386',
        '69387',
        '69388',
        '69389',
      ]);
      expect((await communes('lyon 3'))[0]).toMatchObject({ code: '69383', name: 'Lyon 3e' });
    });

    it('finds by postcode prefix, exact postcode first', async () => {
      const exact = await communes('69001');
      expect(exact.map((c) => c.code)).toEqual(['69123', '69381']);
      const prefix = await communes('6900', 50);
      expect(prefix.length).toBeGreaterThan(2);
      for (const c of prefix) expect(c.postcodes.some((p) => p.startsWith('6900'))).toBe(true);
      const withSpace = await communes('69 001');
      expect(withSpace.map((c) => c.code)).toEqual(['69123', '69381']);
    });

    it('returns a commune with its coordinates by INSEE code, 404 when unknown', async () => {
      const res = await t.http().get('/api/referentials/communes/2a004').expect(200);
      expect(res.body).toEqual({
        code: '2A004',
        name: 'Ajaccio',
        department: '2A',
        postcodes: ['20000', '20090', '20167'],
        latitude: 41.9228,
        longitude: 8.7058,
      });
      const missing = await t.http().get('/api/referentials/communes/99999').expect(404);
      expect(missing.body).toEqual({
        code: 'NOT_FOUND',
        message: 'La commune est introuvable.',
        details: { code: '99999' },
      });
    });
  });

  describe('fiches', () => {
    it('returns a fiche with its domain, its appellation count and its related fiches', async () => {
      const res = await t.http().get('/api/referentials/fiches/k2204').expect(200);
      expect(res.body).toMatchObject({
        code: 'K2204',
        domain: { code: 'K22', label: expect.any(String) },
        grandDomain: { code: 'K', label: 'Services à la personne et à la collectivité' },
      });
      expect(res.body.appellationsCount).toBeGreaterThan(5);
      const scores = res.body.related.map((r: { score: number }) => r.score);
      expect(scores.length).toBeGreaterThan(3);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      expect(res.body.related[0]).toEqual({ code: 'G1501', label: expect.any(String), score: expect.any(Number) });
      await t.http().get('/api/referentials/fiches/Z9999').expect(404);
    });
  });

  describe('bad input', () => {
    it.each([
      ['/api/referentials/appellations', { q: 'a' }, 'q'],
      ['/api/referentials/appellations', { q: 'x'.repeat(101) }, 'q'],
      ['/api/referentials/appellations', {}, 'q'],
      ['/api/referentials/appellations', { q: 'agent', limit: 'abc' }, 'limit'],
      ['/api/referentials/appellations', { q: 'agent', limit: '500' }, 'limit'],
      ['/api/referentials/communes', { q: ' l ' }, 'q'],
      ['/api/referentials/communes', { q: 'lyon', unknown: '1' }, 'unknown'],
    ])('%s with %j answers 400 with the field in error', async (path, query, field) => {
      const res = await t.http().get(path).query(query).expect(400);
      expect(res.body).toEqual({
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        details: [expect.objectContaining({ field })],
      });
      expect(res.body.message).toBe('Certaines données envoyées sont invalides.');
    });

    it('explains the expected length in French', async () => {
      const res = await t.http().get('/api/referentials/appellations').query({ q: 'a' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'q', problems: ['doit contenir entre 2 et 100 caractères'] }]);
    });

    it('refuses malformed codes in paths with 400, never 500', async () => {
      const commune = await t.http().get('/api/referentials/communes/69%27%3B--').expect(400);
      expect(commune.body.details[0].field).toBe('code');
      const fiche = await t.http().get('/api/referentials/fiches/A12').expect(400);
      expect(fiche.body.details[0].problems[0]).toMatch(/code ROME/);
    });

    it('answers an empty list to a query made only of punctuation', async () => {
      expect(await appellations('--')).toEqual([]);
      expect(await communes("''")).toEqual([]);
    });
  });

  describe('ReferentialsService (used by other modules)', () => {
    it('resolves communes, appellations, domains and neighbours', async () => {
      const service = t.get(ReferentialsService);
      expect(await service.findCommune('69123')).toMatchObject({ name: 'Lyon', latitude: 45.758, longitude: 4.8351 });
      expect(await service.findCommune('00000')).toBeNull();
      const many = await service.findCommunes(['69123', '75056', '00000']);
      expect([...many.keys()].sort()).toEqual(['69123', '75056']);
      expect(await service.findAppellation('11987')).toMatchObject({
        fiche: { code: 'A1101' },
        domain: { code: 'A11' },
      });
      expect(await service.domainOf('A1203')).toEqual({
        domain: { code: 'A12', label: 'Espaces naturels et espaces verts' },
        grandDomain: { code: 'A', label: 'Agriculture et Pêche, Espaces naturels et Espaces verts, Soins aux animaux' },
      });
      expect(await service.domainOf('nonsense')).toBeNull();
      const near = await service.communesNear(45.758, 4.8351, 5);
      expect(near[0].code).toBe('69123');
      expect(near.map((c) => c.code)).toEqual(expect.arrayContaining(['69381', '69202']));
      expect(near.every((c) => c.distanceKm <= 5)).toBe(true);
      expect(near.map((c) => c.distanceKm)).toEqual([...near.map((c) => c.distanceKm)].sort((a, b) => a - b));
    });
  });

  describe('import', () => {
    it('is idempotent: a second run on the seeded database writes nothing and finds the same counts', async () => {
      const tables = ['rome_grand_domain', 'rome_domain', 'rome_fiche', 'rome_appellation', 'rome_related', 'commune'];
      const snapshot = async () => {
        const rows: { t: string; n: number; h: string }[] = await t.dataSource.query(
          tables
            .map(
              (name) =>
                `SELECT '${name}' AS t, count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${name} x`,
            )
            .join(' UNION ALL '),
        );
        return Object.fromEntries(rows.map((r) => [r.t, { n: r.n, h: r.h }]));
      };
      const before = await snapshot();
      expect(before).toMatchObject({
        rome_grand_domain: { n: 14 },
        rome_domain: { n: 110 },
        rome_fiche: { n: 532 },
        commune: { n: 35094 },
      });

      const report = await new ReferentialsImporter(t.dataSource).run();
      for (const table of report.tables) {
        expect({
          table: table.table,
          inserted: table.inserted,
          updated: table.updated,
          deleted: table.deleted,
          keptNotInFile: table.keptNotInFile,
        }).toEqual({
          table: table.table,
          inserted: 0,
          updated: 0,
          deleted: 0,
          keptNotInFile: 0,
        });
        expect(table.unchanged).toBe(before[table.table].n);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('repairs a changed row and keeps rows that left the file, reporting both', async () => {
      await t.dataSource.query(`UPDATE commune SET name = 'Lyon (modifié)' WHERE code = '69123'`);
      await t.dataSource.query(
        `INSERT INTO commune (code, name, department, postcodes, latitude, longitude) VALUES ('99998', 'Ancienne', '99', '{}', 0, 0)`,
      );
      const report = await new ReferentialsImporter(t.dataSource).run();
      const commune = report.tables.find((r) => r.table === 'commune');
      expect(commune).toMatchObject({ inserted: 0, updated: 1, keptNotInFile: 1 });
      expect((await communes('lyon'))[0].name).toBe('Lyon');
      await t.dataSource.query(`DELETE FROM commune WHERE code = '99998'`);
    });
  });
});
