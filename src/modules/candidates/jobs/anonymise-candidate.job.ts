import { Injectable } from '@nestjs/common';
import { JobPayloads } from '../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { CandidateRetentionService } from '../candidate-retention.service';

/** Thin: the use case re-reads the candidate under lock, so a replayed job, or one for an erased candidate, is skipped. */
@Injectable()
@HandlesJob('candidates.anonymise')
export class AnonymiseCandidateJob implements JobHandler<'candidates.anonymise'> {
  constructor(private readonly retention: CandidateRetentionService) {}

  async handle(payload: JobPayloads['candidates.anonymise']): Promise<JobOutcome> {
    return this.retention.anonymiseIfDue(payload.candidateId);
  }
}
