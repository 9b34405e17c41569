import type { DataSource } from 'typeorm';
import { ReferentialsImporter } from '../../src/modules/referentials/referentials.importer';

/** Reference data every test database starts with (loaded once into the template, copied for free by PostgreSQL). */
export async function seedTemplate(dataSource: DataSource): Promise<void> {
  await new ReferentialsImporter(dataSource).run();
}
