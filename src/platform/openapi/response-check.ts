import { ERROR_SCHEMA_REF } from './error-responses';
import { httpMethods, type OpenApiDocument, type SchemaNode } from './openapi-types';

/** Schemas that say nothing a client can use: an object without properties, an array without items, `{}`. */
function untypedSpots(s: SchemaNode | undefined, where: string, out: string[]): void {
  if (!s || typeof s !== 'object' || s.$ref) return;
  const composed = s.allOf ?? s.oneOf ?? s.anyOf;
  if (composed) {
    composed.forEach((c, i) => untypedSpots(c, `${where}[${i}]`, out));
    return;
  }
  if (s.type === 'object' || (s.type === undefined && s.properties)) {
    const free = s.additionalProperties;
    if (!s.properties && free === undefined) out.push(`${where} : objet sans propriétés`);
    for (const [name, property] of Object.entries(s.properties ?? {})) untypedSpots(property, `${where}.${name}`, out);
    if (free && typeof free === 'object') untypedSpots(free, `${where}{*}`, out);
  } else if (s.type === 'array') {
    if (!s.items) out.push(`${where} : liste sans type d'élément`);
    else untypedSpots(s.items, `${where}[]`, out);
  } else if (s.type === undefined && s.enum === undefined && s.not === undefined) {
    out.push(`${where} : aucun type`);
  }
}

/**
 * The contract check of `npm run openapi:check`: every operation answers a typed 2xx, every 4xx is the shared error
 * schema, and no schema (component or inline) is an object without properties. Returns one French line per problem.
 */
export function untypedResponses(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries(op.responses ?? {});
      const success = responses.filter(([status]) => /^2/.test(status));
      if (success.length === 0) problems.push(`${name} : aucune réponse 2xx déclarée`);
      for (const [status, response] of responses) {
        if (response.$ref) continue;
        if (/^2/.test(status)) {
          if (status === '204') continue;
          const contents = Object.entries(response.content ?? {});
          if (contents.length === 0 || contents.some(([, media]) => !media.schema))
            problems.push(`${name} ${status} : réponse sans schéma (nommer un DTO de réponse dans le type de retour)`);
          for (const [type, media] of contents) {
            untypedSpots(media.schema, `${name} ${status} ${type}`, problems);
            // A union written inline has no name: generators and checkers see an anonymous type (name it once).
            if (media.schema && (media.schema.oneOf ?? media.schema.anyOf ?? media.schema.allOf))
              problems.push(`${name} ${status} ${type} : union sans nom (platform/openapi/named-schemas.ts)`);
          }
        } else if (/^4/.test(status)) {
          const schema = response.content?.['application/json']?.schema;
          if (schema?.$ref !== ERROR_SCHEMA_REF) problems.push(`${name} ${status} : erreur sans le schéma ErrorDto`);
        }
      }
    }
  }
  // A generated client names its functions after operationIds: two controllers with the same class name collide.
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths))
    for (const method of httpMethods) {
      const id = item[method]?.operationId;
      if (!id) continue;
      const other = seen.get(id);
      if (other) problems.push(`${method.toUpperCase()} ${path} : operationId ${id} déjà pris par ${other}`);
      else seen.set(id, `${method.toUpperCase()} ${path}`);
    }
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
    untypedSpots(schema, `schéma ${name}`, problems);
  return problems;
}
