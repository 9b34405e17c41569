import type { EntityManager } from 'typeorm';

/**
 * Meetings held (issue 15 §5, §7): once a slot has ended, its live meetings whose two sides were there — the candidate
 * checked in and not recorded absent, the employer checked in, not recorded absent and not gone before the slot began
 * — become `done` (sequence + 1, like every status change: the ICS SEQUENCE).
 *
 * When: in the transaction of the organisers' two day reads that show or use it — the live view and the re-planning
 * click (before the meetings to keep are decided, so the run sees them `done` and leaves them alone). Those are the
 * moments someone looks at "meetings held"; a sweep would add a recurring job for no reader. The impact report does not
 * depend on it: it counts a meeting held from the same presence rule when nobody marked it (reports/report-figures.ts
 * `meetingHeld`). A `done` meeting stays done: undoing a check-in afterwards does not unmark it (the interview took
 * place; the organiser corrects presence, not history).
 */
export async function markHeldMeetings(manager: EntityManager, eventId: string, now: Date): Promise<string[]> {
  const [rows] = (await manager.query(
    `UPDATE event_meeting m SET status = 'done', sequence = m.sequence + 1, updated_at = $2
       FROM event_slot s, event_registration r, event_invitation i
      WHERE m.event_id = $1 AND m.status IN ('planned', 'announced')
        AND s.id = m.slot_id AND s.ends_at <= $2
        AND r.id = m.registration_id AND r.checked_in_at IS NOT NULL AND r.absent_at IS NULL
        AND i.id = m.invitation_id AND i.checked_in_at IS NOT NULL AND i.absent_at IS NULL
        AND (i.left_at IS NULL OR i.left_at > s.starts_at)
     RETURNING m.id`,
    [eventId, now],
  )) as [Array<{ id: string }>, number];
  return rows.map((r) => r.id);
}
