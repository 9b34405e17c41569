import { FixedClock } from '../../src/platform/clock/clock';
import type { User } from '../../src/platform/auth/user.entity';
import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import { linkRecords } from '../../src/modules/employer-network/linking/link-records';
import type { CommuneLocation, LinkStatistics } from '../../src/modules/employer-network/linking/types';
import { loadSnapshot } from '../../src/modules/employer-network/pooling-snapshot';
import { findCommunesCsv } from '../../src/modules/employer-network/linking/communes-file';
import { generate, MAIN_PROFILE } from '../bench/pooling/generator';
import { loadCommunes } from '../bench/pooling/io';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

const RECORDS = 4000;

/**
 * Incremental pooling through the job and the API, on a collective of a few thousand generated records: progress seen
 * while the worker links, one edited record re-linking its neighbourhood only (and the same clusters as a full linking
 * with the same statistics), nothing changed writing nothing, a full re-link on request.
 */
describe('employer network: incremental pooling and its progress', () => {
  let t: TestApp;
  let f: Fixtures;
  const clock = new FixedClock(new Date(Date.now() + 3_600_000));
  let collective: Collective;
  let coordinator: User;
  const devs = new Map<string, User>();
  const siaes: Siae[] = [];
  const tokens = new Map<string, string>();
  const auth = async (u: User) => {
    if (!tokens.has(u.id)) tokens.set(u.id, await f.tokenFor(u));
    return `Bearer ${tokens.get(u.id)}`;
  };
  const api = () => t.http();
  let companyIds: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true, clock });
    f = new Fixtures(t);
    collective = await f.collective();
    coordinator = await f.coordinator(collective);
    for (let i = 0; i < 12; i++) {
      const siae = await f.siae();
      siaes.push(siae);
      await f.collectiveMember(collective, siae);
      devs.set(siae.id, await f.member(siae, 'charge_dev'));
    }
    // generated spellings of one territory's companies, written straight into the tables (the API would take minutes)
    const set = generate(
      { ...MAIN_PROFILE, seed: 2718, records: RECORDS, siaeCount: 40, departments: ['69', '38'] },
      loadCommunes(findCommunesCsv(__dirname)!),
    );
    const known = new Set((await t.dataSource.query(`SELECT code FROM commune`)).map((r: { code: string }) => r.code));
    const digits = (s: string | null | undefined, n: number) =>
      s && /^[0-9]+$/.test(s.replace(/ /g, '')) && s.replace(/ /g, '').length === n ? s.replace(/ /g, '') : null;
    const records = set.records.slice(0, RECORDS);
    const siaeOf = new Map(set.siae.map((s, i) => [s.siaeId, siaes[i % siaes.length].id]));
    const inserted: Array<{ id: string }> = await t.dataSource.query(
      `INSERT INTO company (siae_id, name, siret, siren, naf, commune_code, address)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) RETURNING id`,
      [
        records.map((r) => siaeOf.get(r.siaeId)),
        records.map((r) => r.name.slice(0, 200)),
        records.map((r) => digits(r.siret, 14)),
        records.map((r) => digits(r.siren, 9)),
        records.map((r) => r.naf?.slice(0, 6) ?? null),
        records.map((r) => (r.communeInsee && known.has(r.communeInsee) ? r.communeInsee : null)),
        records.map((r) => r.address?.slice(0, 300) ?? null),
      ],
    );
    companyIds = inserted.map((r) => r.id);
    await t.dataSource.query(
      `INSERT INTO company_share (company_id, collective_id, with_contacts, shared_at) SELECT unnest($1::uuid[]), $2, false, now()`,
      [companyIds, collective.id],
    );
  }, 120_000);
  afterAll(() => t.close());

  const lastRun = async () =>
    (
      await t.dataSource.query(
        `SELECT id, stats, mode FROM pooling_run WHERE collective_id = $1 AND status = 'done' ORDER BY finished_at DESC LIMIT 1`,
        [collective.id],
      )
    )[0] as {
      id: string;
      mode: string;
      stats: Record<string, unknown> & {
        relinkedRecords: number;
        changedRecords: number;
        moved: number;
        created: number;
      };
    };
  const members = async () =>
    (await t.dataSource.query(
      `SELECT company_id, pooled_company_id, fingerprint, link_group FROM pooled_company_member WHERE collective_id = $1 ORDER BY company_id`,
      [collective.id],
    )) as Array<{ company_id: string; pooled_company_id: string }>;

  const canonical = (groups: string[][]) =>
    groups
      .filter((g) => g.length > 1)
      .map((g) => [...g].sort().join(','))
      .sort();
  async function storedClusters(): Promise<string[]> {
    const stored = new Map<string, string[]>();
    for (const m of await members())
      (stored.get(m.pooled_company_id) ?? stored.set(m.pooled_company_id, []).get(m.pooled_company_id)!).push(
        m.company_id,
      );
    return canonical([...stored.values()]);
  }
  /** The engine on the whole collective as it is now (its own statistics unless given). */
  async function engineClusters(statistics?: LinkStatistics): Promise<string[]> {
    const snapshot = await loadSnapshot(t.dataSource.manager, collective.id);
    const communes = new Map<string, CommuneLocation>(
      (await t.dataSource.query(`SELECT code, name, latitude, longitude, postcodes FROM commune`)).map(
        (c: { code: string; name: string; latitude: number; longitude: number; postcodes: string[] }) => [
          c.code,
          { lat: c.latitude, lon: c.longitude, name: c.name, postcodes: c.postcodes },
        ],
      ),
    );
    return canonical(
      linkRecords(snapshot.records, {
        communes,
        mustLink: snapshot.mustLink,
        cannotLink: snapshot.cannotLink,
        statistics,
      }).clusters,
    );
  }

  it('shows the linking move between 0 and the total while the worker runs, in French', async () => {
    const run = await api()
      .post(`/api/collectives/${collective.id}/pooling-runs`)
      .set('Authorization', await auth(coordinator))
      .send({});
    expect(run.status).toBe(202);
    const seen: Array<{ status: string; phase: string | null; processed: number; total: number; label: string }> = [];
    let draining = true;
    const drained = t.drainQueues(180_000).finally(() => (draining = false));
    while (draining) {
      const p = await api()
        .get(`/api/pooling-runs/${run.body.id}`)
        .set('Authorization', await auth(coordinator));
      seen.push(p.body);
      await new Promise((r) => setTimeout(r, 40));
    }
    await drained;
    const between = seen.filter(
      (s) => s.status === 'running' && s.phase === 'linking' && s.processed > 0 && s.processed < s.total / 2,
    );
    expect(between.length).toBeGreaterThan(0);
    expect(between[0].label).toMatch(/^Rapprochement des fiches : [\d\s\u202f]+ sur [\d\s\u202f]+$/);
    const done = await api()
      .get(`/api/pooling-runs/${run.body.id}`)
      .set('Authorization', await auth(coordinator));
    expect(done.body).toMatchObject({ status: 'done', mode: 'full', percent: 100 });
    expect(done.body.stats).toMatchObject({
      mode: 'full',
      fullReason: 'first',
      records: RECORDS,
      relinkedRecords: RECORDS,
    });
  }, 240_000);

  it('one edited company re-links its neighbourhood only, with the clusters a full linking with the same statistics gives', async () => {
    const before = await members();
    const id = companyIds[17];
    const [company] = await t.dataSource.query(`SELECT siae_id, name FROM company WHERE id = $1`, [id]);
    const dev = devs.get(company.siae_id)!;
    await api()
      .patch(`/api/companies/${id}`)
      .set('Authorization', await auth(dev))
      .send({ name: `${company.name} Services` })
      .expect(200);
    await t.drainQueues(120_000);
    const run = await lastRun();
    expect({ mode: run.mode, reason: run.stats.fullReason }).toEqual({ mode: 'incremental', reason: null });
    expect(run.stats.changedRecords).toBeGreaterThanOrEqual(1);
    expect(run.stats.relinkedRecords).toBeGreaterThan(0);
    expect(run.stats.relinkedRecords).toBeLessThan(RECORDS / 20);
    const after = await members();
    const differing = after.filter((m, i) => JSON.stringify(m) !== JSON.stringify(before[i])).length;
    expect(differing).toBeLessThanOrEqual(run.stats.relinkedRecords);

    // exactness: what is stored equals the engine run on the whole collective with the statistics the run used
    const [basis] = await t.dataSource.query(
      `SELECT s.linking_statistics FROM pooling_run r JOIN pooling_run s ON s.id = r.statistics_run_id WHERE r.id = $1`,
      [run.id],
    );
    expect(await storedClusters()).toEqual(
      await engineClusters({
        records: basis.linking_statistics.records,
        documentFrequency: new Map(basis.linking_statistics.documentFrequency),
      }),
    );
  }, 240_000);

  it('a run with nothing changed links nothing and writes nothing', async () => {
    const before = await t.dataSource.query(
      `SELECT * FROM pooled_company_member WHERE collective_id = $1 ORDER BY company_id`,
      [collective.id],
    );
    const pooledBefore = await t.dataSource.query(
      `SELECT id, updated_at FROM pooled_company WHERE collective_id = $1 ORDER BY id`,
      [collective.id],
    );
    const run = await api()
      .post(`/api/collectives/${collective.id}/pooling-runs`)
      .set('Authorization', await auth(coordinator))
      .send({});
    await t.drainQueues(60_000);
    const done = await api()
      .get(`/api/pooling-runs/${run.body.id}`)
      .set('Authorization', await auth(coordinator));
    expect(done.body).toMatchObject({
      status: 'done',
      mode: 'unchanged',
      percent: 100,
      label: 'Terminée : rien n’avait changé depuis la précédente',
    });
    expect(done.body.stats).toMatchObject({
      relinkedRecords: 0,
      moved: 0,
      created: 0,
      updated: 0,
      removed: 0,
      statesWritten: 0,
      engine: null,
    });
    expect(
      await t.dataSource.query(`SELECT * FROM pooled_company_member WHERE collective_id = $1 ORDER BY company_id`, [
        collective.id,
      ]),
    ).toEqual(before);
    expect(
      await t.dataSource.query(`SELECT id, updated_at FROM pooled_company WHERE collective_id = $1 ORDER BY id`, [
        collective.id,
      ]),
    ).toEqual(pooledBefore);
  }, 120_000);

  it('a full re-link on request counts the statistics again and stores what the engine gives on the whole collective; bad requests are refused', async () => {
    const before = await members();
    const bad = await api()
      .post(`/api/collectives/${collective.id}/pooling-runs`)
      .set('Authorization', await auth(coordinator))
      .send({ full: 'oui' });
    expect(bad.status).toBe(400);
    const unknown = await api()
      .post(`/api/collectives/${collective.id}/pooling-runs`)
      .set('Authorization', await auth(coordinator))
      .send({ complete: true });
    expect(unknown.status).toBe(400);
    const run = await api()
      .post(`/api/collectives/${collective.id}/pooling-runs`)
      .set('Authorization', await auth(coordinator))
      .send({ full: true });
    expect(run.status).toBe(202);
    expect(run.body.fullRequested).toBe(true);
    await t.drainQueues(180_000);
    const done = await api()
      .get(`/api/pooling-runs/${run.body.id}`)
      .set('Authorization', await auth(coordinator));
    expect(done.body.stats).toMatchObject({ mode: 'full', fullReason: 'requested', relinkedRecords: RECORDS });
    // statistics counted again: the view is the engine's on the collective as it is now
    expect(await storedClusters()).toEqual(await engineClusters());
    const moved = (await members()).filter((m, i) => m.pooled_company_id !== before[i].pooled_company_id).length;
    expect(done.body.stats.moved).toBe(moved);
  }, 240_000);
});
