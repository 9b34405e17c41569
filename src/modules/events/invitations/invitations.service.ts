import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { LinksService } from '../../../platform/links/links.service';
import { Clock } from '../../../platform/clock/clock';
import { AppConfig } from '../../../platform/config/app-config';
import { OutboxService } from '../../../platform/queue/outbox.service';
import { visibleCompanySql } from '../../employer-network/employer-network-access';
import { SolicitationsService } from '../../employer-network/solicitations.service';
import { MailService } from '../../notifications/mail.service';
import { pooledCompaniesByTrade } from '../../employer-network/pooled-companies-by-trade';
import type {
  InvitableCompaniesQueryDto,
  InvitableCompanyDto,
  InvitationDto,
  InvitationSentDto,
  InviteCompanyDto,
} from '../dto/invitation.dto';
import { eventCompanyLink, invitationRevokedAtSql, liveLinkOfInvitationSql } from '../booking/employer-link';
import { Event, EventInvitation, EventSlot } from '../entities';
import { accessAsOrganiser } from '../events-access';
import { eventsErrors as errors } from '../events.errors';

const DAY = 86_400_000;
/** The link lives until the event is over and outcomes are recorded: the event's end + 30 days (issue 13). */
const LINK_DAYS_AFTER_EVENT = 30;

const frenchDate = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  });

/**
 * Employer invitations: an organiser invites a pooled company of the collective's directory through one of its shared
 * contacts. The invitation counts as a solicitation of the pooled company (the employer network's budget rule, refused
 * beyond it or during a pause, coordinator override audited), and its e-mail with the personal link goes through the
 * outbox in the same transaction: no mail for an invitation that was refused, no invitation without its mail.
 */
