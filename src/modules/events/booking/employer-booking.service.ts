import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { EmployerPrincipal } from '../../../platform/links/links.service';
import { Clock, fieldDate } from '../../../platform/clock/clock';
import { SolicitationsService } from '../../employer-network/solicitations.service';
import type {
  DeclineDto,
  DeclinedDto,
  EmployerEventDto,
  EmployerRegistrationDto,
  GridCellDto,
  NeedBroughtDto,
} from '../dto/employer.dto';
import { EventBookingRequest, EventInvitation, EventNeed, EventSlot, type Event } from '../entities';
import { eventsErrors as errors } from '../events.errors';
import { resolveEmployerLink, type EmployerScope } from './employer-link';

const MAX_ATTEMPTS = 4;

/** 40P01 deadlock_detected (and 40001 serialization_failure): the transaction was rolled back whole, run it again. */
function isDeadlock(error: unknown): boolean {
  const code = (error as QueryFailedError & { driverError?: { code?: string } })?.driverError?.code;
  return error instanceof QueryFailedError && (code === '40P01' || code === '40001');
}

/** A pause asked through the link: a future date, at most this far ahead (the employer network's own bound). */
const MAX_PAUSE_DAYS = 366;

/**
 * The employer's side of an event, through its link: what it sees, its registration (participation, tables, the
 * (table, slot) cells it takes, needs brought, maximum interviews, accommodations), and declining. Callable from the
 * JSON controller and from the employer pages alike.
 */
