import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './platform/config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT);
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'info',
      msg: `API prête sur ${config.PUBLIC_BASE_URL}/api (documentation : /api/docs)`,
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
