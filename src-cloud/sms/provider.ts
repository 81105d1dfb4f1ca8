/** A text message to one phone. `template` and `params` let a provider use a registered template. */
export interface SmsMessage {
  to: string;
  text: string;
  template: 'otp';
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
