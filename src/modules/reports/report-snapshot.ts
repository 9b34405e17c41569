import type { EntityManager } from 'typeorm';
import { invitationRevokedAtSql } from '../events/booking/employer-link';
import type {
  ReportSnapshot,
  SnapshotInvitation,
  SnapshotMeeting,
  SnapshotOutcome,
  SnapshotPlan,
  SnapshotRegistration,
} from './report-figures';

/**
 * Reads what the figures need of one event, in the caller's transaction (REPEATABLE READ in the service, so the
 * counts agree with each other). Ids only, no identity: the report is about the event, not about people.
 */
export async function loadReportSnapshot(
  manager: EntityManager,
  event: { id: string; eventDate: string },
  now: Date,
): Promise<ReportSnapshot> {
  const invitations: SnapshotInvitation[] = await manager.query(
    // Revocation lives on the platform links of the invitation's scope (event_invitation keeps no copy of it).
    `SELECT i.id, i.status, ${invitationRevokedAtSql('i')} IS NOT NULL AS revoked,
            i.checked_in_at IS NOT NULL AS "checkedIn", i.absent_at IS NOT NULL AS absent,
            i.left_at IS NOT NULL AS "leftEarly"
       FROM event_invitation i WHERE i.event_id = $1 ORDER BY i.id`,
    [event.id],
  );
  const registrations: SnapshotRegistration[] = await manager.query(
    `SELECT r.id, r.siae_id AS "siaeId", s.name AS "siaeName", r.status,
            r.checked_in_at IS NOT NULL AS "checkedIn", r.absent_at IS NOT NULL AS absent, r.walk_in AS "walkIn"
       FROM event_registration r JOIN siae s ON s.id = r.siae_id WHERE r.event_id = $1 ORDER BY r.id`,
    [event.id],
  );
  const meetings: SnapshotMeeting[] = await manager.query(
    `SELECT m.id, m.registration_id AS "registrationId", m.invitation_id AS "invitationId", m.status,
            s.ends_at <= $2 AS "slotEnded"
       FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id WHERE m.event_id = $1 ORDER BY m.id`,
    [event.id, now],
  );
  const outcomes: SnapshotOutcome[] = await manager.query(
    `SELECT o.meeting_id AS "meetingId", o.kind, to_char(o.start_date, 'YYYY-MM-DD') AS "startDate",
            o.contract_type AS "contractType"
       FROM event_outcome o WHERE o.event_id = $1 ORDER BY o.meeting_id`,
    [event.id],
  );
  const [plan]: SnapshotPlan[] = await manager.query(
    `SELECT r.plan_status AS status, r.objective, r.bound, r.gap
       FROM event_planning_run r WHERE r.event_id = $1 AND r.is_current`,
    [event.id],
  );
  return { eventDate: event.eventDate, invitations, registrations, meetings, outcomes, plan: plan ?? null };
}
