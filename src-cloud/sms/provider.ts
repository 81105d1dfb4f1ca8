/**
 * A text message to one phone. `template` and `params` let a provider use a registered template
 * ('otp': a verification code; 'marketing': a campaign's text, already worded and signed).
 */
export interface SmsMessage {
  /**
   * The message's id, unique per text: the idempotency key a provider MUST honour (a second
   * hand-over with the same id is the same text, never sent twice: the cloud resends with the
   * same id after a timeout or a restart), and the id its delivery receipts report.
   */
  id: string;
  to: string;
  text: string;
  template: 'otp' | 'marketing';
  params: Record<string, string | number>;
  merchant: { code: string; name: string };
}

/** How the cloud texts consumers; a real gateway plugs in behind the webhook. */
export interface SmsProvider {
  readonly name: string;
  /** Throws SmsSendError when the message was not handed over. */
  send(message: SmsMessage): Promise<void>;
}

export class SmsSendError extends Error {
  constructor(detail: string) {
    super(`SMS not sent: ${detail}`);
    this.name = 'SmsSendError';
  }
}
