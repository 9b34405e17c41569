/**
 * Interactions with a company (issue 5: call, e-mail, visit, immersion hosted, hire, event attended; date; by whom):
 * who may log one (owner staff of every role, staff of a partner SIAE on a shared record, nobody else), in whose name,
 * what the pooled view shows, and bad input refused with nothing written.
 */
import { fieldDate } from '../../src/platform/clock/clock';
import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

describe('employer network: interactions logged by the people who do outreach', () => {
  let t: TestApp;
  let f: Fixtures;
  let siaeA: Siae, siaeB: Siae, siaeC: Siae, siaeOut: Siae;
  let dirA: User,
    devA: User,
    cipA: User,
    devB: User,
    cipB: User,
    devOut: User,
    coordinator: User,
    coordinatorOutside: User,
    cipBandC: User,
    noRole: User;
  let collective: Collective;
  let privateOfA: string,
    sharedOfA: string,
    sharedWithContactsOfA: string,
    contactOfShared: string,
    contactOfWithContacts: string;
  const tokens = new Map<string, string>();
  const auth = async (u: User) => {
    if (!tokens.has(u.id)) tokens.set(u.id, await f.tokenFor(u));
    return `Bearer ${tokens.get(u.id)}`;
  };
  const daysFromToday = (n: number) => fieldDate(new Date(Date.now() + n * 86_400_000));
  const candidateOf = async (cip: User, siaeId: string) =>
    (
      await t
        .http()
        .post('/api/candidates')
        .set('Authorization', await auth(cip))
        .send({ siaeId, firstName: 'Awa', lastName: 'Embauchée' })
    ).body.id as string;
  const log = async (u: User | null, companyId: string, body: Record<string, unknown>) => {
    const req = t.http().post(`/api/companies/${companyId}/interactions`);
    return (u ? req.set('Authorization', await auth(u)) : req).send(body);
  };
  const interactionCount = async () =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM company_interaction`))[0].n as number;
  async function company(
    user: User,
    siae: Siae,
    body: Record<string, unknown>,
  ): Promise<{ id: string; contacts: Array<{ id: string }> }> {
    const res = await t
      .http()
      .post('/api/companies')
      .set('Authorization', await auth(user))
      .send({ siaeId: siae.id, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function share(companyId: string, withContacts: boolean) {
    const res = await t
      .http()
      .post(`/api/companies/${companyId}/shares`)
      .set('Authorization', await auth(devA))
      .send({ collectiveId: collective.id, withContacts });
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
    f = new Fixtures(t);
    [siaeA, siaeB, siaeC, siaeOut] = await Promise.all([f.siae(), f.siae(), f.siae(), f.siae()]);
    collective = await f.collective();
    for (const s of [siaeA, siaeB, siaeC]) await f.collectiveMember(collective, s);
    [dirA, devA, cipA, devB, cipB, devOut, noRole] = await Promise.all([
      f.member(siaeA, 'direction'),
      f.member(siaeA, 'charge_dev'),
      f.member(siaeA, 'cip'),
      f.member(siaeB, 'charge_dev'),
      f.member(siaeB, 'cip'),
      f.member(siaeOut, 'charge_dev'),
      f.user(),
    ]);
    coordinator = await f.coordinator(collective);
    // staff of an SIAE outside the collective who also coordinates it: sees shared records, speaks for no member SIAE
    coordinatorOutside = await f.coordinator(collective, await f.member(siaeOut, 'cip'));
    cipBandC = await f.member(siaeB, 'cip');
    await t.dataSource.query(`INSERT INTO siae_membership (user_id, siae_id, role) VALUES ($1, $2, 'cip')`, [
      cipBandC.id,
      siaeC.id,
    ]);

    privateOfA = (await company(devA, siaeA, { name: 'Menuiserie Privée', communeCode: '69123' })).id;
    const shared = await company(devA, siaeA, {
      name: 'Blanchisserie du Rhône',
      communeCode: '69266',
      contacts: [{ lastName: 'Perrin', email: 'perrin@blanchisserie.fr' }],
    });
    sharedOfA = shared.id;
    contactOfShared = shared.contacts[0].id;
    const withContacts = await company(devA, siaeA, {
      name: 'Espaces Verts Saône',
      communeCode: '69264',
      contacts: [{ lastName: 'Roux', phone: '06 11 22 33 44' }],
    });
    sharedWithContactsOfA = withContacts.id;
    contactOfWithContacts = withContacts.contacts[0].id;
    await share(sharedOfA, false);
    await share(sharedWithContactsOfA, true);
    await t.drainQueues();
  });
  afterAll(() => t.close());

  it('owner staff log in their SIAE’s name, whatever their role (direction, chargé·e de développement, CIP)', async () => {
    for (const [user, kind] of [
      [dirA, 'visit'],
      [devA, 'call'],
      [cipA, 'immersion_hosted'],
    ] as const) {
      const res = await log(user, privateOfA, { kind, occurredOn: daysFromToday(-3), note: 'Échange consigné' });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      expect(res.body.interactions).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind, byUserId: user.id, bySiaeId: siaeA.id })]),
      );
    }
    const unnamed = await log(cipA, privateOfA, { kind: 'hire', occurredOn: daysFromToday(0) });
    expect([unnamed.status, unnamed.body.code]).toEqual([400, 'INTERACTION_CANDIDATE_REQUIRED']);
    const hire = await log(cipA, privateOfA, {
      kind: 'hire',
      occurredOn: daysFromToday(0),
      candidateId: await candidateOf(cipA, siaeA.id),
    });
    expect(hire.status).toBe(201);
    expect(hire.body.interactions).toHaveLength(4);
  });

  it('a partner of the collective logs on the shared record in its own name; the owner and the pooled view see it', async () => {
    // a candidate of A is not B's to name: the outcome is B's only with a candidate B follows
    const ofA = await log(cipB, sharedOfA, {
      kind: 'hire',
      occurredOn: daysFromToday(-1),
      candidateId: await candidateOf(cipA, siaeA.id),
    });
    expect([ofA.status, ofA.body.code]).toEqual([400, 'INTERACTION_CANDIDATE_NOT_OF_SIAE']);
    const res = await log(cipB, sharedOfA, {
      kind: 'hire',
      occurredOn: daysFromToday(-1),
      note: 'Embauche en CDD de 6 mois',
      candidateId: await candidateOf(cipB, siaeB.id),
    });
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    const [row] = await t.dataSource.query(
      `SELECT by_siae_id, by_user_id, company_id FROM company_interaction WHERE by_user_id = $1`,
      [cipB.id],
    );
    expect(row).toEqual({ by_siae_id: siaeB.id, by_user_id: cipB.id, company_id: sharedOfA });
    const own = await t
      .http()
      .get(`/api/companies/${sharedOfA}`)
      .set('Authorization', await auth(devA));
    expect(own.body.interactions).toEqual([
      expect.objectContaining({ kind: 'hire', bySiaeId: siaeB.id, byUserId: cipB.id }),
    ]);
    const [{ pooled_company_id: pooledId }] = await t.dataSource.query(
      `SELECT pooled_company_id FROM pooled_company_member WHERE company_id = $1`,
      [sharedOfA],
    );
    const pooled = await t
      .http()
      .get(`/api/pooled-companies/${pooledId}`)
      .set('Authorization', await auth(devB));
    expect(pooled.status).toBe(200);
    expect(pooled.body.interactions).toEqual([
      expect.objectContaining({ kind: 'hire', byUserId: cipB.id, companyId: sharedOfA }),
    ]);
    // a partner names a contact only when the contacts were shared with the collective
    const hidden = await log(devB, sharedOfA, {
      kind: 'call',
      occurredOn: daysFromToday(-1),
      contactId: contactOfShared,
    });
    expect([hidden.status, hidden.body.code]).toEqual([400, 'CONTACT_NOT_OF_COMPANY']);
    const named = await log(devB, sharedWithContactsOfA, {
      kind: 'call',
      occurredOn: daysFromToday(-1),
      contactId: contactOfWithContacts,
    });
    expect([named.status, named.body.code]).toEqual([201, undefined]);
    expect(named.body.interactions[0]).toMatchObject({ contactId: contactOfWithContacts, bySiaeId: siaeB.id });
  });

  it('staff of two member SIAE say in whose name; the name must be one they may speak for', async () => {
    const ambiguous = await log(cipBandC, sharedOfA, { kind: 'email', occurredOn: daysFromToday(-2) });
    expect([ambiguous.status, ambiguous.body.code]).toEqual([400, 'INTERACTION_SIAE_REQUIRED']);
    expect(ambiguous.body.details.siaeIds.sort()).toEqual([siaeB.id, siaeC.id].sort());
    const asC = await log(cipBandC, sharedOfA, { kind: 'email', occurredOn: daysFromToday(-2), siaeId: siaeC.id });
    expect([asC.status, asC.body.code]).toEqual([201, undefined]);
    expect(asC.body.interactions.find((i: { byUserId: string }) => i.byUserId === cipBandC.id).bySiaeId).toBe(siaeC.id);
    const asOwner = await log(cipB, sharedOfA, { kind: 'email', occurredOn: daysFromToday(-2), siaeId: siaeA.id });
    expect([asOwner.status, asOwner.body.code]).toEqual([403, 'INTERACTION_AUTHOR_FORBIDDEN']);
  });

  it('outsiders learn nothing (404), people without a structure role are refused (403), anonymous 401; nothing written', async () => {
    const before = await interactionCount();
    const body = { kind: 'call', occurredOn: daysFromToday(-1) };
    expect((await log(devOut, sharedOfA, body)).body.code).toBe('COMPANY_NOT_FOUND');
    expect((await log(devB, privateOfA, body)).body.code).toBe('COMPANY_NOT_FOUND');
    expect((await log(devOut, privateOfA, body)).status).toBe(404);
    expect([(await log(coordinator, sharedOfA, body)).status, (await log(noRole, sharedOfA, body)).status]).toEqual([
      403, 403,
    ]);
    const outside = await log(coordinatorOutside, sharedOfA, body);
    expect([outside.status, outside.body.code]).toEqual([403, 'INTERACTION_AUTHOR_FORBIDDEN']);
    expect((await log(null, sharedOfA, body)).status).toBe(401);
    expect(await interactionCount()).toBe(before);
  });

  it('a withdrawn sharing closes the record to partners again', async () => {
    const extra = (await company(devA, siaeA, { name: 'Imprimerie Partagée', communeCode: '69123' })).id;
    await share(extra, false);
    expect((await log(devB, extra, { kind: 'visit', occurredOn: daysFromToday(-1) })).status).toBe(201);
    await t
      .http()
      .post(`/api/companies/${extra}/shares/${collective.id}/withdraw`)
      .set('Authorization', await auth(devA))
      .expect(200);
    const res = await log(devB, extra, { kind: 'visit', occurredOn: daysFromToday(-1) });
    expect([res.status, res.body.code]).toEqual([404, 'COMPANY_NOT_FOUND']);
  });

  it('refuses bad input with a French message and writes nothing', async () => {
    const before = await interactionCount();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ kind: 'call', occurredOn: daysFromToday(-1), duration: 10 }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'lunch', occurredOn: daysFromToday(-1) }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'call' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'call', occurredOn: '2025-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'call', occurredOn: '15/01/2025' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'call', occurredOn: daysFromToday(2) }, 400, 'INTERACTION_DATE_IN_FUTURE'],
      [{ kind: 'call', occurredOn: '1999-12-31' }, 400, 'INTERACTION_DATE_TOO_OLD'],
      [{ kind: 'call', occurredOn: daysFromToday(-1), contactId: contactOfShared }, 400, 'CONTACT_NOT_OF_COMPANY'],
      [{ kind: 'call', occurredOn: daysFromToday(-1), note: 'x'.repeat(1001) }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await log(devA, privateOfA, body);
      expect([JSON.stringify(body).slice(0, 60), res.status, res.body.code]).toEqual([
        JSON.stringify(body).slice(0, 60),
        status,
        code,
      ]);
      expect(res.body.message).toMatch(/[éèàçù]|les|des|la|le /);
    }
    const unknown = await log(devA, privateOfA, { kind: 'call', occurredOn: daysFromToday(-1), duration: 10 });
    expect(unknown.body.details).toEqual([{ field: 'duration', problems: ['champ inconnu'] }]);
    const kind = await log(devA, privateOfA, { kind: 'lunch', occurredOn: daysFromToday(-1) });
    expect(kind.body.details[0]).toEqual({ field: 'kind', problems: [expect.stringContaining('immersion_hosted')] });
    const future = await log(devA, privateOfA, { kind: 'call', occurredOn: daysFromToday(2) });
    expect(future.body.message).toContain("aujourd'hui");
    expect(await interactionCount()).toBe(before);
  });
});
