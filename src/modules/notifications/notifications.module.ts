import { Module } from '@nestjs/common';
import { SendMailJob } from './jobs/send-mail.job';
import { MailService } from './mail.service';
import { SmtpTransport } from './smtp-transport';

@Module({
  providers: [MailService, SmtpTransport, SendMailJob],
  exports: [MailService],
})
export class NotificationsModule {}