/** A booked cell of the room, as the staff pages draw it. */
export interface BookedCell {
  slotId: string;
  table: number;
  companyName: string;
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly solicitations: SolicitationsService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly links: LinksService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async invite(principal: Principal, eventId: string, dto: InviteCompanyDto): Promise<InvitationSentDto> {
    return this.dataSource.transaction(async (manager) => {
      const { event, coordinator } = await accessAsOrganiser(manager, principal, eventId);
      if (event.status !== 'open') throw errors.notOpen(event.status);
      if (dto.overrideReason !== undefined && !coordinator) throw errors.coordinatorOnly();
      const pooled: Array<{ id: string; display_name: string }> = await manager.query(
        `SELECT id, display_name FROM pooled_company WHERE id = $1 AND collective_id = $2 AND dissolved_at IS NULL`,
        [dto.pooledCompanyId, event.collectiveId],
      );
      if (pooled.length === 0) throw errors.pooledCompanyNotFound();
      if (await manager.existsBy(EventInvitation, { eventId, pooledCompanyId: dto.pooledCompanyId }))
        throw errors.invitationExists();
      const contact = await this.sharedContact(manager, event, dto.pooledCompanyId, dto.contactId);
      const { solicitationId, budget } = await this.solicitations.solicitWithin(manager, {
        pooledCompanyId: dto.pooledCompanyId,
        byUserId: principal.userId,
        kind: 'event_invitation',
        note: `Invitation : ${event.title} (${event.eventDate})`.slice(0, 500),
        overrideReason: dto.overrideReason,
      });
      const now = this.clock.now();
      const expiresAt = await linkExpiry(manager, event);
      const link = await this.links.issue(
        eventCompanyLink,
        { eventId, pooledCompanyId: dto.pooledCompanyId },
        expiresAt,
        manager,
      );
      const invitation = await manager.save(
        manager.create(EventInvitation, {
          eventId,
          pooledCompanyId: dto.pooledCompanyId,
          companyId: contact.company_id,
          contactId: contact.id,
          status: 'sent',
          solicitationId,
          invitedByUserId: principal.userId,
          sentAt: now,
          relaunchDueAt: new Date(now.getTime() + this.config.EVENT_INVITATION_RELAUNCH_HOURS * 3_600_000),
        }),
      );
      await this.sendMail(manager, event, contact.email, link.url, false);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.invitation.sent',
          subjectType: 'event',
          subjectId: eventId,
          context: {
            invitationId: invitation.id,
            pooledCompanyId: dto.pooledCompanyId,
            override: !!dto.overrideReason,
          },
        },
        manager,
      );
      const [view] = await invitationViews(manager, eventId, invitation.id);
      return {
        ...view,
        budget: {
          last7Days: budget.last7Days,
          last30Days: budget.last30Days,
          maxPer7Days: budget.maxPer7Days,
          maxPer30Days: budget.maxPer30Days,
        },
      };
    });
  }

  async list(principal: Principal, eventId: string): Promise<InvitationDto[]> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      return invitationViews(manager, eventId);
    });
  }

  /** The room as booked: each cell (slot, table) with the company sitting there. Organisers only. */
  async bookedCells(principal: Principal, eventId: string): Promise<BookedCell[]> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      return manager.query(
        `SELECT b.slot_id AS "slotId", b.table_number AS "table", p.display_name AS "companyName"
           FROM event_booking b JOIN event_invitation i ON i.id = b.invitation_id
           JOIN pooled_company p ON p.id = i.pooled_company_id
          WHERE b.event_id = $1`,
        [eventId],
      );
    });
  }

  /**
   * The collective's pooled companies an organiser may invite, filtered by the trades wanted (ROME appellations,
   * fiches or domains of their open hiring needs), each with what an invitation would meet: a shared contact or not,
   * the solicitation budget now, and whether it is already invited to this event.
   */
  async invitable(
    principal: Principal,
    eventId: string,
    q: InvitableCompaniesQueryDto,
  ): Promise<InvitableCompanyDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      const list = (v: string | undefined) => [...new Set((v ?? '').split(',').filter(Boolean))];
      const companies = await pooledCompaniesByTrade(manager, {
        collectiveId: event.collectiveId,
        filter: { appellationCodes: list(q.appellations), romeCodes: list(q.rome) },
        now: this.clock.now(),
        limit: q.limit ?? 100,
      });
      const invited = new Map(
        (
          await manager.find(EventInvitation, { where: { eventId }, select: { pooledCompanyId: true, status: true } })
        ).map((i) => [i.pooledCompanyId, i.status]),
      );
      return companies.map((c) => ({ ...c, invitation: invited.get(c.pooledCompanyId) ?? null }));
    });
  }

  /** Revoking kills the link at once (the next request with it gets 401); the invitation stays for the record. */
  async revoke(principal: Principal, eventId: string, invitationId: string): Promise<InvitationDto> {
    return this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      const invitation = await manager.findOneBy(EventInvitation, { id: invitationId, eventId });
      if (!invitation) throw errors.invitationNotFound();
      // Every link of this invitation (the first and the relaunch's), and the sessions they opened, end now.
      await this.links.revokeScope(eventCompanyLink, { eventId, pooledCompanyId: invitation.pooledCompanyId }, manager);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.invitation.revoked',
          subjectType: 'event',
          subjectId: eventId,
          context: { invitationId },
        },
        manager,
      );
      return (await invitationViews(manager, eventId, invitationId))[0];
    });
  }

  /** The sweep: invitations due for their relaunch and not relaunched, one job each (the job re-checks everything). */
  async enqueueDueRelaunches(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // A revoked or expired invitation (no live link left) is not due: the sweep would select it forever.
      const due: Array<{ id: string }> = await manager.query(
        `SELECT i.id FROM event_invitation i
          WHERE i.status = 'sent' AND i.relaunched_at IS NULL AND i.relaunch_due_at <= $1
            AND ${liveLinkOfInvitationSql('i', '$1')}
          LIMIT 1000`,
        [this.clock.now()],
      );
      for (const { id } of due)
        await this.outbox.enqueue(manager, 'events.invitation.relaunch', { v: 1, invitationId: id });
      return due.length;
    });
  }

  /**
   * The one relaunch, idempotent: the row is locked and re-read, and anything but "still unanswered, not relaunched,
   * link live, event open" is skipped. A new platform link is issued (the first one stays valid): the mail must carry
   * a link, and only the hash of the first was kept.
   */
  async relaunch(invitationId: string): Promise<'done' | 'skipped'> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(EventInvitation, {
        where: { id: invitationId },
        lock: { mode: 'pessimistic_write' },
      });
      const now = this.clock.now();
      if (
        !invitation ||
        invitation.status !== 'sent' ||
        invitation.relaunchedAt !== null ||
        invitation.relaunchDueAt.getTime() > now.getTime()
      )
        return 'skipped';
      // Revoked by an organiser (every link of the scope) or past the event's end + 30 days: nothing to relaunch.
      const [{ live }]: Array<{ live: boolean }> = await manager.query(
        `SELECT ${liveLinkOfInvitationSql('i', '$2')} AS live FROM event_invitation i WHERE i.id = $1`,
        [invitation.id, now],
      );
      if (!live) return 'skipped';
      const event = await manager.findOneByOrFail(Event, { id: invitation.eventId });
      if (event.status !== 'open') return 'skipped';
      const [contact]: Array<{ email: string | null }> = invitation.contactId
        ? await manager.query(`SELECT email FROM company_contact WHERE id = $1`, [invitation.contactId])
        : [];
      if (!contact?.email) return 'skipped';
      const link = await this.links.issue(
        eventCompanyLink,
        { eventId: invitation.eventId, pooledCompanyId: invitation.pooledCompanyId },
        await linkExpiry(manager, event),
        manager,
      );
      await manager.update(EventInvitation, { id: invitation.id }, { relaunchedAt: now });
      await this.sendMail(manager, event, contact.email, link.url, true);
      await this.audit.record(
        {
          actorLabel: 'relance automatique',
          action: 'event.invitation.relaunched',
          subjectType: 'event',
          subjectId: event.id,
          context: { invitationId },
        },
        manager,
      );
      return 'done';
    });
  }

  private async sendMail(
    manager: EntityManager,
    event: Event,
    email: string,
    url: string,
    relaunch: boolean,
  ): Promise<void> {
    const [names]: Array<{ collective: string; commune: string }> = await manager.query(
      `SELECT c.name AS collective, m.name AS commune FROM collective c, commune m WHERE c.id = $1 AND m.code = $2`,
      [event.collectiveId, event.communeCode],
    );
    await this.mail.send(manager, email, 'event-invitation', {
      collective: names.collective,
      event: event.title,
      date: frenchDate(event.eventDate),
      place: `${event.address}, ${names.commune}`,
      url,
      deadline: event.employerDeadline
        ? event.employerDeadline.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
        : null,
      relaunch,
    });
  }

  /** A contact of a member record shared WITH its contacts to the event's collective, that has an e-mail address. */
  private async sharedContact(
    manager: EntityManager,
    event: Event,
    pooledCompanyId: string,
    contactId: string | undefined,
  ): Promise<{ id: string; company_id: string; email: string }> {
    const rows: Array<{ id: string; company_id: string; email: string }> = await manager.query(
      `SELECT ct.id, ct.company_id, ct.email
         FROM pooled_company_member pm
         JOIN company co ON co.id = pm.company_id
         JOIN company_contact ct ON ct.company_id = co.id
        WHERE pm.pooled_company_id = $1 AND ct.email IS NOT NULL AND ${visibleCompanySql('co', '$2', '$3', true)}
          AND ($4::uuid IS NULL OR ct.id = $4::uuid)
        ORDER BY ct.created_at, ct.id LIMIT 1`,
      [pooledCompanyId, [], [event.collectiveId], contactId ?? null],
    );
    if (rows.length === 0) throw contactId ? errors.contactNotShared() : errors.noContact();
    return rows[0];
  }
}

