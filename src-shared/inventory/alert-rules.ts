// The stock alert rules, pure so the core (and its set-based SQL, through user functions) and
// the UI agree on them. Quantities are whole units; prices integer fen.
import type { z } from 'zod';
import { templateFieldsSchema } from '../contract/coupons';
import { formatZhe } from '../money';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Low stock: strictly below the low level (小于预设阈值, as the shops' brief says); at it is not. */
export function isLowStock(qty: number, lowLevel: number | null): boolean {
  return lowLevel !== null && qty < lowLevel;
}

/** Above the high level: the slow-moving clock runs while this holds. */
export function isAboveHigh(qty: number, highLevel: number | null): boolean {
  return highLevel !== null && qty > highLevel;
}

/**
 * Slow-moving: the level has stayed above the high level for `slowDays` whole days
 * (24 h each, counted from the movement that took it above). One millisecond short is not.
 * The SQL of the alert pass says the same: `above_high_since <= now - slow_days * DAY_MS`.
 */
export function isSlowMoving(
  aboveHighSince: number | null,
  slowDays: number | null,
  now: number,
): boolean {
  return aboveHighSince !== null && slowDays !== null && now - aboveHighSince >= slowDays * DAY_MS;
}

export interface RestockInput {
  qty: number;
  lowLevel: number;
  /** Units sold (net of returns) in the window. */
  soldInWindow: number;
  windowDays: number;
  leadTimeDays: number;
  coverDays: number;
}

/**
 * How much to order: enough to sell at the recent daily pace through the lead time and the
 * cover days and still hold the low level as a reserve when the goods arrive; at least one.
 */
export function suggestRestockQty(input: RestockInput): number {
  const avg = Math.max(0, input.soldInWindow) / input.windowDays;
  const needed = Math.ceil(avg * (input.leadTimeDays + input.coverDays) - 1e-9) + input.lowLevel;
  return Math.max(1, needed - input.qty);
}

export const averageDailySales = (soldInWindow: number, windowDays: number) =>
  Math.round((Math.max(0, soldInWindow) / windowDays) * 100) / 100;

/** Discounts never go deeper than this (7折), nor shallower than 9.5折. */
const DEEPEST_PERMILLE = 700;
const SHALLOWEST_PERMILLE = 950;

/**
 * The price to suggest for slow-moving stock, per mille of the list price: the more the level
 * exceeds the high level, the deeper (8.5折; 8折 at twice the high level; 7折 at three times),
 * but never below cost (rounded up to a half 折) and never shallower than 9.5折.
 */
export function suggestPayPermille(input: {
  qty: number;
  highLevel: number;
  priceFen: number;
  costFen: number | null;
}): number {
  const ratio = input.highLevel > 0 ? input.qty / input.highLevel : Infinity;
  const byOverstock = ratio >= 3 ? DEEPEST_PERMILLE : ratio >= 2 ? 800 : 850;
  const costPermille =
    input.costFen !== null && input.priceFen > 0
      ? Math.ceil((input.costFen * 1000) / input.priceFen / 50) * 50
      : 0;
  return Math.min(SHALLOWEST_PERMILLE, Math.max(byOverstock, costPermille));
}

/** The unit price at a discount, rounded half-up to the fen. */
export const discountedPriceFen = (priceFen: number, payPermille: number) =>
  Math.floor((priceFen * payPermille * 2 + 1000) / 2000);

/** A complete `coupons.createTemplate` input. */
export type TemplateDraft = z.output<typeof templateFieldsSchema>;

const TEMPLATE_NAME_MAX = 40;
const DRAFT_VALID_DAYS = 14;
const DRAFT_MAX_UNITS = 5;

function draftName(productName: string, payPermille: number): string {
  const suffix = ` ${formatZhe(payPermille)}`;
  return productName.slice(0, TEMPLATE_NAME_MAX - suffix.length) + suffix;
}

/**
 * Ready-to-save coupon templates for a slow-moving product in one store: a 单品 coupon at the
 * discounted price and a 折扣 coupon scoped to the product. `coupons.createTemplate` takes
 * either as it is (it starts as a draft the manager can still edit and activate).
 */
export function discountCouponDrafts(input: {
  productId: string;
  productName: string;
  storeId: string;
  priceFen: number;
  payPermille: number;
}): { itemTemplate: TemplateDraft; percentTemplate: TemplateDraft } {
  const name = draftName(input.productName, input.payPermille);
  const common = {
    name,
    scope: { productIds: [input.productId], categories: [] },
    validity: { kind: 'relative' as const, days: DRAFT_VALID_DAYS },
    storeIds: [input.storeId],
  };
  return {
    itemTemplate: templateFieldsSchema.parse({
      ...common,
      rule: {
        type: 'item',
        productId: input.productId,
        maxUnits: DRAFT_MAX_UNITS,
        mode: 'price',
        priceFen: discountedPriceFen(input.priceFen, input.payPermille),
      },
    }),
    percentTemplate: templateFieldsSchema.parse({
      ...common,
      rule: { type: 'percent', payPermille: input.payPermille },
    }),
  };
}
