import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../platform/config/app-config';
import { typeormOptions } from '../platform/database/typeorm-options';
import { seedDemoTerritory } from './demo/demo-seeder';

/** `npm run demo:seed`: the demo territory (idempotent). Refuses to run against a production configuration. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production')
    throw new Error('Les données de démonstration ne sont jamais chargées en production.');
  const dataSource = await new DataSource(typeormOptions(config)).initialize();
  try {
    const summary = await dataSource.transaction((manager) => seedDemoTerritory(manager));
    process.stdout.write(
      `Démo prête : ${summary.siaes} SIAE, ${summary.users} comptes, ${summary.candidates} candidat·es, ${summary.companies} fiches entreprises, collectif « ${summary.collective} ».\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Chargement de la démo impossible : ${(error as Error).message}\n`);
  process.exit(1);
});
