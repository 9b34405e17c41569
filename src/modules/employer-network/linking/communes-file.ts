import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CommuneLocation } from './types';

/** Reads `code_insee,nom,departement,codes_postaux,latitude,longitude` (shared/data/communes/communes_centroides.csv). */
export function readCommunesCsv(file: string): Map<string, CommuneLocation & { name: string; department: string }> {
  const out = new Map<string, CommuneLocation & { name: string; department: string }>();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const f = line.split(',');
    if (f.length < 6) continue;
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    out.set(f[0], { name: f[1], department: f[2], postcodes: f[3].split(' ').filter(Boolean), lat, lon });
  }
  return out;
}

/**
 * The communes referential shipped in the repo (data/communes/), or the shared copy next to the repo. Looked up from a
 * start folder upwards so that the compiled CLI and bench find it wherever dist/ lives.
 */
export function findCommunesCsv(start: string): string | null {
  let dir = path.resolve(start);
  for (let depth = 0; depth < 8; depth++) {
    for (const candidate of [
      path.join(dir, 'data', 'communes', 'communes_centroides.csv'),
      path.join(dir, 'data', 'referentials', 'communes_centroides.csv'),
      path.join(dir, '..', 'shared', 'data', 'communes', 'communes_centroides.csv'),
    ]) {
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}
