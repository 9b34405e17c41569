import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../../platform/clock/clock';
import { JobPayloads } from '../../../platform/queue/job-catalogue';
import { HandlesJob, JobHandler, JobOutcome } from '../../../platform/queue/job-handler';
import { MailMessage } from '../mail-message.entity';
import { SmtpTransport } from '../smtp-transport';

@Injectable()
@HandlesJob('mail.send')
export class SendMailJob implements JobHandler<'mail.send'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: SmtpTransport,
    private readonly clock: Clock,
  ) {}

  async handle(payload: JobPayloads['mail.send'], job: Job): Promise<JobOutcome> {
    const mail = await this.dataSource.getRepository(MailMessage).findOneBy({ id: payload.mailId });
    if (!mail) throw new UnrecoverableError(`mail ${payload.mailId} not found`);
    if (mail.status === 'sent') return 'skipped';
    try {
      const info = await this.transport.deliver({
        to: mail.recipient,
        subject: mail.subject,
        text: mail.bodyText,
        html: mail.bodyHtml,
        id: mail.id,
        attachments: mail.attachments,
      });
      await this.dataSource.getRepository(MailMessage).update(
        { id: mail.id },
        {
          status: 'sent',
          sentAt: this.clock.now(),
          attempts: mail.attempts + 1,
          smtpMessageId: info.messageId,
          lastError: null,
        },
      );
      return 'done';
    } catch (error) {
      // The log says `failed` only once BullMQ has no retry left, so that a reader knows a human must act.
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.dataSource.getRepository(MailMessage).update(
        { id: mail.id },
        {
          attempts: mail.attempts + 1,
          lastError: String((error as Error).message).slice(0, 1000),
          ...(lastAttempt ? { status: 'failed' as const } : {}),
        },
      );
      throw error;
    }
  }
}
