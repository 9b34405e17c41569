import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { Clock } from '../../../platform/clock/clock';
import { isConstraintViolation } from '../../../platform/errors/constraint-errors';
import { EventSlot } from '../entities';
import { accessAsOrganiser } from '../events-access';
import { EventPlanningRun } from '../planning/entities';
import { EventPlanService } from '../planning/event-plan.service';
import { planningErrors } from '../planning/planning.errors';
import { assertOnTheDay } from './check-in.service';
import { loadDayPresence } from './day-presence';
import { dayErrors as errors } from './day.errors';
import { markHeldMeetings } from './held-meetings';
import type { ReplanningDto } from './dto/day.dto';
import { slotsAround } from './presence';
import { decideReplanning } from './replanning-rules';

/**
 * The engine re-plans around locked meetings in well under a second at 300 × 40 (scheduling/README.md); the limit only
 * bounds a pathological case, so that the organiser's click never waits for minutes.
 */
export const REPLANNING_TIME_LIMIT_SECONDS = 5;

/**
 * Re-planning from the next slot (issue 15 §5). The API computes nothing: it records what the day already decided
 * (meetings of slots that have begun whose candidate or employer was recorded absent become `no_show`), then asks the
 * planning job for a run starting at the next slot, with the meetings to keep locked (`decideReplanning`). The job
 * reads the presence columns into its snapshot (`applyDayPresence`), stores the plan, applies it (absent people's
 * later meetings cancelled, their places given to present candidates and walk-ins) and tells the people concerned
 * through the outbox (`events.plan.notify`, `events.plan.candidates-notify`, `events.plan.employers-notify`).
 */
@Injectable()
export class ReplanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: EventPlanService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(principal: Principal, eventId: string): Promise<ReplanningDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The event row locked: a publication, a cancellation or another re-planning waits for this one.
        const { event } = await accessAsOrganiser(manager, principal, eventId, { lock: true });
        assertOnTheDay(event);
        const now = this.clock.now();
        const slots = await manager.find(EventSlot, { where: { eventId }, order: { position: 'ASC' } });
        const { next } = slotsAround(slots, now);
        if (!next) throw errors.noSlotLeft();
        if (!(await manager.existsBy(EventPlanningRun, { eventId, isCurrent: true }))) throw errors.noPlanYet();
        const held = await markHeldMeetings(manager, eventId, now);
        const [noShows] = (await manager.query(
          `UPDATE event_meeting m SET status = 'no_show', sequence = m.sequence + 1, updated_at = $3
             FROM event_slot s, event_registration r, event_invitation i
            WHERE m.event_id = $1 AND s.id = m.slot_id AND s.position < $2 AND m.status IN ('planned', 'announced')
              AND r.id = m.registration_id AND i.id = m.invitation_id
              AND (r.absent_at IS NOT NULL OR i.absent_at IS NOT NULL)
           RETURNING m.id`,
          [eventId, next.position, now],
        )) as [Array<{ id: string }>, number];
        const presence = await loadDayPresence(manager, eventId);
        const meetings: Array<{
          id: string;
          registrationId: string;
          invitationId: string;
          slotId: string;
          status: string;
        }> = await manager.query(
          `SELECT id, registration_id AS "registrationId", invitation_id AS "invitationId", slot_id AS "slotId", status
               FROM event_meeting WHERE event_id = $1`,
          [eventId],
        );
        const decision = decideReplanning({ ...presence, fromPosition: next.position, meetings });
        const run = await this.plans.requestRun(manager, eventId, {
          requestedByUserId: principal.userId,
          timeLimitSeconds: REPLANNING_TIME_LIMIT_SECONDS,
          fromSlotPosition: next.position,
          lockedMeetingIds: decision.locked,
        });
        await this.audit.record(
          {
            actorUserId: principal.userId,
            action: 'event.day.replanning',
            subjectType: 'event',
            subjectId: eventId,
            context: {
              runId: run.id,
              fromSlotPosition: next.position,
              locked: decision.locked.length,
              givenBack: decision.dropped.length,
              noShows: noShows.length,
              held: held.length,
            },
          },
          manager,
        );
        return {
          runId: run.id,
          fromSlotPosition: next.position,
          fromSlotId: next.id,
          lockedMeetings: decision.locked.length,
        };
      });
    } catch (error) {
      if (isConstraintViolation(error, 'UQ_event_planning_run_active')) throw planningErrors.runActive();
      throw error;
    }
  }
}
