import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../../platform/queue/outbox.service';
import { fitSms, type SmsPart } from './sms-body';
import { SmsMessage } from './sms-message.entity';
import { maskPhone, SmsProvider } from './sms-provider';

/** Logs an SMS and asks for its delivery (`sms.send` through the outbox), in the caller's transaction. */
@Injectable()
export class SmsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly provider: SmsProvider,
  ) {}

  /**
   * `body`: the text, or its parts with the ones never to cut (`{ keep }`: a link and what names it). Every caller's
   * text is brought to the bound here (`fitSms`, `SMS_MAX_LENGTH`, the column's length too), a cut shown by « … ».
   */
  async send(
    manager: EntityManager,
    phone: string,
    template: string,
    body: string | readonly SmsPart[],
  ): Promise<string> {
    const saved = await manager.save(
      manager.create(SmsMessage, {
        recipient: phone,
        recipientMasked: maskPhone(phone),
        template,
        body: fitSms(body),
        provider: this.provider.name,
      }),
    );
    await this.outbox.enqueue(manager, 'sms.send', { v: 1, smsId: saved.id });
    return saved.id;
  }
}
