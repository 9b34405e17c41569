#!/usr/bin/env node
// Regenerates the two derived files of data/rome/ from the source files described in data/README.md.
// Deterministic: same inputs → byte-identical outputs (rows sorted, scores rounded to 4 decimals).
//
//   node data/derive.mjs <arbo_rome_ogr_202107.csv> <lbb-pse_bassin-emploi_rome-connexe.csv>
//
// Writes data/rome/rome_domaines.csv and data/rome/rome_metiers_connexes.csv next to this script.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const [arboPath, connexePath] = process.argv.slice(2);
if (!arboPath || !connexePath) {
  console.error('usage: node data/derive.mjs <arbo_rome_ogr_202107.csv> <lbb-pse_bassin-emploi_rome-connexe.csv>');
  process.exit(1);
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'rome');

// 1. Domains. In the "arborescence principale", a row whose 2nd column is blank is a grand domaine (A…N), a row whose
//    3rd column is blank a domaine professionnel (A + 11 → A11). The source replaced the commas of labels with ';' and
//    quoted the label: put the commas back.
const arbo = parse(readFileSync(arboPath, 'utf8'), { delimiter: ';', columns: true, trim: true, relax_column_count: true });
const domains = [];
for (const row of arbo) {
  const label = row.Intitule.replace(/\s*;\s*/g, ', ');
  if (row.Rome2 === '') domains.push([row.Rome1, label]);
  else if (row.Rome3 === '') domains.push([row.Rome1 + row.Rome2, label]);
}
domains.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
writeFileSync(join(out, 'rome_domaines.csv'), ['code;libelle', ...domains.map(([c, l]) => `${c};${l}`)].join('\n') + '\n');

// 2. Related jobs. The source lists, per employment area (bassin d'emploi), up to 3 related ROME codes of a ROME with a
//    score in 0..1. National score of a pair = sum of its scores over the areas / number of areas where the source ROME
//    has related jobs at all, i.e. the mean score counting 0 where the pair is absent: a pair seen strongly in most
//    areas scores high, a pair seen once scores low, and the result stays in 0..1.
const connexes = parse(readFileSync(connexePath, 'utf8'), { columns: true, trim: true });
const areasOfSource = new Map();
const pairs = new Map();
for (const row of connexes) {
  if (row.rome === row.rome_connexe) continue;
  if (!areasOfSource.has(row.rome)) areasOfSource.set(row.rome, new Set());
  areasOfSource.get(row.rome).add(row.code_bassin_emploi);
  const key = `${row.rome},${row.rome_connexe}`;
  const pair = pairs.get(key) ?? { sum: 0, areas: new Set() };
  pair.sum += Number(row.score);
  pair.areas.add(row.code_bassin_emploi);
  pairs.set(key, pair);
}
const related = [];
for (const [key, pair] of pairs) {
  const [rome] = key.split(',');
  const sourceAreas = areasOfSource.get(rome).size;
  const score = Math.round((pair.sum / sourceAreas) * 10_000) / 10_000;
  if (score <= 0) continue;
  related.push(`${key},${score.toFixed(4)},${pair.areas.size},${sourceAreas}`);
}
related.sort();
writeFileSync(join(out, 'rome_metiers_connexes.csv'), ['rome,rome_connexe,score,bassins,bassins_rome', ...related].join('\n') + '\n');
console.log(`rome_domaines.csv: ${domains.length} rows; rome_metiers_connexes.csv: ${related.length} pairs`);
