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
  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {}

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
