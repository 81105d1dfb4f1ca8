import { and, count, eq, sql } from 'drizzle-orm';
import type { RefusalReason, Verdict } from '../../../src-shared/contract/redemption';
import { displayCode } from '../../../src-shared/coupons/codes';
import {
  priceOrder,
  type CouponRule,
  type PricedCoupon,
  type PricingLine,
} from '../../../src-shared/coupons/pricing';
import { formatFen } from '../../../src-shared/money';
import { localDateTime } from '../../../src-shared/time';
import type { AuditService } from '../audit/service';
import { coupons, redemptions } from '../coupons/schema';
import { readCode } from '../coupons/read-code';
import type { SigningKeys } from '../coupons/signing-keys';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { CouponRow } from '../events/catalogue';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import type { ProductsService } from '../products/service';
import { staff } from '../staff/schema';
import { stores, terminals } from '../stores/schema';
import { syncedStaff } from '../sync/schema';
import type { OfflineAdmissions } from '../sync/offline-admissions';
import { CodesGuard } from '../codes-guard/guard';

/** The store and till a call happens at. */
export interface Till {
  storeId: string;
  storeName: string;
  timeZone: string;
  terminalId: string | null;
}

/** The order as priced: lines with their products' categories and names. */
export interface ResolvedOrder {
  lines: PricingLine[];
  names: (string | null)[];
  customerPhone: string | null;
}

/** A coupon that may be used here and now, and how many more of its template one order may use. */
export interface Admitted {
  template: ReturnType<TemplatesService['row']>;
  /** The version the code was issued under; never a cashback rule (those are paid, not applied). */
  version: Omit<ReturnType<TemplatesService['version']>, 'rule'> & { rule: CouponRule };
  /** Left by the per-customer limit and the budget's count; null when neither limits it. */
  usesLeft: number | null;
}

/** A refusal carried through the evaluation; `verify` reports it, `redeem` throws it. */
export class Refusal {
  constructor(
    readonly reason: RefusalReason,
    readonly details: Record<string, unknown> = {},
    readonly coupon: CouponRow | null = null,
  ) {}
}

const REFUSALS_THAT_COUNT_AS_GUESSES: RefusalReason[] = ['NOT_FOUND', 'BAD_CHECK', 'FORGED'];

/**
 * The rules of a redemption: whether a code may be used on this order and what it takes off,
 * or why not. Reads only (a cool-down's audit entry aside): `redeem` asks again under the write
 * lock, so of two tills racing for one code, one wins.
 */
export class RedemptionRules {
  /** Shared with every other path that looks a code up (cashback, printing, cancel). */
  readonly guard: CodesGuard;

  /** Coupon rows made for admitted unseen codes: written only when the redemption is. */
  private readonly unsaved = new WeakSet<CouponRow>();

