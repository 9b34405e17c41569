import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { holdsRoleIn, viewerOf } from '../../structures/access';
import { Clock } from '../../../platform/clock/clock';
import { SharedTextGuard } from '../../candidates/shared-text/shared-text-guard';
import type {
  DecideRegistrationDto,
  RegisterCandidateDto,
  RegistrationDto,
  UpdateRegistrationDto,
} from '../dto/registration.dto';
import { EventInvitation, EventRegistration, EventSlot, EventWish, type Event } from '../entities';
import { accessEvent, accessAsOrganiser } from '../events-access';
import { eventsErrors as errors } from '../events.errors';
import { placeHoldingStatuses, type RegistrationStatus } from '../events-vocabulary';
import { ensureQuota } from '../events.service';

export interface RegistrableCandidate {
  candidateId: string;
  pseudonym: string;
  siaeName: string;
}

/** Organisers' decisions: which status each leads to from which. */
export const decisionMoves: Record<
  DecideRegistrationDto['decision'],
  { to: RegistrationStatus; from: RegistrationStatus[] }
> = {
  accept: { to: 'accepted', from: ['pending', 'waitlisted'] },
  waitlist: { to: 'waitlisted', from: ['pending', 'accepted'] },
  decline: { to: 'declined', from: ['pending', 'accepted', 'waitlisted'] },
};

const holds = (s: RegistrationStatus) => placeHoldingStatuses.includes(s);

