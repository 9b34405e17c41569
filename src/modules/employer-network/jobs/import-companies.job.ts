import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobPayloads } from '../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { CompanyImportJobs } from '../company-import-jobs.service';

/** Thin: the import row says whether there is still work; real failures are rethrown for BullMQ's retries. */
@Injectable()
@HandlesJob('employer-network.import')
export class ImportCompaniesJob implements JobHandler<'employer-network.import'> {
  constructor(private readonly imports: CompanyImportJobs) {}

  async handle(payload: JobPayloads['employer-network.import'], job: Job): Promise<JobOutcome> {
    try {
      return await this.imports.run(payload.importId);
    } catch (error) {
      const lastAttempt = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.imports.recordFailure(payload.importId, error as Error, lastAttempt);
      throw error;
    }
  }
}
