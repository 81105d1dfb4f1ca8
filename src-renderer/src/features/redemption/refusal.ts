import {
  REFUSAL_REASONS,
  type RefusalReason,
  type Verdict,
} from '../../../../src-shared/contract/redemption';
import { looksLikeToken, parseCode } from '../../../../src-shared/coupons/codes';
import { isApiError } from '../../api/api-error';

/** Why a code cannot be used on this order, with what the app said about it. */
export interface Refusal {
  reason: RefusalReason;
  details: Record<string, unknown>;
  /** The code as the app read it ("1234 5678 …"), when it found one. */
  display: string | null;
}

/**
 * Refusals about the order, not the coupon: it stays on the order, waiting for more goods or a
 * higher amount. Any other refusal means the coupon cannot be used here at all.
 */
export const ORDER_FIT_REASONS: readonly RefusalReason[] = [
  'MIN_SPEND_NOT_MET',
  'ITEM_NOT_IN_ORDER',
];

/** The ones a cashier must not shrug off: shown in red, the rest in orange. */
export const ALARMING_REASONS: readonly RefusalReason[] = ['FORGED', 'ALREADY_REDEEMED', 'VOIDED'];

export const refusalOfVerdict = (verdict: Verdict): Refusal | null =>
  verdict.valid || !verdict.reason
    ? null
    : { reason: verdict.reason, details: verdict.details, display: verdict.display };

/** A redeem refused with COUPON_<reason> says the same as a verify would have. */
export function refusalOfError(error: unknown): Refusal | null {
  if (!isApiError(error) || !error.code.startsWith('COUPON_')) return null;
  const reason = error.code.slice('COUPON_'.length) as RefusalReason;
  return REFUSAL_REASONS.includes(reason)
    ? { reason, details: error.details, display: null }
    : null;
}

/**
 * A typed code with a wrong length or check symbol is a typo: the till says so at once, without
 * asking the app (src-shared/coupons/codes.ts). Scanned QR tokens are checked by the app.
 */
export function typoIn(input: string): Refusal | null {
  if (looksLikeToken(input)) return null;
  const parsed = parseCode(input);
  return parsed.ok
    ? null
    : { reason: 'BAD_CHECK', details: { problem: parsed.problem }, display: null };
}

/** A typed code as the app stores it (spaces, hyphens and case aside); null for a QR token. */
export function normalizedCode(input: string): string | null {
  if (looksLikeToken(input)) return null;
  const parsed = parseCode(input);
  return parsed.ok ? parsed.code : null;
}
