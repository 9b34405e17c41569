import { Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '../../platform/config/app-config';
import type { MailAttachment } from './mail-message.entity';

@Injectable()
export class SmtpTransport implements OnModuleDestroy {
  private transporter?: Transporter;

  constructor(private readonly config: AppConfig) {}

  async deliver(message: {
    to: string;
    subject: string;
    text: string;
    html: string;
    id: string;
    attachments: MailAttachment[];
  }): Promise<{ messageId: string; response: string }> {
    this.transporter ??= nodemailer.createTransport({
      host: this.config.SMTP_HOST,
      port: this.config.SMTP_PORT,
      secure: this.config.SMTP_SECURE,
      auth: this.config.SMTP_USER ? { user: this.config.SMTP_USER, pass: this.config.SMTP_PASSWORD ?? '' } : undefined,
      connectionTimeout: 10_000,
      ignoreTLS: !this.config.SMTP_SECURE && this.config.SMTP_HOST === '127.0.0.1',
    });
    const info = await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
      })),
      // Lets receiving servers and our own tests recognise a message retried after a lost acknowledgement.
      headers: { 'X-Maillage-Mail-Id': message.id },
    });
    return { messageId: String(info.messageId), response: String(info.response) };
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
