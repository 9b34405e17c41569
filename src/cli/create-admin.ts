import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { TokenHasher } from '../platform/auth/token-hasher';
import { loadConfig } from '../platform/config/app-config';
import { typeormOptions } from '../platform/database/typeorm-options';
import { issueAdminInvitation } from '../modules/structures/use-cases/issue-admin-invitation';

/**
 * `node dist/src/cli/create-admin.js <email>` (compose: `docker compose -f docker/compose.yml run --rm admin <email>`):
 * prints a one-time link that makes whoever opens it with this address a platform admin. The first account of a new
 * deployment comes from here; the link is printed, not mailed, so it works before any SMTP relay is set up.
 */
async function main(): Promise<void> {
  const email = process.argv[2];
  if (!email || process.argv.length > 3) throw new Error('usage : create-admin <adresse e-mail>');
  const config = loadConfig();
  const dataSource = await new DataSource(typeormOptions(config)).initialize();
  try {
    const { url, expiresAt } = await dataSource.transaction((manager) =>
      issueAdminInvitation(manager, new TokenHasher(config), config, email, new Date()),
    );
    process.stdout.write(
      `Invitation d'administration de la plateforme pour ${email.trim().toLowerCase()} (usage unique, valable jusqu'au ${expiresAt.toISOString()}) :\n${url}\n` +
        `Sans page web : POST ${config.PUBLIC_BASE_URL}/api/invitations/accept {"token": "<jeton du lien>", "displayName": "…", "password": "…"}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Création de l'administrateur impossible : ${(error as Error).message}\n`);
  process.exit(1);
});
