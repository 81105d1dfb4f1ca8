import { describe, expect, it } from 'vitest';
import {
  priceOrder,
  subtotalOnlyLines,
  type CouponRule,
  type PricedCoupon,
  type PricingLine,
} from '../../../src-shared/coupons/pricing';

const ALL = { productIds: [], categories: [] };
const coupon = (
  key: string,
  rule: CouponRule,
  extra: Partial<PricedCoupon> = {},
): PricedCoupon => ({
  key,
  rule,
  scope: ALL,
  stackable: true,
  ...extra,
});
const threshold = (
  thresholdFen: number,
  amountFen: number,
  more: Partial<Extract<CouponRule, { type: 'threshold' }>> = {},
) =>
  ({
    type: 'threshold',
    thresholdFen,
    amountFen,
    repeat: false,
    capFen: null,
    ...more,
  }) as CouponRule;
const percent = (
  payPermille: number,
  more: Partial<Extract<CouponRule, { type: 'percent' }>> = {},
) =>
  ({
    type: 'percent',
    payPermille,
    maxDiscountFen: null,
    minSpendFen: null,
    ...more,
  }) as CouponRule;
const voucher = (amountFen: number, minSpendFen: number | null = null): CouponRule => ({
  type: 'voucher',
  amountFen,
  minSpendFen,
});

const apple: PricingLine = { productId: 'apple', category: 'fruit', qty: 3, unitPriceFen: 1299 };
const milk: PricingLine = { productId: 'milk', category: 'dairy', qty: 2, unitPriceFen: 650 };
const rice: PricingLine = { productId: 'rice', category: 'grain', qty: 1, unitPriceFen: 5990 };
const order = [apple, milk, rice]; // 3897 + 1300 + 5990 = 11187

