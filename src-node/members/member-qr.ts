import { timingSafeEqual } from 'node:crypto';
import { MEMBER_QR_PREFIX, MEMBER_QR_SLOT_MS } from '../../src-shared/members/member-qr';
import { mac } from '../coupons/token';

// The member code the wallet shows and the till scans: SDM1.<kid>.<member id>.<slot>.<mac>.
// The slot is the 30-second window it was made in, so a screenshot stops working within two
// minutes; the MAC is the merchant's coupon key's (any till of the merchant verifies it offline,
// the cloud makes it), over a body that no coupon token can share (a different prefix).

const SLOT_MS = MEMBER_QR_SLOT_MS;
/** Slots either side of now that still scan: the phone's clock may be off, the page may be old. */
const SLOTS_ACCEPTED = 4;

const slotOf = (at: number) => Math.floor(at / SLOT_MS);

export function signMemberQr(
  claims: { kid: string; memberId: string; at: number },
  secret: Buffer,
): string {
  const body = `${MEMBER_QR_PREFIX}${claims.kid}.${claims.memberId}.${slotOf(claims.at).toString(36)}`;
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** When the code shown now stops scanning (the wallet refreshes it before). */
export const memberQrRefreshMs = SLOT_MS;

export type MemberQrCheck =
  | { ok: true; memberId: string }
  | { ok: false; problem: 'malformed' | 'unknown-key' | 'bad-signature' | 'expired' };

/** Checks a scanned member code against the merchant's keys and the time now. */
export function verifyMemberQr(
  payload: string,
  secretsFor: (kid: string) => readonly Buffer[],
  now: number,
): MemberQrCheck {
  const parts = payload.trim().split('.');
  if (parts.length !== 5 || `${parts[0]}.` !== MEMBER_QR_PREFIX)
    return { ok: false, problem: 'malformed' };
  const [, kid, memberId, slotText, signature] = parts as [string, string, string, string, string];
  const slot = parseInt(slotText, 36);
  if (!kid || !/^[0-9a-f-]{36}$/i.test(memberId) || !Number.isFinite(slot))
    return { ok: false, problem: 'malformed' };
  const secrets = secretsFor(kid);
  if (!secrets.length) return { ok: false, problem: 'unknown-key' };
  const body = parts.slice(0, 4).join('.');
  const given = Buffer.from(signature, 'base64url');
  const genuine = secrets.some((secret) => {
    const expected = mac(secret, body);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!genuine) return { ok: false, problem: 'bad-signature' };
  if (Math.abs(slotOf(now) - slot) > SLOTS_ACCEPTED) return { ok: false, problem: 'expired' };
  return { ok: true, memberId };
}
