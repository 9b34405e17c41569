import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { Clock, fieldDate } from '../../../platform/clock/clock';
import type { EmployerPrincipal } from '../../../platform/links/links.service';
import { creditOutcomeToSiae } from '../../employer-network/outcome-credit';
import { holdsRoleIn, siaeIdsWhere, viewerOf } from '../../structures/access';
import { resolveEmployerLink } from '../booking/employer-link';
import { accessEvent } from '../events-access';
import { planningErrors } from '../planning/planning.errors';
import type {
  EmployerMeetingOutcomeDto,
  OutcomeDto,
  RecordOutcomeDto,
  StaffMeetingOutcomeDto,
} from './dto/outcome.dto';
import { EventOutcome } from './entities';
import { outcomesErrors as errors } from './outcomes.errors';
import { interactionOfOutcome, outcomeLabels, type OutcomeAuthor } from './outcomes-vocabulary';

/** A meeting as the outcome rules need it, read with its event, its candidate and its employer. */
interface MeetingFacts {
  id: string;
  event_id: string;
  event_title: string;
  event_date: string;
  status: string;
  starts_at: Date;
  registration_id: string;
  candidate_id: string;
  siae_id: string;
  invitation_id: string;
  pooled_company_id: string;
  company_id: string;
}

const meetingFactsSql = `
  SELECT m.id, m.event_id, e.title AS event_title, to_char(e.event_date, 'YYYY-MM-DD') AS event_date, m.status,
         s.starts_at, r.id AS registration_id, r.candidate_id, r.siae_id, i.id AS invitation_id, i.pooled_company_id,
         i.company_id
    FROM event_meeting m
    JOIN event e ON e.id = m.event_id
    JOIN event_slot s ON s.id = m.slot_id
    JOIN event_registration r ON r.id = m.registration_id
    JOIN event_invitation i ON i.id = m.invitation_id`;

const outcomeColumns = `o.id, o.meeting_id AS "meetingId", o.kind, to_char(o.occurred_on, 'YYYY-MM-DD') AS date,
  o.contract_type AS "contractType", to_char(o.start_date, 'YYYY-MM-DD') AS "startDate", o.recorded_by AS "recordedBy",
  o.created_at AS "recordedAt"`;

/** Only a meeting that took place (or has begun) has an outcome: cancelled ones and no-shows never do. */
const heldSql = (m: string, s: string, now: string) =>
  `(${m}.status IN ('planned', 'announced', 'done') AND ${s}.starts_at <= ${now})`;

