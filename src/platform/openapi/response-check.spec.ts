import { addErrorResponses } from './error-responses';
import type { OpenApiDocument } from './openapi-types';
import { untypedResponses } from './response-check';

const typed = (): OpenApiDocument => ({
  paths: {
    '/api/things/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path' }],
        security: [{ bearer: [] }],
        responses: { '200': { description: '', content: { 'application/json': { schema: { $ref: '#/T' } } } } },
      },
      delete: { responses: { '204': { description: '' } } },
    },
  },
  components: {
    schemas: {
      T: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          extra: { type: 'object', additionalProperties: true },
        },
      },
      ErrorDto: { type: 'object', properties: { code: { type: 'string' } } },
    },
  },
});

describe('untypedResponses (npm run openapi:check)', () => {
  it('accepts typed answers once the shared error schema is on every 4xx', () => {
    const doc = typed();
    expect(untypedResponses(doc)).toEqual([]);
    const withErrors = addErrorResponses(doc as never) as unknown as OpenApiDocument;
    expect(Object.keys(withErrors.paths['/api/things/{id}'].get!.responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
    ]);
    expect(untypedResponses(withErrors)).toEqual([]);
  });

  it('names a 2xx without a schema, an object without properties, an array without items, an inline union and a bare 4xx', () => {
    const doc = typed();
    doc.paths['/api/things/{id}'].post = {
      responses: { '201': { description: '' }, '409': { description: 'conflit' } },
    };
    doc.paths['/api/things/{id}'].put = {
      responses: { '200': { description: '', content: { 'application/json': { schema: { type: 'object' } } } } },
    };
    doc.paths['/api/things/{id}'].patch = {
      responses: {
        '200': { description: '', content: { 'application/json': { schema: { oneOf: [{ $ref: '#/T' }] } } } },
      },
    };
    doc.components!.schemas!.T.properties!.loose = { type: 'object' };
    doc.components!.schemas!.T.properties!.list = { type: 'array' };
    expect(untypedResponses(doc)).toEqual([
      'PUT /api/things/{id} 200 application/json : objet sans propriétés',
      'POST /api/things/{id} 201 : réponse sans schéma (nommer un DTO de réponse dans le type de retour)',
      'POST /api/things/{id} 409 : erreur sans le schéma ErrorDto',
      'PATCH /api/things/{id} 200 application/json : union sans nom (platform/openapi/named-schemas.ts)',
      'schéma T.loose : objet sans propriétés',
      "schéma T.list : liste sans type d'élément",
    ]);
  });

  it('wants at least one 2xx', () => {
    const doc = typed();
    doc.paths['/api/things/{id}'].patch = { responses: {} };
    expect(untypedResponses(doc)).toEqual(['PATCH /api/things/{id} : aucune réponse 2xx déclarée']);
  });
});