/**
 * Candidates registered by the CIPs of member SIAE, within each SIAE's places. A place is taken with a compare-and-set
 * on the SIAE's counter (`used = used + 1 WHERE used < places`): under any concurrency the row lock of that UPDATE
 * serialises the racers and the last place goes to exactly one; CK_event_siae_quota_used would refuse an overdraft
 * anyway. A place freed (withdrawal, organiser's decline or waitlisting) goes to the SIAE's first waitlisted candidate
 * in the same transaction.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sharedText: SharedTextGuard,
  ) {}

  async register(principal: Principal, eventId: string, dto: RegisterCandidateDto): Promise<RegistrationDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { event, memberSiaeIds } = await accessEvent(manager, principal, eventId);
      const [candidate]: Array<{ id: string; siae_id: string; erased_at: Date | null }> = await manager.query(
        `SELECT id, siae_id, erased_at FROM candidate WHERE id = $1 FOR UPDATE`,
        [dto.candidateId],
      );
      if (!candidate || candidate.erased_at !== null || !holdsRoleIn(viewerOf(principal), candidate.siae_id))
        throw errors.candidateNotFound();
      if (!holdsRoleIn(viewerOf(principal), candidate.siae_id, ['cip', 'direction'])) throw errors.cipOnly();
      if (!memberSiaeIds.includes(candidate.siae_id)) throw errors.siaeNotMember();
      if (event.status !== 'open') throw errors.notOpen(event.status);
      const now = this.clock.now();
      if (event.candidateDeadline && event.candidateDeadline.getTime() < now.getTime())
        throw errors.candidateDeadlinePassed();
      const consent = await manager.query(
        `SELECT 1 FROM candidate_consent WHERE candidate_id = $1 AND scope = 'employers' AND withdrawn_at IS NULL`,
        [candidate.id],
      );
      if (consent.length === 0) throw errors.noEmployerConsent();
      const profile = await manager.query(`SELECT 1 FROM candidate_profile WHERE candidate_id = $1`, [candidate.id]);
      if (profile.length === 0) throw errors.noProfile();
      await this.checkSlots(manager, event, dto.presentSlotIds ?? []);
      const wished = await this.checkWishes(manager, eventId, dto.wishedEmployerIds ?? []);
      const employerNote = await this.checkNote(manager, candidate.id, dto.employerNote);
      const previous = await manager.findOneBy(EventRegistration, { eventId, candidateId: candidate.id });
      if (previous && !['withdrawn', 'declined'].includes(previous.status)) throw errors.alreadyRegistered();
      await ensureQuota(manager, event, candidate.siae_id);
      const place = await takePlace(manager, eventId, candidate.siae_id);
      if (!place.taken && !dto.joinWaitlist) throw errors.quotaFull(place.places);
      const fields = {
        status: (place.taken ? 'pending' : 'waitlisted') as RegistrationStatus,
        presentSlotIds: [...new Set(dto.presentSlotIds ?? [])],
        maxInterviews: dto.maxInterviews,
        employerNote,
        registeredByUserId: principal.userId,
        waitlistedAt: place.taken ? null : now,
        decidedAt: null,
        decidedByUserId: null,
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
      await replaceWishes(manager, registration.id, wished);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.registration.created',
          subjectType: 'event',
          subjectId: eventId,
          context: { registrationId: registration.id, candidateId: candidate.id, status: fields.status },
        },
        manager,
      );
      return registration.id;
    });
    return this.one(principal, eventId, id);
  }

  async decide(
    principal: Principal,
    eventId: string,
    registrationId: string,
    dto: DecideRegistrationDto,
  ): Promise<RegistrationDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      const registration = await lockRegistration(manager, eventId, registrationId);
      const move = decisionMoves[dto.decision];
      if (!move.from.includes(registration.status)) throw errors.decisionNotAllowed(registration.status, move.to);
      if (!['open', 'planning'].includes(event.status)) throw errors.notOpen(event.status);
      await this.move(manager, principal, event, registration, move.to);
    });
    return this.one(principal, eventId, registrationId);
  }

  /**
   * A registration changed without touching its status nor its place (the quota is not read): by a CIP or the
   * direction of the candidate's SIAE until the candidates' deadline, by an organiser until the planning starts.
   */
  async update(
    principal: Principal,
    eventId: string,
    registrationId: string,
    dto: UpdateRegistrationDto,
  ): Promise<RegistrationDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event, standing } = await accessEvent(manager, principal, eventId);
      const registration = await lockRegistration(manager, eventId, registrationId);
      const viewer = viewerOf(principal);
      const organiser = standing === 'organiser';
      if (!organiser && !holdsRoleIn(viewer, registration.siaeId)) throw errors.registrationNotFound();
      if (!organiser && !holdsRoleIn(viewer, registration.siaeId, ['cip', 'direction'])) throw errors.cipOnly();
      if (event.status !== 'open') throw errors.registrationNotEditable('event', event.status);
      if (!organiser && event.candidateDeadline && event.candidateDeadline.getTime() < this.clock.now().getTime())
        throw errors.candidateDeadlinePassed();
      if (['withdrawn', 'declined'].includes(registration.status))
        throw errors.registrationNotEditable('registration', registration.status);
      if (dto.presentSlotIds !== undefined) await this.checkSlots(manager, event, dto.presentSlotIds);
      const wished =
        dto.wishedEmployerIds !== undefined ? await this.checkWishes(manager, eventId, dto.wishedEmployerIds) : null;
      const note =
        dto.employerNote !== undefined
          ? await this.checkNote(manager, registration.candidateId, dto.employerNote)
          : undefined;
      await manager.update(
        EventRegistration,
        { id: registration.id },
        {
          ...(dto.maxInterviews !== undefined ? { maxInterviews: dto.maxInterviews } : {}),
          ...(dto.presentSlotIds !== undefined ? { presentSlotIds: [...new Set(dto.presentSlotIds)] } : {}),
          ...(note !== undefined ? { employerNote: note } : {}),
        },
      );
      if (wished) await replaceWishes(manager, registration.id, wished);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'event.registration.updated',
          subjectType: 'event',
          subjectId: eventId,
          context: { registrationId, fields: Object.keys(dto), asOrganiser: organiser },
        },
        manager,
      );
    });
    return this.one(principal, eventId, registrationId);
  }

  /** The CIP (or direction) of the candidate's SIAE withdraws a registration; the place goes to the waitlist. */
  async withdraw(principal: Principal, eventId: string, registrationId: string): Promise<RegistrationDto> {
    await this.dataSource.transaction(async (manager) => {
      const { event, standing } = await accessEvent(manager, principal, eventId);
      const registration = await lockRegistration(manager, eventId, registrationId);
      if (standing !== 'organiser' && !holdsRoleIn(viewerOf(principal), registration.siaeId))
        throw errors.registrationNotFound();
      if (standing !== 'organiser' && !holdsRoleIn(viewerOf(principal), registration.siaeId, ['cip', 'direction']))
        throw errors.cipOnly();
      if (['withdrawn', 'declined'].includes(registration.status))
        throw errors.decisionNotAllowed(registration.status, 'withdrawn');
      await this.move(manager, principal, event, registration, 'withdrawn');
    });
    return this.one(principal, eventId, registrationId);
  }

  /**
   * The candidates the caller may register (CIP or direction of a member SIAE): of her SIAE, with a shared profile and
   * an active `employers` consent, not erased, not already registered. Pseudonyms only: the page is shared staff
   * furniture, no identity is read (nothing to audit).
   */
  async registrable(principal: Principal, eventId: string): Promise<RegistrableCandidate[]> {
    return this.dataSource.transaction(async (manager) => {
      const { memberSiaeIds } = await accessEvent(manager, principal, eventId);
      const viewer = viewerOf(principal);
      const siaeIds = memberSiaeIds.filter((id) => holdsRoleIn(viewer, id, ['cip', 'direction']));
      if (siaeIds.length === 0) return [];
      return manager.query(
        `SELECT c.id AS "candidateId", p.pseudonym, s.name AS "siaeName"
           FROM candidate c JOIN candidate_profile p ON p.candidate_id = c.id JOIN siae s ON s.id = c.siae_id
          WHERE c.siae_id = ANY($2::uuid[]) AND c.erased_at IS NULL
            AND EXISTS (SELECT 1 FROM candidate_consent k WHERE k.candidate_id = c.id AND k.scope = 'employers' AND k.withdrawn_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM event_registration r WHERE r.event_id = $1 AND r.candidate_id = c.id
                              AND r.status NOT IN ('withdrawn', 'declined'))
          ORDER BY s.name, p.pseudonym, c.id LIMIT 500`,
        [eventId, siaeIds],
      );
    });
  }

  /** Organisers see every registration; the staff of a member SIAE see their own SIAE's. Pseudonyms only. */
  async list(principal: Principal, eventId: string): Promise<RegistrationDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const { standing } = await accessEvent(manager, principal, eventId);
      const siaeIds = standing === 'organiser' ? null : viewerOf(principal).ownSiaeIds;
      return registrationViews(manager, eventId, { siaeIds });
    });
  }

  private async one(principal: Principal, eventId: string, registrationId: string): Promise<RegistrationDto> {
    return this.dataSource.transaction(async (manager) => {
      await accessEvent(manager, principal, eventId);
      const [view] = await registrationViews(manager, eventId, { registrationId });
      if (!view) throw errors.registrationNotFound();
      return view;
    });
  }

  /** A status move with its place: taken when entering a holding status, freed (and passed on) when leaving one. */
  private async move(
    manager: EntityManager,
    principal: Principal,
    event: Event,
    registration: EventRegistration,
    to: RegistrationStatus,
  ): Promise<void> {
    const from = registration.status;
    const now = this.clock.now();
    if (!holds(from) && holds(to)) {
      await ensureQuota(manager, event, registration.siaeId);
      const place = await takePlace(manager, event.id, registration.siaeId);
      if (!place.taken) throw errors.quotaFull(place.places);
    }
    await manager.update(
      EventRegistration,
      { id: registration.id },
      {
        status: to,
        decidedAt: now,
        decidedByUserId: principal.userId,
        waitlistedAt: to === 'waitlisted' ? now : registration.waitlistedAt,
      },
    );
    const audit = [
      {
        actorUserId: principal.userId,
        action: 'event.registration.status',
        subjectType: 'event',
        subjectId: event.id,
        context: { registrationId: registration.id, from, to },
      },
    ];
    if (holds(from) && !holds(to)) {
      await manager.query(`UPDATE event_siae_quota SET used = used - 1 WHERE event_id = $1 AND siae_id = $2`, [
        event.id,
        registration.siaeId,
      ]);
      const promoted = await promoteFirstWaitlisted(manager, event.id, registration.siaeId, registration.id);
      if (promoted)
        audit.push({
          actorUserId: principal.userId,
          action: 'event.registration.promoted',
          subjectType: 'event',
          subjectId: event.id,
          context: { registrationId: promoted, from: 'waitlisted', to: 'pending' },
        });
    }
    await this.audit.recordMany(audit, manager);
  }

  private async checkWishes(manager: EntityManager, eventId: string, ids: string[]): Promise<string[]> {
    const wished = [...new Set(ids)];
    if (wished.length > 0 && (await manager.countBy(EventInvitation, { eventId, id: In(wished) })) !== wished.length)
      throw errors.wishNotOfEvent();
    return wished;
  }

  /** Employers read the note beside the profile: it must not give the person's identity away (400 naming the field). */
  private async checkNote(
    manager: EntityManager,
    candidateId: string,
    note: string | null | undefined,
  ): Promise<string | null> {
    const text = note?.trim() || null;
    await this.sharedText.assertClean(
      candidateId,
      [{ field: 'employerNote', label: 'mot aux employeurs', text }],
      manager,
    );
    return text;
  }

  private async checkSlots(manager: EntityManager, event: Event, slotIds: string[]): Promise<void> {
    const unique = [...new Set(slotIds)];
    if (unique.length === 0) return;
    if ((await manager.countBy(EventSlot, { eventId: event.id, id: In(unique) })) !== unique.length)
      throw errors.slotNotOfEvent();
  }
}

