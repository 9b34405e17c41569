import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { Clock } from '../../../platform/clock/clock';
import { AppError } from '../../../platform/errors/app-error';
import { EventInvitation, EventRegistration, EventSlot, type Event } from '../entities';
import { accessAsOrganiser } from '../events-access';
import { eventsErrors } from '../events.errors';
import { EventsService } from '../events.service';
import { dayErrors as errors } from './day.errors';
import type { CandidatePresenceDto, CheckInListDto, EmployerPresenceDto } from './dto/day.dto';
import { presenceColumns, presenceOf, searchKey, slotsAround, type Presence } from './presence';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The statuses in which the day happens: published (the first check-in starts it) and running. */
export const dayStatuses = ['published', 'running'] as const;

/**
 * The organiser's check-in on the day: candidates and employers present, absent or not yet recorded (undo), employers
 * leaving early from a slot. Presence lives in the registration and invitation rows (the columns others read); the
 * first check-in moves a published event to `running` through the events' own status machine.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: EventsService,
  ) {}

  async list(principal: Principal, eventId: string, q?: string): Promise<CheckInListDto> {
    return this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      const candidates = await candidatePresences(manager, eventId);
      const employers = await employerPresences(manager, eventId);
      const key = q ? searchKey(q) : '';
      const matches = (...texts: string[]) => key === '' || texts.some((t) => searchKey(t).includes(key));
      return {
        eventId,
        eventTitle: event.title,
        status: event.status,
        candidates: candidates.filter((c) => matches(c.pseudonym, c.siaeName)),
        employers: employers.filter((e) => matches(e.companyName)),
        candidatesExpected: candidates.length,
        candidatesPresent: candidates.filter((c) => c.presence === 'present').length,
        candidatesAbsent: candidates.filter((c) => c.presence === 'absent').length,
        // present now: checked in and not gone yet (a departure is noted ahead, from a coming slot)
        employersPresent: employers.filter(
          (e) => e.presence === 'present' && (e.leftAt === null || new Date(e.leftAt) > this.clock.now()),
        ).length,
      };
    });
  }

  async setCandidatePresence(
    principal: Principal,
    eventId: string,
    registrationId: string,
    presence: Presence,
  ): Promise<CandidatePresenceDto> {
    await this.startDayIfPublished(principal, eventId);
    await this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      assertOnTheDay(event);
      const registration = await manager.findOne(EventRegistration, {
        where: { id: registrationId, eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!registration) throw eventsErrors.registrationNotFound();
      if (registration.status !== 'accepted') throw errors.candidateNotAccepted();
      const before = presenceOf(registration);
      await manager.update(EventRegistration, { id: registrationId }, presenceColumns(presence, this.clock.now()));
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.day.candidate-presence',
          subjectType: 'event',
          subjectId: eventId,
          context: { registrationId, from: before, to: presence },
        },
        manager,
      );
    });
    const rows = await candidatePresences(this.dataSource.manager, eventId, registrationId);
    return rows[0];
  }

  /** Present, absent or unrecorded; `present` and `unrecorded` also clear a departure noted by mistake. */
  async setEmployerPresence(
    principal: Principal,
    eventId: string,
    invitationId: string,
    presence: Presence,
  ): Promise<EmployerPresenceDto> {
    await this.startDayIfPublished(principal, eventId);
    await this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      assertOnTheDay(event);
      const invitation = await lockInvitation(manager, eventId, invitationId);
      if (invitation.status !== 'confirmed') throw errors.employerNotConfirmed();
      const before = presenceOf(invitation);
      const columns = presenceColumns(presence, this.clock.now());
      // A second "present" keeps the first arrival time (the phone may resend a form on a poor connection).
      if (presence === 'present' && invitation.checkedInAt) columns.checkedInAt = invitation.checkedInAt;
      await manager.update(EventInvitation, { id: invitationId }, { ...columns, leftAt: null });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.day.employer-presence',
          subjectType: 'event',
          subjectId: eventId,
          context: { invitationId, from: before, to: presence },
        },
        manager,
      );
    });
    return (await employerPresences(this.dataSource.manager, eventId, invitationId))[0];
  }

  /**
   * An employer leaves early: from `fromSlotId` on (a slot that has not begun) it is no longer there. `left_at` is
   * that slot's start, so the re-planning and the report read the slots it missed from one date.
   */
  async employerLeaves(
    principal: Principal,
    eventId: string,
    invitationId: string,
    fromSlotId: string,
  ): Promise<EmployerPresenceDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      assertOnTheDay(event);
      const invitation = await lockInvitation(manager, eventId, invitationId);
      if (invitation.status !== 'confirmed') throw errors.employerNotConfirmed();
      if (!invitation.checkedInAt) throw errors.departureBeforeArrival();
      const slot = await manager.findOneBy(EventSlot, { id: fromSlotId, eventId });
      if (!slot) throw eventsErrors.slotNotOfEvent();
      if (slot.startsAt.getTime() <= this.clock.now().getTime()) throw errors.departureSlotPassed();
      await manager.update(EventInvitation, { id: invitationId }, { leftAt: slot.startsAt });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.day.employer-left',
          subjectType: 'event',
          subjectId: eventId,
          context: { invitationId, fromSlotPosition: slot.position },
        },
        manager,
      );
    });
    return (await employerPresences(this.dataSource.manager, eventId, invitationId))[0];
  }

  /** The next slot to start, for the pages (departure form) and the re-planning. */
  async slotsNow(eventId: string) {
    const slots = await this.dataSource.manager.find(EventSlot, { where: { eventId }, order: { position: 'ASC' } });
    const now = this.clock.now();
    return { ...slotsAround(slots, now), upcoming: slots.filter((s) => s.startsAt.getTime() > now.getTime()) };
  }

  /**
   * The day starts with its first check-in: a published event moves to `running` through the events' status machine
   * (locked, dated, audited there). Two organisers checking in at once both try; the loser's 409 is fine if the event
   * is running by then.
   */
  private async startDayIfPublished(principal: Principal, eventId: string): Promise<void> {
    const [row]: Array<{ status: string }> = await this.dataSource.query(`SELECT status FROM event WHERE id = $1`, [
      eventId,
    ]);
    if (row?.status !== 'published') return;
    try {
      await this.events.transition(principal, eventId, 'running');
    } catch (error) {
      const [again]: Array<{ status: string }> = await this.dataSource.query(`SELECT status FROM event WHERE id = $1`, [
        eventId,
      ]);
      if (!(error instanceof AppError && error.code === 'EVENT_TRANSITION_NOT_ALLOWED' && again?.status === 'running'))
        throw error;
    }
  }
}

