import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { standingIn } from '../structures/access';
import type { CreateEventDto, EventDto, EventSummaryDto, MoveQuotaDto, UpdateEventDto } from './dto/event.dto';
import { Event, EventOrganiser, EventSiaeQuota, EventSlot, EventStatusChange } from './entities';
import { accessAsOrganiser, accessEvent } from './events-access';
import { eventsErrors as errors } from './events.errors';
import { eventTransitions, statusDateColumn, type EventStatus } from './events-vocabulary';
import { deriveSlots, MAX_SLOTS, windowProblem } from './slots';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Work another part of events does in the same transaction as a status move (e.g. the plan's publication). */
export type TransitionHook = (manager: EntityManager, event: Event, principal: Principal) => Promise<void>;

/**
 * Events of a collective: creation by its coordinators, the room and its slots (derived and stored while the event is a
 * draft), co-organisers, the per-SIAE quotas and the status machine (allowed moves only, each dated and audited).
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private readonly hooks = new Map<EventStatus, TransitionHook[]>();

  /**
   * Registers work to do inside every move to `to`, after the checks and before the commit (a hook that throws refuses
   * the move). Sub-modules that depend on events use it, so events never imports them (events/planning announces the
   * plan when an event is published, whichever route publishes it).
   */
  onTransitionTo(to: EventStatus, hook: TransitionHook): void {
    this.hooks.set(to, [...(this.hooks.get(to) ?? []), hook]);
  }

  async create(principal: Principal, dto: CreateEventDto): Promise<EventDto> {
    const eventId = await this.dataSource.transaction(async (manager) => {
      const standing = await standingIn(manager, principal, dto.collectiveId);
      if (standing !== 'coordinator' && standing !== 'admin') throw errors.coordinatorOnly();
      await this.assertCommune(manager, dto.communeCode);
      const event = await manager.save(
        manager.create(Event, {
          collectiveId: dto.collectiveId,
          title: dto.title,
          kind: dto.kind,
          status: 'draft',
          address: dto.address,
          communeCode: dto.communeCode,
          accessNotes: dto.accessNotes?.trim() || null,
          eventDate: dto.date,
          timeWindows: dto.timeWindows.map((w) => ({ start: w.start, end: w.end })),
          slotMinutes: dto.slotMinutes,
          changeoverMinutes: dto.changeoverMinutes,
          tableCount: dto.tableCount,
          defaultSiaeQuota: dto.defaultSiaeQuota,
          employerDeadline: dto.employerDeadline ? new Date(dto.employerDeadline) : null,
          candidateDeadline: dto.candidateDeadline ? new Date(dto.candidateDeadline) : null,
          createdByUserId: principal.userId,
        }),
      );
      await this.writeSlots(manager, event);
      await manager.insert(EventStatusChange, {
        eventId: event.id,
        fromStatus: null,
        toStatus: 'draft',
        changedAt: this.clock.now(),
        byUserId: principal.userId,
      });
      await this.audit.record(
        { actorUserId: principal.userId, action: 'event.created', subjectType: 'event', subjectId: event.id },
        manager,
      );
      return event.id;
    });
    return this.get(principal, eventId);
  }

  async update(principal: Principal, eventId: string, dto: UpdateEventDto): Promise<EventDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId, { lock: true });
      const timing =
        dto.date !== undefined ||
        dto.timeWindows !== undefined ||
        dto.slotMinutes !== undefined ||
        dto.changeoverMinutes !== undefined ||
        dto.tableCount !== undefined;
      // Once open, employers book cells of these slots and tables: moving them would silently change bookings.
      if (timing && event.status !== 'draft') throw errors.notEditable(event.status);
      if (!['draft', 'open'].includes(event.status)) throw errors.notEditable(event.status);
      if (dto.communeCode !== undefined) await this.assertCommune(manager, dto.communeCode);
      Object.assign(event, {
        ...(dto.title !== undefined ? { title: dto.title } : {}),
        ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
        ...(dto.address !== undefined ? { address: dto.address } : {}),
        ...(dto.communeCode !== undefined ? { communeCode: dto.communeCode } : {}),
        ...(dto.accessNotes !== undefined ? { accessNotes: dto.accessNotes?.trim() || null } : {}),
        ...(dto.date !== undefined ? { eventDate: dto.date } : {}),
        ...(dto.timeWindows !== undefined ? { timeWindows: dto.timeWindows.map((w) => ({ ...w })) } : {}),
        ...(dto.slotMinutes !== undefined ? { slotMinutes: dto.slotMinutes } : {}),
        ...(dto.changeoverMinutes !== undefined ? { changeoverMinutes: dto.changeoverMinutes } : {}),
        ...(dto.tableCount !== undefined ? { tableCount: dto.tableCount } : {}),
        ...(dto.defaultSiaeQuota !== undefined ? { defaultSiaeQuota: dto.defaultSiaeQuota } : {}),
        ...(dto.employerDeadline !== undefined
          ? { employerDeadline: dto.employerDeadline ? new Date(dto.employerDeadline) : null }
          : {}),
        ...(dto.candidateDeadline !== undefined
          ? { candidateDeadline: dto.candidateDeadline ? new Date(dto.candidateDeadline) : null }
          : {}),
      });
      await manager.save(Event, event);
      if (timing) {
        await manager.delete(EventSlot, { eventId });
        await this.writeSlots(manager, event);
      }
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.updated',
          subjectType: 'event',
          subjectId: eventId,
          context: { fields: Object.keys(dto) },
        },
        manager,
      );
    });
    return this.get(principal, eventId);
  }

  /**
   * One status move: allowed moves only (409 `EVENT_TRANSITION_NOT_ALLOWED` otherwise), the event row locked so two
   * organisers clicking at once cannot both move it, the date of the new status set, the move kept and audited.
   */
  async transition(principal: Principal, eventId: string, to: EventStatus): Promise<EventDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event, memberSiaeIds } = await accessAsOrganiser(manager, principal, eventId, { lock: true });
      const from = event.status;
      const allowed = eventTransitions[from];
      if (!allowed.includes(to)) throw errors.transitionNotAllowed(from, to, allowed);
      const now = this.clock.now();
      const column = statusDateColumn[to];
      await manager.createQueryBuilder().update(Event).set({ status: to }).where('id = :id', { id: eventId }).execute();
      if (column) await manager.query(`UPDATE event SET ${column} = $2 WHERE id = $1`, [eventId, now]);
      for (const hook of this.hooks.get(to) ?? []) await hook(manager, event, principal);
      if (to === 'open') {
        // Every active member SIAE gets the default places; one that joins later gets them at its first registration.
        await manager
          .createQueryBuilder()
          .insert()
          .into(EventSiaeQuota)
          .values(memberSiaeIds.map((siaeId) => ({ eventId, siaeId, places: event.defaultSiaeQuota, used: 0 })))
          .orIgnore()
          .execute();
      }
      await manager.insert(EventStatusChange, {
        eventId,
        fromStatus: from,
        toStatus: to,
        changedAt: now,
        byUserId: principal.userId,
      });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.status',
          subjectType: 'event',
          subjectId: eventId,
          context: { from, to },
        },
        manager,
      );
    });
    return this.get(principal, eventId);
  }

  async addOrganiser(principal: Principal, eventId: string, userId: string, siaeId: string): Promise<EventDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event, coordinator, memberSiaeIds } = await accessEvent(manager, principal, eventId);
      if (!coordinator) throw errors.coordinatorOnly();
      const staff = await manager.query(`SELECT 1 FROM siae_membership WHERE user_id = $1 AND siae_id = $2`, [
        userId,
        siaeId,
      ]);
      if (staff.length === 0 || !memberSiaeIds.includes(siaeId)) throw errors.organiserNotMemberStaff();
      await manager.insert(EventOrganiser, { eventId: event.id, userId, siaeId });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.organiser.added',
          subjectType: 'event',
          subjectId: eventId,
          context: { userId, siaeId },
        },
        manager,
      );
    });
    return this.get(principal, eventId);
  }

  async removeOrganiser(principal: Principal, eventId: string, userId: string): Promise<EventDto> {
    await this.dataSource.transaction(async (manager) => {
      const { coordinator } = await accessEvent(manager, principal, eventId);
      if (!coordinator) throw errors.coordinatorOnly();
      await manager.delete(EventOrganiser, { eventId, userId });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.organiser.removed',
          subjectType: 'event',
          subjectId: eventId,
          context: { userId },
        },
        manager,
      );
    });
    return this.get(principal, eventId);
  }

  /**
   * A coordinator moves unused places of one SIAE to another: both rows locked in a fixed order (no deadlock between
   * two moves in opposite directions), and CK_event_siae_quota_used still guards the giver.
   */
  async moveQuota(principal: Principal, eventId: string, dto: MoveQuotaDto): Promise<EventDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event, coordinator, memberSiaeIds } = await accessEvent(manager, principal, eventId);
      if (!coordinator) throw errors.coordinatorOnly();
      if (!memberSiaeIds.includes(dto.toSiaeId) || !memberSiaeIds.includes(dto.fromSiaeId))
        throw errors.quotaSiaeNotMember();
      await ensureQuota(manager, event, dto.toSiaeId);
      await ensureQuota(manager, event, dto.fromSiaeId);
      const rows: EventSiaeQuota[] = await manager
        .createQueryBuilder(EventSiaeQuota, 'q')
        .where('q.event_id = :eventId AND q.siae_id IN (:...ids)', { eventId, ids: [dto.fromSiaeId, dto.toSiaeId] })
        .orderBy('q.siae_id')
        .setLock('pessimistic_write')
        .getMany();
      const from = rows.find((r) => r.siaeId === dto.fromSiaeId)!;
      const to = rows.find((r) => r.siaeId === dto.toSiaeId)!;
      const available = from.places - from.used;
      if (dto.places > available || dto.fromSiaeId === dto.toSiaeId) throw errors.quotaMoveTooLarge(available);
      await manager.update(EventSiaeQuota, { eventId, siaeId: from.siaeId }, { places: from.places - dto.places });
      await manager.update(EventSiaeQuota, { eventId, siaeId: to.siaeId }, { places: to.places + dto.places });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.quota.moved',
          subjectType: 'event',
          subjectId: eventId,
          context: { ...dto },
        },
        manager,
      );
    });
    return this.get(principal, eventId);
  }

  async listForCollective(principal: Principal, collectiveId: string): Promise<EventSummaryDto[]> {
    return this.dataSource.transaction(async (manager) => {
      await standingIn(manager, principal, collectiveId);
      const rows: Array<Record<string, string>> = await manager.query(
        `SELECT e.id, e.collective_id AS "collectiveId", e.title, e.kind, e.status, to_char(e.event_date, 'YYYY-MM-DD') AS date,
                c.name AS "communeName"
           FROM event e JOIN commune c ON c.code = e.commune_code
          WHERE e.collective_id = $1 ORDER BY e.event_date DESC, e.created_at DESC`,
        [collectiveId],
      );
      return rows as unknown as EventSummaryDto[];
    });
  }

  async get(principal: Principal, eventId: string): Promise<EventDto> {
    return this.dataSource.transaction(async (manager) => {
      const access = await accessEvent(manager, principal, eventId);
      return eventView(manager, access.event, access.standing === 'organiser');
    });
  }

  private async assertCommune(manager: EntityManager, code: string): Promise<void> {
    const found = await manager.query(`SELECT 1 FROM commune WHERE code = $1`, [code]);
    if (found.length === 0) throw errors.unknownCommune();
  }

  private async writeSlots(manager: EntityManager, event: Event): Promise<void> {
    const problem = windowProblem(event.timeWindows);
    if (problem) throw errors.badWindows(problem);
    const slots = deriveSlots(event.eventDate, event.timeWindows, event.slotMinutes, event.changeoverMinutes);
    if (slots.length === 0) throw errors.noSlot();
    if (slots.length > MAX_SLOTS) throw errors.tooManySlots(MAX_SLOTS);
    await manager.insert(
      EventSlot,
      slots.map((s) => ({ eventId: event.id, ...s })),
    );
  }
}

