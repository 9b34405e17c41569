import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { scanSharedTexts } from '../modules/candidates/shared-text/scan-shared-texts';
import { loadConfig } from '../platform/config/app-config';
import { typeormOptions } from '../platform/database/typeorm-options';

/**
 * Reports the shared free texts stored before the identity check existed that give a person's identity away (one JSON
 * line per finding: candidate, SIAE, field, kind; never the text). Changes nothing: each SIAE rewords its own
 * candidates' texts. Exit code 1 when something was found, so that a deployment script can stop on it.
 * Usage: npm run --silent privacy:scan-shared-texts
 */
async function main(): Promise<number> {
  const dataSource = new DataSource(typeormOptions(loadConfig()));
  await dataSource.initialize();
  try {
    const findings = await scanSharedTexts(dataSource.manager);
    for (const f of findings) process.stdout.write(JSON.stringify(f) + '\n');
    process.stderr.write(
      findings.length === 0
        ? 'Aucun texte partagé ne contient de donnée d’identité.\n'
        : `${findings.length} texte(s) partagé(s) à reformuler par la structure de la personne (rien n’a été modifié).\n`,
    );
    return findings.length === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Vérification impossible : ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
