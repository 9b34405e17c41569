import { Fixtures, validSiret } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Bad input never gives a 500 and never writes: each case answers its own code and leaves every table of the
 * structures flow (and the outbox, mail log and audit log) with the same number of rows.
 */
describe('structures: bad input', () => {
  let t: TestApp;
  let f: Fixtures;
  let admin: string;
  let direction: string;
  let siaeId: string;
  let collectiveId: string;

  const tables = [
    'siae',
    'siae_membership',
    'user_invitation',
    'collective',
    'collective_membership',
    'collective_coordinator',
    'app_user',
    'outbox_message',
    'mail_message',
    'audit_entry',
  ];
  const counts = async () => {
    const [row] = await t.dataSource.query(
      `SELECT ${tables.map((name) => `(SELECT count(*)::int FROM ${name}) AS ${name}`).join(', ')}`,
    );
    return row as Record<string, number>;
  };

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    admin = await f.tokenFor(await f.admin());
    const siae = await f.siae();
    siaeId = siae.id;
    const director = await f.member(siae, 'direction');
    direction = await f.tokenFor(director);
    const collective = await f.collective();
    collectiveId = collective.id;
    await f.collectiveMember(collective, siae);
    await f.coordinator(collective, director);
  });
  afterAll(() => t.close());

  const validSiae = () => ({
    kind: 'ACI',
    name: 'Chantier Valide',
    siret: validSiret(),
    communeCode: '69123',
    directionEmail: 'direction@exemple.fr',
  });

  interface Case {
    name: string;
    send: () => Promise<{ status: number; body: { code: string; message: string; details?: unknown } }>;
    status: number;
    code: string;
    details?: unknown;
  }

  const cases: Case[] = [
    {
      name: 'a SIRET with a wrong check digit',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), siret: '73282932000075' }),
      status: 400,
      code: 'SIRET_INVALID',
      details: [
        {
          field: 'siret',
          code: 'SIRET_INVALID',
          problems: ['Le SIRET doit comporter 14 chiffres et sa clé de contrôle doit être juste.'],
        },
      ],
    },
    {
      name: 'a SIRET with spaces',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), siret: '732 829 320 00074' }),
      status: 400,
      code: 'SIRET_INVALID',
    },
    {
      name: 'a SIRET given as a number',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), siret: 73282932000074 }),
      status: 400,
      code: 'SIRET_INVALID',
    },
    {
      name: 'an invalid SIRET to invite into a collective',
      send: () =>
        t
          .http()
          .post(`/api/collectives/${collectiveId}/members`)
          .set('authorization', `Bearer ${direction}`)
          .send({ siret: '12345678901234' }),
      status: 400,
      code: 'SIRET_INVALID',
    },
    {
      name: 'an invalid SIRET among other mistakes (the generic code, every field listed)',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), siret: '1', kind: 'SARL' }),
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'kind', problems: ['doit être un de : ACI, AI, EI, ETTI, EITI, EBE'] },
        {
          field: 'siret',
          code: 'SIRET_INVALID',
          problems: ['Le SIRET doit comporter 14 chiffres et sa clé de contrôle doit être juste.'],
        },
      ],
    },
    {
      name: 'an unknown field',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), isAdmin: true }),
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'isAdmin', problems: ['champ inconnu'] }],
    },
    {
      name: 'a wrong type',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), name: 42 }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a missing field',
      send: () => {
        const { directionEmail: _, ...body } = validSiae();
        return t.http().post('/api/siae').set('authorization', `Bearer ${admin}`).send(body);
      },
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'directionEmail', problems: expect.arrayContaining(['obligatoire']) }],
    },
    {
      name: 'null for a required field on update',
      send: () =>
        t.http().patch(`/api/siae/${siaeId}`).set('authorization', `Bearer ${direction}`).send({ name: null }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a commune code of the wrong format',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), communeCode: '6912' }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a commune code the referential does not know',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), communeCode: '99999' }),
      status: 400,
      code: 'UNKNOWN_COMMUNE',
    },
    {
      name: 'a body that is a JSON array',
      send: () => t.http().post('/api/siae').set('authorization', `Bearer ${admin}`).send([validSiae()]),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'malformed JSON',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .set('content-type', 'application/json')
          .send('{"kind": "ACI",'),
      status: 400,
      code: 'MALFORMED_JSON',
    },
    {
      name: 'an oversized body',
      send: () =>
        t
          .http()
          .post('/api/siae')
          .set('authorization', `Bearer ${admin}`)
          .send({ ...validSiae(), address: 'x'.repeat(300_000) }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'a bad UUID in a path',
      send: () => t.http().get('/api/siae/pas-un-uuid').set('authorization', `Bearer ${direction}`),
      status: 400,
      code: 'INVALID_ID',
    },
    {
      name: 'a bad UUID in the second path parameter',
      send: () => t.http().delete(`/api/siae/${siaeId}/members/123`).set('authorization', `Bearer ${direction}`),
      status: 400,
      code: 'INVALID_ID',
    },
    {
      name: 'a bad UUID in a collective path',
      send: () =>
        t.http().post(`/api/collectives/${collectiveId}/members/0/accept`).set('authorization', `Bearer ${direction}`),
      status: 400,
      code: 'INVALID_ID',
    },
    {
      name: 'a bad UUID in a body',
      send: () =>
        t
          .http()
          .post('/api/collectives')
          .set('authorization', `Bearer ${direction}`)
          .send({ name: 'Collectif', siaeId: 'abc' }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'both an id and a SIRET to invite an SIAE',
      send: () =>
        t
          .http()
          .post(`/api/collectives/${collectiveId}/members`)
          .set('authorization', `Bearer ${direction}`)
          .send({ siaeId, siret: validSiret() }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'an e-mail longer than any mailbox can be',
      send: () =>
        t
          .http()
          .post(`/api/siae/${siaeId}/invitations`)
          .set('authorization', `Bearer ${direction}`)
          .send({ email: `a@${['b', 'c', 'd', 'e', 'f'].map((l) => l.repeat(60)).join('.')}.fr`, role: 'cip' }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'an unknown role in an invitation',
      send: () =>
        t
          .http()
          .post(`/api/siae/${siaeId}/invitations`)
          .set('authorization', `Bearer ${direction}`)
          .send({ email: 'x@exemple.fr', role: 'admin' }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'an invalid e-mail in an invitation',
      send: () =>
        t
          .http()
          .post(`/api/siae/${siaeId}/invitations`)
          .set('authorization', `Bearer ${direction}`)
          .send({ email: 'pas une adresse', role: 'cip' }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a short password when accepting an invitation',
      send: () =>
        t
          .http()
          .post('/api/invitations/accept')
          .send({ token: 'a'.repeat(43), displayName: 'Camille', password: 'court' }),
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'password', problems: ['doit contenir entre 10 et 200 caractères'] }],
    },
    {
      name: 'an unknown invitation token',
      send: () =>
        t
          .http()
          .post('/api/invitations/accept')
          .send({ token: 'a'.repeat(43), displayName: 'Camille', password: 'assez-long-pour-passer' }),
      status: 404,
      code: 'INVITATION_NOT_FOUND',
    },
    {
      name: 'a token with characters no token has',
      send: () => t.http().get(`/api/invitations/${encodeURIComponent("' OR 1=1 --")}`),
      status: 404,
      code: 'INVITATION_NOT_FOUND',
    },
    {
      name: 'an unknown role on a member',
      send: () =>
        t
          .http()
          .patch(`/api/siae/${siaeId}/members/${siaeId}`)
          .set('authorization', `Bearer ${direction}`)
          .send({ role: 'coordinator' }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await counts();
    const res = await c.send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status: c.status, code: c.code });
    expect(typeof res.body.message).toBe('string');
    if (c.details) expect(res.body.details).toEqual(c.details);
    expect(await counts()).toEqual(before);
  });
});