/**
 * Outcomes of the meetings of an event (issue 15 §6): recorded by the employer through its event link, or by a CIP (or
 * the direction) of the candidate's SIAE; one per meeting, first come first kept (UQ_event_outcome_meeting as the last
 * guard against two at once). Each outcome is also credited to the candidate's SIAE as an interaction of the pooled
 * company (employer-network's `creditOutcomeToSiae`), in the same transaction.
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The employer's meetings of its event and their outcomes (pseudonyms only). */
  async employerMeetings(employer: EmployerPrincipal): Promise<EmployerMeetingOutcomeDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const { invitation } = await resolveEmployerLink(manager, employer, this.clock.now());
      const rows: Array<EmployerMeetingOutcomeDto & { outcome: OutcomeDto | null }> = await manager.query(
        `SELECT m.id AS "meetingId",
                CASE WHEN EXISTS (SELECT 1 FROM candidate_consent c WHERE c.candidate_id = r.candidate_id
                                     AND c.scope = 'employers' AND c.withdrawn_at IS NULL)
                     THEN p.pseudonym ELSE 'Candidat·e' END AS pseudonym,
                s.starts_at AS "startsAt", s.ends_at AS "endsAt", m.table_number AS "tableNumber",
                ${heldSql('m', 's', '$2')} AS held,
                (SELECT row_to_json(x) FROM (SELECT ${outcomeColumns} FROM event_outcome o WHERE o.meeting_id = m.id) x) AS outcome
           FROM event_meeting m
           JOIN event_slot s ON s.id = m.slot_id
           JOIN event_registration r ON r.id = m.registration_id
           LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
          WHERE m.invitation_id = $1 AND m.status IN ('planned', 'announced', 'done')
          ORDER BY s.starts_at, m.table_number, m.id`,
        [invitation.id, this.clock.now()],
      );
      return rows.map((r) => ({ ...r, outcome: r.outcome ? this.outcomeView(r.outcome) : null }));
    });
  }

  async recordByEmployer(employer: EmployerPrincipal, meetingId: string, dto: RecordOutcomeDto): Promise<OutcomeDto> {
    return this.dataSource.transaction(async (manager) => {
      const { invitation } = await resolveEmployerLink(manager, employer, this.clock.now());
      const meeting = await this.meeting(manager, meetingId, 'm.invitation_id = $2', [invitation.id]);
      return this.record(manager, meeting, dto, 'employer', null);
    });
  }

  /** The meetings of the caller's SIAE's candidates (CIP and direction), with the company met and the outcome. */
  async staffMeetings(principal: Principal, eventId: string): Promise<StaffMeetingOutcomeDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await accessEvent(manager, viewer, eventId);
      const siaeIds = siaeIdsWhere(viewer, ['cip', 'direction']);
      const rows: Array<StaffMeetingOutcomeDto & { outcome: OutcomeDto | null }> = await manager.query(
        `SELECT m.id AS "meetingId", r.candidate_id AS "candidateId", r.siae_id AS "siaeId",
                pc.display_name AS "companyName", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
                m.table_number AS "tableNumber", ${heldSql('m', 's', '$3')} AS held,
                (SELECT row_to_json(x) FROM (SELECT ${outcomeColumns} FROM event_outcome o WHERE o.meeting_id = m.id) x) AS outcome
           FROM event_meeting m
           JOIN event_slot s ON s.id = m.slot_id
           JOIN event_registration r ON r.id = m.registration_id
           JOIN event_invitation i ON i.id = m.invitation_id
           JOIN pooled_company pc ON pc.id = i.pooled_company_id
          WHERE m.event_id = $1 AND r.siae_id = ANY($2::uuid[]) AND m.status IN ('planned', 'announced', 'done')
          ORDER BY s.starts_at, pc.display_name, m.id`,
        [eventId, siaeIds, this.clock.now()],
      );
      return rows.map((r) => ({ ...r, outcome: r.outcome ? this.outcomeView(r.outcome) : null }));
    });
  }

  async recordByCip(
    principal: Principal,
    eventId: string,
    meetingId: string,
    dto: RecordOutcomeDto,
  ): Promise<OutcomeDto> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await accessEvent(manager, viewer, eventId);
      const meeting = await this.meeting(manager, meetingId, 'm.event_id = $2', [eventId]);
      if (!holdsRoleIn(viewer, meeting.siae_id, ['cip', 'direction'])) throw errors.cipOnly();
      return this.record(manager, meeting, dto, 'cip', viewer.userId);
    });
  }

  private async meeting(manager: EntityManager, id: string, scope: string, params: unknown[]): Promise<MeetingFacts> {
    const [meeting]: MeetingFacts[] = await manager.query(`${meetingFactsSql} WHERE m.id = $1 AND ${scope}`, [
      id,
      ...params,
    ]);
    if (!meeting) throw planningErrors.meetingNotFound();
    return meeting;
  }

  private async record(
    manager: EntityManager,
    meeting: MeetingFacts,
    dto: RecordOutcomeDto,
    author: OutcomeAuthor,
    userId: string | null,
  ): Promise<OutcomeDto> {
    const now = this.clock.now();
    if (!['planned', 'announced', 'done'].includes(meeting.status) || new Date(meeting.starts_at) > now)
      throw errors.meetingNotHeld();
    const today = fieldDate(now);
    if (dto.date < meeting.event_date || dto.date > today) throw errors.dateOutOfRange(meeting.event_date, today);
    const hire = dto.kind === 'hire';
    if (hire && (!dto.contractType || !dto.startDate)) throw errors.hireFieldsRequired();
    if (!hire && (dto.contractType || dto.startDate)) throw errors.hireFieldsOnlyForHire();
    if (hire && dto.startDate! < meeting.event_date) throw errors.startBeforeEvent(meeting.event_date);
    const existing = await manager.findOneBy(EventOutcome, { meetingId: meeting.id });
    if (existing) throw errors.alreadyRecorded(existing.kind, existing.recordedBy);
    // The outcome first: a second one for this meeting, racing this one, stops here (UQ_event_outcome_meeting) and the
    // whole transaction, interaction included, is rolled back.
    const outcome = await manager.save(
      manager.create(EventOutcome, {
        eventId: meeting.event_id,
        meetingId: meeting.id,
        kind: dto.kind,
        occurredOn: dto.date,
        contractType: hire ? dto.contractType! : null,
        startDate: hire ? dto.startDate! : null,
        recordedBy: author,
        recordedByUserId: userId,
      }),
    );
    const interactionId = await creditOutcomeToSiae(manager, {
      pooledCompanyId: meeting.pooled_company_id,
      viaCompanyId: meeting.company_id,
      siaeId: meeting.siae_id,
      candidateId: meeting.candidate_id,
      kind: interactionOfOutcome[dto.kind],
      occurredOn: dto.date,
      note: `${meeting.event_title} (${meeting.event_date}) : ${outcomeLabels[dto.kind]}${
        hire ? `, ${dto.contractType} à partir du ${dto.startDate}` : ''
      } — déclaré par ${author === 'employer' ? 'l’employeur' : 'le ou la CIP'}.`.slice(0, 1000),
      byUserId: userId,
    });
    await manager.update(EventOutcome, { id: outcome.id }, { interactionId });
    await this.audit.record(
      {
        actorUserId: userId,
        actorLabel: author === 'employer' ? `employer:${meeting.pooled_company_id}` : undefined,
        action: 'event.outcome.recorded',
        subjectType: 'event',
        subjectId: meeting.event_id,
        context: { meetingId: meeting.id, kind: dto.kind, recordedBy: author, interactionId },
      },
      manager,
    );
    return this.outcomeView({
      id: outcome.id,
      meetingId: meeting.id,
      kind: dto.kind,
      date: dto.date,
      contractType: outcome.contractType,
      startDate: outcome.startDate,
      recordedBy: author,
      recordedAt: outcome.createdAt,
    });
  }

  private outcomeView(o: OutcomeDto): OutcomeDto {
    return {
      id: o.id,
      meetingId: o.meetingId,
      kind: o.kind,
      date: o.date,
      contractType: o.contractType,
      startDate: o.startDate,
      recordedBy: o.recordedBy,
      recordedAt: new Date(o.recordedAt),
    };
  }
}
