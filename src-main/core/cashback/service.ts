import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import { displayCode } from '../../../src-shared/coupons/codes';
import { endOfLocalDay, localDate, localDateTime, startOfLocalDay } from '../../../src-shared/time';
import type { CashbackSettings } from '../../../src-shared/contract/cashback';
import { saleLines, sales } from '../sales/schema';
import type { SettingsService } from '../settings/service';
import { generateCodes } from '../../../src-node/coupons/code-generator';
import { codeValidity, type IssueService } from '../coupons/issue';
import { cashbackCodes, couponTemplates } from '../coupons/schema';
import type { SigningKeys } from '../coupons/signing-keys';
import type { TemplatesService } from '../coupons/templates';
import { readCode } from '../coupons/read-code';
import type { CodesGuard } from '../codes-guard/guard';
import type { AppDatabase } from '../db/database';
import type { CashbackRow } from '../events/catalogue';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { ProductsService } from '../products/service';
import type { StoresService } from '../stores/service';
import type { CashbackLedger } from './ledger';

/**
 * 返现: a POS terminal asks for a code for each product it sells; the code is bound to that
 * product and terminal (so to a store and region) and pays its reward once, to the phone number
 * the consumer gives.
 */
const PAYOUT_CAP_KEY = 'cashback.maxPayoutsPerPhonePerDay';
/** A shop gives a customer a code or two a day; ten covers a family's shopping. */
export const DEFAULT_MAX_PAYOUTS_PER_PHONE_PER_DAY = 10;
/** A code asked for without naming the sale is for a sale recorded in the last day. */
const RECENT_SALE_MS = 24 * 3600_000;

