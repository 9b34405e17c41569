import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { JsonLogger } from './platform/logging/json-logger';
import { JobRunner } from './platform/queue/job-runner.service';
import { OutboxRelay } from './platform/queue/outbox-relay.service';
import { WorkerModule } from './worker.module';

/**
 * Background processes only: outbox relay and BullMQ processors, in an application context of `WorkerModule` (no
 * HTTP server, no controller, no guard); a BullMQ worker only for the queues that have handlers.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new JsonLogger(config.LOG_LEVEL),
  });
  context.enableShutdownHooks();
  const queues = context.get(JobRunner).start();
  context.get(OutboxRelay).start();
  await context.get(JobRunner).registerRecurringJobs();
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'info',
      msg: 'worker prêt',
      queues,
      withoutHttp: WorkerModule.removed,
    }) + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    (error instanceof ConfigError
      ? error.message
      : `Démarrage impossible : ${(error as Error).stack ?? String(error)}`) + '\n',
  );
  process.exit(1);
});