/** The quota row of an SIAE, created with the event's default places when the SIAE joined after the opening. */
export async function ensureQuota(manager: EntityManager, event: Event, siaeId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(EventSiaeQuota)
    .values({ eventId: event.id, siaeId, places: event.defaultSiaeQuota, used: 0 })
    .orIgnore()
    .execute();
}

export async function eventView(manager: EntityManager, event: Event, youOrganise: boolean): Promise<EventDto> {
  const [commune] = await manager.query(`SELECT name FROM commune WHERE code = $1`, [event.communeCode]);
  const slots = await manager.find(EventSlot, { where: { eventId: event.id }, order: { position: 'ASC' } });
  const organisers: EventDto['organisers'] = await manager.query(
    `SELECT o.user_id AS "userId", o.siae_id AS "siaeId", u.display_name AS "displayName"
       FROM event_organiser o JOIN app_user u ON u.id = o.user_id WHERE o.event_id = $1 ORDER BY o.created_at`,
    [event.id],
  );
  const quotas: EventDto['quotas'] = await manager.query(
    `SELECT q.siae_id AS "siaeId", s.name AS "siaeName", q.places, q.used,
            (SELECT count(*)::int FROM event_registration r WHERE r.event_id = q.event_id AND r.siae_id = q.siae_id AND r.status = 'waitlisted') AS waitlisted
       FROM event_siae_quota q JOIN siae s ON s.id = q.siae_id WHERE q.event_id = $1 ORDER BY s.name`,
    [event.id],
  );
  return {
    id: event.id,
    collectiveId: event.collectiveId,
    title: event.title,
    kind: event.kind,
    status: event.status,
    date: event.eventDate,
    communeName: commune?.name ?? '',
    place: {
      address: event.address,
      communeCode: event.communeCode,
      communeName: commune?.name ?? '',
      accessNotes: event.accessNotes,
    },
    timeWindows: event.timeWindows,
    slotMinutes: event.slotMinutes,
    changeoverMinutes: event.changeoverMinutes,
    tableCount: event.tableCount,
    defaultSiaeQuota: event.defaultSiaeQuota,
    employerDeadline: iso(event.employerDeadline),
    candidateDeadline: iso(event.candidateDeadline),
    statusDates: {
      createdAt: event.createdAt.toISOString(),
      openedAt: iso(event.openedAt),
      planningAt: iso(event.planningAt),
      publishedAt: iso(event.publishedAt),
      runningAt: iso(event.runningAt),
      closedAt: iso(event.closedAt),
      cancelledAt: iso(event.cancelledAt),
    },
    allowedTransitions: [...eventTransitions[event.status]],
    slots: slots.map((s) => ({
      id: s.id,
      position: s.position,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
    organisers,
    quotas,
    youOrganise,
  };
}
