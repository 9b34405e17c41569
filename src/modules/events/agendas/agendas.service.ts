import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { Clock } from '../../../platform/clock/clock';
import { linkErrors } from '../../../platform/links/links.errors';
import { assertScope, EmployerPrincipal, LinksService } from '../../../platform/links/links.service';
import { holdsRoleIn, siaeIdsWhere, viewerOf } from '../../structures/access';
import { resolveEmployerLink } from '../booking/employer-link';
import { EventRegistration } from '../entities/event-registration.entity';
import { Event } from '../entities/event.entity';
import { accessAsOrganiser, accessEvent } from '../events-access';
import { eventsErrors as errors } from '../events.errors';
import { linkExpiry } from '../invitations/invitations.service';
import { readAgendaEvent, readAgendaMeetings, readSlots, type AgendaRow } from './agenda-reader';
import { candidateAgendaLink } from './candidate-link';
import type {
  AgendaLinksRevokedDto,
  CandidateAgendaDto,
  CandidateAgendaLinkDto,
  EmployerAgendaDto,
  OrganiserGridDto,
  SiaeAgendaDto,
  StaffAgendaMeetingDto,
} from './dto/agenda.dto';

const base = (r: AgendaRow) => ({
  id: r.id,
  sequence: r.sequence,
  status: r.status,
  cancelled: r.status === 'cancelled',
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  slotPosition: r.slotPosition,
  tableNumber: r.tableNumber,
});

const staffMeeting = (r: AgendaRow): StaffAgendaMeetingDto => ({
  ...base(r),
  registrationId: r.registrationId,
  candidateId: r.candidateId,
  pseudonym: r.pseudonym,
  invitationId: r.invitationId,
  employer: r.employer,
});

/**
 * The agendas of a job dating (issue 15 §3), read from the event's plan (`event_meeting`, planning's): the candidate's
 * (her personal link, or her CIP), the employer's (its event link: pseudonyms only), the CIP's (every candidate of her
 * SIAE at the event) and the organiser's grid (tables × slots). People see what they were told: meetings announced
 * (and those cancelled after being announced, so that their calendar drops them); the organiser also sees the planned
 * ones. No identity is read here: candidates appear by the pseudonym of their shared profile, so nothing is audited.
 */
