import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { JsonLogger } from './platform/logging/json-logger';
import { JobRunner } from './platform/queue/job-runner.service';
import { OutboxRelay } from './platform/queue/outbox-relay.service';

/** Background processes only: outbox relay and BullMQ processors. No HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new JsonLogger(config.LOG_LEVEL),
  });
  context.enableShutdownHooks();
  context.get(JobRunner).start();
  context.get(OutboxRelay).start();
  await context.get(JobRunner).registerRecurringJobs();
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'worker prêt' }) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    (error instanceof ConfigError
      ? error.message
      : `Démarrage impossible : ${(error as Error).stack ?? String(error)}`) + '\n',
  );
  process.exit(1);
});
