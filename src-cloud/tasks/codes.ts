import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SITE_CODE_PERIOD_MS, TASK_ORDER_CODE } from '../../src-shared/tasks/rules';

// The two QR codes of an on-site verification, both signed with the task's own secret (kept in
// the cloud only; the till and the phone just carry them):
// - the order's QR on the phone, that the till scans: `T1-<orderId>-<signature>`;
// - the till's rotating site code, that the phone scans: `S1-<storeId>-<period>-<signature>`,
//   bound to task and store and good for its 30-second period and the one before.

const SITE_CODE = /^S1-([0-9a-f-]{36})-(\d{1,12})-([A-Za-z0-9_-]{22})$/;

export const newTaskSecret = (): string => randomBytes(32).toString('base64url');

function sign(secret: string, text: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(text)
    .digest('base64url')
    .slice(0, 22);
}

function sameSignature(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export const orderCode = (secret: string, orderId: string): string =>
  `T1-${orderId}-${sign(secret, `order:${orderId}`)}`;

/** The order a scanned code names, before its signature is checked; null: not a task QR. */
export function parseOrderCode(code: string): { orderId: string; signature: string } | null {
  const match = TASK_ORDER_CODE.exec(code.trim());
  return match ? { orderId: match[1]!, signature: match[2]! } : null;
}

export const orderCodeValid = (secret: string, orderId: string, signature: string): boolean =>
  sameSignature(sign(secret, `order:${orderId}`), signature);

const periodAt = (at: number) => Math.floor(at / SITE_CODE_PERIOD_MS);

export function siteCode(secret: string, storeId: string, at: number) {
  const period = periodAt(at);
  return {
    code: `S1-${storeId}-${period}-${sign(secret, `site:${storeId}:${period}`)}`,
    expiresAt: (period + 1) * SITE_CODE_PERIOD_MS,
  };
}

/** The store a site code was shown at, if it is genuine and current (or one period old). */
export function siteCodeStore(secret: string, code: string, at: number): string | null {
  const match = SITE_CODE.exec(code.trim());
  if (!match) return null;
  const [, storeId, period, signature] = match as unknown as [string, string, string, string];
  const age = periodAt(at) - Number(period);
  if (age < 0 || age > 1) return null;
  return sameSignature(sign(secret, `site:${storeId}:${period}`), signature) ? storeId : null;
}
