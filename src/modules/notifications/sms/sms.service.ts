import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../../platform/queue/outbox.service';
import { composeSms, type SmsPart } from './sms-body';
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
   * text is spelt in GSM-7 where it can be and brought to 3 segments here (`composeSms`), a cut shown by « ... »; the
   * row records the encoding and the segments billed.
   */
  async send(
    manager: EntityManager,
    phone: string,
    template: string,
    body: string | readonly SmsPart[],
  ): Promise<string> {
    const sms = composeSms(body);
    const saved = await manager.save(
      manager.create(SmsMessage, {
        recipient: phone,
        recipientMasked: maskPhone(phone),
        template,
        body: sms.body,
        encoding: sms.encoding,
        segments: sms.segments,
        provider: this.provider.name,
      }),
    );
    await this.outbox.enqueue(manager, 'sms.send', { v: 1, smsId: saved.id });
    return saved.id;
  }
}
