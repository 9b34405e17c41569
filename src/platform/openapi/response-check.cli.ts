import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from './openapi-types';
import { untypedResponses } from './response-check';

/** `node dist/src/platform/openapi/response-check.cli.js openapi.json`: exits 1 on any untyped response or schema. */
const file = process.argv[2] ?? 'openapi.json';

/**
 * Operations typed module by module (issue 12); each landing removes its lines. Never add one: a new route names its
 * response DTO from its first commit.
 */
const notYetTyped: string[] = [
  'GET /api/collectives/{id}/pooled-companies',
  'GET /api/collectives/{id}/reciprocity',
  'GET /api/collectives/{id}/solicitation-budget',
  'GET /api/companies/{id}',
  'GET /api/companies/{id}/contacts/{contactId}/export',
  'GET /api/pooled-companies/{id}',
  'GET /api/pooled-companies/{id}/solicitations',
  'GET /api/pooling-runs/{id}',
  'GET /api/siae/{siaeId}/companies',
  'PATCH /api/companies/{id}',
  'POST /api/admin/hiring-needs/expire',
  'POST /api/collectives/{id}/pooling-runs',
  'POST /api/companies',
  'POST /api/companies/{id}/contacts',
  'POST /api/companies/{id}/contacts/{contactId}/erasure',
  'POST /api/companies/{id}/interactions',
  'POST /api/companies/{id}/needs',
  'POST /api/companies/{id}/needs/{needId}/confirm',
  'POST /api/companies/{id}/needs/{needId}/status',
  'POST /api/companies/{id}/shares',
  'POST /api/companies/{id}/shares/{collectiveId}/withdraw',
  'POST /api/pooled-companies/{id}/merge',
  'POST /api/pooled-companies/{id}/solicitations',
  'POST /api/pooled-companies/{id}/split',
  'POST /api/siae/{siaeId}/companies/import',
  'PUT /api/collectives/{id}/solicitation-budget',
  'PUT /api/pooled-companies/{id}/pause',
];

const all = untypedResponses(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
const problems = all.filter((problem) => !notYetTyped.some((op) => problem.startsWith(`${op} `)));
// A typed operation leaves the list at once, so that the list only ever shrinks.
for (const op of notYetTyped)
  if (!all.some((problem) => problem.startsWith(`${op} `)))
    problems.push(`${op} : désormais typée, retirez-la de notYetTyped (src/platform/openapi/response-check.cli.ts)`);
if (problems.length > 0) {
  process.stderr.write(
    `${file} : ${problems.length} réponse(s) ou schéma(s) sans type (chaque opération nomme un DTO de réponse, ` +
      `voir src/platform/README.md) :\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `${file} : réponses typées` +
    (notYetTyped.length > 0 ? ` (sauf ${notYetTyped.length} opération(s) de notYetTyped, à typer)` : '') +
    '\n',
);
