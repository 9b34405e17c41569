import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../../platform/queue/outbox.service';
import { SmsMessage } from './sms-message.entity';
import { maskPhone, SmsProvider } from './sms-provider';

/** An SMS is at most this long: 3 concatenated messages of 153 GSM characters (longer ones get split or dropped). */
export const SMS_MAX_LENGTH = 459;

/** Logs an SMS and asks for its delivery (`sms.send` through the outbox), in the caller's transaction. */
@Injectable()
export class SmsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly provider: SmsProvider,
  ) {}

  async send(manager: EntityManager, phone: string, template: string, body: string): Promise<string> {
    const text = body.length > SMS_MAX_LENGTH ? `${body.slice(0, SMS_MAX_LENGTH - 1)}…` : body;
    const saved = await manager.save(
      manager.create(SmsMessage, {
        recipient: phone,
        recipientMasked: maskPhone(phone),
        template,
        body: text,
        provider: this.provider.name,
      }),
    );
    await this.outbox.enqueue(manager, 'sms.send', { v: 1, smsId: saved.id });
    return saved.id;
  }
}
