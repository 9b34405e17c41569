/**
 * The demo collective's open job dating, seeded through the real use cases (the same services the API and the pages
 * call, with the demo accounts' own sessions), so that what a newcomer sees after `npm start` is what the product
 * does: invitations counted as solicitations and mailed through the outbox, employers booking cells through their
 * link, candidates registered by two SIAE's CIPs within their quota, organisers' decisions, one employer's choices.
 *
 * Idempotent: every step first looks at what is there (the event by collective + title, an invitation by pooled
 * company, a registration by candidate, an employer's answer by the invitation's status) and only does what is
 * missing. Each run prints FRESH employer links (tokens are stored hashed: an old one cannot be shown again).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '../../../platform/auth/auth.service';
import type { Principal } from '../../../platform/auth/principal';
import { fieldDate } from '../../../platform/clock/clock';
import { AppConfig } from '../../../platform/config/app-config';
import { LinksService, type EmployerPrincipal } from '../../../platform/links/links.service';
import { CandidateConsentService } from '../../candidates/candidate-consent.service';
import { PoolingRequests } from '../../employer-network/pooling-requests.service';
import { PoolingService } from '../../employer-network/pooling.service';
import { EmployerBookingService } from '../booking/employer-booking.service';
import { EmployerChoicesService } from '../booking/employer-choices.service';
import { eventCompanyLink } from '../booking/employer-link';
import { EventsService } from '../events.service';
import { InvitationsService, linkExpiry } from '../invitations/invitations.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { Event } from '../entities';

export const DEMO_JOB_DATING_TITLE = 'Job dating de la Métropole : logistique, propreté, soin, espaces verts';

export interface DemoJobDatingInput {
  collectiveId: string;
  /** E-mail of the collective's coordinator (organises the event). */
  coordinatorEmail: string;
  /** The two SIAE whose CIPs register candidates: [SIAE id, CIP e-mail]. */
  registeringSiaes: Array<{ siaeId: string; cipEmail: string }>;
}

export interface DemoEmployerLink {
  companyName: string;
  situation: string;
  url: string;
}

export interface DemoJobDatingSummary {
  eventId: string;
  title: string;
  date: string;
  staffUrl: string;
  employerLinks: DemoEmployerLink[];
  invitations: number;
  registrations: number;
}

/** What each invited employer does in the demo, by the name of the record whose contact receives the invitation. */
type EmployerPlan =
  | { record: string; answer: 'none' }
  | { record: string; answer: 'decline'; reason: string }
  | { record: string; answer: 'confirm'; tables: number[]; slotPositions: number[] | 'all'; choices?: boolean };

const employerPlans: EmployerPlan[] = [
  { record: 'Logistique Mi-Plaine', answer: 'confirm', tables: [1, 2], slotPositions: 'all', choices: true },
  { record: 'Propreté Rhône Services SAS', answer: 'confirm', tables: [3], slotPositions: [0, 1, 2, 3, 4] },
  { record: 'EHPAD Les Tilleuls', answer: 'confirm', tables: [4], slotPositions: [2, 3, 4, 5, 6, 7] },
  { record: 'Le Bouchon des Canuts', answer: 'decline', reason: 'Service du midi ce jour-là, pas de recruteur libre' },
  { record: 'Les Jardins du Grand Parc', answer: 'none' },
];

const CONSENT_WORDING =
  "J'accepte que mon profil pseudonymisé (métiers visés, compétences, commune, disponibilités, sans mon nom ni mes coordonnées) soit montré aux employeurs des job datings où ma ou mon CIP m'inscrit.";

const DAY = 86_400_000;

