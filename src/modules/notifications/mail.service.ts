import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../platform/queue/outbox.service';
import { MailAttachment, MailMessage } from './mail-message.entity';
import { mailTemplates, MailTemplateName, MailTemplateVars } from './templates';

/**
 * Renders a French template, logs the message (with its attachments, see `MailAttachment`) and asks for its delivery,
 * all in the caller's transaction.
 */
@Injectable()
export class MailService {
  constructor(private readonly outbox: OutboxService) {}

  async send<T extends MailTemplateName>(
    manager: EntityManager,
    recipient: string,
    template: T,
    vars: MailTemplateVars<T>,
    attachments: MailAttachment[] = [],
  ): Promise<string> {
    const render = mailTemplates[template] as (v: MailTemplateVars<T>) => ReturnType<(typeof mailTemplates)[T]>;
    const mail = render(vars);
    const saved = await manager.save(
      manager.create(MailMessage, {
        recipient,
        template,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html,
        attachments,
      }),
    );
    await this.outbox.enqueue(manager, 'mail.send', { v: 1, mailId: saved.id });
    return saved.id;
  }
}