export async function linkExpiry(manager: EntityManager, event: Event): Promise<Date> {
  const last = await manager.findOne(EventSlot, { where: { eventId: event.id }, order: { position: 'DESC' } });
  const end = last ? last.endsAt.getTime() : new Date(`${event.eventDate}T23:59:59Z`).getTime();
  return new Date(end + LINK_DAYS_AFTER_EVENT * DAY);
}

export async function invitationViews(
  manager: EntityManager,
  eventId: string,
  invitationId?: string,
): Promise<InvitationDto[]> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT i.id, i.pooled_company_id AS "pooledCompanyId", p.display_name AS "companyName", i.status,
            i.sent_at AS "sentAt", i.relaunch_due_at AS "relaunchDueAt", i.relaunched_at AS "relaunchedAt",
            i.answered_at AS "answeredAt", ${invitationRevokedAtSql('i')} AS "revokedAt", i.tables_wanted AS "tablesWanted",
            i.decline_reason AS "declineReason",
            (SELECT count(*)::int FROM event_booking b WHERE b.invitation_id = i.id) AS "cellsBooked"
       FROM event_invitation i JOIN pooled_company p ON p.id = i.pooled_company_id
      WHERE i.event_id = $1 AND ($2::uuid IS NULL OR i.id = $2::uuid)
      ORDER BY p.display_name, i.id`,
    [eventId, invitationId ?? null],
  );
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  return rows.map((r) => ({
    ...(r as unknown as InvitationDto),
    sentAt: iso(r.sentAt)!,
    relaunchDueAt: iso(r.relaunchDueAt)!,
    relaunchedAt: iso(r.relaunchedAt),
    answeredAt: iso(r.answeredAt),
    revokedAt: iso(r.revokedAt),
  }));
}
