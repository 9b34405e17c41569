import { CollectiveMembership } from '../../src/modules/structures/entities/collective-membership.entity';
import { SiaeMembership } from '../../src/modules/structures/entities/siae-membership.entity';
import { UserInvitation } from '../../src/modules/structures/entities/user-invitation.entity';
import { AuditEntry } from '../../src/platform/audit/audit-entry.entity';
import { User } from '../../src/platform/auth/user.entity';
import { Fixtures, TEST_PASSWORD, validSiret } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { withWriteBarrier } from '../support/write-barrier';

/** Whole flows of the structures module, through HTTP, the outbox, the worker and a real SMTP server. */
describe('structures: SIAE, invitations, collectives', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
    f = new Fixtures(t);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let seq = 0;
  const email = (label: string) => `${label}-${Date.now()}-${seq++}@exemple.fr`;

  /** Delivers the outbox and returns the invitation token found in the last mail to `recipient`. */
  async function tokenMailedTo(recipient: string): Promise<string> {
    await t.drainQueues();
    await t.smtp.waitFor(recipient);
    const mails = t.smtp.received.filter((m) => m.to.includes(recipient));
    const match = /\/invitation\?token=([A-Za-z0-9_-]{43})/.exec(mails[mails.length - 1].text);
    if (!match) throw new Error(`no invitation link in: ${mails[mails.length - 1].text}`);
    return match[1];
  }

  async function createSiaeAsAdmin(directionEmail: string, overrides: Record<string, unknown> = {}) {
    const admin = await f.admin();
    const res = await t
      .http()
      .post('/api/siae')
      .set(bearer(await f.tokenFor(admin)))
      .send({
        kind: 'EI',
        name: 'Les Jardins de la Saône',
        siret: validSiret(),
        communeCode: '69123',
        contactPhone: '04 72 00 00 00',
        directionEmail,
        ...overrides,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; siret: string; directionInvitation: { id: string; status: string } };
  }

  describe('SIAE and user invitations', () => {
    it('admin creates an SIAE, its direction accepts the mailed invitation, signs in and invites a CIP', async () => {
      const directionEmail = email('direction');
      const siae = await createSiaeAsAdmin(directionEmail);
      expect(siae).toMatchObject({
        kind: 'EI',
        commune: { code: '69123', name: 'Lyon', latitude: 45.758, longitude: 4.8351 },
        directionInvitation: { status: 'pending' },
      });

      const token = await tokenMailedTo(directionEmail);
      const mail = await t.smtp.waitFor(directionEmail);
      expect(mail.subject).toBe('Invitation à rejoindre Les Jardins de la Saône sur Maillage');
      expect(mail.text).toContain(`${t.config.PUBLIC_BASE_URL}/invitation?token=`);
      expect(
        await t.dataSource.query(`SELECT count(*)::int AS n FROM user_invitation WHERE token_hash = $1`, [token]),
      ).toEqual([{ n: 0 }]);

      const preview = await t.http().get(`/api/invitations/${token}`).expect(200);
      expect(preview.body).toEqual({
        target: 'siae',
        organisationName: 'Les Jardins de la Saône',
        role: 'direction',
        roleLabel: 'direction',
        expiresAt: expect.any(String),
        accountExists: false,
      });

      const accepted = await t
        .http()
        .post('/api/invitations/accept')
        .send({ token, displayName: 'Dominique Direction', password: 'un-long-mot-de-passe' })
        .expect(200);
      expect(accepted.body).toMatchObject({ token: expect.any(String), userId: expect.any(String) });
      const me = await t.http().get('/api/auth/me').set(bearer(accepted.body.token)).expect(200);
      expect(me.body.siaeGrants).toEqual([{ siaeId: siae.id, role: 'direction' }]);

      // The same link cannot be used twice; the new account signs in with its chosen password.
      const again = await t
        .http()
        .post('/api/invitations/accept')
        .send({ token, displayName: 'Xavier', password: 'un-long-mot-de-passe' })
        .expect(410);
      expect(again.body.code).toBe('INVITATION_USED');
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ email: directionEmail, password: 'un-long-mot-de-passe' })
        .expect(200);
      const directionToken = login.body.token as string;

      const cipEmail = email('cip');
      const invitation = await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(directionToken))
        .send({ email: cipEmail.toUpperCase(), role: 'cip' })
        .expect(201);
      expect(invitation.body).toMatchObject({ email: cipEmail, role: 'cip', status: 'pending' });
      const cipToken = await tokenMailedTo(cipEmail);
      const cipSession = await t
        .http()
        .post('/api/invitations/accept')
        .send({ token: cipToken, displayName: 'Claude CIP', password: 'encore-un-mot-de-passe' })
        .expect(200);

      // A CIP sees names and roles; the direction also sees e-mails (and that read is audited).
      const asCip = await t.http().get(`/api/siae/${siae.id}/members`).set(bearer(cipSession.body.token)).expect(200);
      expect(asCip.body).toEqual([
        {
          userId: accepted.body.userId,
          displayName: 'Dominique Direction',
          role: 'direction',
          since: expect.any(String),
        },
        { userId: cipSession.body.userId, displayName: 'Claude CIP', role: 'cip', since: expect.any(String) },
      ]);
      const asDirection = await t.http().get(`/api/siae/${siae.id}/members`).set(bearer(directionToken)).expect(200);
      expect(asDirection.body.map((m: { email: string }) => m.email)).toEqual([directionEmail, cipEmail]);
      expect(
        await t.dataSource
          .getRepository(AuditEntry)
          .countBy({ action: 'siae.members.contacts.read', subjectId: siae.id }),
      ).toBe(1);
      expect(
        await t.dataSource.getRepository(AuditEntry).countBy({ action: 'siae.member.joined', subjectId: siae.id }),
      ).toBe(2);

      // Roles: the CIP may not edit the SIAE; the direction may.
      await t
        .http()
        .patch(`/api/siae/${siae.id}`)
        .set(bearer(cipSession.body.token))
        .send({ name: 'Nouveau nom' })
        .expect(403);
      const updated = await t
        .http()
        .patch(`/api/siae/${siae.id}`)
        .set(bearer(directionToken))
        .send({ name: 'Les Jardins de Saône', contactPhone: null })
        .expect(200);
      expect(updated.body).toMatchObject({ name: 'Les Jardins de Saône', contactPhone: null, myRole: 'direction' });
      const mine = await t.http().get('/api/siae').set(bearer(cipSession.body.token)).expect(200);
      expect(mine.body.map((s: { id: string }) => s.id)).toEqual([siae.id]);
    });

    it('never removes or demotes the last direction, and lets a second direction take over', async () => {
      const siae = await f.siae();
      const direction = await f.member(siae, 'direction');
      const cip = await f.member(siae, 'cip');
      const token = await f.tokenFor(direction);

      const demote = await t
        .http()
        .patch(`/api/siae/${siae.id}/members/${direction.id}`)
        .set(bearer(token))
        .send({ role: 'cip' })
        .expect(409);
      expect(demote.body).toEqual({
        code: 'LAST_DIRECTION',
        message: expect.stringContaining('au moins une personne de direction'),
      });
      await t.http().delete(`/api/siae/${siae.id}/members/${direction.id}`).set(bearer(token)).expect(409);

      await t
        .http()
        .patch(`/api/siae/${siae.id}/members/${cip.id}`)
        .set(bearer(token))
        .send({ role: 'direction' })
        .expect(200);
      await t.http().delete(`/api/siae/${siae.id}/members/${direction.id}`).set(bearer(token)).expect(204);
      const roles = await t.dataSource.getRepository(SiaeMembership).findBy({ siaeId: siae.id });
      expect(roles.map((r) => [r.userId, r.role])).toEqual([[cip.id, 'direction']]);
    });

    it('two directions removing each other at once leave one direction', async () => {
      const siae = await f.siae();
      const a = await f.member(siae, 'direction');
      const b = await f.member(siae, 'direction');
      const [ta, tb] = [await f.tokenFor(a), await f.tokenFor(b)];
      // Both transactions are held until each has read the directions or waits for the SIAE's row lock: without that
      // lock both would see another direction and both removals would pass (checked by removing it).
      const statuses = await withWriteBarrier(t.config.DATABASE_URL, 'siae_membership', 2, () =>
        Promise.all([
          t.http().delete(`/api/siae/${siae.id}/members/${b.id}`).set(bearer(ta)),
          t.http().delete(`/api/siae/${siae.id}/members/${a.id}`).set(bearer(tb)),
        ]),
      );
      // The loser is refused either as LAST_DIRECTION (409, checked before the winner committed) or, once removed
      // itself, as no longer direction (403); either way exactly one removal happens.
      const [won, lost] = statuses.map((r) => r.status).sort();
      expect(won).toBe(204);
      expect([403, 409]).toContain(lost);
      expect(await t.dataSource.getRepository(SiaeMembership).countBy({ siaeId: siae.id, role: 'direction' })).toBe(1);
    });

    it('re-sending an invitation replaces the old link; revoked and expired links answer 410', async () => {
      const siae = await f.siae();
      const token = await f.tokenFor(await f.member(siae, 'direction'));
      const invitee = email('resend');

      await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(token))
        .send({ email: invitee, role: 'cip' })
        .expect(201);
      const first = await tokenMailedTo(invitee);
      const second = await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(token))
        .send({ email: invitee, role: 'charge_dev' })
        .expect(201);
      await t.drainQueues();
      const mails = t.smtp.received.filter((m) => m.to.includes(invitee));
      expect(mails).toHaveLength(2);
      const secondToken = /token=([A-Za-z0-9_-]{43})/.exec(mails[1].text)![1];

      const old = await t.http().get(`/api/invitations/${first}`).expect(410);
      expect(old.body.code).toBe('INVITATION_REVOKED');
      const preview = await t.http().get(`/api/invitations/${secondToken}`).expect(200);
      expect(preview.body.role).toBe('charge_dev');
      expect(
        await t.dataSource
          .getRepository(UserInvitation)
          .countBy({ siaeId: siae.id, email: invitee, status: 'pending' }),
      ).toBe(1);

      const list = await t.http().get(`/api/siae/${siae.id}/invitations`).set(bearer(token)).expect(200);
      expect(list.body.map((i: { status: string }) => i.status)).toEqual(['pending', 'revoked']);

      await t.http().delete(`/api/invitations/${second.body.id}`).set(bearer(token)).expect(204);
      const revoked = await t
        .http()
        .post('/api/invitations/accept')
        .send({ token: secondToken, displayName: 'X Y', password: 'abcdefghijkl' })
        .expect(410);
      expect(revoked.body.code).toBe('INVITATION_REVOKED');
      await t.http().delete(`/api/invitations/${second.body.id}`).set(bearer(token)).expect(409);

      await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(token))
        .send({ email: invitee, role: 'cip' })
        .expect(201);
      const third = await tokenMailedTo(invitee);
      await t.dataSource.query(
        `UPDATE user_invitation SET expires_at = now() - interval '1 minute' WHERE email = $1 AND status = 'pending'`,
        [invitee],
      );
      const expired = await t
        .http()
        .post('/api/invitations/accept')
        .send({ token: third, displayName: 'X Y', password: 'abcdefghijkl' })
        .expect(410);
      expect(expired.body).toEqual({ code: 'INVITATION_EXPIRED', message: expect.stringContaining('a expiré') });
      expect((await t.http().get(`/api/siae/${siae.id}/invitations`).set(bearer(token))).body[0].status).toBe(
        'expired',
      );
      expect(await t.dataSource.getRepository(User).countBy({ email: invitee })).toBe(0);

      const unknown = await t
        .http()
        .get(`/api/invitations/${'x'.repeat(43)}`)
        .expect(404);
      expect(unknown.body.code).toBe('INVITATION_NOT_FOUND');
      await t.http().get('/api/invitations/pas-un-jeton').expect(404);
    });

    it('an existing account must be signed in as itself to accept', async () => {
      const siae = await f.siae();
      const direction = await f.tokenFor(await f.member(siae, 'direction'));
      const other = await f.siae();
      const existing = await f.member(other, 'cip');
      await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(direction))
        .send({ email: existing.email, role: 'charge_dev' })
        .expect(201);
      const token = await tokenMailedTo(existing.email);

      expect((await t.http().get(`/api/invitations/${token}`).expect(200)).body.accountExists).toBe(true);
      const anonymous = await t.http().post('/api/invitations/accept').send({ token }).expect(401);
      expect(anonymous.body.code).toBe('INVITATION_LOGIN_REQUIRED');
      const stranger = await f.tokenFor(await f.user());
      const wrong = await t.http().post('/api/invitations/accept').set(bearer(stranger)).send({ token }).expect(403);
      expect(wrong.body.code).toBe('INVITATION_WRONG_ACCOUNT');

      const ok = await t
        .http()
        .post('/api/invitations/accept')
        .set(bearer(await f.tokenFor(existing)))
        .send({ token })
        .expect(200);
      expect(ok.body.userId).toBe(existing.id);
      const me = await t.http().get('/api/auth/me').set(bearer(ok.body.token)).expect(200);
      expect(me.body.siaeGrants).toEqual(
        expect.arrayContaining([
          { siaeId: siae.id, role: 'charge_dev' },
          { siaeId: other.id, role: 'cip' },
        ]),
      );
      // Existing members are not invited again.
      const dup = await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(direction))
        .send({ email: existing.email, role: 'cip' })
        .expect(409);
      expect(dup.body.code).toBe('ALREADY_MEMBER');
    });

    it('a new account needs a name and a password of at least 10 characters', async () => {
      const siae = await f.siae();
      const direction = await f.tokenFor(await f.member(siae, 'direction'));
      const invitee = email('newcomer');
      await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(direction))
        .send({ email: invitee, role: 'cip' })
        .expect(201);
      const token = await tokenMailedTo(invitee);
      const short = await t
        .http()
        .post('/api/invitations/accept')
        .send({ token, displayName: 'Sam', password: 'court' })
        .expect(400);
      expect(short.body.details).toEqual([
        { field: 'password', problems: ['doit contenir entre 10 et 200 caractères'] },
      ]);
      const missing = await t.http().post('/api/invitations/accept').send({ token }).expect(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(await t.dataSource.getRepository(UserInvitation).countBy({ email: invitee, status: 'pending' })).toBe(1);
    });

    it('of concurrent acceptances of one invitation exactly one succeeds', async () => {
      const siae = await f.siae();
      const direction = await f.tokenFor(await f.member(siae, 'direction'));
      const invitee = email('race');
      await t
        .http()
        .post(`/api/siae/${siae.id}/invitations`)
        .set(bearer(direction))
        .send({ email: invitee, role: 'cip' })
        .expect(201);
      const token = await tokenMailedTo(invitee);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          t
            .http()
            .post('/api/invitations/accept')
            .send({ token, displayName: `Personne ${i}`, password: 'mot-de-passe-long' }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 410, 410, 410, 410]);
      expect(results.filter((r) => r.status === 410).every((r) => r.body.code === 'INVITATION_USED')).toBe(true);
      expect(await t.dataSource.getRepository(User).countBy({ email: invitee })).toBe(1);
      expect(await t.dataSource.getRepository(SiaeMembership).countBy({ siaeId: siae.id, role: 'cip' })).toBe(1);
    });

    it('refuses a second SIAE with the same SIRET with SIRET_TAKEN and writes nothing', async () => {
      const existing = await f.siae();
      const admin = await f.tokenFor(await f.admin());
      const before = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM siae)::int AS s, (SELECT count(*) FROM user_invitation)::int AS i, (SELECT count(*) FROM outbox_message)::int AS o`,
      );
      const res = await t
        .http()
        .post('/api/siae')
        .set(bearer(admin))
        .send({
          kind: 'ACI',
          name: 'Doublon',
          siret: existing.siret,
          communeCode: '69123',
          directionEmail: email('dup'),
        })
        .expect(409);
      expect(res.body).toEqual({ code: 'SIRET_TAKEN', message: 'Une structure est déjà enregistrée avec ce SIRET.' });
      const after = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM siae)::int AS s, (SELECT count(*) FROM user_invitation)::int AS i, (SELECT count(*) FROM outbox_message)::int AS o`,
      );
      expect(after).toEqual(before);
    });

    it('creates concurrent SIAE with one SIRET once (the unique index answers SIRET_TAKEN)', async () => {
      const admin = await f.tokenFor(await f.admin());
      const siret = validSiret();
      const results = await Promise.all(
        [1, 2, 3].map((i) =>
          t
            .http()
            .post('/api/siae')
            .set(bearer(admin))
            .send({ kind: 'AI', name: `Course ${i}`, siret, communeCode: '69123', directionEmail: email('race-siae') }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['SIRET_TAKEN', 'SIRET_TAKEN']);
    });

    it('accepts a La Poste SIRET and Corsican commune codes', async () => {
      const siae = await createSiaeAsAdmin(email('laposte'), {
        siret: '35600000049837',
        communeCode: '2A004',
        kind: 'EBE',
      });
      expect(siae.siret).toBe('35600000049837');
    });
  });

  describe('collectives', () => {
    async function siaeWithDirection(name: string) {
      const siae = await f.siae({ name, kind: 'ETTI' });
      const direction = await f.member(siae, 'direction', { email: email('dir') });
      return { siae, direction, token: await f.tokenFor(direction) };
    }

    it('direction creates a collective, invites an SIAE by SIRET whose direction is mailed, accepts, then leaves', async () => {
      const a = await siaeWithDirection('Atelier A');
      const b = await siaeWithDirection('Bâtiment B');
      const bCip = await f.member(b.siae, 'cip');

      const created = await t
        .http()
        .post('/api/collectives')
        .set(bearer(a.token))
        .send({ name: 'Inter-SIAE Villeurbanne', territory: 'Villeurbanne', siaeId: a.siae.id })
        .expect(201);
      const collectiveId = created.body.id as string;
      expect(created.body).toMatchObject({ name: 'Inter-SIAE Villeurbanne', iCoordinate: true });
      // The creator is now a coordinator (grants are re-read on each request).
      const me = await t.http().get('/api/auth/me').set(bearer(a.token)).expect(200);
      expect(me.body.coordinatorOf).toEqual([collectiveId]);

      const invited = await t
        .http()
        .post(`/api/collectives/${collectiveId}/members`)
        .set(bearer(a.token))
        .send({ siret: b.siae.siret })
        .expect(201);
      expect(invited.body).toMatchObject({
        siaeId: b.siae.id,
        status: 'invited',
        kind: 'ETTI',
        commune: { code: '69123' },
      });
      await t.drainQueues();
      const mail = await t.smtp.waitFor(b.direction.email);
      expect(mail.subject).toBe('Inter-SIAE Villeurbanne invite Bâtiment B à rejoindre le collectif');
      expect(t.smtp.received.some((m) => m.to.includes(bCip.email))).toBe(false);

      // Invited: B's staff may look at the collective, but it is not "theirs" yet and they do not see pending members.
      const bCipToken = await f.tokenFor(bCip);
      await t.http().get(`/api/collectives/${collectiveId}`).set(bearer(bCipToken)).expect(200);
      expect((await t.http().get('/api/collectives').set(bearer(bCipToken)).expect(200)).body).toEqual([]);
      const pending = await t.http().get(`/api/siae/${b.siae.id}/collectives`).set(bearer(bCipToken)).expect(200);
      expect(pending.body).toEqual([
        expect.objectContaining({ collectiveId, collectiveName: 'Inter-SIAE Villeurbanne', status: 'invited' }),
      ]);
      const twice = await t
        .http()
        .post(`/api/collectives/${collectiveId}/members`)
        .set(bearer(a.token))
        .send({ siaeId: b.siae.id })
        .expect(409);
      expect(twice.body.code).toBe('ALREADY_IN_COLLECTIVE');

      // Only B's direction decides.
      await t
        .http()
        .post(`/api/collectives/${collectiveId}/members/${b.siae.id}/accept`)
        .set(bearer(bCipToken))
        .expect(403);
      await t
        .http()
        .post(`/api/collectives/${collectiveId}/members/${b.siae.id}/accept`)
        .set(bearer(a.token))
        .expect(404);
      await t
        .http()
        .post(`/api/collectives/${collectiveId}/members/${b.siae.id}/accept`)
        .set(bearer(b.token))
        .expect(204);
      const again = await t
        .http()
        .post(`/api/collectives/${collectiveId}/members/${b.siae.id}/accept`)
        .set(bearer(b.token))
        .expect(404);
      expect(again.body.message).toContain('Aucune invitation en attente');

      const members = await t.http().get(`/api/collectives/${collectiveId}/members`).set(bearer(bCipToken)).expect(200);
      expect(members.body.map((m: { name: string; status: string }) => [m.name, m.status])).toEqual([
        ['Atelier A', 'active'],
        ['Bâtiment B', 'active'],
      ]);
      const coordinators = await t
        .http()
        .get(`/api/collectives/${collectiveId}/coordinators`)
        .set(bearer(bCipToken))
        .expect(200);
      expect(coordinators.body).toEqual([
        { userId: a.direction.id, displayName: a.direction.displayName, since: expect.any(String) },
      ]);
      expect(
        (await t.http().get('/api/collectives').set(bearer(bCipToken))).body.map((c: { id: string }) => c.id),
      ).toEqual([collectiveId]);

      await t
        .http()
        .post(`/api/collectives/${collectiveId}/members/${b.siae.id}/leave`)
        .set(bearer(b.token))
        .expect(204);
      await t.http().get(`/api/collectives/${collectiveId}`).set(bearer(bCipToken)).expect(404);
      const history = await t.dataSource
        .getRepository(CollectiveMembership)
        .findOneByOrFail({ collectiveId, siaeId: b.siae.id });
      expect(history).toMatchObject({ status: 'left', joinedAt: expect.any(Date), leftAt: expect.any(Date) });

      const audit = await t.dataSource
        .getRepository(AuditEntry)
        .find({ where: { subjectId: collectiveId }, order: { at: 'ASC' } });
      expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([
        ['collective.created', a.direction.id],
        ['collective.membership.joined', a.direction.id],
        ['collective.membership.invited', a.direction.id],
        ['collective.membership.accepted', b.direction.id],
        ['collective.membership.left', b.direction.id],
      ]);

      // After leaving, B can be invited again (the history stays).
      await t
        .http()
        .post(`/api/collectives/${collectiveId}/members`)
        .set(bearer(a.token))
        .send({ siaeId: b.siae.id })
        .expect(201);
      await t
        .http()
        .post(`/api/collectives/${collectiveId}/members/${b.siae.id}/decline`)
        .set(bearer(b.token))
        .expect(204);
      expect(await t.dataSource.getRepository(CollectiveMembership).countBy({ collectiveId, siaeId: b.siae.id })).toBe(
        2,
      );
    });

    it('coordinators add and remove coordinators among member SIAE staff, never down to zero', async () => {
      const a = await siaeWithDirection('Coordination A');
      const b = await siaeWithDirection('Coordination B');
      const outsider = await siaeWithDirection('Dehors');
      const collective = await f.collective();
      await f.collectiveMember(collective, a.siae);
      await f.collectiveMember(collective, b.siae);
      await f.coordinator(collective, a.direction);
      const bCharge = await f.member(b.siae, 'charge_dev');

      const refused = await t
        .http()
        .post(`/api/collectives/${collective.id}/coordinators`)
        .set(bearer(a.token))
        .send({ userId: outsider.direction.id })
        .expect(422);
      expect(refused.body.code).toBe('COORDINATOR_NOT_IN_COLLECTIVE');
      await t
        .http()
        .post(`/api/collectives/${collective.id}/coordinators`)
        .set(bearer(b.token))
        .send({ userId: bCharge.id })
        .expect(403);
      const added = await t
        .http()
        .post(`/api/collectives/${collective.id}/coordinators`)
        .set(bearer(a.token))
        .send({ userId: bCharge.id })
        .expect(201);
      expect(added.body).toMatchObject({ userId: bCharge.id });
      await t
        .http()
        .post(`/api/collectives/${collective.id}/coordinators`)
        .set(bearer(a.token))
        .send({ userId: bCharge.id })
        .expect(409);

      const chargeToken = await f.tokenFor(bCharge);
      // Two coordinators removing each other at once: one succeeds, the collective keeps one.
      // Held until both have read the coordinators or wait for the collective's row lock (see withWriteBarrier).
      const results = await withWriteBarrier(t.config.DATABASE_URL, 'collective_coordinator', 2, () =>
        Promise.all([
          t.http().delete(`/api/collectives/${collective.id}/coordinators/${bCharge.id}`).set(bearer(a.token)),
          t.http().delete(`/api/collectives/${collective.id}/coordinators/${a.direction.id}`).set(bearer(chargeToken)),
        ]),
      );
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('LAST_COORDINATOR');
      const left = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM collective_coordinator WHERE collective_id = $1`,
        [collective.id],
      );
      expect(left).toEqual([{ n: 1 }]);
    });

    it('a coordinator invites a coordinator by e-mail, who accepts and coordinates', async () => {
      const a = await siaeWithDirection('Fondatrice');
      const collective = await f.collective({ name: 'Union départementale' });
      await f.collectiveMember(collective, a.siae);
      await f.coordinator(collective, a.direction);
      const invitee = email('coordination');

      const inv = await t
        .http()
        .post(`/api/collectives/${collective.id}/invitations`)
        .set(bearer(a.token))
        .send({ email: invitee })
        .expect(201);
      expect(inv.body).toMatchObject({ role: 'coordinator', status: 'pending' });
      const token = await tokenMailedTo(invitee);
      const preview = await t.http().get(`/api/invitations/${token}`).expect(200);
      expect(preview.body).toMatchObject({
        target: 'collective',
        organisationName: 'Union départementale',
        role: 'coordinator',
      });
      const session = await t
        .http()
        .post('/api/invitations/accept')
        .send({ token, displayName: 'Alex Union', password: 'coordination-42' })
        .expect(200);
      const me = await t.http().get('/api/auth/me').set(bearer(session.body.token)).expect(200);
      expect(me.body).toMatchObject({ siaeGrants: [], coordinatorOf: [collective.id] });
      // A coordinator without an SIAE still runs the collective.
      const mine = await t.http().get('/api/collectives').set(bearer(session.body.token)).expect(200);
      expect(mine.body).toEqual([expect.objectContaining({ id: collective.id, iCoordinate: true })]);
      const list = await t
        .http()
        .get(`/api/collectives/${collective.id}/invitations`)
        .set(bearer(session.body.token))
        .expect(200);
      expect(list.body.map((i: { status: string }) => i.status)).toEqual(['accepted']);
    });
  });

  it('logs in with the fixture password (sanity of the harness)', async () => {
    const user = await f.user();
    await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
  });
});
