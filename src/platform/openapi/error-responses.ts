import type { OpenAPIObject } from '@nestjs/swagger';
import { httpMethods, type OpenApiDocument, type OperationNode } from './openapi-types';

export const ERROR_SCHEMA_REF = '#/components/schemas/ErrorDto';

/** What any route may answer, whatever its module: read from the route's shape, not from each controller. */
const generic: Array<{ status: string; description: string; applies: (op: OperationNode, path: string) => boolean }> = [
  {
    status: '400',
    description: 'Données ou identifiant invalides (`VALIDATION_FAILED`, `INVALID_ID`, ou le code de la règle).',
    applies: (op) => (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined,
  },
  {
    status: '401',
    description: 'Authentification requise (`UNAUTHENTICATED`).',
    applies: (op) => (op.security?.length ?? 0) > 0,
  },
  {
    status: '403',
    description: 'Rôle insuffisant (`FORBIDDEN`).',
    applies: (op) => (op.security?.length ?? 0) > 0,
  },
  {
    status: '404',
    description: 'Ressource introuvable ou hors de vos structures (code `<RESSOURCE>_NOT_FOUND`).',
    applies: (_op, path) => path.includes('{'),
  },
];

/**
 * Every error answer has the one shape `{ code, message, details? }` (HttpExceptionFilter). Adds the 4xx a route can
 * produce by its shape (body or parameters → 400, signed in → 401/403, path parameters → 404), and points every 4xx,
 * generic or declared by the controller (409, 422…), at the shared ErrorDto schema.
 */
export function addErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries((document as unknown as OpenApiDocument).paths)) {
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      for (const rule of generic) {
        if (rule.applies(op, path) && !op.responses[rule.status])
          op.responses[rule.status] = { description: rule.description };
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4(\d\d|XX)$/.test(status) || response.$ref) continue;
        response.content = { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } };
      }
      op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return document;
}
