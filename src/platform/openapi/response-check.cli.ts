import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from './openapi-types';
import { untypedResponses } from './response-check';

/** `node dist/src/platform/openapi/response-check.cli.js openapi.json`: exits 1 on any untyped response or schema. */
const file = process.argv[2] ?? 'openapi.json';
const problems = untypedResponses(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
if (problems.length > 0) {
  process.stderr.write(
    `${file} : ${problems.length} réponse(s) ou schéma(s) sans type (chaque opération nomme un DTO de réponse, ` +
      `voir src/platform/README.md) :\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`${file} : toutes les réponses sont typées\n`);
