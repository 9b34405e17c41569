import type { User } from '../../src/platform/auth/user.entity';
import { CandidateFixtures, communes, CONSENT_WORDING, rome, type NewCandidate } from '../support/candidate-fixtures';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Visibility of candidates. SIAE A owns the candidates; B is an active member of A's collective; D was only invited to
 * it; L left it; E belongs to another collective. Only A's staff see identity, only B's staff see shared profiles, and
 * only while a collective consent is active.
 */
describe('candidates: visibility, consent, audit', () => {
  let t: TestApp;
  let f: Fixtures;
  let c: CandidateFixtures;
  let cipA: User, directionA: User, chargeDevA: User, cipB: User, cipD: User, cipL: User, cipE: User, nobody: User;
  let shared: NewCandidate, notShared: NewCandidate, ofB: NewCandidate;
  const auth = async (u: User) => `Bearer ${await c.token(u)}`;
  const identityNeedles = (x: NewCandidate) => [x.lastName, x.email, x.phone, x.firstName];
  const expectNoIdentity = (body: unknown, x: NewCandidate) => {
    const text = JSON.stringify(body);
    for (const needle of identityNeedles(x)) expect(text).not.toContain(needle);
    expect(text).not.toMatch(/"(firstName|lastName|email|phone|birthDate|address|identity)"/);
  };
  const auditCount = async (candidateId: string, action: string) =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND action = $2`, [
        candidateId,
        action,
      ])
    )[0].n as number;

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    c = new CandidateFixtures(t, f);
    const [a, b, d, l, e] = await Promise.all([f.siae(), f.siae(), f.siae(), f.siae(), f.siae()]);
    const collective = await f.collective();
    const other = await f.collective();
    await c.membership(collective.id, a.id);
    await c.membership(collective.id, b.id);
    await c.membership(collective.id, d.id, 'invited');
    await c.membership(collective.id, l.id, 'left');
    await c.membership(other.id, e.id);
    await c.membership(other.id, d.id);
    [cipA, directionA, chargeDevA, cipB, cipD, cipL, cipE, nobody] = await Promise.all([
      f.member(a, 'cip'),
      f.member(a, 'direction'),
      f.member(a, 'charge_dev'),
      f.member(b, 'cip'),
      f.member(d, 'cip'),
      f.member(l, 'cip'),
      f.member(e, 'cip'),
      f.user(),
    ]);
    shared = await c.newCandidate(cipA, a.id, {
      consent: true,
      identity: { firstName: 'Fatoumata', lastName: 'Diallo-Vernier' },
    });
    notShared = await c.newCandidate(cipA, a.id, { consent: false });
    // A partner's own candidate, to check that A sees it only with consent too.
    ofB = await c.newCandidate(cipB, b.id, {
      consent: true,
      profile: {
        communeCode: communes.venissieux,
        targetJobs: [{ ogrCode: rome.commisCuisine, experienceLevel: 'beginner' }],
      },
    });
  });
  afterAll(() => t.close());

  it('gives the staff of the SIAE the whole record, and writes exactly one audit row per read of identity', async () => {
    const before = await auditCount(shared.id, 'candidate.identity.read');
    for (const user of [cipA, directionA, chargeDevA]) {
      const res = await t
        .http()
        .get(`/api/candidates/${shared.id}`)
        .set('authorization', await auth(user))
        .expect(200);
      expect(res.body).toMatchObject({
        mine: true,
        identity: { firstName: 'Fatoumata', lastName: 'Diallo-Vernier', email: shared.email, phone: shared.phone },
        profile: {
          pseudonym: 'Fatoumata D.',
          commune: { code: communes.villeurbanne, name: 'Villeurbanne' },
          sharedWithCollective: true,
        },
        consents: [{ scope: 'collective', active: true, wording: CONSENT_WORDING }],
      });
      expect(res.body.profile.targetJobs).toEqual([
        {
          ogrCode: rome.agentPropreteLocaux,
          label: 'Agent / Agente de propreté de locaux',
          ficheCode: 'K2204',
          domainCode: 'K22',
          experienceLevel: 'experienced',
        },
      ]);
      expect(res.body.profile.skills[0]).toMatchObject({ evidenceLevel: 'observed' });
    }
    expect(await auditCount(shared.id, 'candidate.identity.read')).toBe(before + 3);
    const rows = await t.dataSource.query(
      `SELECT actor_user_id, context FROM audit_entry WHERE subject_id = $1 AND action = 'candidate.identity.read' ORDER BY at`,
      [shared.id],
    );
    expect(rows.slice(-3).map((r: { actor_user_id: string }) => r.actor_user_id)).toEqual([
      cipA.id,
      directionA.id,
      chargeDevA.id,
    ]);
    expect(JSON.stringify(rows)).not.toContain('Diallo');
  });

  it('shows a partner SIAE only the shared profile of a consenting candidate, and never its identity', async () => {
    const res = await t
      .http()
      .get(`/api/candidates/${shared.id}`)
      .set('authorization', await auth(cipB))
      .expect(200);
    expect(res.body).toMatchObject({ id: shared.id, mine: false, profile: { pseudonym: 'Fatoumata D.' } });
    expectNoIdentity({ ...res.body, profile: { ...res.body.profile, pseudonym: null } }, shared);
    expect(res.body.consents).toBeUndefined();
    expect(await auditCount(shared.id, 'candidate.profile.read')).toBeGreaterThanOrEqual(1);

    await t
      .http()
      .get(`/api/candidates/${notShared.id}`)
      .set('authorization', await auth(cipB))
      .expect(404);
  });

  it('answers 404 to invited, former and unrelated SIAE, and 403 to people without an SIAE role', async () => {
    for (const user of [cipD, cipL, cipE]) {
      const res = await t
        .http()
        .get(`/api/candidates/${shared.id}`)
        .set('authorization', await auth(user))
        .expect(404);
      expect(res.body.code).toBe('CANDIDATE_NOT_FOUND');
      const list = await t
        .http()
        .get('/api/candidates')
        .set('authorization', await auth(user))
        .expect(200);
      expect(list.body.items.map((i: { candidateId: string }) => i.candidateId)).not.toContain(shared.id);
    }
    await t
      .http()
      .get(`/api/candidates/${shared.id}`)
      .set('authorization', await auth(nobody))
      .expect(403);
    await t.http().get(`/api/candidates/${shared.id}`).expect(401);
    await t
      .http()
      .get('/api/candidates/pas-un-uuid')
      .set('authorization', await auth(cipA))
      .expect(400);
    await t
      .http()
      .get('/api/candidates/00000000-0000-4000-8000-000000000000')
      .set('authorization', await auth(cipA))
      .expect(404);
  });

  it('searches by appellation, commune and radius, within what each viewer may see', async () => {
    const near = await t
      .http()
      .get('/api/candidates')
      .query({ appellation: rome.agentPropreteLocaux, commune: communes.lyon, radiusKm: 10 })
      .set('authorization', await auth(cipB))
      .expect(200);
    expect(near.body.items.map((i: { candidateId: string }) => i.candidateId)).toEqual([shared.id]);
    expect(near.body.items[0]).toMatchObject({ mine: false, pseudonym: 'Fatoumata D.' });
    expect(near.body.items[0].distanceKm).toBeGreaterThan(3);
    expect(near.body.items[0].distanceKm).toBeLessThan(6);
    expectNoIdentity({ ...near.body, items: near.body.items.map((i: object) => ({ ...i, pseudonym: null })) }, shared);

    const far = await t
      .http()
      .get('/api/candidates')
      .query({ appellation: rome.agentPropreteLocaux, commune: communes.villefranche, radiusKm: 10 })
      .set('authorization', await auth(cipB))
      .expect(200);
    expect(far.body.items).toEqual([]);

    const byDomain = await t
      .http()
      .get('/api/candidates')
      .query({ domain: 'K22' })
      .set('authorization', await auth(cipB))
      .expect(200);
    expect(byDomain.body.items.map((i: { candidateId: string }) => i.candidateId)).toEqual([shared.id]);

    const mine = await t
      .http()
      .get('/api/candidates')
      .query({ scope: 'mine', appellation: rome.agentPropreteLocaux })
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(mine.body.items.map((i: { candidateId: string }) => i.candidateId).sort()).toEqual(
      [shared.id, notShared.id].sort(),
    );
    expect(mine.body.items.every((i: { mine: boolean }) => i.mine)).toBe(true);

    const all = await t
      .http()
      .get('/api/candidates')
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(all.body.items).toHaveLength(3);
    const partnerItem = all.body.items.find((i: { mine: boolean }) => !i.mine);
    expect(partnerItem.targetJobs[0].ogrCode).toBe(rome.commisCuisine);

    const bySkill = await t
      .http()
      .get('/api/candidates')
      .query({ skills: 'autolaveuse', minEvidence: 'observed', softSkills: 'ponctualite' })
      .set('authorization', await auth(cipB))
      .expect(200);
    expect(bySkill.body.items.map((i: { candidateId: string }) => i.candidateId).sort()).toEqual(
      [shared.id, ofB.id].sort(),
    );
    const certifiedOnly = await t
      .http()
      .get('/api/candidates')
      .query({ skills: 'autolaveuse', minEvidence: 'certified' })
      .set('authorization', await auth(cipB))
      .expect(200);
    expect(certifiedOnly.body.items).toEqual([]);

    const bad = await t
      .http()
      .get('/api/candidates')
      .query({ radiusKm: 10 })
      .set('authorization', await auth(cipB))
      .expect(400);
    expect(bad.body.code).toBe('RADIUS_WITHOUT_COMMUNE');
    await t
      .http()
      .get('/api/candidates')
      .query({ commune: '99999' })
      .set('authorization', await auth(cipB))
      .expect(400);
  });

  it('paginates', async () => {
    const page1 = await t
      .http()
      .get('/api/candidates')
      .query({ scope: 'mine', pageSize: 1 })
      .set('authorization', await auth(cipA))
      .expect(200);
    const page2 = await t
      .http()
      .get('/api/candidates')
      .query({ scope: 'mine', pageSize: 1, page: 2 })
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(page1.body).toMatchObject({ page: 1, pageSize: 1, hasMore: true });
    expect(page2.body).toMatchObject({ page: 2, hasMore: false });
    expect(page1.body.items[0].candidateId).not.toBe(page2.body.items[0].candidateId);
  });

  it('keeps identity writes, export and erasure to CIPs and direction of the SIAE', async () => {
    await t
      .http()
      .patch(`/api/candidates/${shared.id}`)
      .set('authorization', await auth(cipB))
      .send({ phone: '0600000000' })
      .expect(404);
    await t
      .http()
      .get(`/api/candidates/${shared.id}/export`)
      .set('authorization', await auth(cipB))
      .expect(404);
    await t
      .http()
      .post(`/api/candidates/${shared.id}/erasure`)
      .set('authorization', await auth(cipB))
      .expect(404);
    await t
      .http()
      .put(`/api/candidates/${shared.id}/profile`)
      .set('authorization', await auth(cipB))
      .send({ communeCode: communes.lyon, mobilityRadiusKm: 5, targetJobs: [] })
      .expect(404);
    await t
      .http()
      .post(`/api/candidates/${shared.id}/consents`)
      .set('authorization', await auth(cipB))
      .send({ scope: 'employers', wording: CONSENT_WORDING })
      .expect(404);
    const res = await t
      .http()
      .patch(`/api/candidates/${shared.id}`)
      .set('authorization', await auth(chargeDevA))
      .send({ phone: '0600000000' })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await t
      .http()
      .get(`/api/candidates/${shared.id}/export`)
      .set('authorization', await auth(chargeDevA))
      .expect(403);
    await t
      .http()
      .post('/api/candidates')
      .set('authorization', await auth(cipB))
      .send({
        siaeId: (await t.dataSource.query(`SELECT siae_id FROM candidate WHERE id = $1`, [shared.id]))[0].siae_id,
        firstName: 'X',
        lastName: 'Y',
      })
      .expect(404);
  });

  it('validates the profile: unknown appellation or commune, pseudonym giving the last name away', async () => {
    const token = await auth(cipA);
    const base = {
      communeCode: communes.lyon,
      mobilityRadiusKm: 10,
      targetJobs: [{ ogrCode: rome.macon, experienceLevel: 'none' }],
    };
    const unknownJob = await t
      .http()
      .put(`/api/candidates/${notShared.id}/profile`)
      .set('authorization', token)
      .send({ ...base, targetJobs: [{ ogrCode: '999999999', experienceLevel: 'none' }] })
      .expect(400);
    expect(unknownJob.body).toMatchObject({ code: 'UNKNOWN_APPELLATION', details: { ogrCodes: ['999999999'] } });
    const unknownCommune = await t
      .http()
      .put(`/api/candidates/${notShared.id}/profile`)
      .set('authorization', token)
      .send({ ...base, communeCode: '99999' })
      .expect(400);
    expect(unknownCommune.body.code).toBe('UNKNOWN_COMMUNE');
    const alias = await t
      .http()
      .put(`/api/candidates/${notShared.id}/profile`)
      .set('authorization', token)
      .send({ ...base, pseudonym: `Momo ${notShared.lastName}` })
      .expect(400);
    expect(alias.body.code).toBe('PSEUDONYM_REVEALS_IDENTITY');
    const softSkill = await t
      .http()
      .put(`/api/candidates/${notShared.id}/profile`)
      .set('authorization', token)
      .send({ ...base, softSkills: ['charisme'] })
      .expect(400);
    expect(softSkill.body.code).toBe('VALIDATION_FAILED');
    const status = await t
      .http()
      .patch(`/api/candidates/${notShared.id}`)
      .set('authorization', token)
      .send({ status: 'left' })
      .expect(400);
    expect(status.body.code).toBe('LEFT_AT_REQUIRED');
    const after = await t.http().get(`/api/candidates/${notShared.id}`).set('authorization', token).expect(200);
    expect(after.body.profile.targetJobs[0].ogrCode).toBe(rome.agentPropreteLocaux);
    expect(after.body.status).toBe('in_parcours');
  });

  it('refuses a second active consent of the same scope', async () => {
    const res = await t
      .http()
      .post(`/api/candidates/${shared.id}/consents`)
      .set('authorization', await auth(cipA))
      .send({ scope: 'collective', wording: CONSENT_WORDING })
      .expect(409);
    expect(res.body.code).toBe('CONSENT_ALREADY_ACTIVE');
  });

  it('hides the profile from partners at once when the consent is withdrawn, and shows it again after a new consent', async () => {
    const candidate = await c.newCandidate(
      cipA,
      (await t.dataSource.query(`SELECT siae_id FROM candidate WHERE id = $1`, [shared.id]))[0].siae_id,
      {
        consent: true,
        profile: { targetJobs: [{ ogrCode: rome.jardinierEspacesVerts, experienceLevel: 'beginner' }] },
      },
    );
    const tokenB = await auth(cipB);
    const find = async () =>
      (
        await t
          .http()
          .get('/api/candidates')
          .query({ appellation: rome.jardinierEspacesVerts, commune: communes.lyon, radiusKm: 30 })
          .set('authorization', tokenB)
          .expect(200)
      ).body.items.map((i: { candidateId: string }) => i.candidateId);
    expect(await find()).toEqual([candidate.id]);
    await t.http().get(`/api/candidates/${candidate.id}`).set('authorization', tokenB).expect(200);

    const detail = await t
      .http()
      .get(`/api/candidates/${candidate.id}`)
      .set('authorization', await auth(cipA))
      .expect(200);
    const consentId = detail.body.consents[0].id;
    const withdrawn = await t
      .http()
      .post(`/api/candidates/${candidate.id}/consents/${consentId}/withdraw`)
      .set('authorization', await auth(directionA))
      .expect(200);
    expect(withdrawn.body).toMatchObject({ active: false, withdrawnByUserId: directionA.id });

    expect(await find()).toEqual([]);
    await t.http().get(`/api/candidates/${candidate.id}`).set('authorization', tokenB).expect(404);
    const flags = await t.dataSource.query(
      `SELECT bool_or(shared_with_collective) AS any FROM candidate_target_job WHERE candidate_id = $1`,
      [candidate.id],
    );
    expect(flags[0].any).toBe(false);
    await t
      .http()
      .post(`/api/candidates/${candidate.id}/consents/${consentId}/withdraw`)
      .set('authorization', await auth(cipA))
      .expect(409);

    // The partial index is only an accelerator: with the flag forced on, the consent rows still decide.
    await t.dataSource.query(`UPDATE candidate_target_job SET shared_with_collective = true WHERE candidate_id = $1`, [
      candidate.id,
    ]);
    await t.dataSource.query(`UPDATE candidate_profile SET shared_with_collective = true WHERE candidate_id = $1`, [
      candidate.id,
    ]);
    expect(await find()).toEqual([]);
    await t.http().get(`/api/candidates/${candidate.id}`).set('authorization', tokenB).expect(404);

    await c.consent(cipA, candidate.id);
    expect(await find()).toEqual([candidate.id]);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_entry WHERE subject_id = $1 AND action LIKE 'candidate.consent.%' ORDER BY at`,
      [candidate.id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'candidate.consent.given',
      'candidate.consent.withdrawn',
      'candidate.consent.given',
    ]);
  });

  it('stops sharing when the partner SIAE leaves the collective', async () => {
    const tokenB = await auth(cipB);
    await t.http().get(`/api/candidates/${shared.id}`).set('authorization', tokenB).expect(200);
    const bId = (await t.dataSource.query(`SELECT siae_id FROM siae_membership WHERE user_id = $1`, [cipB.id]))[0]
      .siae_id;
    await t.dataSource.query(`UPDATE collective_membership SET status = 'left', left_at = now() WHERE siae_id = $1`, [
      bId,
    ]);
    try {
      await t.http().get(`/api/candidates/${shared.id}`).set('authorization', tokenB).expect(404);
      const list = await t.http().get('/api/candidates').set('authorization', tokenB).expect(200);
      expect(list.body.items.every((i: { mine: boolean }) => i.mine)).toBe(true);
    } finally {
      await t.dataSource.query(
        `UPDATE collective_membership SET status = 'active', left_at = NULL WHERE siae_id = $1`,
        [bId],
      );
    }
  });

  it('exports everything held on the person, with consents and the trail of reads', async () => {
    const res = await t
      .http()
      .get(`/api/candidates/${shared.id}/export`)
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(res.body.candidate).toMatchObject({
      identity: { lastName: 'Diallo-Vernier', email: shared.email },
      profile: { pseudonym: 'Fatoumata D.' },
    });
    expect(res.body.candidate.consents).toHaveLength(1);
    const actions = res.body.auditTrail.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'candidate.created',
        'candidate.profile.updated',
        'candidate.consent.given',
        'candidate.identity.read',
        'candidate.profile.read',
        'candidate.exported',
      ]),
    );
    expect(actions.filter((a: string) => a === 'candidate.exported')).toHaveLength(1);
    expect(res.body.siae.id).toBeDefined();
  });
});
