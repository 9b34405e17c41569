import { TokenHasher } from '../../src/platform/auth/token-hasher';
import { issueAdminInvitation } from '../../src/modules/structures/use-cases/issue-admin-invitation';
import { TestApp } from '../support/test-app';

/** The `create-admin` command's invitation, accepted through the public API as an operator's first admin would. */
describe('first platform admin (create-admin)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  const issue = (email: string) =>
    t.dataSource.transaction((m) => issueAdminInvitation(m, new TokenHasher(t.config), t.config, email, new Date()));
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

  it('prints a one-time link that creates a platform admin who can then sign in', async () => {
    const { url } = await issue('  Premiere.Admin@Example.org ');
    expect(url.startsWith(`${t.config.PUBLIC_BASE_URL}/invitation?token=`)).toBe(true);
    const token = tokenOf(url);

    const preview = await t.http().get(`/api/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ target: 'platform', role: 'admin', accountExists: false });

    const accepted = await t
      .http()
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Première Admin', password: 'un mot de passe assez long' })
      .expect(200);
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${accepted.body.token}`).expect(200);
    expect(me.body).toMatchObject({ email: 'premiere.admin@example.org', isAdmin: true });

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'premiere.admin@example.org', password: 'un mot de passe assez long' })
      .expect(200);
    expect(login.body.token).toEqual(expect.any(String));

    // One-time: the same link again is refused.
    const again = await t
      .http()
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Autre', password: 'un autre mot de passe long' })
      .expect(410);
    expect(again.body.code).toBe('INVITATION_USED');
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'platform.admin.joined'`,
    );
    expect(audit[0].n).toBe(1);
  });

  it('replaces the pending link when issued again for the same address', async () => {
    const first = tokenOf((await issue('seconde@example.org')).url);
    const second = tokenOf((await issue('seconde@example.org')).url);
    expect((await t.http().get(`/api/invitations/${first}`).expect(410)).body.code).toBe('INVITATION_REVOKED');
    await t.http().get(`/api/invitations/${second}`).expect(200);
  });

  it('refuses an address that is not one', async () => {
    await expect(issue('pas-une-adresse')).rejects.toThrow(/adresse e-mail invalide/);
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM user_invitation WHERE role = 'admin'`);
    expect(rows[0].n).toBe(3); // accepted, revoked, pending: nothing added
  });
});
