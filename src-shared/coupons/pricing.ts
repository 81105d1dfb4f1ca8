// What coupons take off an order, to the fen. Pure: the till's preview, the redemption
// transaction and the tests all use this one function.
//
// At most one non-stackable coupon per order; stackable ones combine freely with it and with
// each other. Order of application (shown in the UI too): item coupons first, then percent (折扣), then
// threshold (满减) and voucher (抵扣); gifts (满赠) last. Each coupon sees what is left after
// those before it, and its threshold or minimum spend is checked against that remaining
// eligible amount. An order-level discount is spread over its eligible lines by largest
// remainder, so line discounts add up exactly and no line goes below zero.
import { allocateLargestRemainder, roundHalfUpDiv } from '../money';

export interface CouponScope {
  /** Empty lists mean "every product". */
  productIds: string[];
  categories: string[];
}

export type CouponRule =
  | {
      type: 'threshold';
      thresholdFen: number;
      amountFen: number;
      repeat: boolean;
      capFen: number | null;
    }
  | {
      type: 'percent';
      payPermille: number;
      maxDiscountFen: number | null;
      minSpendFen: number | null;
    }
  | { type: 'voucher'; amountFen: number; minSpendFen: number | null }
  | {
      type: 'item';
      productId: string;
      maxUnits: number;
      mode: 'free' | 'price' | 'percent';
      priceFen: number | null;
      payPermille: number | null;
    }
  | { type: 'gift'; thresholdFen: number; giftProductId: string; giftQty: number };

export interface PricedCoupon {
  /** Whatever identifies the coupon to the caller (its code). */
  key: string;
  rule: CouponRule;
  scope: CouponScope;
  stackable: boolean;
}

export interface PricingLine {
  productId: string | null;
  category: string | null;
  qty: number;
  unitPriceFen: number;
}

export type PricingRefusal =
  | {
      reason: 'MIN_SPEND_NOT_MET';
      details: { requiredFen: number; eligibleFen: number; shortFen: number };
    }
  | { reason: 'ITEM_NOT_IN_ORDER'; details: { productId: string | null; needsLines?: boolean } }
  | { reason: 'NOT_STACKABLE'; details: { with: string[] } };

export type CouponOutcome =
  | {
      key: string;
      ok: true;
      discountFen: number;
      /** One entry per order line, adding up to discountFen. */
      lineDiscountsFen: number[];
      gift: { productId: string; qty: number } | null;
      /** The order in which this coupon was applied (0 first). */
      step: number;
    }
  | ({ key: string; ok: false; step: number } & PricingRefusal);

export interface PricingResult {
  subtotalFen: number;
  discountFen: number;
  payableFen: number;
  coupons: CouponOutcome[];
  lineDiscountsFen: number[];
}

const STAGE: Record<CouponRule['type'], number> = {
  item: 0,
  percent: 1,
  threshold: 2,
  voucher: 3,
  gift: 4,
};

export const lineTotal = (line: PricingLine) => line.qty * line.unitPriceFen;

/** A quick-mode order (subtotal only) is one line of no particular product. */
export const subtotalOnlyLines = (subtotalFen: number): PricingLine[] => [
  { productId: null, category: null, qty: 1, unitPriceFen: subtotalFen },
];

function inScope(line: PricingLine, scope: CouponScope): boolean {
  if (!scope.productIds.length && !scope.categories.length) return true;
  return (
    (line.productId !== null && scope.productIds.includes(line.productId)) ||
    (line.category !== null && scope.categories.includes(line.category))
  );
}

const isScoped = (scope: CouponScope) => scope.productIds.length > 0 || scope.categories.length > 0;

/** Sorts coupons into the order they apply in; stable for equal stages. */
export function applicationOrder<T extends { rule: CouponRule }>(coupons: T[]): T[] {
  return coupons
    .map((coupon, i) => ({ coupon, i }))
    .sort((a, b) => STAGE[a.coupon.rule.type] - STAGE[b.coupon.rule.type] || a.i - b.i)
    .map(({ coupon }) => coupon);
}

