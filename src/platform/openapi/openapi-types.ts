/**
 * The slice of OpenAPI 3 the contract helpers read. @nestjs/swagger does not export its own interfaces (its package
 * `exports` stop at the index), so the few fields used here are declared once.
 */
export interface SchemaNode {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  enum?: unknown[];
  not?: SchemaNode;
}

export interface ResponseNode {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: SchemaNode }>;
}

export interface OperationNode {
  operationId?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, ResponseNode>;
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof httpMethods)[number], OperationNode>>>;
  components?: { schemas?: Record<string, SchemaNode> };
}

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