export function assertOnTheDay(event: Event): void {
  if (!(dayStatuses as readonly string[]).includes(event.status)) throw errors.notOnTheDay(event.status);
}

async function lockInvitation(manager: EntityManager, eventId: string, id: string): Promise<EventInvitation> {
  const invitation = await manager.findOne(EventInvitation, {
    where: { id, eventId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!invitation) throw eventsErrors.invitationNotFound();
  return invitation;
}

/** Accepted registrations with their presence (pseudonyms only: the organiser may be of another SIAE). */
export async function candidatePresences(
  manager: EntityManager,
  eventId: string,
  registrationId?: string,
): Promise<CandidatePresenceDto[]> {
  const rows: Array<{
    registrationId: string;
    pseudonym: string;
    siaeId: string;
    siaeName: string;
    walkIn: boolean;
    checkedInAt: Date | null;
    absentAt: Date | null;
  }> = await manager.query(
    `SELECT r.id AS "registrationId", coalesce(p.pseudonym, '') AS pseudonym, r.siae_id AS "siaeId", s.name AS "siaeName",
            r.walk_in AS "walkIn", r.checked_in_at AS "checkedInAt", r.absent_at AS "absentAt"
       FROM event_registration r JOIN siae s ON s.id = r.siae_id
       LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
      WHERE r.event_id = $1 AND r.status = 'accepted' AND ($2::uuid IS NULL OR r.id = $2::uuid)
      ORDER BY lower(coalesce(p.pseudonym, '')), r.id`,
    [eventId, registrationId ?? null],
  );
  if (registrationId && rows.length === 0) throw eventsErrors.registrationNotFound();
  return rows.map((r) => ({
    ...r,
    presence: presenceOf(r),
    checkedInAt: iso(r.checkedInAt),
    absentAt: iso(r.absentAt),
  }));
}

/** Confirmed employers with their presence and departure. */
export async function employerPresences(
  manager: EntityManager,
  eventId: string,
  invitationId?: string,
): Promise<EmployerPresenceDto[]> {
  const rows: Array<{
    invitationId: string;
    companyName: string;
    checkedInAt: Date | null;
    absentAt: Date | null;
    leftAt: Date | null;
    leftFromSlotPosition: number | null;
  }> = await manager.query(
    `SELECT i.id AS "invitationId", pc.display_name AS "companyName", i.checked_in_at AS "checkedInAt",
            i.absent_at AS "absentAt", i.left_at AS "leftAt",
            (SELECT min(s.position) FROM event_slot s WHERE s.event_id = i.event_id AND s.starts_at >= i.left_at)
              AS "leftFromSlotPosition"
       FROM event_invitation i JOIN pooled_company pc ON pc.id = i.pooled_company_id
      WHERE i.event_id = $1 AND i.status = 'confirmed' AND ($2::uuid IS NULL OR i.id = $2::uuid)
      ORDER BY lower(pc.display_name), i.id`,
    [eventId, invitationId ?? null],
  );
  if (invitationId && rows.length === 0) throw eventsErrors.invitationNotFound();
  return rows.map((r) => ({
    ...r,
    presence: presenceOf(r),
    checkedInAt: iso(r.checkedInAt),
    absentAt: iso(r.absentAt),
    leftAt: iso(r.leftAt),
  }));
}