async function replaceWishes(manager: EntityManager, registrationId: string, wished: string[]): Promise<void> {
  await manager.delete(EventWish, { registrationId });
  if (wished.length > 0)
    await manager.insert(
      EventWish,
      wished.map((invitationId) => ({ registrationId, invitationId })),
    );
}

/** The compare-and-set on the SIAE's counter: one UPDATE, its row lock serialising racers for the last place. */
async function takePlace(
  manager: EntityManager,
  eventId: string,
  siaeId: string,
): Promise<{ taken: boolean; places: number }> {
  const [rows]: [Array<{ places: number }>, number] = await manager.query(
    `UPDATE event_siae_quota SET used = used + 1 WHERE event_id = $1 AND siae_id = $2 AND used < places RETURNING places`,
    [eventId, siaeId],
  );
  if (rows.length > 0) return { taken: true, places: rows[0].places };
  const [quota]: Array<{ places: number }> = await manager.query(
    `SELECT places FROM event_siae_quota WHERE event_id = $1 AND siae_id = $2`,
    [eventId, siaeId],
  );
  return { taken: false, places: quota?.places ?? 0 };
}

async function promoteFirstWaitlisted(
  manager: EntityManager,
  eventId: string,
  siaeId: string,
  exceptId: string,
): Promise<string | null> {
  const [first]: Array<{ id: string }> = await manager.query(
    `SELECT id FROM event_registration WHERE event_id = $1 AND siae_id = $2 AND status = 'waitlisted' AND id <> $3
      ORDER BY waitlisted_at, id LIMIT 1 FOR UPDATE`,
    [eventId, siaeId, exceptId],
  );
  if (!first) return null;
  const place = await takePlace(manager, eventId, siaeId);
  if (!place.taken) return null;
  await manager.update(EventRegistration, { id: first.id }, { status: 'pending', waitlistedAt: null });
  return first.id;
}

