import { count, eq, sum } from 'drizzle-orm';
import type { SyncSettings } from '../../../src-shared/contract/sync';
import { formatFen } from '../../../src-shared/money';
import { localDate } from '../../../src-shared/time';
import { couponTemplates, type coupons } from '../coupons/schema';
import type { TokenClaims } from '../../../src-node/coupons/token';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import { offlineAdmissions, syncLink } from './schema';

type CouponRow = typeof coupons.$inferSelect;

export type Admission =
  | { ok: true; coupon: CouponRow }
  | { ok: false; details: Record<string, unknown> }
  /** The template is unknown here too: nothing to price it with. */
  | null;

/**
 * Genuinely signed codes this till has never seen issued (another store printed them and the
 * sync has not brought them yet) may be redeemed offline, within a count and a discount total
 * per business day. Such a redemption is a claim like any other: the cloud decides it.
 */
export class OfflineAdmissions {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly limits: () => SyncSettings,
  ) {}

  /** A coupon row for the code (not yet written), when today's count allows one more. */
  admit(token: TokenClaims, timeZone: string): Admission {
    // Only a till of a chain meets codes printed elsewhere: an unpaired one says "not found".
    if (!this.adb.db.select({ id: syncLink.id }).from(syncLink).get()) return null;
    const template = this.adb.db
      .select()
      .from(couponTemplates)
      .where(eq(couponTemplates.id, token.templateId))
      .get();
    if (!template) return null;
    const used = this.usedToday(timeZone);
    const limits = this.limits();
    if (used.count >= limits.offlineMaxCountPerDay) return { ok: false, details: this.details() };
    const now = this.clock.now();
    return {
      ok: true,
      coupon: {
        id: newId(),
        code: token.code,
        templateId: template.id,
        templateVersion: template.version,
        status: 'active',
        customerPhone: null,
        validFrom: 0,
        validUntil: token.validUntil,
        batchId: null,
        issuedStoreId: null,
        issuedAt: now,
        // Not known to be a phone's claim: the code's own pulled issue, if it comes, is a duplicate.
        claimed: false,
        cancelledAt: null,
        cancelReason: null,
      },
    };
  }

  /** Refusal details when this discount would pass today's total, else null. */
  overValue(discountFen: number, timeZone: string): Record<string, unknown> | null {
    const used = this.usedToday(timeZone);
    return used.fen + discountFen > this.limits().offlineMaxFenPerDay ? this.details() : null;
  }

  /** Inside the redemption's transaction: the coupon row and today's tally. */
  record(coupon: CouponRow, discountFen: number, timeZone: string): void {
    this.adb.db
      .insert(offlineAdmissions)
      .values({
        couponId: coupon.id,
        code: coupon.code,
        day: localDate(this.clock.now(), timeZone),
        discountFen,
        createdAt: this.clock.now(),
      })
      .run();
  }

  private usedToday(timeZone: string) {
    const row = this.adb.db
      .select({ n: count(), fen: sum(offlineAdmissions.discountFen) })
      .from(offlineAdmissions)
      .where(eq(offlineAdmissions.day, localDate(this.clock.now(), timeZone)))
      .get();
    return { count: row?.n ?? 0, fen: Number(row?.fen ?? 0) };
  }

  private details() {
    const limits = this.limits();
    return {
      maxCount: limits.offlineMaxCountPerDay,
      maxFen: limits.offlineMaxFenPerDay,
      maxText: formatFen(limits.offlineMaxFenPerDay),
    };
  }
}
