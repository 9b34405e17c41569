import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, HttpAdapterHost, NestFactory } from '@nestjs/core';
import { QueueName } from '../../src/platform/queue/job-catalogue';
import { JobRunner } from '../../src/platform/queue/job-runner.service';
import { QueueProducer } from '../../src/platform/queue/queue-producer.service';
import { WorkerModule } from '../../src/worker.module';
import { TestApp } from '../support/test-app';

/** TCP servers of this process (a listening HTTP server is one). */
const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

/**
 * Issue 12 §3: the worker boots `WorkerModule` — the service's modules without controllers, guards, request enhancers
 * or HTTP — and runs BullMQ workers only for the queues that have handlers. The database and queue prefix are a test
 * app's (its HTTP app is never listened on).
 */
describe('worker: an application context without HTTP', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let serversBefore: number;
  let started: QueueName[];

  beforeAll(async () => {
    t = await TestApp.create();
    serversBefore = servers();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    worker.enableShutdownHooks();
    started = worker.get(JobRunner).start();
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('instantiates no controller, no guard and no HTTP adapter, and listens on nothing', () => {
    expect(worker.get(DiscoveryService).getControllers()).toEqual([]);
    const guards = worker
      .get(DiscoveryService)
      .getProviders()
      .filter((w) => typeof (w.instance as { canActivate?: unknown } | undefined)?.canActivate === 'function')
      .map((w) => w.name);
    expect(guards).toEqual([]);
    expect(worker.get(HttpAdapterHost).httpAdapter ?? null).toBeNull();
    expect(servers()).toBe(serversBefore);
    // What was left out is what the app declares for HTTP (a few named ones, to see the stripping reads the modules).
    expect(WorkerModule.removed.controllers).toEqual(
      expect.arrayContaining(['AuthModule.AuthController', 'CandidatesModule.CandidatesController']),
    );
    expect(WorkerModule.removed.providers).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AuthModule\.APP_GUARD/),
        expect.stringMatching(/^AuditModule\.APP_INTERCEPTOR/),
        'LinksModule.EmployerSessionGuard',
      ]),
    );
  });

  it('starts a BullMQ worker for every queue that has handlers (scheduling: the planning job events.plan.compute)', () => {
    expect([...started].sort()).toEqual(
      [QueueName.Maintenance, QueueName.Notifications, QueueName.Pooling, QueueName.Scheduling].sort(),
    );
  });

  it('runs a job with the handlers of the domain modules', async () => {
    const producer = worker.get(QueueProducer);
    await producer.publish('employer-network.needs.expire', { v: 1 }, `worker-context-${process.pid}`);
    const queue = producer.queue(QueueName.Maintenance);
    const deadline = Date.now() + 30_000;
    let counts = await queue.getJobCounts('completed', 'failed');
    while (counts.completed + counts.failed === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      counts = await queue.getJobCounts('completed', 'failed');
    }
    expect(counts).toEqual({ completed: 1, failed: 0 });
  });
});
