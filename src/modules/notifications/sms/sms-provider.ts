import { Injectable, Logger } from '@nestjs/common';

/** What a provider needs to send one SMS; the id lets a provider deduplicate a retried message. */
export interface SmsToSend {
  id: string;
  to: string;
  body: string;
}

/**
 * An SMS gateway (config SMS_PROVIDER). `send` resolves with the provider's message id once the provider accepted the
 * message, and throws on a failure worth retrying (BullMQ retries the `sms.send` job with backoff).
 */
export abstract class SmsProvider {
  abstract readonly name: string;
  abstract send(message: SmsToSend): Promise<{ providerMessageId: string }>;
}

/** Shows the last two digits only: enough for a person to recognise their number in a log, not to call it. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return '••';
  return `${digits.slice(0, 2)} •• •• •• ${digits.slice(-2)}`;
}

/**
 * The default provider: writes the message to the logs instead of sending it (development, demo, and deployments that
 * have no SMS contract yet). The number is masked in the log line; the text is kept so a developer can read it.
 */
@Injectable()
export class LogSmsProvider extends SmsProvider {
  readonly name = 'log';
  private readonly logger = new Logger('SMS');

  send(message: SmsToSend): Promise<{ providerMessageId: string }> {
    this.logger.log({ msg: 'sms (log provider)', smsId: message.id, to: maskPhone(message.to), body: message.body });
    return Promise.resolve({ providerMessageId: `log-${message.id}` });
  }
}
