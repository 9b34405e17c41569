/**
 * GDPR rights of a company contact (an employee of a company, entered by an SIAE): export of everything held on them,
 * audited; erasure that leaves no trace of their name, e-mail or phone in any text column of any table, even after they
 * went through every path that copies text (interaction notes by the owner and by a partner, pooled view, solicitation
 * notes, a pause reason and its audit, an e-mail to their address, the same person on another record of the SIAE).
 */
import { MailService } from '../../src/modules/notifications/mail.service';
import type { Collective } from '../../src/modules/structures/entities/collective.entity';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { User } from '../../src/platform/auth/user.entity';
import { Fixtures } from '../support/fixtures';
import { occurrences } from '../support/personal-data-scan';
import { TestApp } from '../support/test-app';

/** A pause ends within 12 months: two months from today. */
const PAUSE_UNTIL = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

const PERSON = {
  firstName: 'Gwenaëlle',
  lastName: 'Kerzerho',
  email: 'g.kerzerho@blanchisserie-monts.fr',
  phone: '06 47 58 69 70',
  role: 'Responsable RH',
};
const NEEDLES = [
  'Gwenaëlle',
  'Gwenaelle',
  'Kerzerho',
  'g.kerzerho@blanchisserie-monts.fr',
  'kerzerho@',
  '06 47 58 69 70',
  '06.47.58.69.70',
  '0647586970',
  '+33647586970',
  '647586970',
];

