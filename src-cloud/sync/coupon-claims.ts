import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { redemptionClaimSchema, redemptionVoidSchema } from '../../src-shared/sync/events';
import type { Claim } from '../../src-shared/sync/sync';
import type { CloudTx } from '../db/open';
import { ACCEPTED, type EventScope, type Outcome } from './outcome';
import { couponClaims } from './schema';

type ClaimRow = typeof couponClaims.$inferSelect;
type ClaimPayload = z.infer<typeof redemptionClaimSchema>;
type VoidPayload = z.infer<typeof redemptionVoidSchema>;

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
 *
 * One book per push: it loads the claims the batch touches in one query, decides in memory in
 * event order (the push holds the merchant's lock, so nobody else decides meanwhile), and
 * writes the new claims and voids in one statement each. The database keeps the last word: a
 * partial unique index refuses a second live claim of a code.
 */
export class CouponClaimBook {
  private readonly byRedemption = new Map<string, ClaimRow>();
  private readonly liveByCode = new Map<string, ClaimRow>();
  private readonly inserts: ClaimRow[] = [];
  private readonly voids = new Map<string, number>();

  private constructor(
    private readonly tx: CloudTx,
    private readonly merchantId: string,
  ) {}

  /** Loads the claims of the codes and redemptions this batch names. */
  static async open(
    tx: CloudTx,
    merchantId: string,
    names: { codes: string[]; redemptionIds: string[] },
  ): Promise<CouponClaimBook> {
    const book = new CouponClaimBook(tx, merchantId);
    if (!names.codes.length && !names.redemptionIds.length) return book;
    const rows = await tx
      .select()
      .from(couponClaims)
      .where(
        and(
          eq(couponClaims.merchantId, merchantId),
          sql`(${couponClaims.code} in (select jsonb_array_elements_text(${JSON.stringify(names.codes)}::jsonb))
            or ${couponClaims.redemptionId} in (select jsonb_array_elements_text(${JSON.stringify(names.redemptionIds)}::jsonb)))`,
        ),
      );
    for (const row of rows) book.remember(row);
    return book;
  }

  claim(scope: EventScope, payload: ClaimPayload): Outcome {
    // The same redemption under another event id: already decided.
    if (this.byRedemption.has(payload.id)) return ACCEPTED;
    const row: ClaimRow = {
      merchantId: this.merchantId,
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
    const live = this.liveByCode.get(payload.code);
    if (live)
      return {
        status: 'conflict',
        conflict: { code: payload.code, winner: toClaim(live, scope), loser: toClaim(row, scope) },
      };
    this.inserts.push(row);
    this.remember(row);
    return ACCEPTED;
  }

  /** The store of a redemption the cloud holds a claim of (decided before or in this batch). */
  storeOf(redemptionId: string): string | null {
    return this.byRedemption.get(redemptionId)?.storeId ?? null;
  }

  /** A void frees the code if it voids the live claim; voiding a lost claim changes nothing. */
  void(payload: VoidPayload): Outcome {
    const row = this.byRedemption.get(payload.redemptionId);
    if (row && row.voidedAt === null) {
      row.voidedAt = payload.voidedAt;
      if (this.liveByCode.get(row.code) === row) this.liveByCode.delete(row.code);
      if (!this.inserts.includes(row)) this.voids.set(row.redemptionId, payload.voidedAt);
    }
    return ACCEPTED;
  }

  /** Writes what the batch decided; call before the events are stored. */
  async flush(): Promise<void> {
    // Voids first: a claim later in the batch may take a code a void freed.
    if (this.voids.size) {
      const voids = JSON.stringify([...this.voids].map(([id, at]) => ({ id, at })));
      await this.tx.execute(sql`
        update coupon_claims set voided_at = v.at
        from jsonb_to_recordset(${voids}::jsonb) as v(id text, at bigint)
        where coupon_claims.merchant_id = ${this.merchantId}
          and coupon_claims.redemption_id = v.id and coupon_claims.voided_at is null`);
    }
    if (this.inserts.length) {
      const rows = JSON.stringify(
        this.inserts.map((r) => ({
          merchant_id: r.merchantId,
          redemption_id: r.redemptionId,
          code: r.code,
          event_id: r.eventId,
          device_id: r.deviceId,
          store_id: r.storeId,
          terminal_id: r.terminalId,
          staff_id: r.staffId,
          customer_phone: r.customerPhone,
          subtotal_fen: r.subtotalFen,
          discount_fen: r.discountFen,
          claimed_at: r.claimedAt,
          received_at: r.receivedAt,
          voided_at: r.voidedAt,
        })),
      );
      await this.tx.execute(sql`
        insert into coupon_claims (merchant_id, redemption_id, code, event_id, device_id, store_id,
          terminal_id, staff_id, customer_phone, subtotal_fen, discount_fen, claimed_at,
          received_at, voided_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text,
          redemption_id text, code text, event_id text, device_id text, store_id text,
          terminal_id text, staff_id text, customer_phone text, subtotal_fen bigint,
          discount_fen bigint, claimed_at bigint, received_at bigint, voided_at bigint)`);
    }
  }

  private remember(row: ClaimRow) {
    this.byRedemption.set(row.redemptionId, row);
    if (row.voidedAt === null) this.liveByCode.set(row.code, row);
  }
}
