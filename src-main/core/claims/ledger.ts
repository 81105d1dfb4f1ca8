import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { IssuanceRow, StoreDefaultCouponRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { claimIssuances, storeDefaultCoupons } from './schema';

/**
 * The only writer of issuance QRs and of the stores' default coupons: the outbox rows (the
 * cloud decides claims from them) and the audit entries follow from its events (claims/effects.ts).
 */
export class ClaimsLedger {
  private readonly statements;

  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {
    this.statements = {
      // A claim's codes carry the issuance id (or, from a store's poster, the store id) as batch.
      isClaimBatch: adb.sqlite.prepare(
        `SELECT 1 FROM claim_issuances WHERE id = @batch
         UNION ALL SELECT 1 FROM store_default_coupons WHERE store_id = @batch LIMIT 1`,
      ),
      countClaimed: adb.sqlite.prepare(
        'UPDATE coupon_templates SET claimed_count = claimed_count + ? WHERE id = ?',
      ),
    };
  }

  /** Codes pulled from the cloud: counted as claimed when their batch is one of our QRs. */
  countClaimed(batchId: string, templateId: string, count: number): void {
    if (this.statements.isClaimBatch.get({ batch: batchId }))
      this.statements.countClaimed.run(count, templateId);
  }

  create(ctx: EventContext, issuance: IssuanceRow): void {
    this.adb.db.insert(claimIssuances).values(issuance).run();
    this.events.record(ctx, 'claims.issuanceSaved', { issuance, from: null });
  }

  setStatus(ctx: EventContext, before: IssuanceRow, status: IssuanceRow['status'], at: number) {
    const issuance: IssuanceRow = { ...before, status, updatedAt: at };
    this.adb.db
      .update(claimIssuances)
      .set({ status, updatedAt: at })
      .where(eq(claimIssuances.id, before.id))
      .run();
    this.events.record(ctx, 'claims.issuanceSaved', { issuance, from: before.status });
    return issuance;
  }

  setStoreDefault(ctx: EventContext, row: StoreDefaultCouponRow, before: string | null): void {
    this.adb.db
      .insert(storeDefaultCoupons)
      .values(row)
      .onConflictDoUpdate({ target: storeDefaultCoupons.storeId, set: row })
      .run();
    this.events.record(ctx, 'stores.defaultCouponSet', { row, before });
  }
}
