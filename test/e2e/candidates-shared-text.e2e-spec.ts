import type { User } from '../../src/platform/auth/user.entity';
import { scanSharedTexts } from '../../src/modules/candidates/shared-text/scan-shared-texts';
import { CandidateFixtures, communes, rome, type NewCandidate } from '../support/candidate-fixtures';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/** Free text of the shared profile (read by partner SIAE and employers) never carries the person's identity. */
describe('candidates: identity in shared free text', () => {
  let t: TestApp;
  let f: Fixtures;
  let c: CandidateFixtures;
  let cip: User;
  let person: NewCandidate;

  const profile = (extra: Record<string, unknown>) => ({
    communeCode: communes.villeurbanne,
    mobilityRadiusKm: 10,
    targetJobs: [{ ogrCode: rome.agentPropreteLocaux, experienceLevel: 'experienced' }],
    ...extra,
  });
  const put = async (body: Record<string, unknown>) =>
    t
      .http()
      .put(`/api/candidates/${person.id}/profile`)
      .set('authorization', `Bearer ${await c.token(cip)}`)
      .send(body);

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    c = new CandidateFixtures(t, f);
    const siae = await f.siae();
    cip = await f.member(siae, 'cip');
    person = await c.newCandidate(cip, siae.id, {
      identity: {
        firstName: 'Gwendoline',
        lastName: 'Kerbrat',
        birthDate: '1988-11-23',
        phone: '07 81 92 03 14',
        email: 'gwen.kerbrat88@exemple.fr',
        address: '5 allée des Cormorans, 69100 Villeurbanne',
      },
      profile: { timeConstraints: 'Pas le mercredi' },
    });
  });
  afterAll(() => t.close());

  it.each([
    ['timeConstraints', { timeConstraints: 'Appelez-la au 06 11 22 33 44' }, 'phone'],
    ['timeConstraints', { timeConstraints: 'Le matin, voir avec Mme Kerbrat' }, 'name'],
    ['timeConstraints', { timeConstraints: 'écrire à gwen.kerbrat88@exemple.fr' }, 'email'],
    [
      'skills[0].note',
      { skills: [{ label: 'Nettoyage', evidenceLevel: 'observed', note: 'Née le 23/11/1988' }] },
      'birthDate',
    ],
    [
      'skills[0].note',
      { skills: [{ label: 'Nettoyage', evidenceLevel: 'observed', note: 'habite 5 allée des Cormorans' }] },
      'address',
    ],
    [
      'skills[1].label',
      {
        skills: [
          { label: 'Nettoyage', evidenceLevel: 'observed' },
          { label: 'Kerbrat sait conduire', evidenceLevel: 'declared' },
        ],
      },
      'name',
    ],
    [
      'skills[0].note',
      { skills: [{ label: 'Nettoyage', evidenceLevel: 'observed', note: 'tél. 0781920314' }] },
      'phone',
    ],
  ])('refuses %s holding %j (%s) with a 400 naming the field', async (field, extra, kind) => {
    const res = await put(profile(extra));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SHARED_TEXT_REVEALS_IDENTITY');
    expect(res.body.details).toEqual([{ field, kind }]);
    expect(res.body.message).toContain(`(${field})`);
    expect(res.body.message).toMatch(/structures partenaires et les employeurs/);
  });

  it('refuses the first name when the pseudonym is an alias, accepts it when the pseudonym shows it anyway', async () => {
    const alias = await put(profile({ pseudonym: 'Tournesol', timeConstraints: 'Gwendoline préfère le matin' }));
    expect(alias.status).toBe(400);
    expect(alias.body.details).toEqual([{ field: 'timeConstraints', kind: 'name' }]);
    await put(profile({ pseudonym: 'Gwendoline K.', timeConstraints: 'Gwendoline préfère le matin' })).then((r) =>
      expect(r.status).toBe(200),
    );
  });

  it('keeps the stored profile when a text is refused, and accepts ordinary texts', async () => {
    await put(profile({ timeConstraints: 'Pas avant 8 h 30' })).then((r) => expect(r.status).toBe(200));
    await put(profile({ timeConstraints: 'Rappeler au 06 11 22 33 44' })).then((r) => expect(r.status).toBe(400));
    const [row] = await t.dataSource.query(`SELECT time_constraints FROM candidate_profile WHERE candidate_id = $1`, [
      person.id,
    ]);
    expect(row.time_constraints).toBe('Pas avant 8 h 30');
  });

  it('reports the texts stored before the rule, without changing them', async () => {
    await t.dataSource.query(
      `UPDATE candidate_profile SET time_constraints = 'joindre au 07 81 92 03 14' WHERE candidate_id = $1`,
      [person.id],
    );
    const [skill] = await t.dataSource.query(
      `INSERT INTO candidate_skill (candidate_id, label, evidence_level, note) VALUES ($1, 'Vitrerie', 'observed', 'Chez Kerbrat') RETURNING id`,
      [person.id],
    );
    const findings = (await scanSharedTexts(t.dataSource.manager)).filter((x) => x.candidateId === person.id);
    expect(findings).toEqual([
      { candidateId: person.id, siaeId: expect.any(String), field: 'timeConstraints', kind: 'phone' },
      { candidateId: person.id, siaeId: expect.any(String), field: `skills[${skill.id}].note`, kind: 'name' },
    ]);
    const [row] = await t.dataSource.query(`SELECT time_constraints FROM candidate_profile WHERE candidate_id = $1`, [
      person.id,
    ]);
    expect(row.time_constraints).toBe('joindre au 07 81 92 03 14');
  });
});
