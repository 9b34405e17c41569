import type { OpenAPIObject } from '@nestjs/swagger';
import { DEFAULT_MAX_LENGTH } from './text-rules';

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

const isString = (s: Schema) => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));

/**
 * Writes into the document the bound the input pipe enforces on string fields that declare none (text-rules.ts,
 * DEFAULT_MAX_LENGTH): ids, dates, codes checked by a pattern. A UUID is 36 characters (IsUUID checks it). Binary
 * bodies (the CSV import) are not strings of a JSON field and are left alone.
 */
export function withStringBounds(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const seen = new Set<Schema>();
  // only what clients send: request bodies and query parameters, following $refs (responses are not input)
  const visit = (schema: Schema | undefined): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    if (schema.$ref) return visit(schemas[schema.$ref.split('/').pop()!]);
    if (isString(schema) && schema.format !== 'binary' && schema.enum === undefined && schema.maxLength === undefined)
      schema.maxLength = schema.format === 'uuid' ? 36 : DEFAULT_MAX_LENGTH;
    for (const child of Object.values(schema.properties ?? {})) visit(child);
    visit(schema.items);
    for (const list of [schema.allOf, schema.oneOf, schema.anyOf]) for (const child of list ?? []) visit(child);
    if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties);
  };
  for (const item of Object.values(document.paths ?? {}))
    for (const operation of Object.values(item ?? {})) {
      const op = operation as {
        parameters?: Array<{ in?: string; schema?: Schema }>;
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      if (!op || typeof op !== 'object') continue;
      for (const parameter of op.parameters ?? []) if (parameter.in === 'query') visit(parameter.schema);
      for (const media of Object.values(op.requestBody?.content ?? {})) visit(media.schema);
    }
  return document;
}
