import { loadCollectiveWeights } from '../../src/modules/matching/collective-weights';
import { defaultMatchingWeights, mergeWeights } from '../../src/modules/matching/engine/matching-weights';
import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/** A collective's matching weights: read by its members, written by its coordinators, validated, audited. */
describe('matching: weights per collective', () => {
  let t: TestApp;
  let f: Fixtures;
  let collective: Collective;
  let coordinator: User, cip: User, coordinatorElsewhere: User, outsider: User, outsideCoordinator: User;
  const tokens = new Map<string, string>();
  const as = (u: User) => ({ authorization: `Bearer ${tokens.get(u.id)}` });
  const path = () => `/api/collectives/${collective.id}/matching-weights`;
  const stored = async () =>
    (await t.dataSource.query(`SELECT matching_weights FROM collective WHERE id = $1`, [collective.id]))[0]
      .matching_weights;
  const audits = async () =>
    t.dataSource.query(
      `SELECT actor_user_id, context FROM audit_entry WHERE subject_type = 'collective' AND subject_id = $1 AND action = 'collective.matching_weights.updated' ORDER BY at, id`,
      [collective.id],
    );

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    const [siaeA, siaeB] = await Promise.all([f.siae(), f.siae()]);
    collective = await f.collective();
    const other = await f.collective();
    await f.collectiveMember(collective, siaeA);
    await f.collectiveMember(other, siaeA);
    await f.collectiveMember(other, siaeB);
    coordinator = await f.member(siaeA, 'direction', { displayName: 'Coralie Coordination' });
    cip = await f.member(siaeA, 'cip');
    // Staff of a member SIAE who coordinates another collective: passes the role guard, refused by the service.
    coordinatorElsewhere = await f.member(siaeA, 'direction');
    outsider = await f.member(siaeB, 'cip');
    outsideCoordinator = await f.member(siaeB, 'direction');
    await f.coordinator(collective, coordinator);
    await f.coordinator(other, coordinatorElsewhere);
    await f.coordinator(other, outsideCoordinator);
    for (const u of [coordinator, cip, coordinatorElsewhere, outsider, outsideCoordinator])
      tokens.set(u.id, await f.tokenFor(u));
  });
  afterAll(() => t.close());

  it('starts at the defaults, with no overrides and no change', async () => {
    const res = await t.http().get(path()).set(as(cip)).expect(200);
    expect(res.body).toEqual({
      collectiveId: collective.id,
      weights: defaultMatchingWeights,
      overrides: null,
      defaults: defaultMatchingWeights,
      lastChange: null,
    });
    expect(await loadCollectiveWeights(t.dataSource.manager, collective.id)).toBeNull();
  });

  it('a coordinator sets overrides: merged over the defaults, stored as given, audited with the previous value; members read them', async () => {
    const overrides = { contractEnd: { max: 10 }, accommodations: { excludeWhenFrenchNotAccepted: false } };
    const res = await t.http().put(path()).set(as(coordinator)).send({ overrides }).expect(200);
    expect(res.body.overrides).toEqual(overrides);
    expect(res.body.weights).toEqual(mergeWeights(overrides));
    expect(res.body.weights.contractEnd).toEqual({ max: 10, windowDays: 90 });
    expect(res.body.weights.job).toEqual(defaultMatchingWeights.job);
    expect(res.body.lastChange).toMatchObject({ userId: coordinator.id, displayName: 'Coralie Coordination' });
    expect(await stored()).toEqual(overrides);
    expect(await audits()).toEqual([{ actor_user_id: coordinator.id, context: { previous: null, overrides } }]);

    const read = await t.http().get(path()).set(as(cip)).expect(200);
    expect(read.body).toEqual(res.body);
    expect(await loadCollectiveWeights(t.dataSource.manager, collective.id)).toEqual(mergeWeights(overrides));
  });

  it('a member who is not its coordinator cannot write (403), an outsider learns nothing (404); nothing is written', async () => {
    const before = await stored();
    const body = { overrides: { job: { sameFiche: 50 } } };
    const byCip = await t.http().put(path()).set(as(cip)).send(body).expect(403);
    expect(byCip.body.code).toBe('FORBIDDEN');
    const byOtherCoordinator = await t.http().put(path()).set(as(coordinatorElsewhere)).send(body).expect(403);
    expect(byOtherCoordinator.body).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('coordinateurs du collectif'),
    });
    for (const u of [outsider, outsideCoordinator]) {
      const read = await t.http().get(path()).set(as(u)).expect(404);
      expect(read.body.code).toBe('COLLECTIVE_NOT_FOUND');
    }
    expect((await t.http().put(path()).set(as(outsideCoordinator)).send(body).expect(404)).body.code).toBe(
      'COLLECTIVE_NOT_FOUND',
    );
    expect(await stored()).toEqual(before);
    expect(await audits()).toHaveLength(1);
  });

  it('invalid weights → 400 MATCHING_WEIGHTS_INVALID with every issue in details; nothing written, nothing audited', async () => {
    const before = await stored();
    const res = await t
      .http()
      .put(path())
      .set(as(coordinator))
      .send({
        overrides: {
          job: { relatedMax: 40 },
          skills: { evidence: { certified: 1.5 } },
          distance: { max: -1 },
          availability: { graceDays: 'soixante' },
        },
      })
      .expect(400);
    expect(res.body.code).toBe('MATCHING_WEIGHTS_INVALID');
    expect(res.body.message).toMatch(/^Pondérations de matching refusées, rien n'a été enregistré : /);
    expect(res.body.details).toEqual([
      { path: 'distance.max', message: 'doit être un nombre entre 0 et 1000' },
      { path: 'availability.graceDays', message: 'doit être un nombre fini' },
    ]);
    // Orders are checked once every value is well-formed.
    const orders = await t
      .http()
      .put(path())
      .set(as(coordinator))
      .send({ overrides: { job: { relatedMax: 40 }, skills: { evidence: { certified: 1.5 } } } })
      .expect(400);
    expect(orders.body.code).toBe('MATCHING_WEIGHTS_INVALID');
    expect(orders.body.details.map((i: { path: string }) => i.path)).toEqual([
      'job.relatedMax',
      'skills.evidence.certified',
    ]);
    expect(await stored()).toEqual(before);
    expect(await audits()).toHaveLength(1);
  });

  it('unknown keys are refused, inside the weights (MATCHING_WEIGHTS_INVALID) and beside them (VALIDATION_FAILED); so is a body without an object', async () => {
    const before = await stored();
    const typo = await t
      .http()
      .put(path())
      .set(as(coordinator))
      .send({ overrides: { job: { sameFish: 30 } } })
      .expect(400);
    expect(typo.body).toMatchObject({
      code: 'MATCHING_WEIGHTS_INVALID',
      details: [{ path: 'job.sameFish', message: 'est une clé inconnue' }],
    });
    const topLevel = await t
      .http()
      .put(path())
      .set(as(coordinator))
      .send({ overrides: { jobs: {} } })
      .expect(400);
    expect(topLevel.body.details).toEqual([{ path: 'jobs', message: 'est une clé inconnue' }]);
    const beside = await t.http().put(path()).set(as(coordinator)).send({ overrides: {}, reset: true }).expect(400);
    expect(beside.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'reset', problems: ['champ inconnu'] }],
    });
    for (const body of [{}, { overrides: null }, { overrides: [1, 2] }, { overrides: 'défaut' }]) {
      const res = await t.http().put(path()).set(as(coordinator)).send(body).expect(400);
      expect([JSON.stringify(body), res.body.code, res.body.details[0].field]).toEqual([
        JSON.stringify(body),
        'VALIDATION_FAILED',
        'overrides',
      ]);
    }
    expect(await stored()).toEqual(before);
    expect(await audits()).toHaveLength(1);
  });

  it('an empty object goes back to the defaults (stored as null, audited)', async () => {
    const before = await stored();
    const res = await t.http().put(path()).set(as(coordinator)).send({ overrides: {} }).expect(200);
    expect(res.body).toMatchObject({
      weights: defaultMatchingWeights,
      overrides: null,
      lastChange: { userId: coordinator.id },
    });
    expect(await stored()).toBeNull();
    expect((await audits())[1]).toEqual({
      actor_user_id: coordinator.id,
      context: { previous: before, overrides: null },
    });
    expect(await loadCollectiveWeights(t.dataSource.manager, collective.id)).toBeNull();
  });

  it('loadCollectiveWeights: a stored value the engine refuses (written around the API) falls back to the defaults', async () => {
    await t.dataSource.query(`UPDATE collective SET matching_weights = $2 WHERE id = $1`, [
      collective.id,
      JSON.stringify({ job: { sameFiche: 1 } }),
    ]);
    expect(await loadCollectiveWeights(t.dataSource.manager, collective.id)).toBeNull();
    const res = await t.http().get(path()).set(as(cip)).expect(200);
    expect(res.body).toMatchObject({ weights: defaultMatchingWeights, overrides: { job: { sameFiche: 1 } } });
    expect(await loadCollectiveWeights(t.dataSource.manager, '00000000-0000-4000-8000-000000000000')).toBeNull();
    await t.dataSource.query(`UPDATE collective SET matching_weights = NULL WHERE id = $1`, [collective.id]);
  });
});