export function priceOrder(lines: PricingLine[], coupons: PricedCoupon[]): PricingResult {
  const remaining = lines.map(lineTotal);
  const subtotalFen = remaining.reduce((a, b) => a + b, 0);
  const quickMode = lines.length === 1 && lines[0]!.productId === null;
  const lineDiscountsFen = lines.map(() => 0);
  const outcomes: CouponOutcome[] = [];
  const firstNonStackable = coupons.find((c) => !c.stackable)?.key;

  applicationOrder(coupons).forEach((coupon, step) => {
    const { key, rule, scope } = coupon;
    // At most one non-stackable coupon per order: the first one given keeps its place.
    if (!coupon.stackable && firstNonStackable !== undefined && firstNonStackable !== key) {
      outcomes.push({
        key,
        ok: false,
        step,
        reason: 'NOT_STACKABLE',
        details: { with: [firstNonStackable] },
      });
      return;
    }
    if (quickMode && (rule.type === 'item' || isScoped(scope))) {
      const productId = rule.type === 'item' ? rule.productId : null;
      outcomes.push({
        key,
        ok: false,
        step,
        reason: 'ITEM_NOT_IN_ORDER',
        details: { productId, needsLines: true },
      });
      return;
    }

    const eligible = lines.map((line, i) => (inScope(line, scope) ? remaining[i]! : 0));
    const eligibleFen = eligible.reduce((a, b) => a + b, 0);
    const refuseShort = (requiredFen: number) =>
      outcomes.push({
        key,
        ok: false,
        step,
        reason: 'MIN_SPEND_NOT_MET',
        details: { requiredFen, eligibleFen, shortFen: requiredFen - eligibleFen },
      });

    let perLine: number[];
    let gift: { productId: string; qty: number } | null = null;
    switch (rule.type) {
      case 'item': {
        perLine = lines.map(() => 0);
        let unitsLeft = rule.maxUnits;
        lines.forEach((line, i) => {
          if (line.productId !== rule.productId || unitsLeft <= 0) return;
          const units = Math.min(unitsLeft, line.qty);
          unitsLeft -= units;
          const gross = units * line.unitPriceFen;
          const wanted =
            rule.mode === 'free'
              ? gross
              : rule.mode === 'price'
                ? Math.max(0, gross - units * (rule.priceFen ?? 0))
                : roundHalfUpDiv(gross * (1000 - (rule.payPermille ?? 1000)), 1000);
          perLine[i] = Math.min(wanted, remaining[i]!);
        });
        if (unitsLeft === rule.maxUnits) {
          outcomes.push({
            key,
            ok: false,
            step,
            reason: 'ITEM_NOT_IN_ORDER',
            details: { productId: rule.productId },
          });
          return;
        }
        break;
      }
      case 'percent': {
        if (rule.minSpendFen !== null && eligibleFen < rule.minSpendFen)
          return void refuseShort(rule.minSpendFen);
        let discount = roundHalfUpDiv(eligibleFen * (1000 - rule.payPermille), 1000);
        if (rule.maxDiscountFen !== null) discount = Math.min(discount, rule.maxDiscountFen);
        perLine = allocateLargestRemainder(discount, eligible);
        break;
      }
      case 'threshold': {
        if (eligibleFen < rule.thresholdFen) return void refuseShort(rule.thresholdFen);
        let discount = rule.repeat
          ? Math.floor(eligibleFen / rule.thresholdFen) * rule.amountFen
          : rule.amountFen;
        if (rule.capFen !== null) discount = Math.min(discount, rule.capFen);
        perLine = allocateLargestRemainder(Math.min(discount, eligibleFen), eligible);
        break;
      }
      case 'voucher': {
        if (rule.minSpendFen !== null && eligibleFen < rule.minSpendFen)
          return void refuseShort(rule.minSpendFen);
        perLine = allocateLargestRemainder(Math.min(rule.amountFen, eligibleFen), eligible);
        break;
      }
      case 'gift': {
        if (eligibleFen < rule.thresholdFen) return void refuseShort(rule.thresholdFen);
        perLine = lines.map(() => 0);
        gift = { productId: rule.giftProductId, qty: rule.giftQty };
        break;
      }
    }
    perLine.forEach((d, i) => {
      remaining[i]! -= d;
      lineDiscountsFen[i]! += d;
    });
    const discountFen = perLine.reduce((a, b) => a + b, 0);
    outcomes.push({ key, ok: true, step, discountFen, lineDiscountsFen: perLine, gift });
  });

  const discountFen = lineDiscountsFen.reduce((a, b) => a + b, 0);
  return {
    subtotalFen,
    discountFen,
    payableFen: subtotalFen - discountFen,
    coupons: outcomes,
    lineDiscountsFen,
  };
}
