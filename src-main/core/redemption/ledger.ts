import type { Statement } from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { IssueLedger } from '../coupons/issue-ledger';
import { coupons, redemptions } from '../coupons/schema';
import type { AppDatabase } from '../db/database';
import { placeholdersFor } from '../db/placeholders';
import type { CouponRow, RedemptionRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { SYSTEM_CONTEXT } from '../events/domain-events';
import { newId } from '../../../src-node/ids';

/** What a redemption made at another store carries (its `redemption.completed` event). */
export type PulledRedemption = Partial<RedemptionRow> &
  Pick<
    RedemptionRow,
    'id' | 'code' | 'templateId' | 'storeId' | 'subtotalFen' | 'discountFen' | 'createdAt'
  >;

/** A void made at another store (its `redemption.voided` event). */
export interface PulledVoid {
  redemptionId: string;
  voidedAt: number;
  reason?: string | null;
}

/**
 * The only writer of redemptions, of a coupon's redeemed state and of the templates' redeemed
 * counters, for every path: the till, a sale, another store's redemption or void pulled by
 * sync, a lost conflict settled by a manager. Each records its domain event, so the rollups,
 * the outbox and the audit log follow whichever path it was.
 */
export class RedemptionLedger {
  private readonly statements: {
    insert: ReturnType<typeof prepareInsert>;
    markCoupon: Statement<unknown[]>;
    count: Statement<unknown[]>;
    markVoided: Statement<unknown[]>;
    byId: ReturnType<typeof prepareById>;
  };

  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
    private readonly issued: IssueLedger,
  ) {
    const { sqlite } = adb;
    this.statements = {
      insert: prepareInsert(adb),
      markCoupon: sqlite.prepare('UPDATE coupons SET status = ? WHERE id = ?'),
      count: sqlite.prepare(
        `UPDATE coupon_templates SET redeemed_count = redeemed_count + ?, redeemed_fen = redeemed_fen + ?
         WHERE id = ?`,
      ),
      markVoided: sqlite.prepare(
        `UPDATE redemptions SET status = 'voided', voided_at = ?, voided_by = ?, void_reason = ?
         WHERE id = ? AND status = 'completed'`,
      ),
      byId: prepareById(adb),
    };
  }

  /** A coupon used at this till; `unseen`: a genuine code met here first (written with it). */
  /** A deleted member's phone on their redemptions becomes their pseudonym (PIPL). */
  renamePhone(phone: string, pseudonym: string): void {
    this.adb.sqlite
      .prepare('UPDATE redemptions SET customer_phone = ? WHERE customer_phone = ?')
      .run(pseudonym, phone);
  }

  complete(ctx: EventContext, redemption: RedemptionRow, unseen: CouponRow | null): void {
    if (unseen) this.issued.know(unseen);
    this.write(redemption);
    this.events.record(ctx, 'redemption.completed', { redemption, origin: 'local' });
  }

  /** A manager's void: the coupon can be used again and the campaign gets its money back. */
  void(
    ctx: EventContext,
    redemption: RedemptionRow,
    voided: { at: number; by: { id: string; name: string }; reason: string },
  ): void {
    this.unwrite(redemption, voided.at, voided.by.id, voided.reason, true);
    this.events.record(ctx, 'redemption.voided', {
      redemption,
      voidedAt: voided.at,
      voidedBy: voided.by,
      reason: voided.reason,
      origin: 'local',
    });
  }

  /**
   * Another store redeemed a code: this till refuses it from now on. A code never seen here
   * becomes known; a code this till holds its own live claim on is left to the push's answer.
   */
  applyRemote(eventId: string, claim: PulledRedemption): void {
    let coupon = this.adb.db.select().from(coupons).where(eq(coupons.code, claim.code)).get();
    if (!coupon) {
      coupon = {
        id: newId(),
        code: claim.code,
        templateId: claim.templateId,
        templateVersion: claim.templateVersion ?? 1,
        status: 'active',
        customerPhone: claim.customerPhone ?? null,
        validFrom: claim.createdAt,
        validUntil: claim.createdAt,
        batchId: null,
        issuedStoreId: null,
        issuedAt: claim.createdAt,
        // Not known to be a phone's claim: the code's own pulled issue, if it comes, is a duplicate.
        claimed: false,
        cancelledAt: null,
        cancelReason: null,
      };
      this.issued.know(coupon);
    }
    const live = this.adb.db
      .select({ id: redemptions.id })
      .from(redemptions)
      .where(sql`${redemptions.couponId} = ${coupon.id} and ${redemptions.status} = 'completed'`)
      .get();
    // Known already (an earlier page, or voided since): each redemption is counted once.
    if (live || this.row(claim.id)) return;
    const redemption: RedemptionRow = {
      id: claim.id,
      couponId: coupon.id,
      code: claim.code,
      templateId: claim.templateId,
      templateVersion: claim.templateVersion ?? coupon.templateVersion,
      storeId: claim.storeId,
      terminalId: claim.terminalId ?? null,
      staffId: claim.staffId ?? null,
      customerPhone: claim.customerPhone ?? null,
      idempotencyKey: `sync:${eventId}`,
      subtotalFen: claim.subtotalFen,
      discountFen: claim.discountFen,
      lines: Array.isArray(claim.lines) ? claim.lines : [],
      gift: claim.gift ?? null,
      status: 'completed',
      createdAt: claim.createdAt,
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
    };
    this.write(redemption);
    this.events.record(SYSTEM_CONTEXT, 'redemption.completed', { redemption, origin: 'remote' });
  }

  /** Another store voided one of its redemptions: the coupon can be used again. */
  applyRemoteVoid(pulled: PulledVoid): RedemptionRow | null {
    const redemption = this.completed(pulled.redemptionId);
    if (!redemption) return null;
    this.unwrite(redemption, pulled.voidedAt, null, pulled.reason ?? null, true);
    this.events.record(SYSTEM_CONTEXT, 'redemption.voided', {
      redemption,
      voidedAt: pulled.voidedAt,
      voidedBy: null,
      reason: pulled.reason ?? null,
      origin: 'remote',
    });
    return redemption;
  }

  /**
   * This till's claim lost to another store's (the cloud decided): voided here, the campaign's
   * counters give the discount back, and the coupon stays redeemed (the winner holds it).
   */
  voidLost(
    ctx: EventContext,
    redemption: RedemptionRow,
    voided: { at: number; by: { id: string; name: string }; reason: string },
  ): void {
    this.unwrite(redemption, voided.at, voided.by.id, voided.reason, false);
    this.events.record(ctx, 'redemption.voided', {
      redemption,
      voidedAt: voided.at,
      voidedBy: voided.by,
      reason: voided.reason,
      origin: 'conflict',
    });
  }

  row(id: string): RedemptionRow | undefined {
    return this.statements.byId.get({ id });
  }

  /** The redemption if it is still live. */
  completed(id: string): RedemptionRow | null {
    const row = this.row(id);
    return row?.status === 'completed' ? row : null;
  }

  private write(redemption: RedemptionRow): void {
    this.statements.insert.run(redemption);
    this.statements.markCoupon.run('redeemed', redemption.couponId);
    this.statements.count.run(1, redemption.discountFen, redemption.templateId);
  }

  private unwrite(
    redemption: RedemptionRow,
    at: number,
    by: string | null,
    reason: string | null,
    couponBack: boolean,
  ): void {
    this.statements.markVoided.run(at, by, reason, redemption.id);
    if (couponBack) this.statements.markCoupon.run('active', redemption.couponId);
    this.statements.count.run(-1, -redemption.discountFen, redemption.templateId);
  }
}

function prepareById(adb: AppDatabase) {
  return adb.db
    .select()
    .from(redemptions)
    .where(eq(redemptions.id, sql.placeholder('id')))
    .prepare();
}

function prepareInsert(adb: AppDatabase) {
  return adb.db.insert(redemptions).values(placeholdersFor(redemptions)).prepare();
}
