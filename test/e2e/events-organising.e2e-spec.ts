import type { components } from '../client/maillage-api';
import { FixedClock } from '../../src/platform/clock/clock';
import { CandidateFixtures, type NewCandidate } from '../support/candidate-fixtures';
import {
  buildEventWorld,
  employerHeaders,
  eventBody,
  pooledCompany,
  tokenInMail,
  type EventWorld,
} from '../support/event-world';
import { TestApp } from '../support/test-app';

type InvitableCompany = components['schemas']['InvitableCompanyDto'];
type Registration = components['schemas']['RegistrationDto'];
type EmployerProfile = components['schemas']['CandidateProfileForEmployerDto'];

/**
 * What organisers and CIPs do around an open event beyond the job dating's main path: finding the pooled companies to
 * invite by the trades wanted, the CIP's note to employers (never the person's identity), editing a registration.
 */
describe('events: organising an open event', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: EventWorld;
  let cf: CandidateFixtures;
  let eventId: string;
  let slots: Array<{ id: string }>;
  const companies: Record<string, { id: string; companyId: string }> = {};
  const api = () => t.http();

  const need = async (company: string, appellationCode: string, status?: 'filled') => {
    const res = await api()
      .post(`/api/companies/${companies[company].companyId}/needs`)
      .set('authorization', w.auth('devA'))
      .send({ appellationCode, positions: 2, contractType: 'cdd' });
    expect(res.status).toBe(201);
    if (status)
      await api()
        .post(`/api/companies/${companies[company].companyId}/needs/${res.body.id}/status`)
        .set('authorization', w.auth('devA'))
        .send({ status })
        .expect(200);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await TestApp.create({ clock });
    w = await buildEventWorld(t);
    cf = new CandidateFixtures(t, w.f);
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id, { candidateDeadline: '2027-02-10T18:00:00Z', defaultSiaeQuota: 3 }));
    eventId = created.body.id;
    slots = created.body.slots;
    await api().post(`/api/events/${eventId}/transitions`).set('authorization', w.auth('coord')).send({ to: 'open' });
    companies.logistique = await pooledCompany(w, 'Logistique du Rhône', 'rh@logistique.example');
    companies.proprete = await pooledCompany(w, 'Propreté Lyonnaise', 'rh@proprete.example');
    companies.jardins = await pooledCompany(w, 'Jardins de Bron', 'rh@jardins.example');
    companies.vide = await pooledCompany(w, 'Sans besoin SARL', 'rh@vide.example');
    await need('logistique', '10405'); // H3302 manutention
    await need('proprete', '10571'); // K2204 propreté de locaux
    await need('proprete', '10816'); // K1302 aide aux personnes âgées
    await need('jardins', '16068', 'filled'); // A1203: filled, so no longer a trade it recruits on
  });
  afterAll(() => t?.close());

  describe('the pooled companies to invite, filtered by the trades wanted', () => {
    const invitable = (query: Record<string, string>, who = 'coord') =>
      api().get(`/api/events/${eventId}/invitable-companies`).query(query).set('authorization', w.auth(who));
    const names = (body: InvitableCompany[]) => body.map((c) => c.name);

    it('by appellation: only the companies with an open need on it, with that need', async () => {
      const res = await invitable({ appellations: '10405' }).expect(200);
      const body = res.body as InvitableCompany[];
      expect(names(body)).toEqual(['Logistique du Rhône']);
      expect(body[0].needs).toEqual([
        {
          hiringNeedId: expect.any(String),
          appellationCode: '10405',
          appellation: expect.stringMatching(/manutention/),
          positions: 2,
        },
      ]);
      expect(body[0]).toMatchObject({ hasSharedContact: true, invitation: null });
      expect(body[0].budget).toMatchObject({ last7Days: 0, last30Days: 0, pausedUntil: null, withinBudget: true });
    });

    it('by ROME fiche, domain or grand domaine; several trades at once; a filled need does not count', async () => {
      expect(names((await invitable({ rome: 'K2204' }).expect(200)).body)).toEqual(['Propreté Lyonnaise']);
      expect(names((await invitable({ rome: 'K' }).expect(200)).body)).toEqual(['Propreté Lyonnaise']);
      const both = (await invitable({ rome: 'H33,K13' }).expect(200)).body as InvitableCompany[];
      expect(names(both).sort()).toEqual(['Logistique du Rhône', 'Propreté Lyonnaise']);
      // only the needs on the trades wanted are listed
      expect(both.find((c) => c.name === 'Propreté Lyonnaise')!.needs.map((n) => n.appellationCode)).toEqual(['10816']);
      expect(names((await invitable({ rome: 'A1203' }).expect(200)).body)).toEqual([]);
      const mixed = (await invitable({ appellations: '10405', rome: 'K2204' }).expect(200)).body as InvitableCompany[];
      expect(names(mixed).sort()).toEqual(['Logistique du Rhône', 'Propreté Lyonnaise']);
    });

    it('without a filter: every pooled company, the ones recruiting on most trades first', async () => {
      const body = (await invitable({}).expect(200)).body as InvitableCompany[];
      expect(names(body)[0]).toBe('Propreté Lyonnaise');
      expect(names(body).sort()).toEqual(
        ['Jardins de Bron', 'Logistique du Rhône', 'Propreté Lyonnaise', 'Sans besoin SARL'].sort(),
      );
    });

    it('says which are already invited and what their budget is after the invitation', async () => {
      await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: companies.logistique.id })
        .expect(201);
      const [logistique] = (await invitable({ appellations: '10405' }).expect(200)).body as InvitableCompany[];
      expect(logistique.invitation).toBe('sent');
      expect(logistique.budget).toMatchObject({ last7Days: 1, last30Days: 1, withinBudget: false });
    });

    it('refuses malformed trades with the rule, and non-organisers with their code', async () => {
      const bad = await invitable({ rome: 'Z99' }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details).toEqual([{ field: 'rome', problems: [expect.stringMatching(/fiches .*ROME/)] }]);
      const tooMany = await invitable({ appellations: Array.from({ length: 21 }, (_, k) => 10000 + k).join(',') });
      expect(tooMany.status).toBe(400);
      expect((await invitable({ rome: 'K' }, 'cipA').expect(403)).body.code).toBe('EVENT_ORGANISER_ONLY');
      expect((await invitable({ rome: 'K' }, 'coordX').expect(404)).body.code).toBe('EVENT_NOT_FOUND');
    });
  });
  // ---- registrations: the note to employers, then editing
  const register = (candidateId: string, body: object = {}, who = 'cipA') =>
    api()
      .post(`/api/events/${eventId}/registrations`)
      .set('authorization', w.auth(who))
      .send({ candidateId, maxInterviews: 3, ...body });
  const edit = (registrationId: string, body: object, who = 'cipA') =>
    api().patch(`/api/events/${eventId}/registrations/${registrationId}`).set('authorization', w.auth(who)).send(body);
  const quotaOfA = async () =>
    (
      await t.dataSource.query(`SELECT places, used FROM event_siae_quota WHERE event_id = $1 AND siae_id = $2`, [
        eventId,
        w.siaes.A.id,
      ])
    )[0] as { places: number; used: number };
  const consented = async () => {
    const c = await cf.newCandidate(w.users.cipA, w.siaes.A.id);
    await cf.consent(w.users.cipA, c.id, 'employers');
    return c;
  };

  describe('the note to employers never gives the person away (SharedTextGuard)', () => {
    let c: NewCandidate;
    beforeAll(async () => {
      c = await consented();
    });

    it.each([
      ['a phone number', 'Joignable au 06 12 34 56 78 en journée', 'phone'],
      ['the last name', undefined, 'name'],
      ['the e-mail address', undefined, 'email'],
    ])('refuses %s at registration: 400 naming the field, nothing written', async (_what, note, kind) => {
      const text =
        note ??
        (kind === 'name' ? `Très motivé·e, ${c.lastName} cherche un CDI` : `Écrire à ${c.email} pour le rencontrer`);
      const before = await quotaOfA();
      const res = await register(c.id, { employerNote: text }).expect(400);
      expect(res.body.code).toBe('SHARED_TEXT_REVEALS_IDENTITY');
      expect(res.body.details).toEqual([{ field: 'employerNote', kind }]);
      expect(await quotaOfA()).toEqual(before);
      const rows = await t.dataSource.query(`SELECT 1 FROM event_registration WHERE candidate_id = $1`, [c.id]);
      expect(rows).toHaveLength(0);
    });

    it('refuses the same on an edit, keeps a clean note, and the employer reads it beside the profile', async () => {
      const created = await register(c.id, { employerNote: 'Ponctuel·le, à l’aise en équipe' }).expect(201);
      const registration = created.body as Registration;
      expect(registration.employerNote).toBe('Ponctuel·le, à l’aise en équipe');
      const leak = await edit(registration.id, { employerNote: `Appeler ${c.phone}` }).expect(400);
      expect(leak.body).toMatchObject({ code: 'SHARED_TEXT_REVEALS_IDENTITY', details: [{ field: 'employerNote' }] });
      const byOrganiser = await edit(registration.id, { employerNote: `${c.lastName} est prêt·e` }, 'coord').expect(
        400,
      );
      expect(byOrganiser.body.details).toEqual([{ field: 'employerNote', kind: 'name' }]);

      // an employer confirmed through its link sees the accepted profile with the note, and nothing of the identity
      await api()
        .post(`/api/events/${eventId}/registrations/${registration.id}/decision`)
        .set('authorization', w.auth('coord'))
        .send({ decision: 'accept' })
        .expect(201);
      companies.note = await pooledCompany(w, 'Employeur Lecteur', 'rh@lecteur.example');
      await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: companies.note.id })
        .expect(201);
      const [{ body_text }] = await t.dataSource.query(
        `SELECT body_text FROM mail_message WHERE recipient = 'rh@lecteur.example' ORDER BY created_at DESC LIMIT 1`,
      );
      const headers = await employerHeaders(t, tokenInMail(body_text as string));
      await api()
        .put('/api/employer/event/registration')
        .set(headers)
        .send({ tables: 1, cells: [{ slotId: slots[0].id, table: 2 }] })
        .expect(200);
      const profiles = (await api().get('/api/employer/event/profiles').set(headers).expect(200))
        .body as EmployerProfile[];
      const shown = profiles.find((p) => p.profileId === registration.id)!;
      expect(shown.note).toBe('Ponctuel·le, à l’aise en équipe');
      const text = JSON.stringify(profiles);
      for (const secret of [c.lastName, c.email, c.phone]) expect(text).not.toContain(secret);
    });
  });

  describe('editing a registration: presence, wishes, maximum interviews; the place untouched', () => {
    let registration: Registration;
    let invitationId: string;
    beforeAll(async () => {
      const c = await consented();
      registration = (await register(c.id).expect(201)).body as Registration;
      const invited = await api()
        .post(`/api/events/${eventId}/invitations`)
        .set('authorization', w.auth('coord'))
        .send({ pooledCompanyId: companies.proprete.id })
        .expect(201);
      invitationId = invited.body.id;
    });

    it('by a CIP of the SIAE before the deadline: status and quota unchanged, audited', async () => {
      const before = await quotaOfA();
      const res = await edit(registration.id, {
        presentSlotIds: [slots[0].id, slots[1].id],
        wishedEmployerIds: [invitationId],
        maxInterviews: 2,
        employerNote: 'Disponible toute la matinée',
      }).expect(200);
      expect(res.body).toMatchObject({
        id: registration.id,
        status: registration.status,
        maxInterviews: 2,
        wishedEmployerIds: [invitationId],
        employerNote: 'Disponible toute la matinée',
      });
      expect((res.body as Registration).presentSlotIds.sort()).toEqual([slots[0].id, slots[1].id].sort());
      expect(await quotaOfA()).toEqual(before);
      // a partial edit keeps the rest; null clears the note; an empty list means the whole event / no wish
      const partial = await edit(registration.id, { maxInterviews: 4, employerNote: null }).expect(200);
      expect(partial.body).toMatchObject({ maxInterviews: 4, employerNote: null, wishedEmployerIds: [invitationId] });
      const cleared = await edit(registration.id, { presentSlotIds: [], wishedEmployerIds: [] }).expect(200);
      expect(cleared.body).toMatchObject({ presentSlotIds: [], wishedEmployerIds: [], maxInterviews: 4 });
      const audit = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'event.registration.updated' AND context->>'registrationId' = $1`,
        [registration.id],
      );
      expect(audit[0].n).toBe(3);
    });

    it('refuses with codes: wrong role, another SIAE, another collective, bad slot or wish, bounds, unknown field', async () => {
      const code = async (res: Promise<{ status: number; body: { code: string } }>, status: number) => {
        const r = await res;
        expect(r.status).toBe(status);
        return r.body.code;
      };
      expect(await code(edit(registration.id, { maxInterviews: 2 }, 'devA'), 403)).toBe('EVENT_REGISTRATION_CIP_ONLY');
      expect(await code(edit(registration.id, { maxInterviews: 2 }, 'cipB'), 404)).toBe('EVENT_REGISTRATION_NOT_FOUND');
      expect(await code(edit(registration.id, { maxInterviews: 2 }, 'coordX'), 404)).toBe('EVENT_NOT_FOUND');
      expect(await code(edit(registration.id, { presentSlotIds: [invitationId] }), 400)).toBe('EVENT_SLOT_UNKNOWN');
      expect(await code(edit(registration.id, { wishedEmployerIds: [slots[0].id] }), 400)).toBe('EVENT_WISH_UNKNOWN');
      expect(await code(edit(registration.id, { maxInterviews: 21 }), 400)).toBe('VALIDATION_FAILED');
      expect(await code(edit(registration.id, { status: 'accepted' }), 400)).toBe('VALIDATION_FAILED');
      expect(await code(edit(registration.id, { employerNote: 'x'.repeat(501) }), 400)).toBe('VALIDATION_FAILED');
      expect(await code(edit('00000000-0000-4000-8000-000000000000', { maxInterviews: 2 }), 404)).toBe(
        'EVENT_REGISTRATION_NOT_FOUND',
      );
      const unchanged = (await api().get(`/api/events/${eventId}/registrations`).set('authorization', w.auth('cipA')))
        .body as Registration[];
      expect(unchanged.find((r) => r.id === registration.id)!.maxInterviews).toBe(4);
    });

    it('a withdrawn registration is not edited (409); organisers after the candidates’ deadline yes, CIPs no; nobody once planning starts', async () => {
      const c = await consented();
      const gone = (await register(c.id).expect(201)).body as Registration;
      await api()
        .post(`/api/events/${eventId}/registrations/${gone.id}/withdrawal`)
        .set('authorization', w.auth('cipA'))
        .expect(201);
      const closed = await edit(gone.id, { maxInterviews: 2 }).expect(409);
      expect(closed.body.code).toBe('EVENT_REGISTRATION_NOT_EDITABLE');

      // the candidates' deadline moved to yesterday (the clock stays: sessions would expire with it)
      const deadline = (candidateDeadline: string) =>
        api().patch(`/api/events/${eventId}`).set('authorization', w.auth('coord')).send({ candidateDeadline });
      await deadline('2027-01-31T18:00:00Z').expect(200);
      try {
        expect((await edit(registration.id, { maxInterviews: 2 }).expect(409)).body.code).toBe(
          'EVENT_CANDIDATE_DEADLINE_PASSED',
        );
        expect((await edit(registration.id, { maxInterviews: 2 }, 'coord').expect(200)).body.maxInterviews).toBe(2);
        await api()
          .post(`/api/events/${eventId}/transitions`)
          .set('authorization', w.auth('coord'))
          .send({ to: 'planning' })
          .expect(201);
        const planning = await edit(registration.id, { maxInterviews: 3 }, 'coord').expect(409);
        expect(planning.body).toMatchObject({
          code: 'EVENT_REGISTRATION_NOT_EDITABLE',
          details: { status: 'planning' },
        });
        expect(planning.body.message).toMatch(/planification/);
      } finally {
        await deadline('2027-02-10T18:00:00Z');
        await api()
          .post(`/api/events/${eventId}/transitions`)
          .set('authorization', w.auth('coord'))
          .send({ to: 'open' });
      }
    });
  });
});