@Injectable()
export class AgendasService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly links: LinksService,
    private readonly audit: AuditService,
  ) {}

  /** Through the candidate's own link: the registration in the address must be the link's (404 without data). */
  async forCandidateLink(principal: EmployerPrincipal, registrationId: string): Promise<CandidateAgendaDto> {
    const scope = assertScope(principal, candidateAgendaLink, { registrationId });
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const registration = await manager.findOneBy(EventRegistration, { id: scope.registrationId });
      if (!registration || registration.eventId !== scope.eventId) throw linkErrors.invalid();
      const event = await manager.findOneByOrFail(Event, { id: scope.eventId });
      if (event.status === 'cancelled') throw linkErrors.invalid();
      return this.candidateAgenda(manager, event, registration.id);
    });
  }

  /** Her CIP (or the direction of her SIAE) reads the same agenda. */
  async forRegistration(principal: Principal, eventId: string, registrationId: string): Promise<CandidateAgendaDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { event, registration } = await this.ownRegistration(manager, principal, eventId, registrationId);
      return this.candidateAgenda(manager, event, registration.id);
    });
  }

  async forEmployer(principal: EmployerPrincipal): Promise<EmployerAgendaDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { invitation, event } = await resolveEmployerLink(manager, principal, this.clock.now());
      return this.employerAgenda(manager, event, invitation);
    });
  }

  /** In the caller's transaction (the employers' reminders attach it as ICS): pseudonyms only. */
  async employerAgenda(
    manager: EntityManager,
    event: Event,
    invitation: { id: string; pooledCompanyId: string },
  ): Promise<EmployerAgendaDto> {
    const rows = await readAgendaMeetings(manager, event.id, 'people', 'm.invitation_id = $2', [invitation.id]);
    const [{ name }]: Array<{ name: string }> = await manager.query(
      `SELECT display_name AS name FROM pooled_company WHERE id = $1`,
      [invitation.pooledCompanyId],
    );
    return {
      event: await readAgendaEvent(manager, event),
      company: name,
      meetings: rows.map((r) => ({ ...base(r), pseudonym: r.pseudonym })),
    };
  }

  /** Every candidate of the caller's SIAE (where she is CIP or direction) at the event. */
  async forSiae(principal: Principal, eventId: string): Promise<SiaeAgendaDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const viewer = viewerOf(principal);
      const { event, memberSiaeIds } = await accessEvent(manager, viewer, eventId);
      const siaeIds = siaeIdsWhere(viewer, ['cip', 'direction']).filter((id) => memberSiaeIds.includes(id));
      if (siaeIds.length === 0) throw errors.cipOnly();
      const rows = await readAgendaMeetings(manager, event.id, 'people', 'r.siae_id = ANY($2::uuid[])', [siaeIds]);
      return { event: await readAgendaEvent(manager, event), siaeIds, meetings: rows.map(staffMeeting) };
    });
  }

  /** The organiser's grid: one row per table holding a meeting, one cell per slot. */
  async grid(principal: Principal, eventId: string): Promise<OrganiserGridDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      const slots = await readSlots(manager, event.id);
      const rows = await readAgendaMeetings(manager, event.id, 'organiser', 'true', []);
      const live = rows.filter((r) => r.status !== 'cancelled');
      const tables = [...new Set(live.map((r) => r.tableNumber))].sort((a, b) => a - b);
      return {
        event: await readAgendaEvent(manager, event),
        slots: slots.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
        tables: tables.map((tableNumber) => ({
          tableNumber,
          cells: slots.map((s) => {
            const hit = live.find((r) => r.tableNumber === tableNumber && r.slotId === s.id);
            return { slotId: s.id, meeting: hit ? staffMeeting(hit) : null };
          }),
        })),
        cancelled: rows.filter((r) => r.status === 'cancelled').map(staffMeeting),
      };
    });
  }

  /**
   * A fresh personal link for the candidate, given to her CIP (shown once: only its hash is stored). Earlier links stay
   * valid until the event's links expire, unless revoked (`revokeCandidateLinks`).
   */
  async issueCandidateLink(
    principal: Principal,
    eventId: string,
    registrationId: string,
  ): Promise<CandidateAgendaLinkDto> {
    return this.dataSource.transaction(async (manager) => {
      const { event, registration } = await this.ownRegistration(manager, principal, eventId, registrationId);
      if (event.status === 'cancelled') throw errors.eventNotFound();
      const link = await this.issueLink(manager, event, registration.id);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.agenda.link.issued',
          subjectType: 'event',
          subjectId: event.id,
          context: { registrationId, linkId: link.linkId },
        },
        manager,
      );
      return { url: link.url, expiresAt: link.expiresAt.toISOString() };
    });
  }

  async revokeCandidateLinks(
    principal: Principal,
    eventId: string,
    registrationId: string,
  ): Promise<AgendaLinksRevokedDto> {
    return this.dataSource.transaction(async (manager) => {
      const { event } = await this.ownRegistration(manager, principal, eventId, registrationId);
      const revoked = await this.links.revokeScope(candidateAgendaLink, { eventId: event.id, registrationId }, manager);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.agenda.link.revoked',
          subjectType: 'event',
          subjectId: event.id,
          context: { registrationId, revoked },
        },
        manager,
      );
      return { revoked };
    });
  }

  /** In the caller's transaction (reminders put a fresh one in each message). */
  issueLink(manager: EntityManager, event: Event, registrationId: string) {
    return linkExpiry(manager, event).then((expires) =>
      this.links.issue(candidateAgendaLink, { eventId: event.id, registrationId }, expires, manager),
    );
  }

  async candidateAgenda(manager: EntityManager, event: Event, registrationId: string): Promise<CandidateAgendaDto> {
    const rows = await readAgendaMeetings(manager, event.id, 'people', 'm.registration_id = $2', [registrationId]);
    return {
      event: await readAgendaEvent(manager, event),
      registrationId,
      meetings: rows.map((r) => ({ ...base(r), employer: r.employer })),
    };
  }

  /** The registration of the event, for the CIP or direction of its SIAE (403 for other staff, 404 outside). */
  private async ownRegistration(manager: EntityManager, principal: Principal, eventId: string, registrationId: string) {
    const viewer = viewerOf(principal);
    const { event } = await accessEvent(manager, viewer, eventId);
    const registration = await manager.findOneBy(EventRegistration, { id: registrationId, eventId });
    if (!registration) throw errors.registrationNotFound();
    if (!holdsRoleIn(viewer, registration.siaeId, ['cip', 'direction'])) throw errors.cipOnly();
    return { event, registration };
  }
}
