import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { EmployerPrincipal } from '../../../platform/links/links.service';
import { Clock, fieldDate } from '../../../platform/clock/clock';
import { scoreEventPairs } from '../../matching/event-pair-scores';
import type { CandidateProfileForEmployerDto, MeetingRequestsDto, MeetingRequestsSavedDto } from '../dto/employer.dto';
import { EventMeetingRequest } from '../entities';
import { eventsErrors as errors } from '../events.errors';
import { resolveEmployerLink } from './employer-link';

/** "Prioritaire" is for a few: beyond this the signal would mean nothing to the planning. */
export const MAX_PRIORITY_REQUESTS = 3;

/**
 * The employer chooses whom to meet. It sees the shared profiles of ACCEPTED candidates whose `employers` consent is
 * active at the very moment of the read (a consent withdrawn hides the profile at once: no copy, no cache), with the
 * match reasons for the needs it brought (the matching engine), and never an identity field: the query reads
 * `candidate_profile` and its skills only, and the profile is named by the registration's id, not the candidate's.
 */
@Injectable()
export class EmployerChoicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async profiles(employer: EmployerPrincipal): Promise<CandidateProfileForEmployerDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const { invitation, event } = await resolveEmployerLink(manager, employer, now);
      if (invitation.status !== 'confirmed') throw errors.notConfirmed();
      const rows: Array<{
        profile_id: string;
        candidate_id: string;
        pseudonym: string;
        commune: string;
        mobility_radius_km: number;
        available_from: string | null;
        work_time: string | null;
        note: string | null;
        target_jobs: string[];
        skills: Array<{ label: string; evidenceLevel: string }>;
        soft_skills: string[];
        requested: boolean;
        priority: boolean;
      }> = await manager.query(
        `SELECT r.id AS profile_id, r.candidate_id, p.pseudonym, m.name AS commune, p.mobility_radius_km,
                to_char(p.available_from, 'YYYY-MM-DD') AS available_from, p.work_time, r.employer_note AS note,
                coalesce((SELECT array_agg(a.label ORDER BY a.label) FROM rome_appellation a WHERE a.code = ANY(p.target_ogr_codes)), '{}') AS target_jobs,
                coalesce((SELECT json_agg(json_build_object('label', s.label, 'evidenceLevel', s.evidence_level) ORDER BY s.label)
                            FROM candidate_skill s WHERE s.candidate_id = r.candidate_id), '[]') AS skills,
                coalesce((SELECT array_agg(ss.soft_skill ORDER BY ss.soft_skill) FROM candidate_soft_skill ss WHERE ss.candidate_id = r.candidate_id), '{}') AS soft_skills,
                q.id IS NOT NULL AS requested, coalesce(q.priority, false) AS priority
           FROM event_registration r
           JOIN candidate_profile p ON p.candidate_id = r.candidate_id
           JOIN commune m ON m.code = p.commune_code
           LEFT JOIN event_meeting_request q ON q.registration_id = r.id AND q.invitation_id = $2
          WHERE r.event_id = $1 AND r.status = 'accepted'
            AND EXISTS (SELECT 1 FROM candidate_consent c WHERE c.candidate_id = r.candidate_id AND c.scope = 'employers' AND c.withdrawn_at IS NULL)
          ORDER BY p.pseudonym, r.id`,
        [event.id, invitation.id],
      );
      const needs: Array<{ id: string; label: string }> = await manager.query(
        `SELECT n.id, a.label FROM event_need e JOIN hiring_need n ON n.id = e.hiring_need_id
           JOIN rome_appellation a ON a.code = n.appellation_code WHERE e.invitation_id = $1`,
        [invitation.id],
      );
      const scores = await scoreEventPairs(manager, {
        collectiveId: event.collectiveId,
        candidateIds: rows.map((r) => r.candidate_id),
        needIds: needs.map((n) => n.id),
        today: fieldDate(now),
      });
      const label = new Map(needs.map((n) => [n.id, n.label]));
      return rows.map((r) => ({
        profileId: r.profile_id,
        pseudonym: r.pseudonym,
        targetJobs: r.target_jobs,
        skills: r.skills,
        softSkills: r.soft_skills,
        commune: r.commune,
        mobilityRadiusKm: r.mobility_radius_km,
        availableFrom: r.available_from,
        workTime: r.work_time,
        note: r.note,
        matches: scores
          .filter((s) => s.candidateId === r.candidate_id && !s.excluded)
          .sort((a, b) => b.normalizedScore - a.normalizedScore)
          .map((s) => ({
            hiringNeedId: s.needId,
            appellation: label.get(s.needId) ?? '',
            score: Math.round(s.normalizedScore * 100) / 100,
            reasons: s.components.filter((c) => c.points > 0).map((c) => c.reason),
          })),
        requested: r.requested,
        priority: r.priority,
      }));
    });
  }

  /** The whole list of "je veux rencontrer" replaces the previous one (a page submits its checkboxes as they are). */
  async saveRequests(employer: EmployerPrincipal, dto: MeetingRequestsDto): Promise<MeetingRequestsSavedDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const { invitation, event } = await resolveEmployerLink(manager, employer, now, { lock: true });
      if (invitation.status !== 'confirmed') throw errors.notConfirmed();
      if (!['open', 'planning'].includes(event.status)) throw errors.notOpen(event.status);
      const byProfile = new Map(dto.requests.map((r) => [r.profileId, r.priority === true]));
      const priorities = [...byProfile.values()].filter(Boolean).length;
      if (priorities > MAX_PRIORITY_REQUESTS) throw errors.tooManyPriorities(MAX_PRIORITY_REQUESTS);
      const ids = [...byProfile.keys()];
      if (ids.length > 0) {
        const shown: Array<{ id: string }> = await manager.query(
          `SELECT r.id FROM event_registration r WHERE r.event_id = $1 AND r.id = ANY($2::uuid[]) AND r.status = 'accepted'
              AND EXISTS (SELECT 1 FROM candidate_consent c WHERE c.candidate_id = r.candidate_id AND c.scope = 'employers' AND c.withdrawn_at IS NULL)`,
          [event.id, ids],
        );
        if (shown.length !== ids.length) throw errors.candidateNotShown();
      }
      await manager.delete(EventMeetingRequest, { invitationId: invitation.id });
      if (ids.length > 0)
        await manager.insert(
          EventMeetingRequest,
          ids.map((registrationId) => ({
            invitationId: invitation.id,
            registrationId,
            priority: byProfile.get(registrationId)!,
          })),
        );
      await this.audit.record(
        {
          actorLabel: 'employeur (lien)',
          action: 'event.employer.requests',
          subjectType: 'event',
          subjectId: event.id,
          context: { invitationId: invitation.id, requested: ids.length, priority: priorities },
        },
        manager,
      );
      return { requested: ids.length, priority: priorities };
    });
  }
}