@Injectable()
export class EmployerBookingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly solicitations: SolicitationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async view(employer: EmployerPrincipal): Promise<EmployerEventDto> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await resolveEmployerLink(manager, employer, this.clock.now());
      return employerEventView(manager, scope);
    });
  }

  /**
   * One submit = one transaction. The invitation row is locked first, so the same employer's submits run one after the
   * other (a repeated submit then finds its idempotency key and gets the first answer); different employers never wait
   * on each other but on the cells they both want. Each cell is inserted with ON CONFLICT DO NOTHING on
   * UQ_event_booking_cell's columns: of two employers racing for a cell, the database lets exactly one in, and the other
   * sees fewer rows inserted than asked and gets a 409 with the cells still free (its whole submit is rolled back).
   */
  async register(
    employer: EmployerPrincipal,
    dto: EmployerRegistrationDto,
    idempotencyKey?: string,
  ): Promise<EmployerEventDto> {
    // Freeing one's own cells (DELETE) while taking others' (INSERT) can cross another submit doing the opposite:
    // PostgreSQL then aborts one of the two with a deadlock. That submit is simply run again (it re-reads everything),
    // so the employer gets an answer (200 or 409), never a 500.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.registerOnce(employer, dto, idempotencyKey);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isDeadlock(error)) throw error;
      }
    }
  }

  private async registerOnce(
    employer: EmployerPrincipal,
    dto: EmployerRegistrationDto,
    idempotencyKey?: string,
  ): Promise<EmployerEventDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const scope = await resolveEmployerLink(manager, employer, now, { lock: true });
      const { invitation, event } = scope;
      if (idempotencyKey) {
        const seen = await manager.findOneBy(EventBookingRequest, { invitationId: invitation.id, idempotencyKey });
        if (seen) return seen.response as unknown as EmployerEventDto;
      }
      if (event.status !== 'open') throw errors.notOpen(event.status);
      if (event.employerDeadline && event.employerDeadline.getTime() < now.getTime())
        throw errors.employerDeadlinePassed();
      await this.bookCells(manager, event, invitation, dto);
      await manager.update(
        EventInvitation,
        { id: invitation.id },
        {
          status: 'confirmed',
          answeredAt: invitation.answeredAt ?? now,
          tablesWanted: dto.tables,
          maxInterviews: dto.maxInterviews ?? null,
          accommodations: [...new Set(dto.accommodations ?? [])],
          declineReason: null,
        },
      );
      if (dto.needs !== undefined)
        await this.bringNeeds(manager, invitation, dto.needs, [...new Set(dto.accommodations ?? [])], now);
      await this.audit.record(
        {
          actorLabel: 'employeur (lien)',
          action: 'event.employer.registered',
          subjectType: 'event',
          subjectId: event.id,
          context: { invitationId: invitation.id, tables: dto.tables, cells: dto.cells.length },
        },
        manager,
      );
      const view = await employerEventView(manager, {
        event,
        invitation: await manager.findOneByOrFail(EventInvitation, { id: invitation.id }),
      });
      if (idempotencyKey)
        await manager.save(
          manager.create(EventBookingRequest, {
            invitationId: invitation.id,
            idempotencyKey,
            response: view as unknown as Record<string, unknown>,
          }),
        );
      return view;
    });
  }

  /** Declining frees the employer's cells; a pause asked with it becomes the pooled company's pause. */
  async decline(employer: EmployerPrincipal, dto: DeclineDto): Promise<DeclinedDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const { invitation, event } = await resolveEmployerLink(manager, employer, now, { lock: true });
      const today = fieldDate(now);
      const max = fieldDate(new Date(now.getTime() + MAX_PAUSE_DAYS * 86_400_000));
      if (dto.pauseUntil !== undefined && (dto.pauseUntil <= today || dto.pauseUntil > max))
        throw errors.pauseTooFar(max);
      await manager.query(`DELETE FROM event_booking WHERE invitation_id = $1`, [invitation.id]);
      await manager.update(
        EventInvitation,
        { id: invitation.id },
        { status: 'declined', answeredAt: now, declineReason: dto.reason?.trim() || null },
      );
      if (dto.pauseUntil)
        await this.solicitations.pauseAtEmployerRequest(manager, {
          employer,
          pooledCompanyId: invitation.pooledCompanyId,
          until: dto.pauseUntil,
          reason: `Demandé par l’entreprise en déclinant l’invitation « ${event.title} »`,
          actorLabel: 'employeur (lien)',
        });
      await this.audit.record(
        {
          actorLabel: 'employeur (lien)',
          action: 'event.employer.declined',
          subjectType: 'event',
          subjectId: event.id,
          context: { invitationId: invitation.id, pauseUntil: dto.pauseUntil ?? null },
        },
        manager,
      );
      return { status: 'declined', pausedUntil: dto.pauseUntil ?? null };
    });
  }

  private async bookCells(
    manager: EntityManager,
    event: Event,
    invitation: EventInvitation,
    dto: EmployerRegistrationDto,
  ): Promise<void> {
    const slots = await manager.find(EventSlot, { where: { eventId: event.id }, select: { id: true } });
    const slotIds = new Set(slots.map((s) => s.id));
    const perSlot = new Map<string, number>();
    const wanted = new Map<string, { slotId: string; table: number }>();
    for (const cell of dto.cells) {
      if (!slotIds.has(cell.slotId) || cell.table > event.tableCount) throw errors.cellOutOfRoom(event.tableCount);
      wanted.set(`${cell.slotId}:${cell.table}`, cell);
    }
    for (const cell of wanted.values()) perSlot.set(cell.slotId, (perSlot.get(cell.slotId) ?? 0) + 1);
    if ([...perSlot.values()].some((n) => n > dto.tables)) throw errors.tablesPerSlotExceeded(dto.tables);
    // One order for every submit: two employers inserting overlapping cells lock them in the same order (no deadlock).
    const cells = [...wanted.values()].sort((a, b) =>
      a.slotId === b.slotId ? a.table - b.table : a.slotId < b.slotId ? -1 : 1,
    );
    // What the employer no longer wants is freed; what it keeps is not touched (it stays theirs under any race).
    await manager.query(
      `DELETE FROM event_booking b WHERE b.invitation_id = $1
          AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::int[]) AS w(slot_id, table_number)
                           WHERE w.slot_id = b.slot_id AND w.table_number = b.table_number)`,
      [invitation.id, cells.map((c) => c.slotId), cells.map((c) => c.table)],
    );
    const mine: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM event_booking WHERE invitation_id = $1`,
      [invitation.id],
    );
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO event_booking (event_id, invitation_id, slot_id, table_number)
       SELECT $1, $2, w.slot_id, w.table_number FROM unnest($3::uuid[], $4::int[]) AS w(slot_id, table_number)
        WHERE NOT EXISTS (SELECT 1 FROM event_booking b WHERE b.invitation_id = $2 AND b.slot_id = w.slot_id AND b.table_number = w.table_number)
       ON CONFLICT (event_id, slot_id, table_number) DO NOTHING RETURNING id`,
      [event.id, invitation.id, cells.map((c) => c.slotId), cells.map((c) => c.table)],
    );
    if (mine[0].n + inserted.length < cells.length)
      throw errors.cellsTaken(await freeCells(manager, event, invitation.id));
  }

  private async bringNeeds(
    manager: EntityManager,
    invitation: EventInvitation,
    needs: NeedBroughtDto[],
    accommodations: string[],
    now: Date,
  ): Promise<void> {
    const ids: string[] = [];
    for (const need of needs) {
      if (need.hiringNeedId) {
        // A need of any record of the pooled company (whichever SIAE entered it): it is the same employer.
        const found = await manager.query(
          `SELECT 1 FROM hiring_need n JOIN pooled_company_member m ON m.company_id = n.company_id
            WHERE n.id = $1 AND m.pooled_company_id = $2`,
          [need.hiringNeedId, invitation.pooledCompanyId],
        );
        if (found.length === 0) throw errors.needNotOfCompany();
        ids.push(need.hiringNeedId);
      } else if (need.appellationCode) {
        const known = await manager.query(`SELECT 1 FROM rome_appellation WHERE code = $1`, [need.appellationCode]);
        if (known.length === 0) throw errors.unknownAppellation();
        const [created]: Array<{ id: string }> = await manager.query(
          // A need created at the event carries the accommodations the employer accepts there (beginner French, no
          // licence…): the matching engine reads them from the need, and would otherwise exclude those candidates.
          `INSERT INTO hiring_need (company_id, appellation_code, positions, contract_type, status, confirmed_at, accommodations)
           VALUES ($1, $2, $3, $4, 'open', $5, $6::varchar[]) RETURNING id`,
          [
            invitation.companyId,
            need.appellationCode,
            need.positions ?? 1,
            need.contractType ?? 'cdi',
            now,
            accommodations,
          ],
        );
        ids.push(created.id);
      } else throw errors.unknownAppellation();
    }
    await manager.delete(EventNeed, { invitationId: invitation.id });
    if (ids.length > 0)
      await manager
        .createQueryBuilder()
        .insert()
        .into(EventNeed)
        .values([...new Set(ids)].map((hiringNeedId) => ({ invitationId: invitation.id, hiringNeedId })))
        .orIgnore()
        .execute();
  }
}

