import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { redemptionClaimSchema, redemptionVoidSchema } from '../../src-shared/sync/events';
import type { Claim } from '../../src-shared/sync/sync';
import { ACCEPTED, type EventScope, type Outcome } from './outcome';
import { couponClaims } from './schema';

type ClaimRow = typeof couponClaims.$inferSelect;

const toClaim = (row: ClaimRow, scope: EventScope): Claim => ({
  kind: 'coupon',
  code: row.code,
  redemptionId: row.redemptionId,
  eventId: row.eventId,
  deviceId: row.deviceId,
  deviceName: scope.deviceName(row.deviceId),
  storeId: row.storeId,
  terminalId: row.terminalId,
  staffId: row.staffId,
  phone: row.customerPhone,
  amountFen: row.discountFen,
  claimedAt: row.claimedAt,
  receivedAt: row.receivedAt,
});

/**
 * Single use across stores. A redemption made at a till (online or offline) is a claim on its
 * code; the first claim the cloud receives wins, a later claim on a live code is answered
 * `conflict` with both sides. Voiding the winner frees the code for the next claim; a claim
 * already answered `conflict` stays so (answers never change): the till that lost claims again
 * with a new event if the sale stands.
 */
export class CouponClaims {
  async claim(scope: EventScope, payload: z.infer<typeof redemptionClaimSchema>): Promise<Outcome> {
    const { tx, merchantId } = scope;
    const row: ClaimRow = {
      merchantId,
      redemptionId: payload.id,
      code: payload.code,
      eventId: scope.eventId,
      deviceId: scope.deviceId,
      storeId: payload.storeId,
      terminalId: payload.terminalId ?? null,
      staffId: payload.staffId ?? null,
      customerPhone: payload.customerPhone ?? null,
      subtotalFen: payload.subtotalFen,
      discountFen: payload.discountFen,
      claimedAt: payload.createdAt,
      receivedAt: scope.receivedAt,
      voidedAt: null,
    };
    const [same] = await tx
      .select()
      .from(couponClaims)
      .where(
        and(eq(couponClaims.merchantId, merchantId), eq(couponClaims.redemptionId, payload.id)),
      );
    // The same redemption under another event id: already decided.
    if (same) return ACCEPTED;
    const [live] = await tx
      .select()
      .from(couponClaims)
      .where(
        and(
          eq(couponClaims.merchantId, merchantId),
          eq(couponClaims.code, payload.code),
          isNull(couponClaims.voidedAt),
        ),
      );
    if (live)
      return {
        status: 'conflict',
        conflict: { code: payload.code, winner: toClaim(live, scope), loser: toClaim(row, scope) },
      };
    await tx.insert(couponClaims).values(row);
    return ACCEPTED;
  }

  /** A void frees the code if it voids the live claim; voiding a lost claim changes nothing. */
  async void(scope: EventScope, payload: z.infer<typeof redemptionVoidSchema>): Promise<Outcome> {
    await scope.tx
      .update(couponClaims)
      .set({ voidedAt: payload.voidedAt })
      .where(
        and(
          eq(couponClaims.merchantId, scope.merchantId),
          eq(couponClaims.redemptionId, payload.redemptionId),
          isNull(couponClaims.voidedAt),
        ),
      );
    return ACCEPTED;
  }
}
