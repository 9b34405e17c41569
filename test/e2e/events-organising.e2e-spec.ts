import type { components } from '../client/maillage-api';
import { FixedClock } from '../../src/platform/clock/clock';
import { buildEventWorld, eventBody, pooledCompany, type EventWorld } from '../support/event-world';
import { TestApp } from '../support/test-app';

type InvitableCompany = components['schemas']['InvitableCompanyDto'];

/**
 * What organisers and CIPs do around an open event beyond the job dating's main path: finding the pooled companies to
 * invite by the trades wanted.
 */
describe('events: organising an open event', () => {
  const clock = new FixedClock(new Date('2027-02-01T09:00:00Z'));
  let t: TestApp;
  let w: EventWorld;
  let eventId: string;
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
    const created = await api()
      .post('/api/events')
      .set('authorization', w.auth('coord'))
      .send(eventBody(w.collective.id));
    eventId = created.body.id;
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
});