  private readonly byCode;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly templates: TemplatesService,
    private readonly keys: SigningKeys,
    private readonly products: ProductsService,
    /** Genuine codes never seen here (issued at another store, not yet synced). */
    private readonly unseenCodes: OfflineAdmissions,
    guard?: CodesGuard,
  ) {
    this.guard = guard ?? new CodesGuard(clock, audit);
    this.byCode = adb.db
      .select()
      .from(coupons)
      .where(eq(coupons.code, sql.placeholder('code')))
      .prepare();
  }

  /** Whether this coupon row stands for a genuine code met here first (not written yet). */
  isUnseen(coupon: CouponRow): boolean {
    return this.unsaved.has(coupon);
  }

  /**
   * Reads a typed code or scanned QR and finds its coupon. Every lookup a caller makes goes
   * through here, so each bad code counts against the till's and the cashier's guess guard.
   */
  lookUp(ctx: HandlerContext, till: Till, codeInput: string): Refusal | CouponRow {
    const guardKeys = this.guardKeys(ctx);
    const coolDown = this.guard.coolingDown(guardKeys);
    if (coolDown) return new Refusal('COOLING_DOWN', { seconds: Math.ceil(coolDown / 1000) });

    const found = this.findCoupon(codeInput, till);
    if (found instanceof Refusal) {
      if (REFUSALS_THAT_COUNT_AS_GUESSES.includes(found.reason))
        this.guard.miss(ctx, 'redemption', till.storeId);
    }
    return found;
  }

  /** Whether this coupon may be used at all here and now, whatever else is on the order. */
  admit(coupon: CouponRow, till: Till, order: ResolvedOrder): Refusal | Admitted {
    const template = this.templates.row(coupon.templateId);
    const version = this.templates.version(coupon.templateId, coupon.templateVersion);
    const now = this.clock.now();
    const at = (ms: number) => localDateTime(ms, till.timeZone);

    if (coupon.status === 'redeemed')
      return new Refusal('ALREADY_REDEEMED', this.redeemedDetails(coupon, till), coupon);
    // Given to another phone in the wallet: the receiver holds a new code.
    if (coupon.status === 'cancelled' && coupon.cancelReason === 'transferred')
      return new Refusal('TRANSFERRED', {}, coupon);
    if (coupon.status === 'cancelled')
      return new Refusal('VOIDED', { cancelReason: coupon.cancelReason }, coupon);
    if (template.status !== 'active')
      return new Refusal('TEMPLATE_PAUSED', { status: template.status }, coupon);
    if (now < coupon.validFrom)
      return new Refusal(
        'NOT_YET_VALID',
        { validFrom: coupon.validFrom, validFromText: at(coupon.validFrom) },
        coupon,
      );
    if (now > coupon.validUntil)
      return new Refusal(
        'EXPIRED',
        { validUntil: coupon.validUntil, validUntilText: at(coupon.validUntil) },
        coupon,
      );
    if (template.storeIds.length && !template.storeIds.includes(till.storeId))
      return new Refusal('STORE_NOT_ELIGIBLE', { storeName: till.storeName }, coupon);
    // How many more of this template the customer and the budget allow on one order.
    let usesLeft =
      template.budgetCount === null ? null : template.budgetCount - template.redeemedCount;
    const phone = order.customerPhone ?? coupon.customerPhone;
    if (phone && template.perCustomerLimit !== null) {
      const used = this.adb.db
        .select({ n: count() })
        .from(redemptions)
        .where(
          and(
            eq(redemptions.customerPhone, phone),
            eq(redemptions.templateId, template.id),
            eq(redemptions.status, 'completed'),
          ),
        )
        .get()!.n;
      if (used >= template.perCustomerLimit)
        return new Refusal('CUSTOMER_LIMIT_REACHED', { limit: template.perCustomerLimit }, coupon);
      usesLeft = Math.min(usesLeft ?? Infinity, template.perCustomerLimit - used);
    }
    if (template.budgetCount !== null && template.redeemedCount >= template.budgetCount)
      return new Refusal('BUDGET_EXHAUSTED', { budgetCount: template.budgetCount }, coupon);
    if (version.rule.type === 'cashback') return new Refusal('NOT_FOUND', {}, null);
    return { template, version: { ...version, rule: version.rule }, usesLeft };
  }

  /** Everything `verify` and `redeem` check, in the order a cashier would want to hear it. */
  evaluate(
    ctx: HandlerContext,
    till: Till,
    codeInput: string,
    order: ResolvedOrder,
    withCodes: string[],
  ): Refusal | { coupon: CouponRow; verdict: Verdict } {
    const found = this.lookUp(ctx, till, codeInput);
    if (found instanceof Refusal) return found;
    const coupon = found;
    const admitted = this.admit(coupon, till, order);
    if (admitted instanceof Refusal) return admitted;
    const { template, version } = admitted;

    // The other codes on the order change the verdict (stacking, the discount): a probe too.
    const others = this.otherCoupons(ctx, withCodes, coupon.code, till);
    if (others instanceof Refusal) return others;
    // The coupons already on the order come first: a second non-stackable one is the newcomer.
    const priced = priceOrder(order.lines, [
      ...others,
      { key: coupon.code, rule: version.rule, scope: version.scope, stackable: version.stackable },
    ]);
    const mine = priced.coupons.find((c) => c.key === coupon.code)!;
    if (!mine.ok) {
      const details: Record<string, unknown> = { ...mine.details };
      if (mine.reason === 'MIN_SPEND_NOT_MET') details.shortText = formatFen(mine.details.shortFen);
      return new Refusal(mine.reason, details, coupon);
    }
    const tooMuch = this.overBudget(coupon, template, mine.discountFen, till);
    if (tooMuch) return tooMuch;

    return {
      coupon,
      verdict: {
        valid: true,
        reason: null,
        details: {},
        code: coupon.code,
        display: displayCode(coupon.code),
        template: {
          id: template.id,
          name: template.name,
          type: template.type,
          stackable: version.stackable,
          version: coupon.templateVersion,
        },
        validUntil: coupon.validUntil,
        subtotalFen: priced.subtotalFen,
        discountFen: mine.discountFen,
        payableFen: priced.payableFen,
        step: mine.step,
        lines: order.lines.map((line, i) => ({
          productId: line.productId,
          name: order.names[i] ?? null,
          qty: line.qty,
          unitPriceFen: line.unitPriceFen,
          discountFen: mine.lineDiscountsFen[i]!,
        })),
        gift: mine.gift
          ? {
              productId: mine.gift.productId,
              name: this.products.get(mine.gift.productId).name,
              qty: mine.gift.qty,
            }
          : null,
      },
    };
  }

  /** Whether taking `discountFen` off with this coupon would break its campaign's budget. */
  overBudget(
    coupon: CouponRow,
    template: Admitted['template'],
    discountFen: number,
    till: Till,
  ): Refusal | null {
    if (template.budgetFen !== null && template.redeemedFen + discountFen > template.budgetFen)
      return new Refusal('BUDGET_EXHAUSTED', { budgetFen: template.budgetFen }, coupon);
    if (this.unsaved.has(coupon)) {
      const over = this.unseenCodes.overValue(discountFen, till.timeZone);
      if (over) return new Refusal('OFFLINE_LIMIT_REACHED', over, null);
    }
    return null;
  }

  /** A typed code (checked for typos before any lookup) or a scanned QR token. */
  private findCoupon(codeInput: string, till: Till): CouponRow | Refusal {
    const reading = readCode(codeInput, this.keys);
    if (!reading.ok) return new Refusal(reading.reason, { problem: reading.problem });
    const coupon = this.couponByCode(reading.code);
    if (coupon) return coupon;
    if (!reading.token) return new Refusal('NOT_FOUND', { display: displayCode(reading.code) });
    // Genuine, but this till has never seen it (issued elsewhere, not yet synced): admitted
    // within the offline limits, as a claim the cloud decides.
    const admission = this.unseenCodes.admit(reading.token, till.timeZone);
    if (admission?.ok) {
      this.unsaved.add(admission.coupon);
      return admission.coupon;
    }
    if (admission) return new Refusal('OFFLINE_LIMIT_REACHED', admission.details);
    return new Refusal('NOT_FOUND', {
      genuine: true,
      templateId: reading.token.templateId,
      validUntil: reading.token.validUntil,
      validUntilText: localDateTime(reading.token.validUntil, till.timeZone),
    });
  }

  private couponByCode(code: string): CouponRow | undefined {
    return this.byCode.get({ code });
  }

  /** The other coupons on this order, as the pricing needs them; unknown ones are left out. */
  private otherCoupons(
    ctx: HandlerContext,
    withCodes: string[],
    ownCode: string,
    till: Till,
  ): PricedCoupon[] | Refusal {
    const result: PricedCoupon[] = [];
    for (const other of withCodes) {
      const seconds = this.guard.secondsLeft(ctx);
      if (seconds) return new Refusal('COOLING_DOWN', { seconds });
      const found = this.findCoupon(other, till);
      if (found instanceof Refusal) {
        if (REFUSALS_THAT_COUNT_AS_GUESSES.includes(found.reason))
          this.guard.miss(ctx, 'redemption', till.storeId);
        continue;
      }
      // A code sent twice is one coupon: it must not take its discount twice.
      if (found.code === ownCode || result.some((known) => known.key === found.code)) continue;
      const version = this.templates.version(found.templateId, found.templateVersion);
      if (version.rule.type === 'cashback') continue;
      result.push({
        key: found.code,
        rule: version.rule,
        scope: version.scope,
        stackable: version.stackable,
      });
    }
    return result;
  }

  private redeemedDetails(coupon: CouponRow, till: Till): Record<string, unknown> {
    const row = this.adb.db
      .select({
        id: redemptions.id,
        at: redemptions.createdAt,
        storeName: stores.name,
        terminalCode: terminals.code,
        staffName: sql<string | null>`coalesce(${staff.name}, ${syncedStaff.name})`,
      })
      .from(redemptions)
      .innerJoin(stores, eq(stores.id, redemptions.storeId))
      .leftJoin(terminals, eq(terminals.id, redemptions.terminalId))
      .leftJoin(staff, eq(staff.id, redemptions.staffId))
      .leftJoin(syncedStaff, eq(syncedStaff.id, redemptions.staffId))
      .where(and(eq(redemptions.couponId, coupon.id), eq(redemptions.status, 'completed')))
      .get();
    if (!row) return {};
    return {
      redemptionId: row.id,
      at: row.at,
      atText: localDateTime(row.at, till.timeZone),
      storeName: row.storeName,
      terminalCode: row.terminalCode,
      staffName: row.staffName ?? row.terminalCode ?? '',
    };
  }

  /** The verdict of a refused code: nothing off, the whole order payable. */
  refusedVerdict(refusal: Refusal, order: ResolvedOrder): Verdict {
    const subtotalFen = order.lines.reduce((sum, l) => sum + l.qty * l.unitPriceFen, 0);
    const coupon = refusal.coupon;
    const template = coupon ? this.templates.row(coupon.templateId) : null;
    return {
      valid: false,
      reason: refusal.reason,
      details: refusal.details,
      code: coupon?.code ?? null,
      display: coupon ? displayCode(coupon.code) : null,
      template:
        coupon && template
          ? {
              id: template.id,
              name: template.name,
              type: template.type,
              stackable: this.templates.version(template.id, coupon.templateVersion).stackable,
              version: coupon.templateVersion,
            }
          : null,
      validUntil: coupon?.validUntil ?? null,
      subtotalFen,
      discountFen: 0,
      payableFen: subtotalFen,
      step: null,
      lines: order.lines.map((line, i) => ({
        productId: line.productId,
        name: order.names[i] ?? null,
        qty: line.qty,
        unitPriceFen: line.unitPriceFen,
        discountFen: 0,
      })),
      gift: null,
    };
  }

  private guardKeys(ctx: HandlerContext): string[] {
    return this.guard.keysOf(ctx);
  }
}
