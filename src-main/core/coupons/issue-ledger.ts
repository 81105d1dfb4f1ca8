import type { Statement } from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { CouponRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import { SYSTEM_CONTEXT } from '../events/domain-events';
import { newId } from '../../../src-node/ids';
import { generateCodes } from '../../../src-node/coupons/code-generator';
import { coupons } from './schema';

/** What a batch of new codes shares. */
export interface NewCodes {
  templateId: string;
  templateVersion: number;
  codeFormat: Parameters<typeof generateCodes>[0];
  count: number;
  batchId: string;
  storeId: string | null;
  phone: string | null;
  validFrom: number;
  validUntil: number;
  issuedAt: number;
}

/** Codes issued at another PC, as its `coupons.issued` event brings them. */
export interface PulledCodes {
  templateId: string;
  templateVersion: number;
  batchId: string | null;
  storeId: string | null;
  phone: string | null;
  validFrom: number;
  validUntil: number;
  codes: string[];
  /** Issued by the cloud itself for a phone's claim (not by a PC). */
  claimed: boolean;
}

/**
 * The only writer of the coupons that exist here (the `coupons` rows, and the templates' issued
 * counters): issued at this PC, pulled from another, or learnt of when a genuine code never seen
 * here is redeemed; and taken out of use. Each records its domain event, which the rollups,
 * the outbox and the audit log follow. (A coupon's redeemed state is the redemption ledger's.)
 */
export class IssueLedger {
  private readonly statements: {
    insert: Statement<unknown[]>;
    countIssued: Statement<unknown[]>;
  };

  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
  ) {
    this.statements = {
      // A collision with an existing code is ignored, and drawn again by `issue`.
      insert: adb.sqlite.prepare(
        `INSERT OR IGNORE INTO coupons (id, code, template_id, template_version, status, customer_phone,
           valid_from, valid_until, batch_id, issued_store_id, issued_at, claimed)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      countIssued: adb.sqlite.prepare(
        'UPDATE coupon_templates SET issued_count = issued_count + ? WHERE id = ?',
      ),
    };
  }

  /** Draws and writes `count` new codes (the template's limits were checked by the caller). */
  /** A deleted member's phone on the codes issued to them becomes their pseudonym (PIPL). */
  renamePhone(phone: string, pseudonym: string): void {
    this.adb.sqlite
      .prepare('UPDATE coupons SET customer_phone = ? WHERE customer_phone = ?')
      .run(pseudonym, phone);
  }

  issue(ctx: EventContext, request: NewCodes): string[] {
    const written: string[] = [];
    // A collision is astronomically rare; draw again if it happens. Codes go in sorted:
    // neighbouring keys land on the same index pages.
    while (written.length < request.count) {
      for (const code of generateCodes(request.codeFormat, request.count - written.length).sort())
        if (this.insert(request, code, false)) written.push(code);
    }
    this.statements.countIssued.run(request.count, request.templateId);
    const { codeFormat: _format, ...facts } = request;
    this.events.record(ctx, 'coupons.issued', { ...facts, codes: written, origin: 'local' });
    return written;
  }

  /** Codes another PC issued (their own template counters stay theirs). */
  applyRemote(pulled: PulledCodes, now: number): void {
    const { claimed, ...codes } = pulled;
    const written = codes.codes.filter((code) =>
      this.insert({ ...codes, batchId: codes.batchId, issuedAt: now }, code, claimed),
    );
    if (written.length)
      this.events.record(SYSTEM_CONTEXT, 'coupons.issued', {
        ...codes,
        claimed,
        codes: written,
        count: written.length,
        issuedAt: now,
        origin: 'remote',
      });
  }

  /**
   * A genuine code issued elsewhere that this PC meets first at a redemption (a till admitting
   * it offline, or another store's redemption pulled): it exists here from now on.
   */
  know(coupon: CouponRow): void {
    this.adb.db.insert(coupons).values(coupon).run();
    this.events.record(SYSTEM_CONTEXT, 'coupons.issued', {
      templateId: coupon.templateId,
      templateVersion: coupon.templateVersion,
      batchId: null,
      storeId: coupon.issuedStoreId,
      phone: coupon.customerPhone,
      codes: [coupon.code],
      count: 1,
      validFrom: coupon.validFrom,
      validUntil: coupon.validUntil,
      issuedAt: coupon.issuedAt,
      origin: 'known',
    });
  }

  /** Takes a code out of use; it can never be redeemed again. */
  cancel(ctx: EventContext, coupon: CouponRow, reason: string, at: number): void {
    this.adb.db
      .update(coupons)
      .set({ status: 'cancelled', cancelledAt: at, cancelReason: reason })
      .where(eq(coupons.id, coupon.id))
      .run();
    this.events.record(ctx, 'coupons.cancelled', { coupon, at, reason });
  }

  /**
   * A code cancelled elsewhere, pulled (the wallet transferred it to another phone, or another PC
   * cancelled it): out of use here too, unless this till redeemed it meanwhile (that redemption
   * is a claim the cloud decides).
   */
  applyRemoteCancel(code: string, reason: string, at: number): boolean {
    const coupon = this.adb.db.select().from(coupons).where(eq(coupons.code, code)).get();
    if (!coupon || coupon.status !== 'active') return false;
    this.adb.db
      .update(coupons)
      .set({ status: 'cancelled', cancelledAt: at, cancelReason: reason })
      .where(eq(coupons.id, coupon.id))
      .run();
    this.events.record(SYSTEM_CONTEXT, 'coupons.cancelled', { coupon, at, reason, pulled: true });
    return true;
  }

  private insert(
    codes: Omit<NewCodes, 'codeFormat' | 'count' | 'batchId'> & { batchId: string | null },
    code: string,
    claimed: boolean,
  ): boolean {
    return (
      this.statements.insert.run(
        newId(),
        code,
        codes.templateId,
        codes.templateVersion,
        codes.phone,
        codes.validFrom,
        codes.validUntil,
        codes.batchId,
        codes.storeId,
        codes.issuedAt,
        claimed ? 1 : 0,
      ).changes > 0
    );
  }
}
