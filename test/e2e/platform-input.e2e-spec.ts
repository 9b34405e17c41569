import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/** The platform text rules (src/platform/input), seen from a client: one answer per rule, nothing written. */
describe('platform: text input rules', () => {
  let t: TestApp;
  let f: Fixtures;
  let token: string;
  let siaeId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    const siae = await f.siae();
    siaeId = siae.id;
    token = await f.tokenFor(await f.member(siae, 'charge_dev'));
  });
  afterAll(() => t.close());

  const companies = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM company`))[0].n);
  const create = (body: object) =>
    t
      .http()
      .post('/api/companies')
      .set('authorization', `Bearer ${token}`)
      .send({ siaeId, ...body });

  it('refuses a NUL, a control character or a bidi override anywhere with INVALID_CHARACTER, naming the field', async () => {
    for (const [value, char] of [
      ['Boulangerie\u0000', 'U+0000'],
      ['Boulangerie\u0007', 'U+0007'],
      ['Boulangerie \u202Egpj.exe', 'U+202E'],
      ['Boulangerie \ud800', 'U+D800'],
    ]) {
      const res = await create({ name: value });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_CHARACTER',
        message: expect.any(String),
        details: [{ field: 'name', problems: [expect.stringContaining(char)] }],
      });
    }
    const nested = await create({ name: 'Boulangerie', contacts: [{ lastName: 'Martin\u0000' }] });
    expect(nested.body.details).toEqual([{ field: 'contacts.0.lastName', problems: [expect.any(String)] }]);
    const query = await t.http().get('/api/referentials/appellations').query({ q: 'agent\u0000' });
    expect(query.status).toBe(400);
    expect(query.body.code).toBe('INVALID_CHARACTER');
    expect(await companies()).toBe(0);
  });

  it('trims strings, and answers "champ requis" for a blank one', async () => {
    const blank = await create({ name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([{ field: 'name', problems: ['champ requis'] }]);
    const nbsp = await create({ name: '\u00a0\t ' });
    expect(nbsp.body.details).toEqual([{ field: 'name', problems: ['champ requis'] }]);
    const trimmed = await create({ name: '  Boulangerie Martin  ' });
    expect(trimmed.status).toBe(201);
    expect(trimmed.body.name).toBe('Boulangerie Martin');
  });

  it('keeps single-line fields on one line and names free of invisible characters', async () => {
    const broken = await create({ name: 'Boulangerie\nMartin' });
    expect(broken.body.details).toEqual([
      { field: 'name', problems: ['doit tenir sur une ligne (ni retour à la ligne ni tabulation)'] },
    ]);
    const zeroWidth = await create({ name: 'Boulan\u200Bgerie' });
    expect(zeroWidth.status).toBe(400);
    expect(zeroWidth.body.details[0].problems[0]).toMatch(/invisible.*U\+200B/);
  });

  it('gives one message per field, stating the rule with its bounds', async () => {
    const res = await t.http().get('/api/referentials/appellations').query({ q: 'agent', limit: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'limit', problems: ['doit être un entier entre 1 et 50'] }]);
    const blankQuery = await t.http().get('/api/referentials/appellations').query({ q: '   ' });
    expect(blankQuery.body.details).toEqual([{ field: 'q', problems: ['champ requis'] }]);
    const long = await create({ name: 'x'.repeat(201) });
    expect(long.body.details).toEqual([{ field: 'name', problems: ['doit contenir au plus 200 caractères'] }]);
    const missing = await create({});
    expect(missing.body.details).toEqual([{ field: 'name', problems: ['champ requis'] }]);
  });

  it('refuses a body or a query that is not valid UTF-8 instead of storing U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from(`{"siaeId":"${siaeId}","name":"Boulangerie `),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    const res = await t
      .http()
      .post('/api/companies')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json')
      // superagent would JSON-encode a Buffer; the bytes must go out as they are
      .serialize(() => body as unknown as string)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'INVALID_ENCODING', message: expect.any(String) });
    const query = await t.http().get('/api/referentials/appellations?q=caf%E9');
    expect(query.status).toBe(400);
    expect(query.body.code).toBe('INVALID_ENCODING');
  });

  it('answers a request line over the server limit with the JSON error shape', async () => {
    const res = await t
      .http()
      .get('/api/referentials/appellations')
      .query({ q: 'x'.repeat(100_000) });
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ code: 'REQUEST_TOO_LARGE', message: expect.any(String) });
  });
});
