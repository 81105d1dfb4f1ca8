import { and, count, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { Redemption, RefusalReason, Verdict } from '../../../src-shared/contract/redemption';
import { displayCode } from '../../../src-shared/coupons/codes';
import {
  priceOrder,
  subtotalOnlyLines,
  type PricedCoupon,
  type PricingLine,
} from '../../../src-shared/coupons/pricing';
import { formatFen } from '../../../src-shared/money';
import { localDateTime } from '../../../src-shared/time';
import type { AuditService } from '../audit/service';
import type { AuthService } from '../auth/service';
import { coupons, couponTemplates, redemptions } from '../coupons/schema';
import type { SigningKeys } from '../coupons/signing-keys';
import type { TemplatesService } from '../coupons/templates';
import { readCode } from '../coupons/read-code';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import type { OutboxService } from '../outbox/service';
import { placeholdersFor } from '../db/placeholders';
import { AppError } from '../platform/app-error';
import type { Clock } from '../platform/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../platform/ids';
import type { ProductsService } from '../products/service';
import { staff } from '../staff/schema';
import { syncedStaff } from '../sync/schema';
import { stores, terminals } from '../stores/schema';
import type { StoresService } from '../stores/service';
import { AttemptGuard } from './attempt-guard';
import { rollupsOf } from '../analytics/rollups';
import type { OfflineAdmissions } from '../sync/offline-admissions';

type CouponRow = typeof coupons.$inferSelect;
type RedemptionRow = typeof redemptions.$inferSelect;
type OrderInput = ParsedInputOf<'redemption.verify'>['order'];

export interface RedemptionConfig {
  /** How long after a redemption a manager may still void it. */
  voidWindowMs: number;
}

interface Till {
  storeId: string;
  storeName: string;
  timeZone: string;
  terminalId: string | null;
}

interface ResolvedOrder {
  lines: PricingLine[];
  names: (string | null)[];
  customerPhone: string | null;
}

/** A refusal carried through the evaluation; `verify` reports it, `redeem` throws it. */
class Refusal {
  constructor(
    readonly reason: RefusalReason,
    readonly details: Record<string, unknown> = {},
    readonly coupon: CouponRow | null = null,
  ) {}
}

const REFUSALS_THAT_COUNT_AS_GUESSES: RefusalReason[] = ['NOT_FOUND', 'BAD_CHECK', 'FORGED'];

/** Queries on the hot path, prepared once per connection. */
const byId = sql.placeholder('id');
const redemptionQueries = (db: Drizzle) => ({
  storeName: db.select({ name: stores.name }).from(stores).where(eq(stores.id, byId)).prepare(),
  terminalCode: db
    .select({ code: terminals.code })
    .from(terminals)
    .where(eq(terminals.id, byId))
    .prepare(),
  // Staff of this PC, or of another PC of the merchant (redemptions pulled from other stores).
  staffName: db
    .select({ name: sql<string>`coalesce(${staff.name}, ${syncedStaff.name})` })
    .from(sql`(select ${byId} as id) as wanted`)
    .leftJoin(staff, sql`${staff.id} = wanted.id`)
    .leftJoin(syncedStaff, sql`${syncedStaff.id} = wanted.id`)
    .prepare(),
  templateName: db
    .select({ name: couponTemplates.name })
    .from(couponTemplates)
    .where(eq(couponTemplates.id, byId))
    .prepare(),
  insert: db.insert(redemptions).values(placeholdersFor(redemptions)).prepare(),
  markRedeemed: db
    .update(coupons)
    .set({ status: 'redeemed' })
    .where(eq(coupons.id, sql.placeholder('id')))
    .prepare(),
  countRedemption: db
    .update(couponTemplates)
    .set({
      redeemedCount: sql`${couponTemplates.redeemedCount} + 1`,
      redeemedFen: sql`${couponTemplates.redeemedFen} + ${sql.placeholder('discountFen')}`,
    })
    .where(eq(couponTemplates.id, sql.placeholder('id')))
    .prepare(),
  byCode: db
    .select()
    .from(coupons)
    .where(eq(coupons.code, sql.placeholder('code')))
    .prepare(),
  byIdempotencyKey: db
    .select()
    .from(redemptions)
    .where(eq(redemptions.idempotencyKey, sql.placeholder('key')))
    .prepare(),
});

export class RedemptionService {
  private readonly queries: ReturnType<typeof redemptionQueries>;

  private readonly guard: AttemptGuard;

  /** Coupon rows made for admitted unseen codes: written only when the redemption is. */
  private readonly unsaved = new WeakSet<CouponRow>();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly config: RedemptionConfig,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly templates: TemplatesService,
    private readonly keys: SigningKeys,
    private readonly products: ProductsService,
    private readonly stores: StoresService,
    private readonly auth: AuthService,
    /** Genuine codes never seen here (issued at another store, not yet synced). */
    private readonly unseenCodes: OfflineAdmissions,
  ) {
    this.queries = redemptionQueries(adb.db);
    this.guard = new AttemptGuard(clock);
  }

  verify(ctx: HandlerContext, input: ParsedInputOf<'redemption.verify'>): Verdict {
    const till = this.till(ctx, input.storeId);
    const order = this.resolveOrder(input.order);
    const outcome = this.evaluate(ctx, till, input.code, order, input.withCodes);
    return outcome instanceof Refusal ? this.refusedVerdict(outcome, order) : outcome.verdict;
  }

  redeem(
    ctx: HandlerContext,
    input: ParsedInputOf<'redemption.redeem'>,
  ): OutputOf<'redemption.redeem'> {
    const till = this.till(ctx, input.storeId);
    const order = this.resolveOrder(input.order);
    return this.adb.write(() => {
      const earlier = this.queries.byIdempotencyKey.get({ key: input.idempotencyKey });
      if (earlier) return this.replay(earlier, input.code);

      // Checked again under the write lock: of two tills racing for one code, one wins.
      const outcome = this.evaluate(ctx, till, input.code, order, input.withCodes);
      if (outcome instanceof Refusal) {
        throw new AppError(`COUPON_${outcome.reason}`, outcome.details);
      }
      const { coupon, verdict } = outcome;
      if (this.unsaved.has(coupon)) {
        this.adb.db.insert(coupons).values(coupon).run();
        this.unseenCodes.record(coupon, verdict.discountFen, till.timeZone);
      }
      const now = this.clock.now();
      const actor = ctx.actor;
      const row: RedemptionRow = {
        id: newId(),
        couponId: coupon.id,
        code: coupon.code,
        templateId: coupon.templateId,
        templateVersion: coupon.templateVersion,
        storeId: till.storeId,
        terminalId: till.terminalId,
        staffId: actor.kind === 'staff' ? actor.staffId : null,
        customerPhone: order.customerPhone ?? coupon.customerPhone,
        idempotencyKey: input.idempotencyKey,
        subtotalFen: verdict.subtotalFen,
        discountFen: verdict.discountFen,
        lines: verdict.lines,
        gift: verdict.gift ? { productId: verdict.gift.productId, qty: verdict.gift.qty } : null,
        status: 'completed',
        createdAt: now,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      };
      this.adb.db.insert(redemptions).values(row).run();
      rollupsOf(this.adb).onRedemption(row);
      this.adb.db
        .update(coupons)
        .set({ status: 'redeemed' })
        .where(eq(coupons.id, coupon.id))
        .run();
      this.adb.db
        .update(couponTemplates)
        .set({
          redeemedCount: sql`${couponTemplates.redeemedCount} + 1`,
          redeemedFen: sql`${couponTemplates.redeemedFen} + ${verdict.discountFen}`,
        })
        .where(eq(couponTemplates.id, coupon.templateId))
        .run();
      this.outbox.add('redemption.completed', row.id, { ...row });
      this.audit.record(ctx, {
        action: 'redemption.redeem',
        targetType: 'coupon',
        targetId: coupon.id,
        storeId: till.storeId,
        details: {
          code: displayCode(coupon.code),
          discountFen: verdict.discountFen,
          template: verdict.template?.name,
        },
      });
      this.adb.emitAfterCommit('redemption.changed', { redemptionId: row.id, status: 'completed' });
      return { redemption: this.toRedemption(row), verdict, replayed: false };
    });
  }

  async void(ctx: HandlerContext, input: ParsedInputOf<'redemption.void'>): Promise<Redemption> {
    const manager = await this.auth.authorizeManager(ctx, input.managerId, input.managerPin);
    return this.adb.write(() => {
      const row = this.adb.db
        .select()
        .from(redemptions)
        .where(eq(redemptions.id, input.redemptionId))
        .get();
      if (!row) throw new AppError('REDEMPTION_NOT_FOUND', { id: input.redemptionId });
      if (row.status === 'voided') throw new AppError('ALREADY_VOIDED');
      const now = this.clock.now();
      if (now - row.createdAt > this.config.voidWindowMs)
        throw new AppError('VOID_WINDOW_PASSED', {
          minutes: Math.round(this.config.voidWindowMs / 60_000),
        });
      this.adb.db
        .update(redemptions)
        .set({ status: 'voided', voidedAt: now, voidedBy: manager.id, voidReason: input.reason })
        .where(eq(redemptions.id, row.id))
        .run();
      rollupsOf(this.adb).onRedemptionVoided(row, now);
      // The coupon can be used again, and the campaign's budget gets its money back.
      this.adb.db
        .update(coupons)
        .set({ status: 'active' })
        .where(eq(coupons.id, row.couponId))
        .run();
      this.adb.db
        .update(couponTemplates)
        .set({
          redeemedCount: sql`${couponTemplates.redeemedCount} - 1`,
          redeemedFen: sql`${couponTemplates.redeemedFen} - ${row.discountFen}`,
        })
        .where(eq(couponTemplates.id, row.templateId))
        .run();
      this.outbox.add('redemption.voided', row.id, {
        redemptionId: row.id,
        couponId: row.couponId,
        voidedAt: now,
        voidedBy: manager.id,
        reason: input.reason,
      });
      this.audit.record(ctx, {
        action: 'redemption.void',
        targetType: 'redemption',
        targetId: row.id,
        storeId: row.storeId,
        details: {
          code: displayCode(row.code),
          discountFen: row.discountFen,
          manager: manager.name,
          reason: input.reason,
        },
      });
      this.adb.emitAfterCommit('redemption.changed', { redemptionId: row.id, status: 'voided' });
      return this.toRedemption(
        this.adb.db.select().from(redemptions).where(eq(redemptions.id, row.id)).get()!,
      );
    });
  }

  list(input: ParsedInputOf<'redemption.list'>): OutputOf<'redemption.list'> {
    const filters: SQL[] = [];
    if (input.from !== undefined) filters.push(gte(redemptions.createdAt, input.from));
    if (input.to !== undefined) filters.push(lte(redemptions.createdAt, input.to));
    if (input.storeId) filters.push(eq(redemptions.storeId, input.storeId));
    if (input.staffId) filters.push(eq(redemptions.staffId, input.staffId));
    if (input.templateId) filters.push(eq(redemptions.templateId, input.templateId));
    if (input.status) filters.push(eq(redemptions.status, input.status));
    if (input.code) {
      const reading = readCode(input.code, this.keys);
      filters.push(eq(redemptions.code, reading.ok ? reading.code : input.code));
    }
    if (input.before) filters.push(lt(redemptions.id, input.before));
    const rows = this.adb.db
      .select()
      .from(redemptions)
      .where(and(...filters))
      .orderBy(desc(redemptions.id))
      .limit(input.limit + 1)
      .all();
    const items = rows.slice(0, input.limit);
    return {
      items: this.toRedemptions(items),
      nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null,
    };
  }

  /** Everything `verify` and `redeem` check, in the order a cashier would want to hear it. */
  private evaluate(
    ctx: HandlerContext,
    till: Till,
    codeInput: string,
    order: ResolvedOrder,
    withCodes: string[],
  ): Refusal | { coupon: CouponRow; verdict: Verdict } {
    const guardKeys = this.guardKeys(ctx);
    const coolDown = this.guard.coolingDown(guardKeys);
    if (coolDown) return new Refusal('COOLING_DOWN', { seconds: Math.ceil(coolDown / 1000) });

    const found = this.findCoupon(codeInput, till);
    if (found instanceof Refusal) {
      if (REFUSALS_THAT_COUNT_AS_GUESSES.includes(found.reason) && this.guard.fail(guardKeys))
        this.audit.record(ctx, {
          action: 'redemption.coolDown',
          storeId: till.storeId,
          details: { attempts: this.guard.limit, seconds: this.guard.coolDownMs / 1000 },
        });
      return found;
    }
    const coupon = found;
    const template = this.templates.row(coupon.templateId);
    const version = this.templates.version(coupon.templateId, coupon.templateVersion);
    const now = this.clock.now();
    const at = (ms: number) => localDateTime(ms, till.timeZone);

    if (coupon.status === 'redeemed')
      return new Refusal('ALREADY_REDEEMED', this.redeemedDetails(coupon, till), coupon);
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
    }
    if (template.budgetCount !== null && template.redeemedCount >= template.budgetCount)
      return new Refusal('BUDGET_EXHAUSTED', { budgetCount: template.budgetCount }, coupon);
    if (version.rule.type === 'cashback') return new Refusal('NOT_FOUND', {}, null);

    const others = this.otherCoupons(withCodes, coupon.code, till);
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
    if (template.budgetFen !== null && template.redeemedFen + mine.discountFen > template.budgetFen)
      return new Refusal('BUDGET_EXHAUSTED', { budgetFen: template.budgetFen }, coupon);
    if (this.unsaved.has(coupon)) {
      const over = this.unseenCodes.overValue(mine.discountFen, till.timeZone);
      if (over) return new Refusal('OFFLINE_LIMIT_REACHED', over, null);
    }

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
    return this.queries.byCode.get({ code });
  }

  /** The other coupons on this order, as the pricing needs them; unknown ones are left out. */
  private otherCoupons(withCodes: string[], ownCode: string, till: Till): PricedCoupon[] {
    const result: PricedCoupon[] = [];
    for (const other of withCodes) {
      const found = this.findCoupon(other, till);
      if (found instanceof Refusal || found.code === ownCode) continue;
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

  private refusedVerdict(refusal: Refusal, order: ResolvedOrder): Verdict {
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

  /** The same idempotency key answers the same redemption; for another code it is an error. */
  private replay(earlier: RedemptionRow, codeInput: string): OutputOf<'redemption.redeem'> {
    const reading = readCode(codeInput, this.keys);
    if (!reading.ok || reading.code !== earlier.code) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    const redemption = this.toRedemption(earlier);
    const template = this.templates.row(earlier.templateId);
    const lines = earlier.lines as Verdict['lines'];
    const verdict: Verdict = {
      valid: true,
      reason: null,
      details: {},
      code: earlier.code,
      display: displayCode(earlier.code),
      template: {
        id: template.id,
        name: template.name,
        type: template.type,
        stackable: this.templates.version(template.id, earlier.templateVersion).stackable,
        version: earlier.templateVersion,
      },
      validUntil: null,
      subtotalFen: earlier.subtotalFen,
      discountFen: earlier.discountFen,
      payableFen: earlier.subtotalFen - earlier.discountFen,
      step: null,
      lines,
      gift: null,
    };
    return { redemption, verdict, replayed: true };
  }

  /** Which store and till a call happens at: the session's terminal, a terminal key, or the input. */
  private till(ctx: HandlerContext, storeId: string | undefined): Till {
    const actor = ctx.actor;
    let terminalId: string | null = null;
    let resolvedStore = storeId ?? null;
    if (actor.kind === 'terminal') {
      terminalId = actor.terminalId;
      resolvedStore = actor.storeId;
    } else if (actor.kind === 'staff') {
      terminalId = actor.terminalId;
      resolvedStore ??= terminalId ? this.stores.getTerminal(terminalId).storeId : actor.storeId;
    }
    if (!resolvedStore) throw new AppError('TERMINAL_REQUIRED');
    const store = this.stores.get(resolvedStore);
    return { storeId: store.id, storeName: store.name, timeZone: store.timezone, terminalId };
  }

  private resolveOrder(order: OrderInput): ResolvedOrder {
    const customerPhone = order.customerPhone ?? null;
    if ('subtotalFen' in order)
      return { lines: subtotalOnlyLines(order.subtotalFen), names: [null], customerPhone };
    const lines: PricingLine[] = [];
    const names: string[] = [];
    for (const line of order.lines) {
      const product = this.products.lookup(line);
      lines.push({
        productId: product.id,
        category: product.category || null,
        qty: line.qty,
        unitPriceFen: line.unitPriceFen ?? product.priceFen,
      });
      names.push(product.name);
    }
    return { lines, names, customerPhone };
  }

  private guardKeys(ctx: HandlerContext): string[] {
    const actor = ctx.actor;
    if (actor.kind === 'terminal') return [`terminal:${actor.terminalId}`];
    if (actor.kind === 'staff')
      return [
        `staff:${actor.staffId}`,
        ...(actor.terminalId ? [`terminal:${actor.terminalId}`] : []),
      ];
    return [];
  }

  private toRedemption(row: RedemptionRow): Redemption {
    return this.toRedemptions([row])[0]!;
  }

  private toRedemptions(rows: RedemptionRow[]): Redemption[] {
    // Names by id through prepared lookups, each id once: pages hold few stores, staff, templates.
    const memo = <T>(lookup: (id: string) => T) => {
      const seen = new Map<string, T>();
      return (id: string) => {
        if (!seen.has(id)) seen.set(id, lookup(id));
        return seen.get(id)!;
      };
    };
    const q = this.queries;
    const storeName = memo((id) => q.storeName.get({ id })?.name ?? '');
    const terminalCode = memo((id) => q.terminalCode.get({ id })?.code ?? null);
    const staffName = memo((id) => q.staffName.get({ id })?.name ?? null);
    const templateName = memo((id) => q.templateName.get({ id })?.name ?? '');
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      display: displayCode(row.code),
      templateId: row.templateId,
      templateName: templateName(row.templateId),
      storeId: row.storeId,
      storeName: storeName(row.storeId),
      terminalId: row.terminalId,
      terminalCode: row.terminalId ? terminalCode(row.terminalId) : null,
      staffId: row.staffId,
      staffName: row.staffId ? staffName(row.staffId) : null,
      customerPhone: row.customerPhone,
      subtotalFen: row.subtotalFen,
      discountFen: row.discountFen,
      gift: row.gift ?? null,
      status: row.status,
      createdAt: row.createdAt,
      voidedAt: row.voidedAt,
      voidedByName: row.voidedBy ? staffName(row.voidedBy) : null,
      voidReason: row.voidReason,
    }));
  }
}
