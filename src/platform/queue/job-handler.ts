import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-catalogue';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export type JobOutcome = 'done' | 'skipped';

/** A thin processor: parse the payload, call one use case, say done or skipped; rethrow real failures. */
export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], job: Job): Promise<JobOutcome>;
}

/** Marks a provider as the handler of one job name; the worker checks at boot that each job has exactly one. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);
