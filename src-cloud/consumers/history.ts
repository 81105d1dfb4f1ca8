import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { displayCode } from '../../src-shared/coupons/codes';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { CloudDb } from '../db/open';
import { couponClaims } from '../sync/schema';
import { cashbackCodes } from './schema';

type HistoryItem = EndpointOutput<'consumers.history'>['items'][number];

/** Newest first; a consumer reads a screenful, not an archive. */
const HISTORY_LIMIT = 200;

/** A phone's own redemptions at one merchant: coupons it used and cashback it was paid. */
export class ConsumerHistory {
  constructor(private readonly db: CloudDb) {}

  async of(merchantId: string, phone: string): Promise<HistoryItem[]> {
    const coupons = await this.db
      .select()
      .from(couponClaims)
      .where(
        and(
          eq(couponClaims.merchantId, merchantId),
          eq(couponClaims.customerPhone, phone),
          isNull(couponClaims.voidedAt),
        ),
      )
      .orderBy(desc(couponClaims.claimedAt))
      .limit(HISTORY_LIMIT);
    const cashback = await this.db
      .select()
      .from(cashbackCodes)
      .where(
        and(
          eq(cashbackCodes.merchantId, merchantId),
          eq(cashbackCodes.phone, phone),
          isNotNull(cashbackCodes.redeemedAt),
        ),
      )
      .orderBy(desc(cashbackCodes.redeemedAt))
      .limit(HISTORY_LIMIT);
    const items: HistoryItem[] = [
      ...coupons.map((c) => ({
        kind: 'coupon' as const,
        code: c.code,
        display: displayCode(c.code),
        amountFen: c.discountFen,
        storeId: c.storeId,
        at: c.claimedAt,
        via: 'store' as const,
      })),
      ...cashback.map((c) => ({
        kind: 'cashback' as const,
        code: c.code,
        display: displayCode(c.code),
        amountFen: c.rewardFen,
        storeId: c.storeId,
        at: c.redeemedAt!,
        via: c.redeemedVia === 'cloud' ? ('cloud' as const) : ('store' as const),
      })),
    ];
    return items.sort((a, b) => b.at - a.at).slice(0, HISTORY_LIMIT);
  }
}
