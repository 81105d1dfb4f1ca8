import { and, eq, isNull } from 'drizzle-orm';
import { couponClaims } from '../sync/schema';
import { walletClaims, walletTemplates } from './schema';

/** How a phone's coupon meets the rows it is read with (one place for the wallet's queries). */
export const claimJoins = {
  /** The coupon's template. */
  template: and(
    eq(walletTemplates.merchantId, walletClaims.merchantId),
    eq(walletTemplates.templateId, walletClaims.templateId),
  ),
  /** The live claim of its code in the claim book: a till redeemed it (or a transfer took it). */
  liveRedemption: and(
    eq(couponClaims.merchantId, walletClaims.merchantId),
    eq(couponClaims.code, walletClaims.code),
    isNull(couponClaims.voidedAt),
  ),
};
