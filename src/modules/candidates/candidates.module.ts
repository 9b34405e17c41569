import { Module } from '@nestjs/common';
import { CandidateConsentService } from './candidate-consent.service';
import { CandidatePrivacyService } from './candidate-privacy.service';
import { CandidateProfileService } from './candidate-profile.service';
import { CandidateRetentionService } from './candidate-retention.service';
import { CandidateSearchService } from './candidate-search.service';
import { CandidatesController } from './candidates.controller';
import { CandidatesService } from './candidates.service';
import { AnonymiseCandidateJob } from './jobs/anonymise-candidate.job';
import { RetentionSweepJob } from './jobs/retention-sweep.job';
import { SharedTextGuard } from './shared-text/shared-text-guard';

/**
 * Candidates: identity private to their SIAE, a pseudonymised shared profile visible to partner SIAE only with consent,
 * GDPR export/erasure and retention. Visibility lives in the SQL (candidate-access.ts), never in post-filtering.
 */
@Module({
  controllers: [CandidatesController],
  providers: [
    CandidatesService,
    CandidateProfileService,
    CandidateConsentService,
    CandidatePrivacyService,
    CandidateSearchService,
    CandidateRetentionService,
    RetentionSweepJob,
    AnonymiseCandidateJob,
    SharedTextGuard,
  ],
  // SharedTextGuard: the identity check of free text that events and proposals share about a candidate.
  exports: [CandidatesService, CandidateProfileService, CandidateRetentionService, SharedTextGuard],
})
export class CandidatesModule {}
