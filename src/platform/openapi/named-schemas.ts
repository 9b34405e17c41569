import { ApiOkResponse } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

type SchemaObject = Record<string, unknown>;

/**
 * Response schemas a DTO class cannot state (a union of DTOs, a CSV body), given a name so that the operation refers to
 * them by `$ref` like any DTO: a partner's client generator and every contract checker then see a named type instead of
 * an inline schema. Registered by the decorator when the controller's module is loaded, added to the document's
 * components by `withNamedSchemas` (buildOpenApi).
 */
const named = new Map<string, SchemaObject>();

export function namedSchemaRef(name: string, schema: SchemaObject): { $ref: string } {
  const known = named.get(name);
  if (known && JSON.stringify(known) !== JSON.stringify(schema))
    throw new Error(`OpenAPI: two different schemas named ${name}`);
  named.set(name, schema);
  return { $ref: `#/components/schemas/${name}` };
}

/** `200` answered with the named schema, in `mediaType` (JSON by default). */
export function ApiOkNamedResponse(
  name: string,
  schema: SchemaObject,
  options: { description: string; mediaType?: string },
): MethodDecorator & ClassDecorator {
  const ref = namedSchemaRef(name, schema);
  return options.mediaType
    ? ApiOkResponse({ description: options.description, content: { [options.mediaType]: { schema: ref } } })
    : ApiOkResponse({ description: options.description, schema: ref });
}

export function withNamedSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}) } as Record<string, unknown>;
  for (const [name, schema] of [...named.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (schemas[name]) throw new Error(`OpenAPI: the schema ${name} is already a DTO`);
    schemas[name] = schema;
  }
  return { ...document, components: { ...document.components, schemas: schemas as never } };
}
