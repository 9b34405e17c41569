import { Fixtures, validSiret } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Rules checked before the database (issue 11 §4): each of these used to reach a constraint (a 500) or to be stored as
 * nonsense. Each answer is a 4xx naming the field, and nothing is written.
 */
describe('input rules caught before the database', () => {
  let t: TestApp;
  let coordinatorToken: string;
  let devToken: string;
  let cipToken: string;
  let collectiveId: string;
  let siaeId: string;

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
    const f = new Fixtures(t);
    const siae = await f.siae();
    siaeId = siae.id;
    const collective = await f.collective();
    collectiveId = collective.id;
    await f.collectiveMember(collective, siae);
    const direction = await f.member(siae, 'direction');
    await f.coordinator(collective, direction);
    coordinatorToken = await f.tokenFor(direction);
    devToken = await f.tokenFor(await f.member(siae, 'charge_dev'));
    cipToken = await f.tokenFor(await f.member(siae, 'cip'));
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const rows = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('a 7-day solicitation limit above the 30-day one, or a size band twice, is a 400 on the field', async () => {
    const put = (body: object) =>
      t.http().put(`/api/collectives/${collectiveId}/solicitation-budget`).set(auth(coordinatorToken)).send(body);
    const above = await put({ default: { maxPer30Days: 3, maxPer7Days: 5 } });
    expect(above.status).toBe(400);
    expect(above.body.details).toEqual([
      { field: 'default.maxPer7Days', problems: ['ne doit pas dépasser maxPer30Days (la limite sur 30 jours)'] },
    ]);
    const twice = await put({
      default: { maxPer30Days: 4, maxPer7Days: 2 },
      bySize: [
        { sizeBand: 'micro', maxPer30Days: 2, maxPer7Days: 1 },
        { sizeBand: 'micro', maxPer30Days: 3, maxPer7Days: 1 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.details).toEqual([
      {
        field: 'bySize',
        problems: ['ne doit pas contenir deux fois la même valeur de sizeBand (une limite par taille)'],
      },
    ]);
    expect(await rows('solicitation_budget')).toBe(0);
    expect((await put({ default: { maxPer30Days: 4, maxPer7Days: 4 } })).status).toBe(200);
  });

  it('coordinator weights are bounded: 1e308 (which made every score null) is refused', async () => {
    const res = await t
      .http()
      .put(`/api/collectives/${collectiveId}/matching-weights`)
      .set(auth(coordinatorToken))
      .send({ overrides: { job: { sameFiche: 1e308 } } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details)).toContain('doit être un nombre entre 0 et 1000');
    const [{ matching_weights }] = await t.dataSource.query(`SELECT matching_weights FROM collective WHERE id = $1`, [
      collectiveId,
    ]);
    expect(matching_weights).toBeNull();
  });

  it('a SIRET with a bad checksum is refused on PATCH as on create; a blank name is "champ requis"', async () => {
    const created = await t
      .http()
      .post('/api/companies')
      .set(auth(devToken))
      .send({ siaeId, name: 'Boulangerie Martin', siret: validSiret() });
    expect(created.status).toBe(201);
    const bad = '73282932000075';
    const onCreate = await t.http().post('/api/companies').set(auth(devToken)).send({ siaeId, name: 'X', siret: bad });
    expect([onCreate.status, onCreate.body.code]).toEqual([400, 'SIRET_INVALID']);
    const patch = (body: object) => t.http().patch(`/api/companies/${created.body.id}`).set(auth(devToken)).send(body);
    const onPatch = await patch({ siret: bad });
    expect([onPatch.status, onPatch.body.code]).toEqual([400, 'SIRET_INVALID']);
    const blank = await patch({ name: '   ' });
    expect(blank.body.details).toEqual([{ field: 'name', problems: ['champ requis'] }]);
    const [row] = await t.dataSource.query(`SELECT name, siret FROM company WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ name: 'Boulangerie Martin', siret: created.body.siret });
    // spaces in a SIRET are still accepted
    const spaced = await patch({ siret: '732 829 320 00074' });
    expect([spaced.status, spaced.body.siret]).toEqual([200, '73282932000074']);
  });

  it('a birth date in the future is refused (create and update)', async () => {
    const future = `${new Date().getFullYear() + 1}-01-01`;
    const body = { siaeId, firstName: 'Awa', lastName: 'Diallo', birthDate: future };
    const res = await t.http().post('/api/candidates').set(auth(cipToken)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'birthDate', problems: ["doit être une date entre 1900-01-01 et aujourd'hui"] },
    ]);
    expect(await rows('candidate')).toBe(0);
    const ok = await t
      .http()
      .post('/api/candidates')
      .set(auth(cipToken))
      .send({ ...body, birthDate: '1990-05-04' });
    expect(ok.status).toBe(201);
    const patched = await t
      .http()
      .patch(`/api/candidates/${ok.body.id}`)
      .set(auth(cipToken))
      .send({ birthDate: future });
    expect(patched.status).toBe(400);
  });

  describe('CSV import: what the dry run accepts, the import writes', () => {
    /**
     * The dry run answers in the request; the import answers 202 and the worker runs it: its outcome is read back
     * from the progress endpoint, as `{ status: 'done', body: result }` or `{ status: 422, body: refusal }` (the same
     * `{ code, message, details }` the dry run answers), so that both are asserted alike.
     */
    const post = async (csv: string, dryRun: boolean) => {
      const res = await t
        .http()
        .post(`/api/siae/${siaeId}/companies/import`)
        .query(dryRun ? { dryRun: 'true' } : {})
        .set('content-type', 'text/csv')
        .set(auth(devToken))
        .send(Buffer.from(csv, 'utf8'));
      if (dryRun) return { status: res.status as number | string, body: res.body };
      expect(res.status).toBe(202);
      await t.drainQueues(60_000);
      const view = await t
        .http()
        .get(`/api/siae/${siaeId}/companies/imports/${res.body.id}`)
        .set(auth(devToken))
        .expect(200);
      return view.body.status === 'invalid'
        ? { status: 422 as number | string, body: view.body.errors }
        : { status: view.body.status as number | string, body: view.body.result };
    };

    it.each([
      ['a NUL (dry run said "créée", the import answered 500)', 'Boulangerie\u0000 Martin;Lyon', 'name', /U\+0000/],
      ['a control character', 'Boulangerie\u0007 Martin;Lyon', 'name', /U\+0007/],
      ['a bidi override', 'Boulangerie \u202Eniram;Lyon', 'name', /U\+202E/],
      ['a name of invisible characters', '\u200B\u200B;Lyon', 'name', /invisible/],
    ])('refuses %s on the line, in the dry run and the import alike', async (_, line, field, message) => {
      const before = await rows('company');
      for (const dryRun of [true, false]) {
        const res = await post(`Raison sociale;Ville\n${line}\n`, dryRun);
        expect([res.status, res.body.code]).toEqual([422, 'IMPORT_INVALID']);
        expect(res.body.details.errors).toEqual([{ line: 2, field, message: expect.stringMatching(message) }]);
      }
      expect(await rows('company')).toBe(before);
    });

    it('refuses a phone that reads as a number but does not fit (the import answered 400 after a "créée")', async () => {
      const csv =
        'Raison sociale;Ville;Téléphone\nBoulangerie;Lyon;06 11 22 33 44 standard, demander Mme Martin au secrétariat\n';
      for (const dryRun of [true, false]) {
        const res = await post(csv, dryRun);
        expect(res.body.details.errors).toEqual([{ line: 2, field: 'contactPhone', message: expect.any(String) }]);
      }
    });

    it('keeps a multi-line address cell on one line, and says a malformed CSV in French', async () => {
      const ok = await post(
        'Raison sociale;Ville;Adresse\nÉpicerie Solidaire;Lyon;"12 rue Centrale\nBâtiment B"\n',
        false,
      );
      expect(ok.status).toBe('done');
      const [row] = await t.dataSource.query(`SELECT address FROM company WHERE id = $1`, [
        ok.body.report[0].companyId,
      ]);
      expect(row.address).toBe('12 rue Centrale, Bâtiment B');
      const broken = await post('Raison sociale;Ville\n"Boulangerie;Lyon\n', true);
      expect(broken.status).toBeGreaterThanOrEqual(400);
      expect(broken.body.message + JSON.stringify(broken.body.details ?? '')).not.toMatch(/quote|Invalid|line \d/i);
    });
  });
});
