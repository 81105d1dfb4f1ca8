import { looksLikeToken, parseCode } from '../../../src-shared/coupons/codes';

/**
 * Whether a scan is a coupon (a code that passes its check, or a signed QR) or something else:
 * a coupon scanned on a page without a use for it opens the redemption screen.
 */
export const isCouponCode = (text: string) => looksLikeToken(text) || parseCode(text).ok;
