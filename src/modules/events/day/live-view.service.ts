import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../platform/auth/principal';
import { Clock } from '../../../platform/clock/clock';
import { EventSlot } from '../entities';
import { accessAsOrganiser } from '../events-access';
import type { FreeTablesDto, LiveMeetingDto, LiveSlotDto, LiveViewDto, WaitingCandidateDto } from './dto/day.dto';
import { markHeldMeetings } from './held-meetings';
import { slotsAround } from './presence';

const slotView = (s: EventSlot | null): LiveSlotDto | null =>
  s ? { id: s.id, position: s.position, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() } : null;

/**
 * What the organisers watch during the day, read from the current plan (`event_meeting`) and the presence columns:
 * meetings done, in progress and to come; candidates present with nothing in progress or to come; present employers
 * with free tables (booked cells without a live meeting) now and until the end.
 */
@Injectable()
export class LiveViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async view(principal: Principal, eventId: string): Promise<LiveViewDto> {
    const now = this.clock.now();
    // Meetings of ended slots become `done` first, in a READ COMMITTED transaction of their own: two organisers
    // reading at once then mark each meeting once (the second waits and skips it) instead of a serialisation error.
    await this.dataSource.transaction(async (manager) => {
      await accessAsOrganiser(manager, principal, eventId);
      await markHeldMeetings(manager, eventId, now);
    });
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      const slots = await manager.find(EventSlot, { where: { eventId }, order: { position: 'ASC' } });
      const { current, next } = slotsAround(slots, now);
      const rows: Array<Omit<LiveMeetingDto, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date }> =
        await manager.query(
          `SELECT m.id AS "meetingId", s.position AS "slotPosition", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
                  m.table_number AS "tableNumber", m.registration_id AS "registrationId",
                  coalesce(p.pseudonym, '') AS pseudonym, m.invitation_id AS "invitationId",
                  pc.display_name AS "companyName", m.status
             FROM event_meeting m
             JOIN event_slot s ON s.id = m.slot_id
             JOIN event_registration r ON r.id = m.registration_id
             LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
             JOIN event_invitation i ON i.id = m.invitation_id
             JOIN pooled_company pc ON pc.id = i.pooled_company_id
            WHERE m.event_id = $1 AND m.status IN ('planned', 'announced', 'done')
            ORDER BY s.position, m.table_number`,
          [eventId],
        );
      const meetings: LiveMeetingDto[] = rows.map((r) => ({
        ...r,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
      }));
      const t = now.getTime();
      // Held: marked `done` above (both sides there); a meeting of an ended slot that nobody attended is not counted.
      const done = meetings.filter((m) => m.status === 'done');
      const inProgress = current ? meetings.filter((m) => m.slotPosition === current.position) : [];
      const toCome = meetings.filter((m) => new Date(m.startsAt).getTime() > t);

      const busy = new Set([...inProgress, ...toCome].map((m) => m.registrationId));
      const held = new Map<string, number>();
      for (const m of done) held.set(m.registrationId, (held.get(m.registrationId) ?? 0) + 1);
      const present: Array<Omit<WaitingCandidateDto, 'interviewsHeld'>> = await manager.query(
        `SELECT r.id AS "registrationId", coalesce(p.pseudonym, '') AS pseudonym, s.name AS "siaeName", r.walk_in AS "walkIn"
           FROM event_registration r JOIN siae s ON s.id = r.siae_id
           LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
          WHERE r.event_id = $1 AND r.status = 'accepted' AND r.checked_in_at IS NOT NULL
          ORDER BY lower(coalesce(p.pseudonym, '')), r.id`,
        [eventId],
      );
      const candidatesWithoutInterview = present
        .filter((c) => !busy.has(c.registrationId))
        .map((c) => ({ ...c, interviewsHeld: held.get(c.registrationId) ?? 0 }))
        .sort((a, b) => a.interviewsHeld - b.interviewsHeld);

      // Cells of present employers (not left by then) from the current slot on, and which of them hold a meeting.
      const nowSlot = current ?? next;
      const cells: Array<{ invitationId: string; companyName: string; position: number; free: boolean }> =
        nowSlot === null
          ? []
          : await manager.query(
              `SELECT b.invitation_id AS "invitationId", pc.display_name AS "companyName", s.position,
                      NOT EXISTS (SELECT 1 FROM event_meeting m
                                   WHERE m.event_id = b.event_id AND m.slot_id = b.slot_id AND m.invitation_id = b.invitation_id
                                     AND m.table_number = b.table_number AND m.status IN ('planned', 'announced', 'done')) AS free
                 FROM event_booking b
                 JOIN event_slot s ON s.id = b.slot_id
                 JOIN event_invitation i ON i.id = b.invitation_id
                 JOIN pooled_company pc ON pc.id = i.pooled_company_id
                WHERE b.event_id = $1 AND s.position >= $2 AND i.status = 'confirmed' AND i.checked_in_at IS NOT NULL
                  AND (i.left_at IS NULL OR s.starts_at < i.left_at)`,
              [eventId, nowSlot.position],
            );
      const byEmployer = new Map<string, FreeTablesDto>();
      for (const c of cells) {
        if (!c.free) continue;
        const entry = byEmployer.get(c.invitationId) ?? {
          invitationId: c.invitationId,
          companyName: c.companyName,
          freeTablesNow: 0,
          freeCellsToCome: 0,
        };
        if (c.position === nowSlot!.position) entry.freeTablesNow++;
        entry.freeCellsToCome++;
        byEmployer.set(c.invitationId, entry);
      }
      const employersWithFreeTables = [...byEmployer.values()].sort(
        (a, b) => b.freeTablesNow - a.freeTablesNow || b.freeCellsToCome - a.freeCellsToCome,
      );
      return {
        eventId,
        eventTitle: event.title,
        status: event.status,
        now: now.toISOString(),
        currentSlot: slotView(current),
        nextSlot: slotView(next),
        done,
        inProgress,
        toCome,
        candidatesWithoutInterview,
        employersWithFreeTables,
      };
    });
  }
}
