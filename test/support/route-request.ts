import type { TestApp } from './test-app';

/** What an access-table entry sends: values for the route's `:params`, and a body or query if any. */
export interface RouteInput {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, unknown>;
}

/**
 * The request for a route written as in the access tables (`'GET /api/companies/:id'`), with its params filled in and
 * the bearer token when there is one. A param the entry does not give is a mistake in the table: it fails loudly.
 */
export function routeRequest(t: TestApp, route: string, input: RouteInput, token: string | null) {
  const [method, template] = route.split(' ');
  const params = input.params ?? {};
  const path = template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${route}: request() gives no value for :${name}`);
    return encodeURIComponent(params[name]);
  });
  let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
  if (token !== null) req = req.set('authorization', `Bearer ${token}`);
  if (input.query) req = req.query(input.query);
  return input.body === undefined ? req : req.send(input.body as object);
}