async function lockRegistration(manager: EntityManager, eventId: string, id: string): Promise<EventRegistration> {
  const registration = await manager.findOne(EventRegistration, {
    where: { id, eventId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!registration) throw errors.registrationNotFound();
  return registration;
}

export async function registrationViews(
  manager: EntityManager,
  eventId: string,
  filter: { siaeIds?: string[] | null; registrationId?: string },
): Promise<RegistrationDto[]> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT r.id, r.candidate_id AS "candidateId", coalesce(p.pseudonym, '') AS pseudonym, r.siae_id AS "siaeId",
            s.name AS "siaeName", r.status, r.max_interviews AS "maxInterviews", r.present_slot_ids AS "presentSlotIds",
            coalesce((SELECT array_agg(w.invitation_id ORDER BY w.invitation_id) FROM event_wish w WHERE w.registration_id = r.id), '{}') AS "wishedEmployerIds",
            r.employer_note AS "employerNote",
            r.waitlisted_at AS "waitlistedAt", r.created_at AS "createdAt"
       FROM event_registration r JOIN siae s ON s.id = r.siae_id
       LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
      WHERE r.event_id = $1 AND ($2::uuid[] IS NULL OR r.siae_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR r.id = $3::uuid)
      ORDER BY s.name, r.created_at, r.id`,
    [eventId, filter.siaeIds ?? null, filter.registrationId ?? null],
  );
  return rows.map((r) => ({
    ...(r as unknown as RegistrationDto),
    waitlistedAt: r.waitlistedAt instanceof Date ? r.waitlistedAt.toISOString() : null,
    createdAt: (r.createdAt as Date).toISOString(),
  }));
}