/**
 * The cells nobody else holds, in slot then table order (what a page offers after a lost race). With `mine`, that
 * employer's own cells count as free: a failed submit is rolled back, so they are still its to choose.
 */
export async function freeCells(
  manager: EntityManager,
  event: Event,
  mine: string | null = null,
): Promise<GridCellDto[]> {
  return manager.query(
    `SELECT s.id AS "slotId", s.position, t.n AS "table"
       FROM event_slot s CROSS JOIN generate_series(1, $2::int) AS t(n)
      WHERE s.event_id = $1
        AND NOT EXISTS (SELECT 1 FROM event_booking b WHERE b.event_id = $1 AND b.slot_id = s.id AND b.table_number = t.n
                           AND b.invitation_id IS DISTINCT FROM $3::uuid)
      ORDER BY s.position, t.n`,
    [event.id, event.tableCount, mine],
  );
}

export async function employerEventView(manager: EntityManager, scope: EmployerScope): Promise<EmployerEventDto> {
  const { event, invitation } = scope;
  const [names]: Array<{ company: string; commune: string }> = await manager.query(
    `SELECT p.display_name AS company, m.name AS commune FROM pooled_company p, commune m WHERE p.id = $1 AND m.code = $2`,
    [invitation.pooledCompanyId, event.communeCode],
  );
  const slots = await manager.find(EventSlot, { where: { eventId: event.id }, order: { position: 'ASC' } });
  const booked: GridCellDto[] = await manager.query(
    `SELECT b.slot_id AS "slotId", s.position, b.table_number AS "table"
       FROM event_booking b JOIN event_slot s ON s.id = b.slot_id WHERE b.invitation_id = $1 ORDER BY s.position, b.table_number`,
    [invitation.id],
  );
  const needs = await manager.query(
    `SELECT n.id AS "hiringNeedId", n.appellation_code AS "appellationCode", a.label AS appellation, n.positions,
            n.contract_type AS "contractType"
       FROM event_need e JOIN hiring_need n ON n.id = e.hiring_need_id JOIN rome_appellation a ON a.code = n.appellation_code
      WHERE e.invitation_id = $1 ORDER BY a.label`,
    [invitation.id],
  );
  return {
    eventId: event.id,
    title: event.title,
    kind: event.kind,
    eventStatus: event.status,
    date: event.eventDate,
    address: event.address,
    communeName: names.commune,
    accessNotes: event.accessNotes,
    timeWindows: event.timeWindows,
    employerDeadline: event.employerDeadline ? event.employerDeadline.toISOString() : null,
    tableCount: event.tableCount,
    slots: slots.map((s) => ({
      id: s.id,
      position: s.position,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
    companyName: names.company,
    status: invitation.status,
    tables: invitation.tablesWanted,
    maxInterviews: invitation.maxInterviews,
    accommodations: invitation.accommodations,
    booked,
    free: await freeCells(manager, event),
    needs,
  };
}
