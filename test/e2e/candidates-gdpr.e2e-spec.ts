import { seedDemoCandidates } from '../../src/modules/candidates/demo/demo-candidates';
import { OutboxService } from '../../src/platform/queue/outbox.service';
import type { User } from '../../src/platform/auth/user.entity';
import { CandidateFixtures, communes, rome } from '../support/candidate-fixtures';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

describe('candidates: GDPR erasure, export after erasure, retention job, demo data', () => {
  let t: TestApp;
  let f: Fixtures;
  let c: CandidateFixtures;
  let cipA: User, cipB: User, admin: User;
  let siaeA: string, siaeB: string;
  const auth = async (u: User) => `Bearer ${await c.token(u)}`;

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
    f = new Fixtures(t);
    c = new CandidateFixtures(t, f);
    const [a, b] = await Promise.all([f.siae(), f.siae()]);
    siaeA = a.id;
    siaeB = b.id;
    const collective = await f.collective();
    await c.membership(collective.id, a.id);
    await c.membership(collective.id, b.id);
    [cipA, cipB, admin] = await Promise.all([f.member(a, 'cip'), f.member(b, 'cip'), f.admin()]);
  });
  afterAll(() => t.close());

  /** Every text-like column of every table (information_schema), with how many rows contain the needle. */
  async function occurrences(needle: string): Promise<string[]> {
    const columns: Array<{ table_name: string; column_name: string }> = await t.dataSource.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND (c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))`,
    );
    expect(columns.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
        [`%${needle}%`],
      );
      if (n > 0) found.push(`${table_name}.${column_name} (${n})`);
    }
    return found;
  }

  it('erases on request: no trace of name, e-mail or phone left in any table; statistics and audit kept', async () => {
    const person = await c.newCandidate(cipA, siaeA, {
      consent: true,
      identity: {
        firstName: 'Zéphyrine',
        lastName: 'Quatrebarbes',
        email: 'zephyrine.quatrebarbes@exemple.fr',
        phone: '06 98 76 54 32',
        birthDate: monthsAgo(50 * 12 + 2),
        address: '3 impasse des Lilas, 69200 Vénissieux',
      },
      profile: {
        communeCode: communes.venissieux,
        targetJobs: [
          { ogrCode: rome.commisCuisine, experienceLevel: 'experienced' },
          { ogrCode: rome.agentPropreteLocaux, experienceLevel: 'beginner' },
        ],
        skills: [
          {
            label: 'Plonge et entretien de la batterie de cuisine',
            evidenceLevel: 'observed',
            note: 'Chantier restauration, 6 mois',
          },
          { label: 'HACCP', evidenceLevel: 'certified' },
        ],
        softSkills: ['rigueur', 'capacite_de_rebond'],
      },
    });
    await c.consent(cipA, person.id, 'employers');
    // Go through every path that reads or writes the person, so that a leak into audit, outbox or elsewhere shows.
    await t
      .http()
      .get(`/api/candidates/${person.id}`)
      .set('authorization', await auth(cipA))
      .expect(200);
    await t
      .http()
      .get(`/api/candidates/${person.id}`)
      .set('authorization', await auth(cipB))
      .expect(200);
    await t
      .http()
      .get('/api/candidates')
      .query({ appellation: rome.commisCuisine, commune: communes.lyon, radiusKm: 20 })
      .set('authorization', await auth(cipB))
      .expect(200);
    await t
      .http()
      .patch(`/api/candidates/${person.id}`)
      .set('authorization', await auth(cipA))
      .send({ address: '5 impasse des Lilas, 69200 Vénissieux' })
      .expect(200);
    const exported = await t
      .http()
      .get(`/api/candidates/${person.id}/export`)
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(JSON.stringify(exported.body)).toContain('Quatrebarbes');
    const needles = [
      'Zéphyrine',
      'Quatrebarbes',
      'zephyrine.quatrebarbes@exemple.fr',
      '06 98 76 54 32',
      '0698765432',
      'impasse des Lilas',
    ];
    expect((await occurrences('Quatrebarbes')).sort()).toEqual(['candidate.email (1)', 'candidate.last_name (1)']);

    const erased = await t
      .http()
      .post(`/api/candidates/${person.id}/erasure`)
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(erased.body).toMatchObject({ alreadyErased: false });

    for (const needle of needles) expect([needle, await occurrences(needle)]).toEqual([needle, []]);

    // What is kept: the row with its SIAE and contract, anonymous statistics, consents (as proof, now withdrawn), the audit.
    const [row] = await t.dataSource.query(
      `SELECT first_name, last_name, birth_date, erased_at, anonymous_stats, status FROM candidate WHERE id = $1`,
      [person.id],
    );
    expect(row).toMatchObject({
      first_name: 'Personne',
      last_name: 'effacée',
      birth_date: null,
      status: 'in_parcours',
    });
    expect(row.anonymous_stats).toEqual({
      ageBand: '45-54',
      department: '69',
      targetDomains: ['G16', 'K22'],
      softSkillCount: 2,
      skillCounts: { observed: 1, certified: 1 },
    });
    const consents = await t.dataSource.query(
      `SELECT scope, withdrawn_at FROM candidate_consent WHERE candidate_id = $1`,
      [person.id],
    );
    expect(consents).toHaveLength(2);
    expect(consents.every((x: { withdrawn_at: Date | null }) => x.withdrawn_at !== null)).toBe(true);
    for (const table of ['candidate_profile', 'candidate_target_job', 'candidate_skill', 'candidate_soft_skill'])
      expect(
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE candidate_id = $1`, [person.id]))[0].n,
      ).toBe(0);
    const audit = await t.dataSource.query(
      `SELECT actor_user_id, context FROM audit_entry WHERE subject_id = $1 AND action = 'candidate.erased'`,
      [person.id],
    );
    expect(audit).toEqual([{ actor_user_id: cipA.id, context: { siaeId: siaeA, reason: 'request' } }]);

    // Afterwards: partners see nothing, the SIAE sees a placeholder, nothing can be written, erasing again is a no-op.
    await t
      .http()
      .get(`/api/candidates/${person.id}`)
      .set('authorization', await auth(cipB))
      .expect(404);
    const own = await t
      .http()
      .get(`/api/candidates/${person.id}`)
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(own.body).toMatchObject({
      identity: { firstName: 'Personne', lastName: 'effacée', email: null, phone: null },
      profile: null,
    });
    const patch = await t
      .http()
      .patch(`/api/candidates/${person.id}`)
      .set('authorization', await auth(cipA))
      .send({ firstName: 'Zéphyrine' })
      .expect(409);
    expect(patch.body.code).toBe('CANDIDATE_ERASED');
    await t
      .http()
      .put(`/api/candidates/${person.id}/profile`)
      .set('authorization', await auth(cipA))
      .send({ communeCode: communes.lyon, mobilityRadiusKm: 5, targetJobs: [] })
      .expect(409);
    const again = await t
      .http()
      .post(`/api/candidates/${person.id}/erasure`)
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(again.body.alreadyErased).toBe(true);
    const after = await t
      .http()
      .get(`/api/candidates/${person.id}/export`)
      .set('authorization', await auth(cipA))
      .expect(200);
    for (const needle of needles) expect(JSON.stringify(after.body)).not.toContain(needle);
    expect(after.body.auditTrail.map((a: { action: string }) => a.action)).toContain('candidate.erased');
  });

  it('anonymises, through the outbox and the worker, only candidates who left more than RETENTION_MONTHS ago; idempotent', async () => {
    const make = async (status: string | null, leftAt: string | null) => {
      const x = await c.newCandidate(cipA, siaeA, { consent: true });
      if (status)
        await t
          .http()
          .patch(`/api/candidates/${x.id}`)
          .set('authorization', await auth(cipA))
          .send({ status, leftAt })
          .expect(200);
      return x;
    };
    const due = await make('left', monthsAgo(25));
    const dueHired = await make('hired_elsewhere', monthsAgo(30));
    const recent = await make('left', monthsAgo(23));
    const staying = await make(null, null);

    await t
      .http()
      .post('/api/admin/candidates/retention-sweep')
      .set('authorization', await auth(admin))
      .expect(202);
    await t.drainQueues();

    const state = async (id: string) =>
      (await t.dataSource.query(`SELECT erased_at IS NOT NULL AS erased FROM candidate WHERE id = $1`, [id]))[0]
        .erased as boolean;
    expect([await state(due.id), await state(dueHired.id), await state(recent.id), await state(staying.id)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    for (const x of [due, dueHired]) {
      expect(await occurrences(x.lastName)).toEqual([]);
      expect(await occurrences(x.email)).toEqual([]);
    }
    const audit = await t.dataSource.query(
      `SELECT actor_user_id, actor_label, context FROM audit_entry WHERE subject_id = $1 AND action = 'candidate.erased'`,
      [due.id],
    );
    expect(audit).toEqual([
      {
        actor_user_id: null,
        actor_label: expect.stringContaining('conservation'),
        context: { siaeId: siaeA, reason: 'retention' },
      },
    ]);
    const payloads = await t.dataSource.query(
      `SELECT payload FROM outbox_message WHERE job_name = 'candidates.anonymise'`,
    );
    expect(payloads.map((p: { payload: unknown }) => p.payload)).toEqual(
      expect.arrayContaining([
        { v: 1, candidateId: due.id },
        { v: 1, candidateId: dueHired.id },
      ]),
    );

    // A second sweep finds nothing due; a replayed anonymise job (or one for someone no longer due) changes nothing.
    const auditBefore = (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'candidate.erased'`)
    )[0].n;
    await t
      .http()
      .post('/api/admin/candidates/retention-sweep')
      .set('authorization', await auth(admin))
      .expect(202);
    const outbox = t.get(OutboxService);
    await t.dataSource.transaction(async (m) => {
      await outbox.enqueue(m, 'candidates.anonymise', { v: 1, candidateId: due.id });
      await outbox.enqueue(m, 'candidates.anonymise', { v: 1, candidateId: recent.id });
    });
    await t.drainQueues();
    expect(
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'candidate.erased'`))[0].n,
    ).toBe(auditBefore);
    expect(await state(recent.id)).toBe(false);
    const queuedTwice = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'candidates.anonymise' AND payload->>'candidateId' = $1`,
      [dueHired.id],
    );
    expect(queuedTwice[0].n).toBe(1);
  });

  it('seeds realistic demo candidates, once, visible to partners only with consent', async () => {
    const lyonArea = ['69123', '69266', '69259', '69029', '69290', '69256', '69149'];
    const input = { siaeIds: [siaeB], cipUserIds: [cipB.id], communeCodes: lyonArea, perSiae: 12 };
    const first = await t.dataSource.transaction((m) => seedDemoCandidates(m, input));
    const again = await t.dataSource.transaction((m) => seedDemoCandidates(m, input));
    expect(first).toEqual({ created: 12, existing: 0 });
    expect(again).toEqual({ created: 0, existing: 12 });
    const [{ consenting }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM candidate_consent cc WHERE cc.candidate_id = c.id AND cc.withdrawn_at IS NULL))::int AS consenting FROM candidate c WHERE c.siae_id = $1`,
      [siaeB],
    );
    const seen = await t
      .http()
      .get('/api/candidates')
      .query({ scope: 'collective', pageSize: 100 })
      .set('authorization', await auth(cipA))
      .expect(200);
    const fromB = seen.body.items.filter((i: { siaeId: string }) => i.siaeId === siaeB);
    expect(fromB).toHaveLength(consenting);
    expect(consenting).toBeGreaterThan(6);
    expect(
      fromB.every((i: { targetJobs: unknown[]; skills: unknown[] }) => i.targetJobs.length > 0 && i.skills.length > 0),
    ).toBe(true);
    const cuisine = await t
      .http()
      .get('/api/candidates')
      .query({ domain: 'G16', commune: '69123', radiusKm: 20 })
      .set('authorization', await auth(cipA))
      .expect(200);
    expect(cuisine.body.items.length).toBeGreaterThan(0);
  });
});