describe('满减 threshold', () => {
  it('takes the amount off at or above the threshold, and says how much is missing below it', () => {
    const at = priceOrder(subtotalOnlyLines(10000), [coupon('A', threshold(10000, 2000))]);
    expect(at).toMatchObject({ discountFen: 2000, payableFen: 8000 });
    const below = priceOrder(subtotalOnlyLines(9999), [coupon('A', threshold(10000, 2000))]);
    expect(below.coupons[0]).toMatchObject({
      ok: false,
      reason: 'MIN_SPEND_NOT_MET',
      details: { requiredFen: 10000, eligibleFen: 9999, shortFen: 1 },
    });
    expect(below.discountFen).toBe(0);
  });

  it('repeats with 每满 up to its cap', () => {
    const every = threshold(10000, 1000, { repeat: true, capFen: 2500 });
    expect(priceOrder(subtotalOnlyLines(29999), [coupon('A', every)]).discountFen).toBe(2000);
    expect(priceOrder(subtotalOnlyLines(50000), [coupon('A', every)]).discountFen).toBe(2500);
  });

  it('spreads the discount over lines by largest remainder, adding up exactly', () => {
    const result = priceOrder(order, [coupon('A', threshold(10000, 2000))]);
    expect(result.lineDiscountsFen).toEqual([697, 232, 1071]);
    expect(result.lineDiscountsFen.reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('counts only the lines in scope', () => {
    const fruitOnly = coupon('A', threshold(3000, 500), {
      scope: { productIds: [], categories: ['fruit'] },
    });
    const result = priceOrder(order, [fruitOnly]);
    expect(result.lineDiscountsFen).toEqual([500, 0, 0]);
    const tooSmall = coupon('B', threshold(5000, 500), {
      scope: { productIds: ['milk'], categories: [] },
    });
    expect(priceOrder(order, [tooSmall]).coupons[0]).toMatchObject({
      ok: false,
      details: { eligibleFen: 1300 },
    });
  });
});

describe('折扣 percent', () => {
  it('rounds half up to the fen and respects the cap and minimum spend', () => {
    // 8.5折 on ¥12.30 = ¥1.845 off → ¥1.85
    expect(priceOrder(subtotalOnlyLines(1230), [coupon('P', percent(850))]).discountFen).toBe(185);
    expect(
      priceOrder(subtotalOnlyLines(100000), [coupon('P', percent(800, { maxDiscountFen: 5000 }))])
        .discountFen,
    ).toBe(5000);
    const min = priceOrder(subtotalOnlyLines(4999), [
      coupon('P', percent(900, { minSpendFen: 5000 })),
    ]);
    expect(min.coupons[0]).toMatchObject({
      ok: false,
      reason: 'MIN_SPEND_NOT_MET',
      details: { shortFen: 1 },
    });
  });
});

describe('抵扣 voucher', () => {
  it('never takes more than the eligible amount', () => {
    expect(priceOrder(subtotalOnlyLines(800), [coupon('V', voucher(1000))])).toMatchObject({
      discountFen: 800,
      payableFen: 0,
    });
    expect(
      priceOrder(subtotalOnlyLines(800), [coupon('V', voucher(1000, 900))]).coupons[0]!.ok,
    ).toBe(false);
  });
});

describe('单品 item', () => {
  const item = (mode: 'free' | 'price' | 'percent', more: object = {}): CouponRule =>
    ({
      type: 'item',
      productId: 'apple',
      maxUnits: 2,
      mode,
      priceFen: null,
      payPermille: null,
      ...more,
    }) as CouponRule;

  it('makes up to N units free, or sells them at a special price, or X折', () => {
    expect(priceOrder(order, [coupon('I', item('free'))]).lineDiscountsFen).toEqual([2598, 0, 0]);
    expect(
      priceOrder(order, [coupon('I', item('price', { priceFen: 999 }))]).lineDiscountsFen,
    ).toEqual([600, 0, 0]);
    // 2 × ¥12.99 at 7折 = ¥7.794 off → ¥7.79
    expect(
      priceOrder(order, [coupon('I', item('percent', { payPermille: 700 }))]).discountFen,
    ).toBe(779);
  });

  it('is refused when the product is not in the order or only a subtotal is known', () => {
    expect(priceOrder([milk], [coupon('I', item('free'))]).coupons[0]).toMatchObject({
      ok: false,
      reason: 'ITEM_NOT_IN_ORDER',
      details: { productId: 'apple' },
    });
    expect(
      priceOrder(subtotalOnlyLines(5000), [coupon('I', item('free'))]).coupons[0],
    ).toMatchObject({
      ok: false,
      reason: 'ITEM_NOT_IN_ORDER',
      details: { needsLines: true },
    });
  });
});

describe('满赠 gift', () => {
  it('records the gift and takes no money off', () => {
    const gift: CouponRule = {
      type: 'gift',
      thresholdFen: 10000,
      giftProductId: 'bag',
      giftQty: 1,
    };
    const result = priceOrder(order, [coupon('G', gift)]);
    expect(result.discountFen).toBe(0);
    expect(result.coupons[0]).toMatchObject({ ok: true, gift: { productId: 'bag', qty: 1 } });
  });
});

describe('several coupons on one order', () => {
  it('applies item, then percent, then threshold and voucher, each on what is left', () => {
    const result = priceOrder(order, [
      coupon('V', voucher(500)),
      coupon('T', threshold(8000, 1000)),
      coupon('P', percent(900)),
      coupon('I', {
        type: 'item',
        productId: 'rice',
        maxUnits: 1,
        mode: 'price',
        priceFen: 4990,
        payPermille: null,
      }),
    ]);
    const byKey = Object.fromEntries(result.coupons.map((c) => [c.key, c]));
    expect(byKey.I).toMatchObject({ step: 0, discountFen: 1000 }); // 11187 → 10187
    expect(byKey.P).toMatchObject({ step: 1, discountFen: 1019 }); // 10% of 10187 = 1018.7 → 1019 → 9168
    expect(byKey.T).toMatchObject({ step: 2, discountFen: 1000 }); // 9168 ≥ 8000 → 8168
    expect(byKey.V).toMatchObject({ step: 3, discountFen: 500 }); // → 7668
    expect(result).toMatchObject({ subtotalFen: 11187, discountFen: 3519, payableFen: 7668 });
    expect(result.lineDiscountsFen.reduce((a, b) => a + b, 0)).toBe(3519);
  });

  it('checks a threshold against what is left after earlier coupons', () => {
    const result = priceOrder(subtotalOnlyLines(10500), [
      coupon('T', threshold(10000, 2000)),
      coupon('P', percent(900)),
    ]);
    // 9折 first: 10500 → 9450, below the 10000 threshold.
    expect(result.coupons.find((c) => c.key === 'T')).toMatchObject({
      ok: false,
      reason: 'MIN_SPEND_NOT_MET',
      details: { eligibleFen: 9450, shortFen: 550 },
    });
  });

  it('allows at most one non-stackable coupon', () => {
    const result = priceOrder(subtotalOnlyLines(20000), [
      coupon('A', threshold(10000, 2000), { stackable: false }),
      coupon('B', voucher(500)),
      coupon('C', voucher(300), { stackable: false }),
    ]);
    expect(result.coupons.find((c) => c.key === 'C')).toMatchObject({
      ok: false,
      reason: 'NOT_STACKABLE',
      details: { with: ['A'] },
    });
    expect(result.discountFen).toBe(2500);
  });

  it('never takes an order or a line below zero', () => {
    const result = priceOrder(
      [{ productId: 'x', category: null, qty: 1, unitPriceFen: 300 }],
      [coupon('V1', voucher(200)), coupon('V2', voucher(200)), coupon('P', percent(100))],
    );
    expect(result.payableFen).toBe(0);
    expect(result.lineDiscountsFen).toEqual([300]);
  });
});

describe('stacked coupons (issue 29)', () => {
  const scarf: PricingLine = { productId: 'scarf', category: 'wear', qty: 1, unitPriceFen: 8000 };
  const itemPercent = (payPermille: number): CouponRule => ({
    type: 'item',
    productId: 'scarf',
    maxUnits: 1,
    mode: 'percent',
    priceFen: null,
    payPermille,
  });

  it('takes an item 折 on what is left of the unit, not on its shelf price', () => {
    const result = priceOrder(
      [scarf],
      [coupon('E', itemPercent(800)), coupon('N', itemPercent(900))],
    );
    const byKey = Object.fromEntries(result.coupons.map((c) => [c.key, c]));
    // 8折 of ¥80 = ¥16 off, then 10 % of the ¥64 left = ¥6.40 (not 10 % of ¥80 = ¥8).
    expect(byKey.E).toMatchObject({ ok: true, discountFen: 1600 });
    expect(byKey.N).toMatchObject({ ok: true, discountFen: 640 });
    expect(result.payableFen).toBe(8000 - 1600 - 640);
  });

  it('charges the same whatever order two fixed amounts with different reach are scanned in', () => {
    const a: PricingLine = { productId: 'A', category: null, qty: 1, unitPriceFen: 800 };
    const b: PricingLine = { productId: 'B', category: null, qty: 1, unitPriceFen: 200 };
    const c: PricingLine = { productId: 'C', category: null, qty: 1, unitPriceFen: 1000 };
    const six = coupon('SIX', voucher(600), { scope: { productIds: ['A', 'B'], categories: [] } });
    const seven = coupon('SEVEN', voucher(700), { scope: { productIds: ['A'], categories: [] } });
    const scanned = priceOrder([a, b, c], [six, seven]);
    const reversed = priceOrder([a, b, c], [seven, six]);
    // A and B (¥10) are all the two vouchers can reach: both come off in full, ¥10.00 is left.
    expect(scanned.payableFen).toBe(1000);
    expect(reversed.payableFen).toBe(1000);
    expect(reversed.coupons.map((x) => [x.key, x.ok && x.discountFen]).sort()).toEqual(
      scanned.coupons.map((x) => [x.key, x.ok && x.discountFen]).sort(),
    );
    expect(scanned.lineDiscountsFen).toEqual([800, 200, 0]);
  });
});

describe('stacked coupons: thresholds see their stage', () => {
  it('checks every threshold of one stage against what is left when the stage begins', () => {
    // ¥100 of goods, 满100减20 and a ¥5 抵扣 with ¥100 minimum: one stage, both count ¥100.
    const result = priceOrder(subtotalOnlyLines(10000), [
      coupon('V', voucher(500, 10000)),
      coupon('T', threshold(10000, 2000)),
    ]);
    expect(result.coupons.every((c) => c.ok)).toBe(true);
    expect(result.payableFen).toBe(7500);
  });

  it('lets an earlier stage take a later threshold away (the best combination then helps)', () => {
    const alone = priceOrder(subtotalOnlyLines(10000), [coupon('T', threshold(10000, 2000))]);
    const withPercent = priceOrder(subtotalOnlyLines(10000), [
      coupon('T', threshold(10000, 2000)),
      coupon('P', percent(990)),
    ]);
    expect(alone.payableFen).toBe(8000);
    expect(withPercent.coupons.find((c) => c.key === 'T')).toMatchObject({
      ok: false,
      reason: 'MIN_SPEND_NOT_MET',
      details: { eligibleFen: 9900 },
    });
    expect(withPercent.payableFen).toBe(9900);
  });
});
