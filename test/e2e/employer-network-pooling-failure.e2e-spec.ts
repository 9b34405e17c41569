import type { Job } from 'bullmq';
import { PoolCollectiveJob } from '../../src/modules/employer-network/jobs/pool-collective.job';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * A pooling run whose every attempt fails ends `failed` after the last one, with its reason in the progress. The
 * failure is real (a table the snapshot reads is renamed away in this file's own database); the handler is called as
 * BullMQ would call it at the first and at the last of its attempts.
 */
describe('employer-network: a pooling run that keeps failing ends failed', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
  });
  afterAll(() => t.close());

  const attempt = (attemptsMade: number) => ({ attemptsMade, opts: { attempts: 6 } }) as unknown as Job;

  it('says "nouvelle tentative prévue" while retries remain, then failed with the reason after the last', async () => {
    const collective = await f.collective();
    const coordinator = await f.coordinator(collective);
    const auth = `Bearer ${await f.tokenFor(coordinator)}`;
    const run = await t
      .http()
      .post(`/api/collectives/${collective.id}/pooling-runs`)
      .set('authorization', auth)
      .send({})
      .expect(202);
    await t.dataSource.query(`ALTER TABLE pooling_correction RENAME TO pooling_correction_away`);
    const handler = t.get(PoolCollectiveJob);
    const progress = () => t.http().get(`/api/pooling-runs/${run.body.id}`).set('authorization', auth).expect(200);

    await expect(handler.handle({ v: 1, collectiveId: collective.id, runId: run.body.id }, attempt(0))).rejects.toThrow(
      /pooling_correction/,
    );
    const retrying = await progress();
    expect(retrying.body).toMatchObject({
      status: 'running',
      phase: 'error',
      failedAttempts: 1,
      label: 'Échec : nouvelle tentative prévue',
      failureReason: expect.stringMatching(/^La tentative a échoué \(1 tentative jusqu'ici\).*pooling_correction/),
    });

    await expect(handler.handle({ v: 1, collectiveId: collective.id, runId: run.body.id }, attempt(5))).rejects.toThrow(
      /pooling_correction/,
    );
    const failed = await progress();
    expect(failed.body).toMatchObject({
      status: 'failed',
      failedAttempts: 2,
      label: 'Échec : abandonnée après la dernière tentative',
      failureReason: expect.stringMatching(/^La mise en commun a échoué après 2 tentatives.*pooling_correction/),
    });
    expect(failed.body.finishedAt).not.toBeNull();

    // A failed run is over: a replayed job skips it, and a new request starts a new run.
    await t.dataSource.query(`ALTER TABLE pooling_correction_away RENAME TO pooling_correction`);
    await expect(handler.handle({ v: 1, collectiveId: collective.id, runId: run.body.id }, attempt(0))).resolves.toBe(
      'skipped',
    );
    const again = await t
      .http()
      .post(`/api/collectives/${collective.id}/pooling-runs`)
      .set('authorization', auth)
      .send({})
      .expect(202);
    expect(again.body.id).not.toBe(run.body.id);
  });
});
