import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
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
      const saved = await manager.getRepository(CandidateConsent).save({
        candidateId,
        scope: dto.scope,
        givenAt,
        recordedByUserId: principal.userId,
        wording: dto.wording.trim(),
        documentRef: dto.documentRef?.trim() || null,
        withdrawnAt: null,
        withdrawnByUserId: null,
      });
      if (dto.scope === 'collective') await syncSharingFlag(manager, candidateId);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.consent.given',
          subjectType: 'candidate',
          subjectId: candidateId,
          context: { consentId: saved.id, scope: dto.scope },
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
