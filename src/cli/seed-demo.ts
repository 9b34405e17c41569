import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { seedDemoJobDating } from '../modules/events/demo/demo-job-dating';
import { loadConfig } from '../platform/config/app-config';
import { JsonLogger } from '../platform/logging/json-logger';
import { demoJobDatingInput, printDemoJobDating } from './demo/demo-job-dating-input';
import { seedDemoTerritory } from './demo/demo-seeder';

/**
 * `npm run demo:seed`: the demo territory, then its open job dating (idempotent). Refuses to run against a production
 * configuration. The job dating goes through the real use cases, so it runs in an application context of the app's
 * own modules (no HTTP server, no queue processors: the worker, started after the seed, sends the mails).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production')
    throw new Error('Les données de démonstration ne sont jamais chargées en production.');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new JsonLogger('warn'),
  });
  try {
    const dataSource = app.get(DataSource);
    const summary = await dataSource.transaction((manager) => seedDemoTerritory(manager));
    process.stdout.write(
      `Démo prête : ${summary.siaes} SIAE, ${summary.users} comptes, ${summary.candidates} candidat·es, ${summary.companies} fiches entreprises, collectif « ${summary.collective} ».\n`,
    );
    const jobDating = await seedDemoJobDating(app, await demoJobDatingInput(dataSource));
    process.stdout.write(printDemoJobDating(jobDating));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Chargement de la démo impossible : ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
