import { dropDatabase, TEMPLATE_DB, withAdmin } from './databases';

export default async function globalTeardown(): Promise<void> {
  await withAdmin((client) => dropDatabase(client, TEMPLATE_DB));
}
