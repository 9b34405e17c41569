import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailService } from '../../src/modules/notifications/mail.service';
import { MailMessage } from '../../src/modules/notifications/mail-message.entity';
import {
  allJobNames,
  defaultJobOptions,
  jobQueue,
  QueueName,
  recurringJobs,
} from '../../src/platform/queue/job-catalogue';
import { JobRunner } from '../../src/platform/queue/job-runner.service';
import { OutboxMessage } from '../../src/platform/queue/outbox-message.entity';
import { OutboxRelay } from '../../src/platform/queue/outbox-relay.service';
import { QueueProducer } from '../../src/platform/queue/queue-producer.service';
import { Fixtures } from '../support/fixtures';
import { RedisProcess } from '../support/redis-process';
import { TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls (bounded) until `probe` gives a value: for states reached by background loops, never a timed assertion. */
async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`not reached: ${what}`);
}

/** Every job of the mail queue carrying this payload, whatever its state. */
async function jobsFor(t: TestApp, payload: unknown) {
  const queue = t.get(QueueProducer).queue(jobQueue['mail.send']);
  const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed', 'prioritized']);
  const mine = jobs.filter((j) => JSON.stringify(j.data) === JSON.stringify(payload));
  return Promise.all(mine.map(async (j) => ({ id: j.id, state: await j.getState() })));
}

/** The job once it is neither waiting nor running (delayed for a retry, failed or completed) after `attempts`. */
async function settled(t: TestApp, id: string, attempts = 1) {
  const queue = t.get(QueueProducer).queue(jobQueue['mail.send']);
  return waitUntil(`job ${id} settled after ${attempts} attempt(s)`, async () => {
    const job = await queue.getJob(id);
    const state = job && (await job.getState());
    if (!job || job.attemptsMade < attempts || !['delayed', 'failed', 'completed'].includes(state as string))
      return undefined;
    return Object.assign(job, { state: state as string });
  });
}

const outboxRowOf = (t: TestApp, mailId: string) =>
  t.dataSource
    .getRepository(OutboxMessage)
    .createQueryBuilder('o')
    .where(`o.payload->>'mailId' = :mailId`, { mailId })
    .getOneOrFail();

const heartbeat = join(tmpdir(), `maillage-worker-alive-${process.pid}`);

