import { Module } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { DispatchService } from './dispatch/dispatch.service';
import { SendMailJob } from './jobs/send-mail.job';
import { MailService } from './mail.service';
import './notifications.errors';
import { SendSmsJob } from './sms/send-sms.job';
import { LogSmsProvider, SmsProvider } from './sms/sms-provider';
import { SmsService } from './sms/sms.service';
import { SmtpTransport } from './smtp-transport';

/**
 * E-mail over SMTP and SMS through a provider, both logged per message and sent by jobs through the outbox; the
 * "one per person and kind" dispatch rows (reminders, outcome requests) that modules claim before sending.
 */
@Module({
  providers: [
    MailService,
    SmtpTransport,
    SendMailJob,
    SmsService,
    SendSmsJob,
    DispatchService,
    {
      provide: SmsProvider,
      inject: [AppConfig],
      // One provider today; a contracted gateway becomes another case here (its settings in AppConfig).
      useFactory: (config: AppConfig): SmsProvider => {
        switch (config.SMS_PROVIDER) {
          case 'log':
            return new LogSmsProvider();
        }
      },
    },
  ],
  exports: [MailService, SmsService, DispatchService],
})
export class NotificationsModule {}
