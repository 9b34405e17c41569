import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { memberCollectiveIdsSql } from '../structures/access';
import { assertNotErased, lockWritableCandidate, viewerOf } from './candidate-access';
import { syncSharingFlag } from './candidate-profile.service';
import { candidatesErrors } from './candidates.errors';
import { consentView, type ConsentView } from './candidates.service';
import type { RecordConsentDto } from './dto/consent.dto';
import { CandidateConsent } from './entities/candidate-consent.entity';

/** Consent is a sharing decision: each record and each withdrawal is audited and takes effect in the same commit. */
@Injectable()
export class CandidateConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal, candidateId: string, dto: RecordConsentDto): Promise<ConsentView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const candidate = await lockWritableCandidate(manager, viewer, candidateId);
      assertNotErased(candidate);
      const now = this.clock.now();
      const givenAt = dto.givenAt ? new Date(dto.givenAt) : now;
      if (givenAt.getTime() > now.getTime() + 60_000) throw candidatesErrors.consentInFuture();
      // Checked here for a clear answer; UQ_candidate_consent_active is the guard under concurrency.
      if (await manager.existsBy(CandidateConsent, { candidateId, scope: dto.scope, withdrawnAt: IsNull() }))
        throw candidatesErrors.consentAlreadyActive();
      if (dto.scope !== 'collective' && dto.collectiveIds) throw candidatesErrors.consentCollectivesOnlyForCollective();
      const collectiveIds =
        dto.scope === 'collective' ? await coveredCollectives(manager, candidate.siaeId, dto.collectiveIds) : null;
      const saved = await manager.getRepository(CandidateConsent).save({
        candidateId,
        scope: dto.scope,
        givenAt,
        recordedByUserId: principal.userId,
        wording: dto.wording.trim(),
        documentRef: dto.documentRef?.trim() || null,
        withdrawnAt: null,
        withdrawnByUserId: null,
        collectiveIds,
      });
      if (dto.scope === 'collective') await syncSharingFlag(manager, candidateId);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.consent.given',
          subjectType: 'candidate',
          subjectId: candidateId,
          context: { consentId: saved.id, scope: dto.scope, collectiveIds },
        },
        manager,
      );
      return consentView(saved);
    });
  }

  async withdraw(principal: Principal, candidateId: string, consentId: string): Promise<ConsentView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await lockWritableCandidate(manager, viewer, candidateId);
      const consent = await manager.findOneBy(CandidateConsent, { id: consentId, candidateId });
      if (!consent) throw candidatesErrors.consentNotFound();
      if (consent.withdrawnAt) throw candidatesErrors.consentAlreadyWithdrawn();
      const now = this.clock.now();
      const withdrawnAt = now < consent.givenAt ? consent.givenAt : now;
      await manager.update(CandidateConsent, { id: consent.id }, { withdrawnAt, withdrawnByUserId: principal.userId });
      if (consent.scope === 'collective') await syncSharingFlag(manager, candidateId);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.consent.withdrawn',
          subjectType: 'candidate',
          subjectId: candidateId,
          context: { consentId: consent.id, scope: consent.scope },
        },
        manager,
      );
      return consentView({ ...consent, withdrawnAt, withdrawnByUserId: principal.userId });
    });
  }
}

/**
 * The collectives a `collective` consent covers: the active collectives of the candidate's SIAE as they stand in this
 * transaction, or the subset the CIP named (anything else is refused: a consent cannot reach a collective the SIAE is
 * not in). Sorted, without duplicates, so that the stored list reads the same whatever the request's order.
 */
export async function coveredCollectives(
  manager: EntityManager,
  siaeId: string,
  requested: readonly string[] | undefined,
): Promise<string[]> {
  const rows: Array<{ ids: string[] }> = await manager.query(
    `SELECT coalesce((${memberCollectiveIdsSql('ARRAY[$1::uuid]', 'array_agg(DISTINCT m.collective_id ORDER BY m.collective_id)')}), '{}') AS ids`,
    [siaeId],
  );
  const active = rows[0].ids;
  if (requested === undefined) return active;
  const asked = [...new Set(requested.map((id) => id.toLowerCase()))].sort();
  const refused = asked.filter((id) => !active.includes(id));
  if (refused.length > 0) throw candidatesErrors.consentCollectivesNotMember(refused);
  return asked;
}