describe('outbox, queue and mail delivery', () => {
  let redis: RedisProcess;
  let t: TestApp;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    t = await TestApp.create({
      withWorker: true,
      config: { REDIS_URL: redis.url, OUTBOX_POLL_MS: 50, WORKER_HEARTBEAT_FILE: heartbeat },
    });
  });
  afterAll(async () => {
    await t.close();
    await redis.kill();
    rmSync(heartbeat, { force: true });
  });

  it('has exactly one handler for every job of the catalogue', () => {
    const handlers = t.get(JobRunner).collectHandlers();
    expect([...handlers.keys()].sort()).toEqual([...allJobNames].sort());
  });

  it('registers each recurring job once, however often workers start', async () => {
    const runner = t.get(JobRunner);
    const names = await runner.registerRecurringJobs();
    await runner.registerRecurringJobs();
    expect(names.sort()).toEqual(Object.keys(recurringJobs).sort());
    const schedulers = (
      await Promise.all(Object.values(QueueName).map((q) => t.get(QueueProducer).queue(q).getJobSchedulers()))
    ).flat();
    expect(schedulers.map((x) => [x.key, x.name, x.pattern, x.tz]).sort()).toEqual(
      names.map((name) => [`${name}.recurring`, name, recurringJobs[name]!.pattern, 'Europe/Paris']).sort(),
    );
    for (const q of Object.values(QueueName))
      for (const s of await t.get(QueueProducer).queue(q).getJobSchedulers())
        await t.get(QueueProducer).queue(q).removeJobScheduler(s.key);
  });

  it('delivers a mail through the outbox, a job and a real SMTP conversation, and logs the delivery', async () => {
    const mailId = await t.dataSource.transaction((manager) =>
      t.get(MailService).send(manager, 'destinataire@exemple.fr', 'password-changed', { displayName: 'Alex' }),
    );
    await t.drainQueues();
    const mail = await t.smtp.waitFor('destinataire@exemple.fr');
    expect(mail.subject).toBe('Votre mot de passe Maillage a été modifié');
    expect(mail.text).toContain('Bonjour Alex');
    const log = await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId });
    expect(log).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(log.sentAt).toBeInstanceOf(Date);
  });

  it('writes no job when the transaction that asked for it rolls back', async () => {
    const before = await t.dataSource.getRepository(OutboxMessage).count();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.get(MailService).send(manager, 'jamais@exemple.fr', 'password-changed', { displayName: 'Personne' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(before);
    expect(await t.dataSource.getRepository(MailMessage).countBy({ recipient: 'jamais@exemple.fr' })).toBe(0);
  });

  it('keeps the job while Redis is down: the worker loop survives the outage and publishes it once Redis is back', async () => {
    // The production loop (OutboxRelay.start, as the worker runs it), not relayOnce() called by hand.
    const relay = t.get(OutboxRelay);
    await redis.kill();
    const started = Date.now();
    relay.start();
    let pending: OutboxMessage;
    try {
      const mailId = await t.dataSource.transaction((manager) =>
        t.get(MailService).send(manager, 'panne@exemple.fr', 'password-changed', { displayName: 'Sam' }),
      );
      // Several failed passes: the loop kept running through the outage.
      pending = await waitUntil('the loop tried the row at least twice', async () => {
        const row = await outboxRowOf(t, mailId);
        return row.publishAttempts >= 2 ? row : undefined;
      });
      expect(pending.publishedAt).toBeNull();
      expect(pending.lastError).toBeTruthy();
      // The compose healthcheck's signal: the loop touches its file even when its passes fail.
      expect(Date.parse(readFileSync(heartbeat, 'utf8'))).toBeGreaterThanOrEqual(started);
    } finally {
      await redis.up();
    }
    await t.smtp.waitFor('panne@exemple.fr', 30_000);
    await relay.onApplicationShutdown();
    const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: pending.id });
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(row.lastError).toBeNull();
    await t.drainQueues();
    // Counted, not waited for: the queue is idle, so no other job for this row can still deliver.
    expect(await jobsFor(t, pending.payload)).toEqual([{ id: pending.id, state: 'completed' }]);
    expect(t.smtp.received.filter((m) => m.to.includes('panne@exemple.fr'))).toHaveLength(1);
  });

  it('accepts an API call that enqueues a job while Redis is down, and the job runs once Redis is back', async () => {
    const f = new Fixtures(t);
    const siae = await f.siae();
    const direction = await f.member(siae, 'direction');
    const token = await f.tokenFor(direction);
    await redis.kill();
    try {
      const res = await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set('authorization', `Bearer ${token}`)
        .send({ email: 'invitee-pendant-panne@exemple.fr', role: 'cip' });
      expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.anything() });
      expect(await t.get(OutboxRelay).relayOnce()).toBe(0);
      const pending = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL AND job_name = 'mail.send'`,
      );
      expect(pending[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await redis.up();
    }
    await t.drainQueues(30_000);
    const mail = await t.smtp.waitFor('invitee-pendant-panne@exemple.fr');
    expect(mail.text).toContain('/invitation?token=');
  });

  it('publishes a row only once even if the relay runs twice (job id = outbox id)', async () => {
    const mailId = await t.dataSource.transaction((manager) =>
      t.get(MailService).send(manager, 'double@exemple.fr', 'password-changed', { displayName: 'Dom' }),
    );
    const row = await outboxRowOf(t, mailId);
    // Simulate a crash between publishing and marking: publish by hand, leave the row pending, relay again.
    await t.get(JobRunner).onApplicationShutdown();
    await t.get(QueueProducer).publish(row.jobName, row.payload, row.id);
    t.get(JobRunner).start();
    await t.drainQueues();
    await t.smtp.waitFor('double@exemple.fr');
    // Counted, not waited for: the queues are idle (drained), so what ran is all that will run. BullMQ kept one job
    // for the row (its id is the row's id), the handler ran once, and one mail reached the SMTP server.
    expect(await jobsFor(t, row.payload)).toEqual([{ id: row.id, state: 'completed' }]);
    expect(await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId })).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
    expect(t.smtp.received.filter((m) => m.to.includes('double@exemple.fr'))).toHaveLength(1);
  });

  it('lets a real BullMQ job fail on SMTP, be retried by BullMQ, and deliver once the server is back', async () => {
    await t.smtp.stop();
    const mailId = await t.dataSource.transaction((manager) =>
      t.get(MailService).send(manager, 'retour@exemple.fr', 'password-changed', { displayName: 'Lou' }),
    );
    await t.get(OutboxRelay).relayOnce();
    const row = await outboxRowOf(t, mailId);
    const job = await settled(t, row.id);
    expect([job.state, job.attemptsMade]).toEqual(['delayed', 1]); // BullMQ's backoff holds the retry
    expect(await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId })).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
    });
    await t.smtp.start(t.smtp.port);
    await job.promote(); // skips the 2 s backoff wait, not the retry
    await t.drainQueues();
    expect(await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId })).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
    expect(await jobsFor(t, row.payload)).toEqual([{ id: row.id, state: 'completed' }]);
    expect(t.smtp.received.filter((m) => m.to.includes('retour@exemple.fr'))).toHaveLength(1);
  });

  // Last in the file: it leaves the SMTP server stopped and a failed job behind.
  it('marks the mail failed when BullMQ has no retry left (the production attempts)', async () => {
    await t.smtp.stop();
    const mailId = await t.dataSource.transaction((manager) =>
      t.get(MailService).send(manager, 'injoignable@exemple.fr', 'password-changed', { displayName: 'Lou' }),
    );
    await t.get(OutboxRelay).relayOnce();
    const row = await outboxRowOf(t, mailId);
    let job = await settled(t, row.id);
    let retries = 0;
    while (job.state === 'delayed' && retries < 10) {
      expect(await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId })).toMatchObject({
        status: 'pending',
        attempts: job.attemptsMade,
      });
      await job.promote();
      retries++;
      job = await settled(t, row.id, job.attemptsMade + 1);
    }
    expect([job.state, job.attemptsMade, retries]).toEqual([
      'failed',
      defaultJobOptions.attempts,
      defaultJobOptions.attempts - 1,
    ]);
    const log = await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId });
    expect(log).toMatchObject({ status: 'failed', attempts: defaultJobOptions.attempts });
    expect(log.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});
