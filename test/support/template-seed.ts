import type { DataSource } from 'typeorm';

/** Reference data every test database starts with (loaded once into the template, copied for free by PostgreSQL). */
export async function seedTemplate(_dataSource: DataSource): Promise<void> {
  // The referentials import plugs in here.
}
