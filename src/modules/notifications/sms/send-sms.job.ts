import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../../platform/clock/clock';
import { JobPayloads } from '../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { SmsMessage } from './sms-message.entity';
import { SmsProvider } from './sms-provider';

/** Sends one logged SMS; a sent one is never sent again (a retried job re-reads the row first). */
@Injectable()
@HandlesJob('sms.send')
export class SendSmsJob implements JobHandler<'sms.send'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: SmsProvider,
    private readonly clock: Clock,
  ) {}

  async handle(payload: JobPayloads['sms.send'], job: Job): Promise<JobOutcome> {
    const repo = this.dataSource.getRepository(SmsMessage);
    const sms = await repo.findOneBy({ id: payload.smsId });
    if (!sms) throw new UnrecoverableError(`sms ${payload.smsId} not found`);
    if (sms.status !== 'pending' || sms.recipient === null) return 'skipped';
    try {
      const { providerMessageId } = await this.provider.send({ id: sms.id, to: sms.recipient, body: sms.body });
      await repo.update(
        { id: sms.id },
        {
          status: 'sent',
          sentAt: this.clock.now(),
          attempts: sms.attempts + 1,
          provider: this.provider.name,
          providerMessageId,
          lastError: null,
          recipient: null,
        },
      );
      return 'done';
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await repo.update(
        { id: sms.id },
        {
          attempts: sms.attempts + 1,
          lastError: String((error as Error).message).slice(0, 1000),
          ...(lastAttempt ? { status: 'failed' as const, recipient: null } : {}),
        },
      );
      throw error;
    }
  }
}