export async function seedDemoJobDating(
  app: INestApplicationContext,
  input: DemoJobDatingInput,
): Promise<DemoJobDatingSummary> {
  const get = <T>(type: new (...args: never[]) => T): T => app.get(type, { strict: false });
  const dataSource = get(DataSource);
  const auth = get(AuthService);
  const links = get(LinksService);
  const config = get(AppConfig);
  const sessions: Principal[] = [];
  const signIn = async (email: string): Promise<Principal> => {
    const [user]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [email]);
    if (!user) throw new Error(`compte de démonstration absent : ${email}`);
    const { token } = await dataSource.transaction((m) => auth.openSession(m, user.id));
    const principal = await auth.authenticate(token);
    sessions.push(principal);
    return principal;
  };
  const actingLinks: string[] = [];
  const actAsEmployer = async (eventId: string, pooledCompanyId: string, expiresAt: Date) => {
    const link = await links.issue(eventCompanyLink, { eventId, pooledCompanyId }, expiresAt);
    actingLinks.push(link.linkId);
    return (await links.exchange(link.token)).principal satisfies EmployerPrincipal;
  };

  try {
    await poolDeterministically(app, dataSource, input.collectiveId);
    const coordinator = await signIn(input.coordinatorEmail);
    const event = await openEvent(get(EventsService), dataSource, coordinator, input.collectiveId);

    // Invitations: one per planned employer, through its pooled company.
    const invitations = get(InvitationsService);
    const invited = new Map((await invitations.list(coordinator, event.id)).map((i) => [i.pooledCompanyId, i]));
    const pooledOf = new Map<string, { pooledId: string; name: string }>();
    for (const plan of employerPlans) {
      const [pooled]: Array<{ id: string; display_name: string }> = await dataSource.query(
        `SELECT p.id, p.display_name FROM pooled_company p JOIN pooled_company_member m ON m.pooled_company_id = p.id
           JOIN company c ON c.id = m.company_id
          WHERE p.collective_id = $1 AND p.dissolved_at IS NULL AND c.name = $2 LIMIT 1`,
        [input.collectiveId, plan.record],
      );
      if (!pooled) throw new Error(`entreprise mutualisée introuvable pour « ${plan.record} »`);
      pooledOf.set(plan.record, { pooledId: pooled.id, name: pooled.display_name });
      if (!invited.has(pooled.id)) {
        const sent = await invitations.invite(coordinator, event.id, { pooledCompanyId: pooled.id });
        invited.set(pooled.id, sent);
      }
    }

    // Candidates: the CIPs of two SIAE register consented candidates; the last one of the first SIAE is beyond its
    // places and goes to the waitlist.
    const registrations = get(RegistrationsService);
    const consents = get(CandidateConsentService);
    const registered = new Map((await registrations.list(coordinator, event.id)).map((r) => [r.candidateId, r]));
    const perSiae = [event.defaultSiaeQuota + 1, 2];
    for (const [i, { siaeId, cipEmail }] of input.registeringSiaes.entries()) {
      const cip = await signIn(cipEmail);
      const candidates: Array<{ id: string; has_consent: boolean }> = await dataSource.query(
        `SELECT c.id, EXISTS (SELECT 1 FROM candidate_consent k WHERE k.candidate_id = c.id AND k.scope = 'employers'
                                  AND k.withdrawn_at IS NULL) AS has_consent
           FROM candidate c JOIN candidate_profile p ON p.candidate_id = c.id
          WHERE c.siae_id = $1 AND c.status = 'in_parcours' AND c.erased_at IS NULL
          ORDER BY c.email LIMIT $2`,
        [siaeId, perSiae[i] ?? 2],
      );
      for (const candidate of candidates) {
        if (registered.has(candidate.id)) continue;
        if (!candidate.has_consent)
          await consents.record(cip, candidate.id, {
            scope: 'employers',
            wording: CONSENT_WORDING,
            documentRef: 'Formulaire job dating (démo)',
          });
        const registration = await registrations.register(cip, event.id, {
          candidateId: candidate.id,
          maxInterviews: 3,
          joinWaitlist: true,
        });
        registered.set(candidate.id, registration);
      }
    }
    // Organisers accept the first two of each SIAE; the others stay pending (or waitlisted).
    const bySiae = new Map<string, string[]>();
    for (const r of registered.values()) bySiae.set(r.siaeId, [...(bySiae.get(r.siaeId) ?? []), r.id]);
    for (const r of registered.values()) {
      const rank = bySiae.get(r.siaeId)!.indexOf(r.id);
      if (r.status === 'pending' && rank < 2)
        registered.set(r.candidateId, await registrations.decide(coordinator, event.id, r.id, { decision: 'accept' }));
    }

    // Employers answer through their links.
    const booking = get(EmployerBookingService);
    const choices = get(EmployerChoicesService);
    const expiresAt = await linkExpiry(
      dataSource.manager,
      await dataSource.getRepository(Event).findOneByOrFail({ id: event.id }),
    );
    const slots = event.slots;
    for (const plan of employerPlans) {
      const { pooledId } = pooledOf.get(plan.record)!;
      const invitation = invited.get(pooledId)!;
      if (plan.answer === 'none') continue;
      if (invitation.status === 'sent') {
        const employer = await actAsEmployer(event.id, pooledId, expiresAt);
        if (plan.answer === 'decline') await booking.decline(employer, { reason: plan.reason });
        else {
          const positions = plan.slotPositions === 'all' ? slots.map((_, k) => k) : plan.slotPositions;
          const needs: Array<{ id: string }> = await dataSource.query(
            `SELECT n.id FROM hiring_need n JOIN pooled_company_member m ON m.company_id = n.company_id
              WHERE m.pooled_company_id = $1 AND n.status = 'open' ORDER BY n.created_at, n.id`,
            [pooledId],
          );
          await booking.register(employer, {
            tables: plan.tables.length,
            cells: positions
              .filter((k) => k < slots.length)
              .flatMap((k) => plan.tables.map((table) => ({ slotId: slots[k].id, table }))),
            maxInterviews: 2 * positions.length,
            accommodations: ['beginner_french', 'no_driving_licence'],
            needs: needs.map((n) => ({ hiringNeedId: n.id })),
          });
        }
      }
      if (plan.answer === 'confirm' && plan.choices) {
        const employer = await actAsEmployer(event.id, pooledId, expiresAt);
        const profiles = await choices.profiles(employer);
        if (!profiles.some((p) => p.requested) && profiles.length > 0)
          await choices.saveRequests(employer, {
            requests: profiles.slice(0, 3).map((p, k) => ({ profileId: p.profileId, priority: k === 0 })),
          });
      }
    }

    // The links to print: fresh ones, live until the event's end + 30 days, like the mailed ones.
    const employerLinks: DemoEmployerLink[] = [];
    const shown: Array<[string, string]> = [
      ['Les Jardins du Grand Parc', 'invité, pas encore répondu : réserver ses tables et créneaux'],
      ['Logistique Mi-Plaine', 'inscrit, a choisi ses candidat·es : voir les profils'],
    ];
    for (const [record, situation] of shown) {
      const { pooledId, name } = pooledOf.get(record)!;
      const link = await links.issue(eventCompanyLink, { eventId: event.id, pooledCompanyId: pooledId }, expiresAt);
      employerLinks.push({ companyName: name, situation, url: link.url });
    }
    return {
      eventId: event.id,
      title: event.title,
      date: event.date,
      staffUrl: `${config.PUBLIC_BASE_URL.replace(/\/$/, '')}/equipe/evenements/${event.id}`,
      employerLinks,
      invitations: invited.size,
      registrations: registered.size,
    };
  } finally {
    // The seed's own sessions and acting links end here: only the printed links stay live.
    for (const linkId of actingLinks) await links.revoke(linkId).catch(() => undefined);
    for (const principal of sessions) await auth.logout(principal.tokenId).catch(() => undefined);
  }
}

