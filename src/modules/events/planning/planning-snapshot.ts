import { invitationRevokedAtSql } from '../booking/employer-link';
import { EntityManager } from 'typeorm';
import { fieldDate } from '../../../platform/clock/clock';
import { scoreEventPairs } from '../../matching/event-pair-scores';
import type { EventPlanningRun } from './entities';
import { loadDayPresence } from '../day/day-presence';
import { applyDayPresence } from '../day/replanning-rules';
import { pairKey, type PlanningSnapshot, type SnapshotMeeting } from './engine/plan-instance';

/**
 * Everything a planning reads, from one REPEATABLE READ transaction (the caller's), so candidates, bookings, requests
 * and meetings are seen at the same instant: accepted registrations (presence, maximum), confirmed employers with the
 * cells they booked, the matching engine's scores of every candidate × the needs each employer brought, the employers'
 * requests (priority ones as priority pairs), the candidates' wishes, and every meeting row of the event.
 *
 * A candidate is planned only while her `employers` consent is active and she is not erased: meeting employers is
 * what that consent covers, and it can be withdrawn after the registration was accepted. Leaving her out of the
 * snapshot cancels her meetings that are not yet held when the run is applied (announced ones included).
 *
 * The day's re-planning (events/day) leaves out the people it recorded absent by filtering these queries on its
 * presence columns; the run's `from_slot_position` and `locked_meeting_ids` say what else to keep.
 */
export async function loadPlanningSnapshot(
  manager: EntityManager,
  run: EventPlanningRun,
  collectiveId: string,
  now: Date,
): Promise<PlanningSnapshot & { candidateIdOf: Map<string, string> }> {
  const eventId = run.eventId;
  const slots: Array<{ id: string; position: number }> = await manager.query(
    `SELECT id, position FROM event_slot WHERE event_id = $1 ORDER BY position`,
    [eventId],
  );
  const registrations: Array<{ id: string; candidate_id: string; present_slot_ids: string[]; max_interviews: number }> =
    await manager.query(
      `SELECT r.id, r.candidate_id, r.present_slot_ids, r.max_interviews
         FROM event_registration r JOIN candidate c ON c.id = r.candidate_id
        WHERE r.event_id = $1 AND r.status = 'accepted' AND c.erased_at IS NULL
          AND EXISTS (SELECT 1 FROM candidate_consent k
                       WHERE k.candidate_id = r.candidate_id AND k.scope = 'employers' AND k.withdrawn_at IS NULL)
        ORDER BY r.created_at, r.id`,
      [eventId],
    );
  const invitations: Array<{ id: string; max_interviews: number | null; cells: Array<[string, number]> | null }> =
    await manager.query(
      `SELECT i.id, i.max_interviews,
              (SELECT json_agg(json_build_array(b.slot_id, b.table_number)) FROM event_booking b
                WHERE b.invitation_id = i.id) AS cells
         FROM event_invitation i
        WHERE i.event_id = $1 AND i.status = 'confirmed' AND ${invitationRevokedAtSql('i')} IS NULL ORDER BY i.created_at, i.id`,
      [eventId],
    );
  const needs: Array<{ invitation_id: string; hiring_need_id: string }> = await manager.query(
    `SELECT n.invitation_id, n.hiring_need_id FROM event_need n JOIN event_invitation i ON i.id = n.invitation_id
      WHERE i.event_id = $1`,
    [eventId],
  );
  const requests: Array<{ registration_id: string; invitation_id: string; priority: boolean }> = await manager.query(
    `SELECT q.registration_id, q.invitation_id, q.priority FROM event_meeting_request q
       JOIN event_invitation i ON i.id = q.invitation_id WHERE i.event_id = $1`,
    [eventId],
  );
  const wishes: Array<{ registration_id: string; invitation_id: string }> = await manager.query(
    `SELECT w.registration_id, w.invitation_id FROM event_wish w
       JOIN event_invitation i ON i.id = w.invitation_id WHERE i.event_id = $1`,
    [eventId],
  );
  const meetings: Array<Record<string, unknown>> = await manager.query(
    `SELECT id, registration_id, invitation_id, slot_id, table_number, status, cancelled_by_user_id IS NOT NULL AS by_organiser
       FROM event_meeting WHERE event_id = $1`,
    [eventId],
  );

  // Scores: the best normalised score of the candidate over the needs the employer brought; a pair every need
  // excludes (a hard rule of the matching engine) is left out of the planning unless someone asked for it.
  const candidateIdOf = new Map(registrations.map((r) => [r.id, r.candidate_id]));
  const registrationOf = new Map(registrations.map((r) => [r.candidate_id, r.id]));
  const invitationsOfNeed = new Map<string, string[]>();
  for (const n of needs)
    invitationsOfNeed.set(n.hiring_need_id, [...(invitationsOfNeed.get(n.hiring_need_id) ?? []), n.invitation_id]);
  const results = await scoreEventPairs(manager, {
    collectiveId,
    candidateIds: registrations.map((r) => r.candidate_id),
    needIds: [...invitationsOfNeed.keys()],
    today: fieldDate(now),
  });
  const scores = new Map<string, number>();
  const excludedBy = new Map<string, { excluded: number; needs: number }>();
  for (const result of results) {
    const registrationId = registrationOf.get(result.candidateId);
    if (!registrationId) continue;
    for (const invitationId of invitationsOfNeed.get(result.needId) ?? []) {
      const key = pairKey(registrationId, invitationId);
      const seen = excludedBy.get(key) ?? { excluded: 0, needs: 0 };
      seen.needs++;
      if (result.excluded) seen.excluded++;
      else scores.set(key, Math.max(scores.get(key) ?? 0, result.normalizedScore));
      excludedBy.set(key, seen);
    }
  }
  const excluded = new Set([...excludedBy].filter(([, n]) => n.excluded === n.needs).map(([key]) => key));

  const snapshot: PlanningSnapshot = {
    slots,
    candidates: registrations.map((r) => ({
      registrationId: r.id,
      presentSlotIds: r.present_slot_ids,
      maxInterviews: r.max_interviews,
    })),
    employers: invitations.map((i) => ({
      invitationId: i.id,
      maxInterviews: i.max_interviews,
      cells: (i.cells ?? []).map(([slotId, tableNumber]) => ({ slotId, tableNumber })),
    })),
    scores,
    excluded,
    requests: requests.map((r) => ({
      registrationId: r.registration_id,
      invitationId: r.invitation_id,
      priority: r.priority,
    })),
    wishes: wishes.map((w) => ({ registrationId: w.registration_id, invitationId: w.invitation_id })),
    meetings: meetings.map((m): SnapshotMeeting => ({
      id: m.id as string,
      registrationId: m.registration_id as string,
      invitationId: m.invitation_id as string,
      slotId: m.slot_id as string,
      tableNumber: m.table_number as number,
      status: m.status as SnapshotMeeting['status'],
      cancelledByOrganiser: m.by_organiser as boolean,
    })),
    fromSlotPosition: run.fromSlotPosition,
    lockedMeetingIds: run.lockedMeetingIds,
  };
  // A re-planning on the day (a run from a slot): the day's presence columns say who is still there (events/day).
  const adjusted =
    run.fromSlotPosition === null ? snapshot : applyDayPresence(snapshot, await loadDayPresence(manager, eventId));
  return { ...adjusted, candidateIdOf };
}
