import { randomUUID } from 'node:crypto';
import { SiaeMembership } from '../../src/modules/structures/entities/siae-membership.entity';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Generated from the OpenAPI document the app serves: for every operation, every string field of its JSON body and
 * every string query parameter gets a NUL byte, a bidi override, a 100 kB string and a blank string. Each must answer
 * a 4xx with `{ code, message }` that names the field (when the answer has field details), no 5xx, and no row of any
 * table may change.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Target {
  where: 'body' | 'query';
  /** Path of the field in the body: ['contacts', 0, 'lastName']; a string inside an array of strings ends with 0. */
  path: Array<string | number>;
}

const BAD_VALUES: Array<[string, string]> = [
  ['NUL', 'Valeur\u0000nulle'],
  ['bidi override', 'Valeur \u202Eesrever'],
  ['100 kB', 'x'.repeat(100_000)],
  ['blank', '   '],
];

/**
 * Operations whose guard does not take a staff bearer token (the employer's side authenticates with a link session):
 * their fields would never reach validation here. Listed, not silently dropped.
 */
const NOT_STAFF = /^\/api\/employer\//;

function stringTargets(
  schemas: Record<string, Schema>,
  schema: Schema | undefined,
  path: Target['path'],
  depth = 0,
): Target['path'][] {
  if (!schema || depth > 4) return [];
  if (schema.$ref) return stringTargets(schemas, schemas[schema.$ref.split('/').pop()!], path, depth + 1);
  const out: Target['path'][] = [];
  for (const part of schema.allOf ?? []) out.push(...stringTargets(schemas, part, path, depth + 1));
  if (schema.type === 'string' && schema.format !== 'binary') out.push(path);
  if (schema.type === 'array') out.push(...stringTargets(schemas, schema.items, [...path, 0], depth + 1));
  for (const [key, child] of Object.entries(schema.properties ?? {}))
    out.push(...stringTargets(schemas, child, [...path, key], depth + 1));
  return out;
}

function bodyWith(path: Target['path'], value: string): unknown {
  const [head, ...rest] = path;
  const inner = rest.length === 0 ? value : bodyWith(rest, value);
  return typeof head === 'number' ? [inner] : { [head]: inner };
}

/** The field as the validation details name it: `contacts.0.lastName`; a string item of an array is its array. */
function detailField(path: Target['path']): string {
  const trimmed = typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
  return trimmed.join('.');
}

describe('bad input on every operation of openapi.json: 4xx, field named, nothing written', () => {
  let t: TestApp;
  let token: string;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    t = await TestApp.create();
    const f = new Fixtures(t);
    // one account holding every staff role, so that each route's guard lets the request reach validation
    const user = await f.admin();
    for (const role of ['direction', 'cip', 'charge_dev'] as const)
      await t.dataSource.getRepository(SiaeMembership).save({ userId: user.id, siaeId: (await f.siae()).id, role });
    await f.coordinator(await f.collective(), user);
    token = await f.tokenFor(user);
    document = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  /** A fingerprint of every table but the referentials (read-only, and large): row count and content hash. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables: Array<{ name: string }> = await t.dataSource.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('commune', 'migrations') AND c.relname NOT LIKE 'rome\\_%'
        ORDER BY 1`,
    );
    const rows: Array<{ name: string; print: string }> = await t.dataSource.query(
      tables
        .map(
          ({ name }) =>
            `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text AS print FROM "${name}" x`,
        )
        .join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.print]));
  }

  it('covers the operations of the document', () => {
    const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
    expect(operations.length).toBeGreaterThan(50);
  });

  it('answers each bad string with a 4xx { code, message } naming the field, and writes nothing', async () => {
    const problems: string[] = [];
    let requests = 0;
    const schemas = document.components.schemas;
    for (const [route, item] of Object.entries(document.paths)) {
      if (NOT_STAFF.test(route)) continue;
      for (const [method, operation] of Object.entries(item)) {
        const url = route.replace(/\{[^}]+\}/g, () => randomUUID());
        const targets: Target[] = [
          ...(operation.parameters ?? [])
            .filter((p) => p.in === 'query' && p.schema?.type === 'string')
            .map((p) => ({ where: 'query' as const, path: [p.name] })),
          ...stringTargets(schemas, operation.requestBody?.content?.['application/json']?.schema, []).map((path) => ({
            where: 'body' as const,
            path,
          })),
        ];
        if (targets.length === 0) continue;
        const before = await fingerprint();
        for (const target of targets)
          for (const [label, value] of BAD_VALUES) {
            requests++;
            let req = t.http()[method as 'get'](url).set('authorization', `Bearer ${token}`);
            if (target.where === 'query') req = req.query({ [target.path[0]]: value });
            else req = req.send(bodyWith(target.path, value) as object);
            const res = await req;
            const where = `${method.toUpperCase()} ${route} ${target.where} ${detailField(target.path)} (${label})`;
            const shapeOk = typeof res.body?.code === 'string' && typeof res.body?.message === 'string';
            if (res.status < 400 || res.status >= 500 || !shapeOk) {
              problems.push(`${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
              continue;
            }
            // a 401/403/404 would mean the request never reached validation: the field was not tested
            if (![400, 413, 422, 431].includes(res.status)) {
              problems.push(`${where}: ${res.status} ${res.body.code} (not a validation answer)`);
              continue;
            }
            const details = Array.isArray(res.body.details) ? (res.body.details as Array<{ field?: string }>) : [];
            if (res.status === 400 && !details.some((d) => d.field === detailField(target.path)))
              problems.push(
                `${where}: 400 ${res.body.code} without the field in details ${JSON.stringify(details).slice(0, 160)}`,
              );
          }
        const after = await fingerprint();
        for (const table of Object.keys(before))
          if (before[table] !== after[table]) problems.push(`${method.toUpperCase()} ${route}: table ${table} changed`);
      }
    }
    expect(requests).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  }, 600_000);
});
