import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { lockWritableCandidate, viewerOf } from './candidate-access';
import { CandidatesService, type CandidateFullView } from './candidates.service';
import { CandidateProfile } from './entities/candidate-profile.entity';
import { Candidate, type CandidateAnonymousStats } from './entities/candidate.entity';
import { inOrder } from './in-order';

export type ErasureReason = 'request' | 'retention';

export interface CandidateExport {
  exportedAt: Date;
  notice: string;
  siae: { id: string; name: string };
  candidate: CandidateFullView & {
    anonymousStats: CandidateAnonymousStats | null;
    updatedAt: Date;
    createdByUserId: string | null;
  };
  auditTrail: Array<{
    at: Date;
    action: string;
    actorUserId: string | null;
    actorName: string | null;
    actorLabel: string | null;
    context: Record<string, unknown>;
  }>;
}

/** What replaces the names: a fixed placeholder, so an erased row reads as such and never as a person. */
export const ERASED_FIRST_NAME = 'Personne';
export const ERASED_LAST_NAME = 'effacée';

function ageBand(birthDate: string | null, now: Date): CandidateAnonymousStats['ageBand'] {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age < 26 ? '<26' : age < 45 ? '26-44' : age < 55 ? '45-54' : '55+';
}

/** GDPR: export of everything held on a person, erasure on request, and the anonymisation the retention job applies. */
@Injectable()
export class CandidatePrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly candidates: CandidatesService,
  ) {}

  async export(principal: Principal, candidateId: string): Promise<CandidateExport> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const candidate = await lockWritableCandidate(manager, viewer, candidateId);
      // One audit row for this read of identity; it is part of the trail the person receives.
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.exported',
          subjectType: 'candidate',
          subjectId: candidate.id,
          context: { siaeId: candidate.siaeId },
        },
        manager,
      );
      const [full, siae, trail] = await inOrder(
        () => this.candidates.fullView(manager, viewer, candidate),
        () =>
          manager.query(`SELECT id, name FROM siae WHERE id = $1`, [candidate.siaeId]) as Promise<
            Array<{ id: string; name: string }>
          >,
        () =>
          manager.query(
            `SELECT a.at, a.action, a.actor_user_id, u.display_name AS actor_name, a.actor_label, a.context
             FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_user_id
            WHERE a.subject_type = 'candidate' AND a.subject_id = $1 ORDER BY a.at, a.id`,
            [candidate.id],
          ) as Promise<
            Array<{
              at: Date;
              action: string;
              actor_user_id: string | null;
              actor_name: string | null;
              actor_label: string | null;
              context: Record<string, unknown>;
            }>
          >,
      );
      return {
        exportedAt: this.clock.now(),
        notice:
          'Export de toutes les données détenues sur la personne dans Maillage : identité, profil partagé, consentements et journal des accès (qui a consulté ou modifié ces données, et quand).',
        siae: siae[0],
        candidate: {
          ...full,
          anonymousStats: candidate.anonymousStats,
          updatedAt: candidate.updatedAt,
          createdByUserId: candidate.createdByUserId,
        },
        auditTrail: trail.map((r) => ({
          at: r.at,
          action: r.action,
          actorUserId: r.actor_user_id,
          actorName: r.actor_name,
          actorLabel: r.actor_label,
          context: r.context,
        })),
      };
    });
  }

  async eraseOnRequest(principal: Principal, candidateId: string): Promise<{ erasedAt: Date; alreadyErased: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await lockWritableCandidate(manager, viewer, candidateId);
      const outcome = await this.anonymise(manager, candidateId, 'request', principal.userId);
      const row = await manager.findOneByOrFail(Candidate, { id: candidateId });
      return { erasedAt: row.erasedAt!, alreadyErased: outcome === 'skipped' };
    });
  }

  /**
   * Replaces the personal fields, removes the shared profile (and with it target jobs, skills, soft skills, the search
   * rows), ends active consents, keeps anonymous statistics and audits the erasure. Idempotent: an erased candidate is
   * skipped. The caller owns the transaction; the candidate row is locked here.
   */
  async anonymise(
    manager: EntityManager,
    candidateId: string,
    reason: ErasureReason,
    actorUserId: string | null,
  ): Promise<'done' | 'skipped'> {
    const candidate = await manager
      .createQueryBuilder(Candidate, 'c')
      .where('c.id = :candidateId', { candidateId })
      .setLock('pessimistic_write')
      .getOne();
    if (!candidate || candidate.erasedAt) return 'skipped';
    const now = this.clock.now();
    const profile = await manager.findOneBy(CandidateProfile, { candidateId });
    const [department, domains, skillCounts, softCount] = await inOrder(
      () =>
        profile
          ? (manager.query(`SELECT department FROM commune WHERE code = $1`, [profile.communeCode]) as Promise<
              Array<{ department: string }>
            >)
          : Promise.resolve([]),
      () =>
        manager.query(`SELECT DISTINCT domain_code FROM candidate_target_job WHERE candidate_id = $1 ORDER BY 1`, [
          candidateId,
        ]) as Promise<Array<{ domain_code: string }>>,
      () =>
        manager.query(
          `SELECT evidence_level, count(*)::int AS n FROM candidate_skill WHERE candidate_id = $1 GROUP BY 1`,
          [candidateId],
        ) as Promise<Array<{ evidence_level: 'declared' | 'observed' | 'certified'; n: number }>>,
      () =>
        manager.query(`SELECT count(*)::int AS n FROM candidate_soft_skill WHERE candidate_id = $1`, [
          candidateId,
        ]) as Promise<Array<{ n: number }>>,
    );
    const stats: CandidateAnonymousStats = {
      ageBand: ageBand(candidate.birthDate, now),
      department: department[0]?.department ?? null,
      targetDomains: domains.map((d) => d.domain_code),
      softSkillCount: softCount[0]?.n ?? 0,
      skillCounts: Object.fromEntries(skillCounts.map((s) => [s.evidence_level, s.n])),
    };
    await manager.delete(CandidateProfile, { candidateId });
    await manager.query(
      `UPDATE candidate_consent SET withdrawn_at = GREATEST($2::timestamptz, given_at), withdrawn_by_user_id = $3 WHERE candidate_id = $1 AND withdrawn_at IS NULL`,
      [candidateId, now, actorUserId],
    );
    await manager.update(
      Candidate,
      { id: candidateId },
      {
        firstName: ERASED_FIRST_NAME,
        lastName: ERASED_LAST_NAME,
        birthDate: null,
        phone: null,
        email: null,
        address: null,
        referentUserId: null,
        anonymousStats: stats,
        erasedAt: now,
      },
    );
    await this.audit.record(
      {
        actorUserId,
        actorLabel: actorUserId ? null : 'système (durée de conservation)',
        action: 'candidate.erased',
        subjectType: 'candidate',
        subjectId: candidateId,
        context: { siaeId: candidate.siaeId, reason },
      },
      manager,
    );
    return 'done';
  }
}