describe('employer network: GDPR export and erasure of a company contact', () => {
  let t: TestApp;
  let f: Fixtures;
  let siaeA: Siae, siaeB: Siae;
  let dirA: User, devA: User, cipA: User, devB: User, devOut: User, coordinator: User;
  let collective: Collective;
  let companyId: string, otherRecordId: string, contactId: string, colleagueId: string, pooledId: string;
  const tokens = new Map<string, string>();
  const auth = async (u: User) => {
    if (!tokens.has(u.id)) tokens.set(u.id, await f.tokenFor(u));
    return `Bearer ${tokens.get(u.id)}`;
  };
  const api = () => t.http();
  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const exportAs = async (u: User, id = contactId) =>
    api()
      .get(`/api/companies/${companyId}/contacts/${id}/export`)
      .set('Authorization', await auth(u));
  const eraseAs = async (u: User, id = contactId) =>
    api()
      .post(`/api/companies/${companyId}/contacts/${id}/erasure`)
      .set('Authorization', await auth(u));

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
    f = new Fixtures(t);
    [siaeA, siaeB] = await Promise.all([f.siae(), f.siae()]);
    const siaeOut = await f.siae();
    collective = await f.collective();
    await f.collectiveMember(collective, siaeA);
    await f.collectiveMember(collective, siaeB);
    [dirA, devA, cipA, devB, devOut] = await Promise.all([
      f.member(siaeA, 'direction'),
      f.member(siaeA, 'charge_dev'),
      f.member(siaeA, 'cip'),
      f.member(siaeB, 'charge_dev'),
      f.member(siaeOut, 'charge_dev'),
    ]);
    coordinator = await f.coordinator(collective);

    const created = await api()
      .post('/api/companies')
      .set('Authorization', await auth(devA))
      .send({
        siaeId: siaeA.id,
        name: 'Blanchisserie des Monts d’Or',
        communeCode: '69266',
        sizeBand: 'medium',
        contacts: [PERSON, { firstName: 'Paul', lastName: 'Martin', email: 'p.martin@blanchisserie-monts.fr' }],
      });
    expect(created.status).toBe(201);
    companyId = created.body.id;
    contactId = created.body.contacts.find((c: { lastName: string }) => c.lastName === PERSON.lastName).id;
    colleagueId = created.body.contacts.find((c: { lastName: string }) => c.lastName === 'Martin').id;
    // the same person on another record of the SIAE (she also runs the laundry's second site), typed differently
    const other = await api()
      .post('/api/companies')
      .set('Authorization', await auth(devA))
      .send({
        siaeId: siaeA.id,
        name: 'Blanchisserie des Monts - site de Vaise',
        communeCode: '69389',
        contacts: [{ lastName: 'KERZERHO', email: 'G.Kerzerho@Blanchisserie-Monts.fr', phone: '+33 6 47 58 69 70' }],
      });
    otherRecordId = other.body.id;

    await api()
      .post(`/api/companies/${companyId}/shares`)
      .set('Authorization', await auth(devA))
      .send({ collectiveId: collective.id, withContacts: true })
      .expect(201);
    await t.drainQueues();
    [{ pooled_company_id: pooledId }] = await t.dataSource.query(
      `SELECT pooled_company_id FROM pooled_company_member WHERE company_id = $1`,
      [companyId],
    );

    // every path that reads or copies the person's data
    const log = async (u: User, id: string, body: object) =>
      api()
        .post(`/api/companies/${id}/interactions`)
        .set('Authorization', await auth(u))
        .send(body)
        .expect(201);
    await log(devA, companyId, {
      kind: 'call',
      occurredOn: yesterday(),
      contactId,
      note: 'Appel à Gwenaëlle Kerzerho, rappeler au 06.47.58.69.70',
    });
    await log(cipA, companyId, {
      kind: 'immersion_hosted',
      occurredOn: yesterday(),
      note: 'Immersion de 2 semaines, tutrice : Mme KERZERHO',
    });
    await log(devA, otherRecordId, {
      kind: 'visit',
      occurredOn: yesterday(),
      note: 'Visite du site, accueil par Paul',
    });
    await log(devB, companyId, {
      kind: 'event_attended',
      occurredOn: yesterday(),
      note: 'Rencontrée au forum (g.kerzerho@blanchisserie-monts.fr)',
    });
    await api()
      .get(`/api/companies/${companyId}`)
      .set('Authorization', await auth(devB))
      .expect(200);
    const pooled = await api()
      .get(`/api/pooled-companies/${pooledId}`)
      .set('Authorization', await auth(devB))
      .expect(200);
    expect(JSON.stringify(pooled.body.contacts)).toContain('Kerzerho');
    await api()
      .post(`/api/pooled-companies/${pooledId}/solicitations`)
      .set('Authorization', await auth(devB))
      .send({ siaeId: siaeB.id, kind: 'information', note: 'Infos envoyées à Gwenaëlle (0647586970)' })
      .expect(201);
    await api()
      .post(`/api/pooled-companies/${pooledId}/solicitations`)
      .set('Authorization', await auth(coordinator))
      .send({ siaeId: siaeA.id, kind: 'event_invitation', overrideReason: 'Accord de Mme Kerzerho pour le job dating' })
      .expect(201);
    await api()
      .put(`/api/pooled-companies/${pooledId}/pause`)
      // B did not bring this company (A did): the collective's coordinator records the pause
      .set('Authorization', await auth(coordinator))
      .send({ until: PAUSE_UNTIL, reason: 'Mme Kerzerho en congé, reprendre contact en janvier' })
      .expect(200);
    // no product path e-mails company contacts yet (employer invitations will): a message to her address stands in for them
    await t.dataSource.transaction((m) =>
      t.get(MailService).send(m, PERSON.email, 'password-changed', { displayName: 'Gwenaëlle Kerzerho' }, [
        // an attachment is kept with its message (mail_message.attachments): erased with it
        { filename: 'note.txt', contentType: 'text/plain; charset=utf-8', content: 'Pour Gwenaëlle Kerzerho' },
      ]),
    );
    await t.drainQueues();
  });
  afterAll(() => t.close());

  it('only the direction and the chargé·e de développement of the owner SIAE may export or erase (403 CIP, 404 others)', async () => {
    expect([(await exportAs(cipA)).status, (await eraseAs(cipA)).status]).toEqual([403, 403]);
    for (const u of [devB, devOut]) {
      const res = await exportAs(u);
      expect([res.status, res.body.code]).toEqual([404, 'COMPANY_NOT_FOUND']);
      expect((await eraseAs(u)).status).toBe(404);
    }
    expect((await exportAs(coordinator)).status).toBe(403);
    const unknown = await exportAs(dirA, '00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CONTACT_NOT_FOUND']);
    // a contact of another record cannot be reached through this record
    const [{ id: otherContact }] = await t.dataSource.query(`SELECT id FROM company_contact WHERE company_id = $1`, [
      otherRecordId,
    ]);
    expect((await exportAs(dirA, otherContact)).body.code).toBe('CONTACT_NOT_FOUND');
    expect((await api().get(`/api/companies/${companyId}/contacts/${contactId}/export`)).status).toBe(401);
  });

  it('exports everything held on the person, and audits the export', async () => {
    const res = await exportAs(dirA);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.notice).toMatch(/contact d’entreprise/);
    expect(body.siae).toEqual({ id: siaeA.id, name: siaeA.name });
    expect(body.contact).toMatchObject({
      id: contactId,
      companyId,
      ...PERSON,
      emailNormalised: PERSON.email,
      phoneE164: '+33647586970',
    });
    expect(body.sameOnOtherRecords).toEqual([
      expect.objectContaining({ companyId: otherRecordId, lastName: 'KERZERHO' }),
    ]);
    const notes = body.interactions.map((i: { note: string }) => i.note).sort();
    expect(notes).toEqual([
      'Appel à Gwenaëlle Kerzerho, rappeler au 06.47.58.69.70',
      'Immersion de 2 semaines, tutrice : Mme KERZERHO',
      'Rencontrée au forum (g.kerzerho@blanchisserie-monts.fr)',
    ]);
    expect(body.interactions.find((i: { note: string }) => i.note.startsWith('Appel')).namesContact).toBe(true);
    expect(body.interactions.find((i: { note: string }) => i.note.startsWith('Rencontrée')).bySiaeId).toBe(siaeB.id);
    expect(body.sharedWith).toEqual([
      expect.objectContaining({ collectiveId: collective.id, collectiveName: collective.name, withdrawnAt: null }),
    ]);
    expect(body.pooledMentions.map((m: { field: string }) => m.field).sort()).toEqual([
      'note',
      'override_reason',
      'pause_reason',
    ]);
    const actions = body.auditTrail.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['company.contacts.read', 'pooled_company.contacts.read', 'company_contact.exported']),
    );
    expect(
      body.auditTrail.some(
        (a: { action: string; actorUserId: string }) =>
          a.action === 'pooled_company.contacts.read' && a.actorUserId === devB.id,
      ),
    ).toBe(true);
    const audit = await t.dataSource.query(
      `SELECT actor_user_id, context FROM audit_entry WHERE action = 'company_contact.exported' AND subject_id = $1`,
      [contactId],
    );
    expect(audit).toEqual([{ actor_user_id: dirA.id, context: { companyId, siaeId: siaeA.id } }]);
  });

  it('erases: no trace of the name, e-mail or phone in any text column of any table; the rest of the history stays', async () => {
    const before = await occurrences(t, 'Kerzerho');
    expect(before).toEqual(
      expect.arrayContaining([
        'company_contact.last_name (2)',
        'company_interaction.note (3)',
        'pooled_company.pause_reason (1)',
        'solicitation.override_reason (1)',
        'mail_message.body_text (1)',
        'mail_message.attachments (1)',
        expect.stringMatching(/^audit_entry\.context/),
      ]),
    );
    const interactionsBefore = (await t.dataSource.query(`SELECT count(*)::int AS n FROM company_interaction`))[0].n;

    const res = await eraseAs(devA);
    expect([res.status, res.body.alreadyErased, res.body.contactsErased]).toEqual([200, false, 2]);

    for (const needle of NEEDLES) expect([needle, await occurrences(t, needle)]).toEqual([needle, []]);

    // kept: the company, the colleague, every interaction (the link to the person cut), the pooled company and its log
    const contacts = await t.dataSource.query(`SELECT id FROM company_contact WHERE company_id = ANY($1::uuid[])`, [
      [companyId, otherRecordId],
    ]);
    expect(contacts).toEqual([{ id: colleagueId }]);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM company_interaction`))[0].n).toBe(
      interactionsBefore,
    );
    const [call] = await t.dataSource.query(
      `SELECT contact_id, note FROM company_interaction WHERE company_id = $1 AND kind = 'call'`,
      [companyId],
    );
    expect(call).toEqual({ contact_id: null, note: 'Appel à [contact effacé], rappeler au [contact effacé]' });
    const [visit] = await t.dataSource.query(`SELECT note FROM company_interaction WHERE company_id = $1`, [
      otherRecordId,
    ]);
    expect(visit.note).toBe('Visite du site, accueil par Paul');
    const [pause] = await t.dataSource.query(
      `SELECT paused_until::text, pause_reason FROM pooled_company WHERE id = $1`,
      [pooledId],
    );
    expect(pause).toEqual({
      paused_until: PAUSE_UNTIL,
      pause_reason: 'Mme [contact effacé] en congé, reprendre contact en janvier',
    });
    const erasedAudit = await t.dataSource.query(
      `SELECT actor_user_id, subject_id, context FROM audit_entry WHERE action = 'company_contact.erased' ORDER BY subject_id`,
    );
    expect(erasedAudit).toHaveLength(2);
    expect(erasedAudit[0]).toMatchObject({
      actor_user_id: devA.id,
      context: { siaeId: siaeA.id, requestedFor: contactId, scrubbed: { interactions: 3, pooledTexts: 3, mails: 1 } },
    });

    // afterwards: the pooled view no longer shows her, a second erasure says so, an export has nothing left to give
    await t.drainQueues();
    const pooled = await api()
      .get(`/api/pooled-companies/${pooledId}`)
      .set('Authorization', await auth(devB))
      .expect(200);
    expect(pooled.body.contacts.map((c: { lastName: string }) => c.lastName)).toEqual(['Martin']);
    const again = await eraseAs(dirA);
    expect([again.status, again.body.alreadyErased]).toEqual([200, true]);
    expect((await exportAs(dirA)).body.code).toBe('CONTACT_NOT_FOUND');
    for (const needle of NEEDLES) expect([needle, await occurrences(t, needle)]).toEqual([needle, []]);
  });
});
