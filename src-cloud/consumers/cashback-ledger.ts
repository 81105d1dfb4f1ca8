import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { cashbackIssuedSchema, cashbackRedeemedSchema } from '../../src-shared/sync/events';
import type { Claim } from '../../src-shared/sync/sync';
import type { Queryable } from '../db/open';
import { ACCEPTED, type EventScope, type Outcome } from '../sync/outcome';
import { cashbackCodes } from './schema';

export type CashbackRow = typeof cashbackCodes.$inferSelect;

export interface CashbackPayout {
  phone: string;
  redeemedAt: number;
  via: 'counter' | 'terminal' | 'cloud';
  deviceId: string | null;
  eventId: string;
  receivedAt: number;
}

const claimOf = (
  row: CashbackRow,
  payout: CashbackPayout,
  deviceName: (id: string | null) => string | null,
): Claim => ({
  kind: 'cashback',
  code: row.code,
  redemptionId: row.id,
  eventId: payout.eventId || null,
  deviceId: payout.deviceId,
  deviceName: deviceName(payout.deviceId),
  storeId: payout.via === 'cloud' ? null : row.storeId,
  terminalId: payout.via === 'terminal' ? row.terminalId : null,
  staffId: null,
  phone: payout.phone,
  amountFen: row.rewardFen,
  claimedAt: payout.redeemedAt,
  receivedAt: payout.receivedAt,
});

/**
 * Cashback codes the tills issued and their single payout. A code is paid once: at a counter
 * (pushed `cashback.redeemed`) or through the cloud (a consumer's phone), whoever reaches the
 * cloud first; the other is a conflict.
 */
export class CashbackLedger {
  async find(db: Queryable, merchantId: string, code: string): Promise<CashbackRow | undefined> {
    const [row] = await db
      .select()
      .from(cashbackCodes)
      .where(and(eq(cashbackCodes.merchantId, merchantId), eq(cashbackCodes.code, code)));
    return row;
  }

  async recordIssued(
    scope: EventScope,
    payload: z.infer<typeof cashbackIssuedSchema>,
  ): Promise<Outcome> {
    await scope.tx
      .insert(cashbackCodes)
      .values({
        merchantId: scope.merchantId,
        id: payload.id,
        code: payload.code,
        templateId: payload.templateId,
        productId: payload.productId,
        terminalId: payload.terminalId,
        storeId: payload.storeId,
        rewardFen: payload.rewardFen,
        issuedAt: payload.issuedAt,
        validUntil: payload.validUntil,
      })
      .onConflictDoNothing();
    return ACCEPTED;
  }

  /** A payout made at a till. A code the cloud never saw issued is relayed, not decided. */
  async claimFromDevice(
    scope: EventScope,
    payload: z.infer<typeof cashbackRedeemedSchema>,
  ): Promise<Outcome> {
    const row = await this.find(scope.tx, scope.merchantId, payload.code);
    if (!row) return ACCEPTED;
    const payout: CashbackPayout = {
      phone: payload.phone,
      redeemedAt: payload.redeemedAt,
      via: payload.via,
      deviceId: scope.deviceId,
      eventId: scope.eventId,
      receivedAt: scope.receivedAt,
    };
    if (row.redeemedAt === null) {
      await this.markRedeemed(scope.tx, row, payout);
      return ACCEPTED;
    }
    if (row.redeemedEventId === scope.eventId) return ACCEPTED;
    return {
      status: 'conflict',
      conflict: {
        code: row.code,
        winner: claimOf(row, this.payoutOf(row), scope.deviceName),
        loser: claimOf(row, payout, scope.deviceName),
      },
    };
  }

  /** Pays the code out; only if nobody did yet (the caller holds the merchant's stream). */
  async markRedeemed(db: Queryable, row: CashbackRow, payout: CashbackPayout): Promise<void> {
    await db
      .update(cashbackCodes)
      .set({
        phone: payout.phone,
        redeemedAt: payout.redeemedAt,
        redeemedVia: payout.via,
        redeemedDeviceId: payout.deviceId,
        redeemedEventId: payout.eventId,
        redemptionReceivedAt: payout.receivedAt,
      })
      .where(
        and(
          eq(cashbackCodes.merchantId, row.merchantId),
          eq(cashbackCodes.id, row.id),
          isNull(cashbackCodes.redeemedAt),
        ),
      );
  }

  private payoutOf(row: CashbackRow): CashbackPayout {
    return {
      phone: row.phone ?? '',
      redeemedAt: row.redeemedAt ?? 0,
      via: row.redeemedVia ?? 'counter',
      deviceId: row.redeemedDeviceId,
      eventId: row.redeemedEventId ?? '',
      receivedAt: row.redemptionReceivedAt ?? 0,
    };
  }
}
