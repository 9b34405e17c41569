import type { EntityManager } from 'typeorm';
import type { DayPresence } from './replanning-rules';

/** The presence columns of an event, read in the caller's transaction (the planning job's consistent snapshot). */
export async function loadDayPresence(manager: EntityManager, eventId: string): Promise<DayPresence> {
  const slots: Array<{ id: string; position: number; startsAt: Date }> = await manager.query(
    `SELECT id, position, starts_at AS "startsAt" FROM event_slot WHERE event_id = $1 ORDER BY position`,
    [eventId],
  );
  const candidates: DayPresence['candidates'] = await manager.query(
    `SELECT id AS "registrationId", checked_in_at AS "checkedInAt", absent_at AS "absentAt"
       FROM event_registration WHERE event_id = $1 AND status = 'accepted'`,
    [eventId],
  );
  const employers: DayPresence['employers'] = await manager.query(
    `SELECT id AS "invitationId", checked_in_at AS "checkedInAt", absent_at AS "absentAt", left_at AS "leftAt"
       FROM event_invitation WHERE event_id = $1 AND status = 'confirmed'`,
    [eventId],
  );
  return { slots, candidates, employers };
}
