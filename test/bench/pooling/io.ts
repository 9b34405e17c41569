import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Commune, LabelledSet } from './generator';
import { readCommunesCsv } from '../../../src/modules/employer-network/linking/communes-file';

export function loadCommunes(file: string): Map<string, Commune> {
  const out = new Map<string, Commune>();
  for (const [code, c] of readCommunesCsv(file))
    out.set(code, {
      code,
      name: c.name,
      department: c.department,
      postcodes: [...(c.postcodes ?? [])],
      lat: c.lat,
      lon: c.lon,
    });
  return out;
}

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Writes a set as FORMAT.md describes it: records.jsonl, siae.jsonl, truth/truth.jsonl, truth/contacts-truth.jsonl. */
export function writeSet(dir: string, set: LabelledSet): void {
  mkdirSync(path.join(dir, 'truth'), { recursive: true });
  writeFileSync(path.join(dir, 'records.jsonl'), jsonl(set.records));
  writeFileSync(path.join(dir, 'siae.jsonl'), jsonl(set.siae));
  writeFileSync(path.join(dir, 'truth', 'truth.jsonl'), jsonl(set.truth));
  writeFileSync(path.join(dir, 'truth', 'contacts-truth.jsonl'), jsonl(set.contactsTruth));
}

export function writeLinks(
  file: string,
  links: { clusters: string[][]; contactClusters: string[][]; meta?: unknown },
): void {
  const parts = ['{'];
  if (links.meta) parts.push(`"meta": ${JSON.stringify(links.meta)},`);
  parts.push('"clusters": [', links.clusters.map((c) => JSON.stringify(c)).join(',\n'), '],');
  parts.push('"contactClusters": [', links.contactClusters.map((c) => JSON.stringify(c)).join(',\n'), ']}');
  writeFileSync(file, parts.join('\n') + '\n');
}
