import type { EntityManager } from 'typeorm';
import { invitationRevokedAtSql } from '../events/booking/employer-link';
import type { ReportSnapshot, SnapshotInvitation, SnapshotRegistration } from './report-figures';

/**
 * Reads what the figures need of one event, in the caller's transaction (REPEATABLE READ in the service, so the
 * counts agree with each other). Ids only, no identity: the report is about the event, not about people.
 */
export async function loadReportSnapshot(
  manager: EntityManager,
  event: { id: string; eventDate: string },
  _now: Date,
): Promise<ReportSnapshot> {
  const invitations: SnapshotInvitation[] = await manager.query(
    // Revocation lives on the platform links of the invitation's scope (event_invitation keeps no copy of it).
    `SELECT i.id, i.status, ${invitationRevokedAtSql('i')} IS NOT NULL AS revoked,
            false AS "checkedIn", false AS absent, false AS "leftEarly"
       FROM event_invitation i WHERE i.event_id = $1 ORDER BY i.id`,
    [event.id],
  );
  const registrations: SnapshotRegistration[] = await manager.query(
    `SELECT r.id, r.siae_id AS "siaeId", s.name AS "siaeName", r.status,
            false AS "checkedIn", false AS absent, false AS "walkIn"
       FROM event_registration r JOIN siae s ON s.id = r.siae_id WHERE r.event_id = $1 ORDER BY r.id`,
    [event.id],
  );
  return { eventDate: event.eventDate, invitations, registrations, meetings: [], outcomes: [], plan: null };
}
