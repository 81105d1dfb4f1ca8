import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { BestCombination, Redemption, Verdict } from '../../../src-shared/contract/redemption';
import { displayCode } from '../../../src-shared/coupons/codes';
import { subtotalOnlyLines, type PricingLine } from '../../../src-shared/coupons/pricing';
import type { AuthService } from '../auth/service';
import { readCode } from '../coupons/read-code';
import type { SigningKeys } from '../coupons/signing-keys';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { RedemptionRow } from '../events/catalogue';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { ProductsService } from '../products/service';
import type { StoresService } from '../stores/service';
import type { OfflineAdmissions } from '../sync/offline-admissions';
import { findBestCombination } from './best-combination';
import { Refusal, type RedemptionRules, type ResolvedOrder, type Till } from './evaluation';
import type { RedemptionLedger } from './ledger';
import type { RedemptionReadModel } from './read-model';

type OrderInput = ParsedInputOf<'redemption.verify'>['order'];

export interface RedemptionConfig {
  /** How long after a redemption a manager may still void it. */
  voidWindowMs: number;
}

/**
 * 核销 at the till: verify a code against an order, redeem it once (atomic, idempotent by the
 * till's key), void it within the window with a manager's PIN.
 */
export class RedemptionService {
  private readonly byIdempotencyKey;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly config: RedemptionConfig,
    private readonly rules: RedemptionRules,
    private readonly ledger: RedemptionLedger,
    readonly readModel: RedemptionReadModel,
    private readonly templates: TemplatesService,
    private readonly keys: SigningKeys,
    private readonly products: ProductsService,
    private readonly stores: StoresService,
    private readonly auth: AuthService,
    private readonly unseenCodes: OfflineAdmissions,
  ) {
    this.byIdempotencyKey = adb.sqlite
      .prepare('SELECT id FROM redemptions WHERE idempotency_key = ?')
      .pluck();
  }

  verify(ctx: HandlerContext, input: ParsedInputOf<'redemption.verify'>): Verdict {
    const till = this.till(ctx, input.storeId);
    const order = this.resolveOrder(input.order);
    const outcome = this.rules.evaluate(ctx, till, input.code, order, input.withCodes);
    return outcome instanceof Refusal ? this.rules.refusedVerdict(outcome, order) : outcome.verdict;
  }

  /** 自动选最优券: of the codes a customer holds, the set that leaves the least to pay. */
  bestCombination(
    ctx: HandlerContext,
    input: ParsedInputOf<'redemption.bestCombination'>,
  ): BestCombination {
    const till = this.till(ctx, input.storeId);
    const order = this.resolveOrder(input.order);
    return findBestCombination(ctx, this.rules, this.products, till, input.codes, order);
  }

  /**
   * The redemption `redeem` would record now, for the cloud to decide first; null when the key
   * was seen (a replay: redeem answers it); the refusal when the code is refused here (evaluated
   * once: a bad code counts once against the guess guard).
   */
  plan(ctx: HandlerContext, input: ParsedInputOf<'redemption.redeem'>) {
    if (this.byIdempotencyKey.get(input.idempotencyKey)) return null;
    const till = this.till(ctx, input.storeId);
    const order = this.resolveOrder(input.order);
    const outcome = this.rules.evaluate(ctx, till, input.code, order, input.withCodes);
    if (outcome instanceof Refusal)
      return { refusal: new AppError(`COUPON_${outcome.reason}`, outcome.details) };
    const { coupon, verdict } = outcome;
    const actor = ctx.actor;
    return {
      timeZone: till.timeZone,
      claim: {
        id: newId(),
        code: coupon.code,
        couponId: coupon.id,
        templateId: coupon.templateId,
        storeId: till.storeId,
        terminalId: till.terminalId,
        staffId: actor.kind === 'staff' ? actor.staffId : null,
        customerPhone: order.customerPhone ?? coupon.customerPhone,
        subtotalFen: verdict.subtotalFen,
        discountFen: verdict.discountFen,
        createdAt: this.clock.now(),
      },
    };
  }

  /** When a redemption made here was voided here (null: not ours, or standing). */
  voidedHere(redemptionId: string): number | null {
    const row = this.ledger.row(redemptionId);
    return row?.status === 'voided' ? row.voidedAt : null;
  }

  /** `id`: the redemption's id when the cloud already holds the claim under it. */
  redeem(
    ctx: HandlerContext,
    input: ParsedInputOf<'redemption.redeem'>,
    id: string = newId(),
  ): Omit<OutputOf<'redemption.redeem'>, 'decidedBy'> {
    const till = this.till(ctx, input.storeId);
    const order = this.resolveOrder(input.order);
    return this.adb.write(() => {
      const earlierId = this.byIdempotencyKey.get(input.idempotencyKey) as string | undefined;
      if (earlierId) return this.replay(this.ledger.row(earlierId)!, input.code);

      // Checked again under the write lock: of two tills racing for one code, one wins.
      const outcome = this.rules.evaluate(ctx, till, input.code, order, input.withCodes);
      if (outcome instanceof Refusal) {
        throw new AppError(`COUPON_${outcome.reason}`, outcome.details);
      }
      const { coupon, verdict } = outcome;
      const actor = ctx.actor;
      const row: RedemptionRow = {
        id,
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
        createdAt: this.clock.now(),
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      };
      const unseen = this.rules.isUnseen(coupon);
      this.ledger.complete(ctx, row, unseen ? coupon : null);
      if (unseen) this.unseenCodes.record(coupon, verdict.discountFen, till.timeZone);
      const known = new Map([
        [till.storeId, till.storeName],
        [coupon.templateId, verdict.template!.name],
      ]);
      if (actor.kind === 'staff') known.set(actor.staffId, actor.name);
      return { redemption: this.readModel.fresh(row, known), verdict, replayed: false };
    });
  }

  async void(ctx: HandlerContext, input: ParsedInputOf<'redemption.void'>): Promise<Redemption> {
    const manager = await this.auth.authorizeManager(ctx, input.managerId, input.managerPin);
    return this.adb.write(() => {
      const row = this.ledger.row(input.redemptionId);
      if (!row) throw new AppError('REDEMPTION_NOT_FOUND', { id: input.redemptionId });
      if (row.status === 'voided') throw new AppError('ALREADY_VOIDED');
      const now = this.clock.now();
      if (now - row.createdAt > this.config.voidWindowMs)
        throw new AppError('VOID_WINDOW_PASSED', {
          minutes: Math.round(this.config.voidWindowMs / 60_000),
        });
      this.ledger.void(ctx, row, {
        at: now,
        by: { id: manager.id, name: manager.name },
        reason: input.reason,
      });
      return this.readModel.toRedemption(this.ledger.row(row.id)!);
    });
  }

  list(input: ParsedInputOf<'redemption.list'>): OutputOf<'redemption.list'> {
    return this.readModel.list(input);
  }

  /** The same idempotency key answers the same redemption; for another code it is an error. */
  private replay(
    earlier: RedemptionRow,
    codeInput: string,
  ): Omit<OutputOf<'redemption.redeem'>, 'decidedBy'> {
    const reading = readCode(codeInput, this.keys);
    if (!reading.ok || reading.code !== earlier.code) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    const redemption = this.readModel.toRedemption(earlier);
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
    const store = this.stores.brief(resolvedStore);
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
}
