import { seedDemoCandidates } from '../../src/modules/candidates/demo/demo-candidates';
import { CandidateProfileContractEnd1795622126925 } from '../../migrations/1795622126925-CandidateProfileContractEnd';
import type { User } from '../../src/platform/auth/user.entity';
import { CandidateFixtures, communes } from '../support/candidate-fixtures';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * `candidate_profile.contract_end` mirrors `candidate.contract_end`, so that the match lists of other SIAE get the
 * contract-end boost without reading the identity table. Every write path keeps them equal; erasure removes the copy.
 */
describe('candidates: the contract end mirrored onto the shared profile', () => {
  let t: TestApp;
  let f: Fixtures;
  let c: CandidateFixtures;
  let cip: User;
  let siaeId: string;
  const auth = async () => `Bearer ${await c.token(cip)}`;
  const mirrored = async (id: string): Promise<string | null | undefined> =>
    (
      await t.dataSource.query(
        `SELECT to_char(contract_end, 'YYYY-MM-DD') AS d FROM candidate_profile WHERE candidate_id = $1`,
        [id],
      )
    )[0]?.d;
  /** The invariant, over every profile of the database. */
  const mismatches = async (): Promise<number> =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM candidate_profile p JOIN candidate c ON c.id = p.candidate_id WHERE p.contract_end IS DISTINCT FROM c.contract_end`,
      )
    )[0].n;
  const patch = async (id: string, body: object, status = 200) =>
    t
      .http()
      .patch(`/api/candidates/${id}`)
      .set('authorization', await auth())
      .send(body)
      .expect(status);

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    c = new CandidateFixtures(t, f);
    const siae = await f.siae();
    siaeId = siae.id;
    cip = await f.member(siae, 'cip');
  });
  afterAll(() => t.close());

  it('copies it when the profile is written, and follows every change of the identity row in the same request', async () => {
    const person = await c.newCandidate(cip, siaeId, {
      identity: { contractStart: '2026-01-05', contractEnd: '2027-01-04' },
    });
    expect(await mirrored(person.id)).toBe('2027-01-04');

    await patch(person.id, { contractEnd: '2026-12-18' });
    expect(await mirrored(person.id)).toBe('2026-12-18');
    await patch(person.id, { phone: '06 00 00 00 01' });
    expect(await mirrored(person.id)).toBe('2026-12-18');
    await patch(person.id, { contractEnd: null });
    expect(await mirrored(person.id)).toBeNull();
    await patch(person.id, { contractEnd: '2027-03-31' });
    expect(await mirrored(person.id)).toBe('2027-03-31');

    // A refused change (end before start) writes neither row.
    const refused = await patch(person.id, { contractEnd: '2025-12-31' }, 400);
    expect(refused.body.code).toBe('CONTRACT_DATES_INVALID');
    expect(await mirrored(person.id)).toBe('2027-03-31');

    // Writing the profile again keeps the identity row's value.
    await t
      .http()
      .put(`/api/candidates/${person.id}/profile`)
      .set('authorization', await auth())
      .send({ communeCode: communes.lyon, mobilityRadiusKm: 8, targetJobs: [] })
      .expect(200);
    expect(await mirrored(person.id)).toBe('2027-03-31');
    expect(await mismatches()).toBe(0);
  });

  it('is set by the first profile of a candidate whose contract was entered before any profile', async () => {
    const person = await c.newCandidate(cip, siaeId, { identity: { contractEnd: '2026-09-30' }, profile: null });
    expect(await mirrored(person.id)).toBeUndefined();
    await patch(person.id, { contractEnd: '2026-10-31' });
    await t
      .http()
      .put(`/api/candidates/${person.id}/profile`)
      .set('authorization', await auth())
      .send({ communeCode: communes.villeurbanne, mobilityRadiusKm: 10, targetJobs: [] })
      .expect(200);
    expect(await mirrored(person.id)).toBe('2026-10-31');
  });

  it('is gone with the shared profile on erasure, and stays gone', async () => {
    const person = await c.newCandidate(cip, siaeId, { consent: true, identity: { contractEnd: '2026-11-15' } });
    expect(await mirrored(person.id)).toBe('2026-11-15');
    await t
      .http()
      .post(`/api/candidates/${person.id}/erasure`)
      .set('authorization', await auth())
      .expect(200);
    expect(await mirrored(person.id)).toBeUndefined();
    expect(
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM candidate_profile WHERE candidate_id = $1`, [
          person.id,
        ])
      )[0].n,
    ).toBe(0);
    expect((await patch(person.id, { contractEnd: '2027-01-01' }, 409)).body.code).toBe('CANDIDATE_ERASED');
    expect(await mirrored(person.id)).toBeUndefined();
  });

  it('is filled by the demo seed like by the API', async () => {
    await t.dataSource.transaction((m) =>
      seedDemoCandidates(m, { siaeIds: [siaeId], cipUserIds: [cip.id], communeCodes: [communes.lyon], perSiae: 3 }),
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM candidate_profile WHERE siae_id = $1 AND contract_end IS NOT NULL`,
      [siaeId],
    );
    expect(n).toBeGreaterThanOrEqual(3);
    expect(await mismatches()).toBe(0);
  });

  // Last: it drops and re-adds the column of this file's own database.
  it('the migration fills existing profiles from their identity row', async () => {
    const withEnd = await c.newCandidate(cip, siaeId, { identity: { contractEnd: '2026-08-01' } });
    const withoutEnd = await c.newCandidate(cip, siaeId);
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query(`ALTER TABLE candidate_profile DROP COLUMN contract_end`);
      await new CandidateProfileContractEnd1795622126925().up(runner);
    } finally {
      await runner.release();
    }
    expect(await mirrored(withEnd.id)).toBe('2026-08-01');
    expect(await mirrored(withoutEnd.id)).toBeNull();
    expect(await mismatches()).toBe(0);
  });
});
