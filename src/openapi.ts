import 'reflect-metadata';
import { createApp, buildOpenApi } from './app.factory';
import { loadConfig } from './platform/config/app-config';

/** Prints the OpenAPI document without a database: the document only depends on controllers and DTOs. */
async function main(): Promise<void> {
  const app = await createApp(loadConfig(), { logger: false, preview: true });
  const document = buildOpenApi(app);
  process.stdout.write(JSON.stringify(document, null, 2) + '\n');
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
