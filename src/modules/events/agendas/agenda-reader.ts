import { EntityManager } from 'typeorm';
import type { Event } from '../entities/event.entity';
import type { MeetingStatus } from '../planning/planning-vocabulary';
import type { AgendaEventDto } from './dto/agenda.dto';

/** One meeting of the plan with what any agenda prints about it (never an identity: the shared profile's pseudonym). */
export interface AgendaRow {
  id: string;
  sequence: number;
  status: MeetingStatus;
  updatedAt: Date;
  tableNumber: number;
  registrationId: string;
  candidateId: string;
  siaeId: string;
  invitationId: string;
  slotId: string;
  slotPosition: number;
  startsAt: Date;
  endsAt: Date;
  pseudonym: string;
  employer: string;
}

/**
 * Who sees which meetings. `people` (candidate, employer, CIP): what they were told — announced meetings and those held,
 * missed, or cancelled after being announced (their calendar must drop them: STATUS:CANCELLED, higher SEQUENCE). A
 * meeting planned and never published is nobody's business but the organiser's, who also sees the planned ones.
 */
const visibility = {
  people: `(m.announced_at IS NOT NULL OR m.status IN ('done', 'no_show'))`,
  organiser: `(m.status <> 'cancelled' OR m.announced_at IS NOT NULL)`,
} as const;

/**
 * The meetings of an event for one audience, in slot then table order. `where` is an extra condition on the aliases
 * `m` (meeting), `r` (registration), `s` (slot) with parameters from `$2`. The pseudonym is shown only while the
 * candidate's consent to employers stands (the rule of the employer pages), otherwise « Candidat·e ».
 */
export async function readAgendaMeetings(
  manager: EntityManager,
  eventId: string,
  audience: keyof typeof visibility,
  where: string,
  params: unknown[],
): Promise<AgendaRow[]> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT m.id, m.sequence, m.status, m.updated_at, m.table_number, m.registration_id, r.candidate_id, r.siae_id,
            m.invitation_id, m.slot_id, s.position, s.starts_at, s.ends_at, pc.display_name AS employer,
            CASE WHEN p.pseudonym IS NOT NULL AND EXISTS (
                   SELECT 1 FROM candidate_consent c WHERE c.candidate_id = r.candidate_id
                      AND c.scope = 'employers' AND c.withdrawn_at IS NULL)
                 THEN p.pseudonym ELSE 'Candidat·e' END AS pseudonym
       FROM event_meeting m
       JOIN event_slot s ON s.id = m.slot_id
       JOIN event_registration r ON r.id = m.registration_id
       LEFT JOIN candidate_profile p ON p.candidate_id = r.candidate_id
       JOIN event_invitation i ON i.id = m.invitation_id
       JOIN pooled_company pc ON pc.id = i.pooled_company_id
      WHERE m.event_id = $1 AND ${visibility[audience]} AND (${where})
      ORDER BY s.position, m.table_number, m.id`,
    [eventId, ...params],
  );
  return rows.map((r) => ({
    id: r.id as string,
    sequence: r.sequence as number,
    status: r.status as MeetingStatus,
    updatedAt: r.updated_at as Date,
    tableNumber: r.table_number as number,
    registrationId: r.registration_id as string,
    candidateId: r.candidate_id as string,
    siaeId: r.siae_id as string,
    invitationId: r.invitation_id as string,
    slotId: r.slot_id as string,
    slotPosition: r.position as number,
    startsAt: r.starts_at as Date,
    endsAt: r.ends_at as Date,
    pseudonym: r.pseudonym as string,
    employer: r.employer as string,
  }));
}

export async function readAgendaEvent(manager: EntityManager, event: Event): Promise<AgendaEventDto> {
  const [commune]: Array<{ name: string }> = await manager.query(`SELECT name FROM commune WHERE code = $1`, [
    event.communeCode,
  ]);
  return {
    id: event.id,
    title: event.title,
    date: event.eventDate,
    status: event.status,
    place: commune ? `${event.address}, ${commune.name}` : event.address,
    accessNotes: event.accessNotes,
  };
}

export async function readSlots(
  manager: EntityManager,
  eventId: string,
): Promise<Array<{ id: string; position: number; startsAt: Date; endsAt: Date }>> {
  const rows: Array<{ id: string; position: number; starts_at: Date; ends_at: Date }> = await manager.query(
    `SELECT id, position, starts_at, ends_at FROM event_slot WHERE event_id = $1 ORDER BY position`,
    [eventId],
  );
  return rows.map((s) => ({ id: s.id, position: s.position, startsAt: s.starts_at, endsAt: s.ends_at }));
}