/**
 * Pooled companies exist only once a pooling run of the collective is done. The worker is not running while the seed
 * runs (npm start starts it afterwards), so the runs the company seed queued are run here, in this process, by the
 * same use case the worker calls; the worker later finds them done and skips them.
 */
async function poolDeterministically(
  app: INestApplicationContext,
  dataSource: DataSource,
  collectiveId: string,
): Promise<void> {
  const pooling = app.get(PoolingService, { strict: false });
  const pending = async (): Promise<Array<{ id: string }>> =>
    dataSource.query(
      `SELECT id FROM pooling_run WHERE collective_id = $1 AND status IN ('queued', 'running') ORDER BY created_at, id`,
      [collectiveId],
    );
  let runs = await pending();
  const done = await dataSource.query(`SELECT 1 FROM pooling_run WHERE collective_id = $1 AND status = 'done'`, [
    collectiveId,
  ]);
  if (runs.length === 0 && done.length === 0) {
    const requests = app.get(PoolingRequests, { strict: false });
    await dataSource.transaction((m) => requests.requestForCollective(m, collectiveId, null));
    runs = await pending();
  }
  for (const run of runs) await pooling.run(run.id);
}

async function openEvent(events: EventsService, dataSource: DataSource, coordinator: Principal, collectiveId: string) {
  const existing = await dataSource.getRepository(Event).findOne({
    where: { collectiveId, title: DEMO_JOB_DATING_TITLE },
    order: { createdAt: 'ASC' },
  });
  if (existing) {
    if (existing.status === 'draft') return events.transition(coordinator, existing.id, 'open');
    return events.get(coordinator, existing.id);
  }
  // Three weeks ahead: employers have a week left to answer, CIPs a little more to register candidates.
  const now = Date.now();
  const date = fieldDate(new Date(now + 21 * DAY));
  const created = await events.create(coordinator, {
    collectiveId,
    title: DEMO_JOB_DATING_TITLE,
    kind: 'job_dating',
    address: '20 rue Antoine Primat, salle du Centre Charlie Chaplin',
    communeCode: '69256',
    accessNotes: 'Tram T3 arrêt Vaulx-en-Velin La Soie, puis 10 minutes à pied. Salle de plain-pied.',
    date,
    timeWindows: [{ start: '09:00', end: '12:00' }],
    slotMinutes: 20,
    changeoverMinutes: 5,
    tableCount: 8,
    defaultSiaeQuota: 3,
    employerDeadline: new Date(now + 14 * DAY).toISOString(),
    candidateDeadline: new Date(now + 18 * DAY).toISOString(),
  });
  return events.transition(coordinator, created.id, 'open');
}
