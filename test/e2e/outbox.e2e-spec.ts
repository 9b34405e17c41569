import { MailService } from '../../src/modules/notifications/mail.service';
import { MailMessage } from '../../src/modules/notifications/mail-message.entity';
import { SendMailJob } from '../../src/modules/notifications/jobs/send-mail.job';
import { allJobNames, QueueName, recurringJobs } from '../../src/platform/queue/job-catalogue';
import { JobRunner } from '../../src/platform/queue/job-runner.service';
import { OutboxMessage } from '../../src/platform/queue/outbox-message.entity';
import { OutboxRelay } from '../../src/platform/queue/outbox-relay.service';
import { QueueProducer } from '../../src/platform/queue/queue-producer.service';
import { Fixtures } from '../support/fixtures';
import { RedisProcess } from '../support/redis-process';
import { TestApp } from '../support/test-app';

const outboxRowOf = (t: TestApp, mailId: string) =>
  t.dataSource
    .getRepository(OutboxMessage)
    .createQueryBuilder('o')
    .where(`o.payload->>'mailId' = :mailId`, { mailId })
    .getOneOrFail();

describe('outbox, queue and mail delivery', () => {
  let redis: RedisProcess;
  let t: TestApp;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    t = await TestApp.create({ withWorker: true, config: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await t.close();
    await redis.kill();
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

  it('keeps the job while Redis is down and runs it once Redis is back', async () => {
    await redis.kill();
    let pending: OutboxMessage;
    try {
      const mailId = await t.dataSource.transaction((manager) =>
        t.get(MailService).send(manager, 'panne@exemple.fr', 'password-changed', { displayName: 'Sam' }),
      );
      const published = await t.get(OutboxRelay).relayOnce();
      expect(published).toBe(0);
      pending = await outboxRowOf(t, mailId);
      expect(pending.publishedAt).toBeNull();
      expect(pending.lastError).toBeTruthy();
    } finally {
      await redis.up();
    }

    await t.drainQueues(30_000);
    await t.smtp.waitFor('panne@exemple.fr');
    const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: pending.id });
    expect(row.publishedAt).toBeInstanceOf(Date);
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
    await new Promise((r) => setTimeout(r, 300));
    expect(t.smtp.received.filter((m) => m.to.includes('double@exemple.fr'))).toHaveLength(1);
  });

  // Last in the file: it stops the SMTP server.
  it('rethrows SMTP failures for BullMQ to retry, and marks the mail failed once no retry is left', async () => {
    const mailId = await t.dataSource.transaction((manager) =>
      t.get(MailService).send(manager, 'injoignable@exemple.fr', 'password-changed', { displayName: 'Lou' }),
    );
    await t.get(JobRunner).onApplicationShutdown();
    await t.smtp.stop();
    const handler = t.get(SendMailJob);
    const attempt = (attemptsMade: number) =>
      handler.handle({ v: 1, mailId }, { attemptsMade, opts: { attempts: 3 } } as never);
    await expect(attempt(0)).rejects.toThrow();
    expect(await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId })).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    await expect(attempt(2)).rejects.toThrow();
    const log = await t.dataSource.getRepository(MailMessage).findOneByOrFail({ id: mailId });
    expect(log).toMatchObject({ status: 'failed', attempts: 2 });
    expect(log.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});
