import type { components, paths } from '../client/maillage-api';
import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/** The JSON body of a response, as the client generated from openapi.json (openapi-typescript) declares it. */
type Body<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never
  : never;
type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/**
 * A partner's tool written against openapi.json: one call of each module, its request built and its answer read
 * through the generated types (test/client/maillage-api.d.ts, `npm run openapi:client`). A field the contract does not
 * declare would not compile; a field the API does not send fails the expectations.
 */
describe('the TypeScript client generated from openapi.json', () => {
  let t: TestApp;
  let f: Fixtures;
  let siae: Siae;
  let collective: Collective;
  let direction: User;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    siae = await f.siae();
    collective = await f.collective();
    await f.collectiveMember(collective, siae);
    direction = await f.member(siae, 'direction');
    token = await f.tokenFor(direction);
  });
  afterAll(() => t.close());

  it('types platform (auth) and structures answers', async () => {
    const me: Body<'/api/auth/me', 'get', 200> = (await t.http().get('/api/auth/me').set(auth()).expect(200)).body;
    expect(me.userId).toBe(direction.id);
    const mine: Body<'/api/siae', 'get', 200> = (await t.http().get('/api/siae').set(auth()).expect(200)).body;
    expect(mine.map((s) => s.id)).toEqual([siae.id]);
  });

  it('types referentials answers', async () => {
    const lyon: Body<'/api/referentials/communes/{code}', 'get', 200> = (
      await t.http().get('/api/referentials/communes/69123').expect(200)
    ).body;
    expect(lyon.name).toBe('Lyon');
  });

  it('types candidates answers', async () => {
    const request: Schema<'CreateCandidateDto'> = { siaeId: siae.id, firstName: 'Inès', lastName: 'Client' };
    const created: Body<'/api/candidates', 'post', 201> = (
      await t.http().post('/api/candidates').set(auth()).send(request).expect(201)
    ).body;
    expect(created.mine).toBe(true);
    expect(created.identity.lastName).toBe('Client');
    expect(created.consents).toEqual([]);
  });

  it('types employer-network answers', async () => {
    const request: Schema<'CreateCompanyDto'> = { siaeId: siae.id, name: 'Boulangerie du Contrat' };
    const company: Body<'/api/companies', 'post', 201> = (
      await t.http().post('/api/companies').set(auth()).send(request).expect(201)
    ).body;
    expect(company.name).toBe('Boulangerie du Contrat');
    expect(company.needs).toEqual([]);
    const list: Body<'/api/siae/{siaeId}/companies', 'get', 200> = (
      await t.http().get(`/api/siae/${siae.id}/companies`).set(auth()).expect(200)
    ).body;
    expect(list.map((c) => c.id)).toEqual([company.id]);
  });

  it('types matching answers', async () => {
    const weights: Body<'/api/collectives/{collectiveId}/matching-weights', 'get', 200> = (
      await t.http().get(`/api/collectives/${collective.id}/matching-weights`).set(auth()).expect(200)
    ).body;
    expect(weights.collectiveId).toBe(collective.id);
    expect(weights.overrides).toBeNull();
  });

  it('types events answers', async () => {
    const events: Body<'/api/collectives/{id}/events', 'get', 200> = (
      await t.http().get(`/api/collectives/${collective.id}/events`).set(auth()).expect(200)
    ).body;
    expect(Array.isArray(events)).toBe(true);
  });

  it('types the shared error of every 4xx', async () => {
    const missing: Body<'/api/candidates/{id}', 'get', 404> = (
      await t.http().get('/api/candidates/00000000-0000-4000-8000-000000000000').set(auth()).expect(404)
    ).body;
    expect(missing.code).toBe('CANDIDATE_NOT_FOUND');
  });
});
