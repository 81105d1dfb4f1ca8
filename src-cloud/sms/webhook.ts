import { SmsSendError, type SmsMessage, type SmsProvider } from './provider';

/**
 * POSTs each message as JSON to a configured URL (the operator's SMS gateway adapter). Any
 * 2xx is success; anything else, or no answer within the timeout, is a failed send. The body
 * carries the message's `id` (also sent as the Idempotency-Key header): the gateway must send
 * one text per id, since the cloud posts a message again with the same id when it is not sure
 * the first post arrived.
 */
export const webhookSmsProvider = (options: { url: string; timeoutMs: number }): SmsProvider => ({
  name: 'webhook',
  async send(message: SmsMessage) {
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new SmsSendError(error instanceof Error ? error.message : String(error));
    }
    // The body is not needed; read it so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new SmsSendError(`webhook answered ${response.status}`);
  },
});
