import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { Clock } from '../../../platform/clock/clock';
import { holdsRoleIn, viewerOf } from '../../structures/access';
import type { EventDto } from '../dto/event.dto';
import { EventInvitation, EventRegistration, EventWish } from '../entities';
import { accessAsOrganiser, accessEvent } from '../events-access';
import { eventsErrors } from '../events.errors';
import { ensureQuota, EventsService } from '../events.service';
import { assertOnTheDay, candidatePresences } from './check-in.service';
import type { CandidatePresenceDto, ExtraPlacesDto, WalkInDto } from './dto/day.dto';

/**
 * Walk-ins: a CIP (or the direction) registers on the spot a consented candidate of her SIAE, accepted and checked in
 * at once (`walk_in = true`). Quota rule: a walk-in takes one of her SIAE's places like any registration
 * (compare-and-set on `event_siae_quota.used`, CK_event_siae_quota_used as last guard); when they are all taken, only
 * the organisers may let more in, by granting the SIAE extra places (audited) — a CIP alone never exceeds the quota.
 */
@Injectable()
export class WalkInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: EventsService,
  ) {}

  async register(principal: Principal, eventId: string, dto: WalkInDto): Promise<CandidatePresenceDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { event, memberSiaeIds } = await accessEvent(manager, principal, eventId);
      const viewer = viewerOf(principal);
      const [candidate]: Array<{ id: string; siae_id: string; erased_at: Date | null }> = await manager.query(
        `SELECT id, siae_id, erased_at FROM candidate WHERE id = $1 FOR UPDATE`,
        [dto.candidateId],
      );
      // Identity stays in the candidate's SIAE: anyone else cannot even learn that the id exists.
      if (!candidate || candidate.erased_at !== null || !holdsRoleIn(viewer, candidate.siae_id))
        throw eventsErrors.candidateNotFound();
      if (!holdsRoleIn(viewer, candidate.siae_id, ['cip', 'direction'])) throw eventsErrors.cipOnly();
      if (!memberSiaeIds.includes(candidate.siae_id)) throw eventsErrors.siaeNotMember();
      assertOnTheDay(event);
      const consent = await manager.query(
        `SELECT 1 FROM candidate_consent WHERE candidate_id = $1 AND scope = 'employers' AND withdrawn_at IS NULL`,
        [candidate.id],
      );
      if (consent.length === 0) throw eventsErrors.noEmployerConsent();
      const profile = await manager.query(`SELECT 1 FROM candidate_profile WHERE candidate_id = $1`, [candidate.id]);
      if (profile.length === 0) throw eventsErrors.noProfile();
      const wished = [...new Set(dto.wishedEmployerIds ?? [])];
      if (wished.length > 0 && (await manager.countBy(EventInvitation, { eventId, id: In(wished) })) !== wished.length)
        throw eventsErrors.wishNotOfEvent();
      const previous = await manager.findOneBy(EventRegistration, { eventId, candidateId: candidate.id });
      if (previous && !['withdrawn', 'declined'].includes(previous.status)) throw eventsErrors.alreadyRegistered();
      await ensureQuota(manager, event, candidate.siae_id);
      const [taken]: [Array<{ places: number }>, number] = await manager.query(
        `UPDATE event_siae_quota SET used = used + 1 WHERE event_id = $1 AND siae_id = $2 AND used < places RETURNING places`,
        [eventId, candidate.siae_id],
      );
      if (taken.length === 0) {
        const [quota]: Array<{ places: number }> = await manager.query(
          `SELECT places FROM event_siae_quota WHERE event_id = $1 AND siae_id = $2`,
          [eventId, candidate.siae_id],
        );
        throw eventsErrors.quotaFull(quota?.places ?? 0);
      }
      const now = this.clock.now();
      const fields = {
        status: 'accepted' as const,
        presentSlotIds: [],
        maxInterviews: dto.maxInterviews,
        registeredByUserId: principal.userId,
        waitlistedAt: null,
        decidedAt: now,
        decidedByUserId: principal.userId,
        walkIn: true,
        checkedInAt: now,
        absentAt: null,
      };
      const registration = previous
        ? await manager.save(EventRegistration, Object.assign(previous, fields))
        : await manager.save(
            manager.create(EventRegistration, {
              eventId,
              candidateId: candidate.id,
              siaeId: candidate.siae_id,
              ...fields,
            }),
          );
      await manager.delete(EventWish, { registrationId: registration.id });
      if (wished.length > 0)
        await manager.insert(
          EventWish,
          wished.map((invitationId) => ({ registrationId: registration.id, invitationId })),
        );
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.day.walk-in',
          subjectType: 'event',
          subjectId: eventId,
          context: { registrationId: registration.id, candidateId: candidate.id },
        },
        manager,
      );
      return registration.id;
    });
    return (await candidatePresences(this.dataSource.manager, eventId, id))[0];
  }

  /** The organisers' decision to let an SIAE bring more walk-ins than its places: its quota grows, audited. */
  async grantExtraPlaces(principal: Principal, eventId: string, dto: ExtraPlacesDto): Promise<EventDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event, memberSiaeIds } = await accessAsOrganiser(manager, principal, eventId);
      if (!memberSiaeIds.includes(dto.siaeId)) throw eventsErrors.quotaSiaeNotMember();
      assertOnTheDay(event);
      await ensureQuota(manager, event, dto.siaeId);
      await manager.query(`UPDATE event_siae_quota SET places = places + $3 WHERE event_id = $1 AND siae_id = $2`, [
        eventId,
        dto.siaeId,
        dto.places,
      ]);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.day.extra-places',
          subjectType: 'event',
          subjectId: eventId,
          context: { siaeId: dto.siaeId, places: dto.places },
        },
        manager,
      );
    });
    return this.events.get(principal, eventId);
  }
}
