import { EntityManager } from 'typeorm';
import type { PlanChangePayload } from '../../../platform/queue/job-catalogue';
import { Event } from '../entities/event.entity';

/**
 * The start of every notice job of the plan (CIPs', candidates', employers'), in the job's transaction: claims its
 * `event_plan_notice` row (keyed by the job id) and reads the event. Null when the row was there already (the job ran
 * and committed: nothing more to send) or the event is gone or cancelled; the caller then answers `skipped`. The row
 * commits with the messages, so a job runs its sends once.
 */
export async function claimPlanNotice(
  manager: EntityManager,
  jobId: string,
  payload: Pick<PlanChangePayload, 'eventId' | 'change'>,
): Promise<Event | null> {
  const fresh: unknown[] = await manager.query(
    `INSERT INTO event_plan_notice (id, event_id, change, messages) VALUES ($1, $2, $3, 0)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [jobId, payload.eventId, payload.change],
  );
  if (fresh.length === 0) return null;
  const event = await manager.findOneBy(Event, { id: payload.eventId });
  return event && event.status !== 'cancelled' ? event : null;
}
