import { createHash } from 'node:crypto';

/**
 * The key a suppression is kept under: a hash of the E.164 phone, the same on every PC and in
 * the cloud, so an unsubscribed phone stays suppressed after its member is merged or deleted
 * (the member's phone is pseudonymised; this hash is not personal data the shop can read back).
 */
export function phoneHash(phone: string): string {
  return createHash('sha256').update(`storedesk-sms:${phone}`).digest('hex');
}