export class CashbackService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly ledger: CashbackLedger,
    private readonly templates: TemplatesService,
    private readonly issue: IssueService,
    private readonly keys: SigningKeys,
    private readonly products: ProductsService,
    private readonly stores: StoresService,
    private readonly settings: SettingsService,
    private readonly codesGuard: CodesGuard,
  ) {}

  getSettings(): CashbackSettings {
    return {
      maxPayoutsPerPhonePerDay:
        this.settings.get<number>(PAYOUT_CAP_KEY) ?? DEFAULT_MAX_PAYOUTS_PER_PHONE_PER_DAY,
    };
  }

  updateSettings(input: CashbackSettings): CashbackSettings {
    this.adb.write(() => this.settings.set(PAYOUT_CAP_KEY, input.maxPayoutsPerPhonePerDay));
    return this.getSettings();
  }

  requestCode(
    ctx: HandlerContext,
    input: ParsedInputOf<'cashback.requestCode'>,
  ): OutputOf<'cashback.requestCode'> {
    const actor = ctx.actor;
    const terminalId =
      actor.kind === 'terminal'
        ? actor.terminalId
        : (input.terminalId ?? (actor.kind === 'staff' ? actor.terminalId : null));
    if (!terminalId) throw new AppError('TERMINAL_REQUIRED');
    const terminal = this.stores.getTerminal(terminalId);
    const store = this.stores.get(terminal.storeId);
    const product = this.products.lookup(input);
    const template = this.offerFor(product.id, product.category, store.id);
    if (!template) throw new AppError('NO_CASHBACK_TEMPLATE', { product: product.name });
    const rule = template.rule;
    if (rule.type !== 'cashback') throw new Error('cashback offer without a cashback rule');
    const now = this.clock.now();
    const { validUntil } = codeValidity(template, now, store.timezone);
    const row: CashbackRow = this.adb.write(() => {
      const line = this.saleLineFor(ctx, input, terminal.id, store.id, product);
      let code = generateCodes('numeric', 1)[0]!;
      while (this.ledger.byCode(code)) code = generateCodes('numeric', 1)[0]!;
      const inserted: CashbackRow = {
        id: newId(),
        code,
        templateId: template.id,
        productId: product.id,
        terminalId: terminal.id,
        storeId: store.id,
        provinceCode: store.provinceCode,
        cityCode: store.cityCode,
        districtCode: store.districtCode,
        rewardFen: rule.rewardFen,
        issuedAt: now,
        validUntil,
        status: 'issued',
        phone: null,
        redeemedAt: null,
        redeemedVia: null,
        redeemedBy: null,
        saleLineId: line.id,
      };
      this.ledger.issue(ctx, inserted);
      return inserted;
    });
    return {
      code: row.code,
      display: displayCode(row.code),
      qrPayload: this.issue.qrPayload(row.code, template.id, validUntil),
      rewardFen: row.rewardFen,
      productId: product.id,
      productName: product.name,
      storeId: store.id,
      terminalId: terminal.id,
      issuedAt: now,
      validUntil,
      saleId: this.saleOfLine(row.saleLineId!),
      saleLineId: row.saleLineId!,
    };
  }

  /**
   * The recorded sale line this code is given for: one with a unit of the product that has no
   * code yet (one code per unit sold, returns deducted). Named by the caller (sale id or the
   * till's sale id, optionally the line), or else the newest such line of the last 24 h at the
   * terminal (any terminal of the store for staff), so a POS terminal that records its sale and
   * then asks, as it always did, needs no change. Without a sale there is no code: a till cannot
   * print itself codes to cash in.
   */
  private saleLineFor(
    ctx: HandlerContext,
    input: ParsedInputOf<'cashback.requestCode'>,
    terminalId: string,
    storeId: string,
    product: { id: string; name: string },
  ): { id: string } {
    const filters = [eq(sales.storeId, storeId), eq(saleLines.productId, product.id)];
    const named = input.saleId ?? input.terminalSaleId ?? input.saleLineId;
    if (input.saleId) filters.push(eq(sales.id, input.saleId));
    if (input.terminalSaleId) {
      filters.push(eq(sales.terminalSaleId, input.terminalSaleId));
      if (ctx.actor.kind === 'terminal') filters.push(eq(sales.originKey, ctx.actor.terminalId));
    }
    if (input.saleLineId) filters.push(eq(saleLines.id, input.saleLineId));
    if (!named) {
      filters.push(gte(sales.recordedAt, this.clock.now() - RECENT_SALE_MS));
      if (ctx.actor.kind === 'terminal') filters.push(eq(sales.terminalId, terminalId));
    }
    const coded = sql<number>`(SELECT count(*) FROM cashback_codes c WHERE c.sale_line_id = ${saleLines.id})`;
    const lines = this.adb.db
      .select({
        id: saleLines.id,
        units: sql<number>`${saleLines.qty} - ${saleLines.returnedQty}`,
        coded,
      })
      .from(saleLines)
      .innerJoin(sales, eq(sales.id, saleLines.saleId))
      .where(and(...filters))
      .orderBy(desc(sales.recordedAt), saleLines.lineNo)
      .limit(50)
      .all();
    if (!lines.length) throw new AppError('CASHBACK_SALE_REQUIRED', { product: product.name });
    const open = lines.find((line) => line.coded < line.units);
    if (!open)
      throw new AppError('CASHBACK_UNITS_USED', {
        product: product.name,
        qty: lines.reduce((n, line) => n + line.units, 0),
      });
    return open;
  }

  private saleOfLine(lineId: string): string {
    return this.adb.db
      .select({ saleId: saleLines.saleId })
      .from(saleLines)
      .where(eq(saleLines.id, lineId))
      .get()!.saleId;
  }

  /** Payouts to this phone during the store's business day of `now`. */
  private paidToday(phone: string, now: number, timeZone: string): number {
    const day = localDate(now, timeZone);
    return (
      this.adb.db
        .select({ n: count() })
        .from(cashbackCodes)
        .where(
          and(
            eq(cashbackCodes.phone, phone),
            gte(cashbackCodes.redeemedAt, startOfLocalDay(day, timeZone)),
            lte(cashbackCodes.redeemedAt, endOfLocalDay(day, timeZone)),
          ),
        )
        .get()?.n ?? 0
    );
  }

  redeem(
    ctx: HandlerContext,
    input: ParsedInputOf<'cashback.redeem'>,
  ): OutputOf<'cashback.redeem'> {
    // Not found / already paid / expired tell real codes from fakes: the codes guard counts misses.
    this.codesGuard.assertMayLookUp(ctx);
    const code = this.normalize(ctx, input.code);
    const paid = this.adb.write(() => {
      const row = this.ledger.byCode(code);
      if (!row) return null;
      const timeZone = this.stores.get(row.storeId).timezone;
      if (row.status === 'redeemed')
        throw new AppError('CASHBACK_ALREADY_REDEEMED', {
          at: row.redeemedAt,
          atText: localDateTime(row.redeemedAt!, timeZone),
        });
      const now = this.clock.now();
      if (now > row.validUntil)
        throw new AppError('CASHBACK_EXPIRED', {
          validUntil: row.validUntil,
          validUntilText: localDateTime(row.validUntil, timeZone),
        });
      const { maxPayoutsPerPhonePerDay: max } = this.getSettings();
      if (this.paidToday(input.phone, now, timeZone) >= max)
        throw new AppError('CASHBACK_PHONE_DAILY_LIMIT', { max });
      const via = ctx.actor.kind === 'terminal' ? 'terminal' : 'counter';
      const by =
        ctx.actor.kind === 'staff'
          ? ctx.actor.staffId
          : ctx.actor.kind === 'terminal'
            ? ctx.actor.terminalId
            : null;
      this.ledger.pay(ctx, row, { phone: input.phone, at: now, via, by });
      const product = this.products.get(row.productId);
      return {
        code: row.code,
        rewardFen: row.rewardFen,
        phone: input.phone,
        redeemedAt: now,
        productName: product.name,
      };
    });
    if (paid) return paid;
    this.codesGuard.miss(ctx, 'cashback');
    throw new AppError('CASHBACK_NOT_FOUND');
  }

  /** The newest active cashback template covering this product at this store. */
  private offerFor(productId: string, category: string, storeId: string) {
    const candidates = this.adb.db
      .select({ id: couponTemplates.id })
      .from(couponTemplates)
      .where(and(eq(couponTemplates.type, 'cashback'), eq(couponTemplates.status, 'active')))
      .orderBy(desc(couponTemplates.createdAt))
      .all();
    for (const { id } of candidates) {
      const template = this.templates.get(id);
      const { productIds, categories } = template.scope;
      const covers =
        (!productIds.length && !categories.length) ||
        productIds.includes(productId) ||
        (!!category && categories.includes(category));
      const storeOk = !template.storeIds.length || template.storeIds.includes(storeId);
      if (covers && storeOk) return template;
    }
    return null;
  }

  private normalize(ctx: HandlerContext, input: string): string {
    const reading = readCode(input, this.keys);
    if (!reading.ok) {
      this.codesGuard.miss(ctx, 'cashback');
      throw new AppError('CASHBACK_NOT_FOUND', { problem: reading.problem });
    }
    return reading.code;
  }
}
