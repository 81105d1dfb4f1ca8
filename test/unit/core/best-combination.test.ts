import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  priceOrder,
  type CouponRule,
  type CouponScope,
  type PricedCoupon,
  type PricingLine,
} from '../../../src-shared/coupons/pricing';
import {
  EXHAUSTIVE_UP_TO,
  searchBestCombination,
  type CombinationCandidate,
} from '../../../src-main/core/redemption/best-combination';
import { dammCheckDigit } from '../../../src-shared/coupons/codes';
import { couponShop } from '../../support/coupons';

const quick = (subtotalFen: number, customerPhone?: string) => ({
  subtotalFen,
  ...(customerPhone ? { customerPhone } : {}),
});

describe('redemption.bestCombination', () => {
  it('of three held codes picks the legal pair with the lowest payable', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const tenOff = await issueOne(
      (
        await activeTemplate({
          name: '满100减10',
          rule: { type: 'threshold', thresholdFen: 10000, amountFen: 1000 },
        })
      ).id,
    );
    const fiveOff = await issueOne(
      (
        await activeTemplate({
          name: '5元抵扣',
          rule: { type: 'voucher', amountFen: 500 },
          stackable: true,
        })
      ).id,
    );
    const eightyPercent = await issueOne(
      (await activeTemplate({ name: '全场8折', rule: { type: 'percent', payPermille: 800 } })).id,
    );
    const best = await ok(
      'redemption.bestCombination',
      { codes: [tenOff.display, fiveOff.display, eightyPercent.code], order: quick(12000) },
      cashierToken,
    );
    // 8折 (¥24 off) and the ¥5 voucher beat 满100减10 + ¥5; the two non-stackable never meet.
    expect(best).toMatchObject({
      codes: [eightyPercent.code, fiveOff.display],
      subtotalFen: 12000,
      discountFen: 2900,
      payableFen: 9100,
      exhaustive: true,
    });
    expect(best.coupons.map((c) => [c.templateName, c.discountFen, c.step])).toEqual([
      ['全场8折', 2400, 0],
      ['5元抵扣', 500, 1],
    ]);
    expect(best.left).toEqual([
      expect.objectContaining({ input: tenOff.display, reason: 'NOT_STACKABLE' }),
    ]);
    // The till then verifies and redeems exactly what was chosen, with the same result.
    const verdict = await ok(
      'redemption.verify',
      { code: best.codes[0]!, withCodes: best.codes.slice(1), order: quick(12000) },
      cashierToken,
    );
    expect(verdict).toMatchObject({ valid: true, discountFen: 2400, payableFen: 9100 });
  });

  it('leaves out a coupon whose stage would take a later threshold away', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const threshold = await issueOne(
      (
        await activeTemplate({
          rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
          stackable: true,
        })
      ).id,
    );
    const ninetyNine = await issueOne(
      (
        await activeTemplate({
          name: '9.9折',
          rule: { type: 'percent', payPermille: 990 },
          stackable: true,
        })
      ).id,
    );
    const order = quick(10000);
    const both = await ok(
      'redemption.verify',
      { code: threshold.code, withCodes: [ninetyNine.code], order },
      cashierToken,
    );
    expect(both.reason).toBe('MIN_SPEND_NOT_MET');
    const best = await ok(
      'redemption.bestCombination',
      { codes: [ninetyNine.code, threshold.code], order },
      cashierToken,
    );
    expect(best).toMatchObject({ codes: [threshold.code], payableFen: 8000 });
    expect(best.left).toEqual([expect.objectContaining({ input: ninetyNine.code, reason: null })]);
  });

  it('uses no more codes of a template than the per-customer limit leaves', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const template = await activeTemplate({
      rule: { type: 'voucher', amountFen: 300 },
      stackable: true,
      perCustomerLimit: 2,
    });
    const phone = '13900001111';
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await issueOne(template.id)).code);
    await ok(
      'redemption.redeem',
      { code: codes[0]!, order: quick(5000, phone), idempotencyKey: 'limit-0001' },
      cashierToken,
    );
    const best = await ok(
      'redemption.bestCombination',
      { codes: [...codes.slice(1), (await issueOne(template.id)).code], order: quick(5000, phone) },
      cashierToken,
    );
    // Limit 2, one used: one more of this template on this order.
    expect(best.codes).toHaveLength(1);
    expect(best.payableFen).toBe(4700);
    // Without a phone there is no customer to count for.
    const anonymous = await ok(
      'redemption.bestCombination',
      { codes: codes.slice(1), order: quick(5000) },
      cashierToken,
    );
    expect(anonymous.payableFen).toBe(4400);
  });

  it('counts the bad codes it looks up against the same guard as verify', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const good = await issueOne((await activeTemplate()).id);
    // Well-formed codes (right check digit) that no coupon has: guesses, as a prober sends.
    const bad = Array.from({ length: 5 }, (_, i) => {
      const digits = `123456789012345678${i}`;
      return digits + dammCheckDigit(digits);
    });
    const best = await ok(
      'redemption.bestCombination',
      { codes: [...bad, good.code], order: quick(12000) },
      cashierToken,
    );
    expect(best.codes).toEqual([]);
    expect(best.left.map((l) => l.reason)).toEqual([...bad.map(() => 'NOT_FOUND'), 'COOLING_DOWN']);
    const verdict = await ok(
      'redemption.verify',
      { code: good.code, order: quick(12000) },
      cashierToken,
    );
    expect(verdict.reason).toBe('COOLING_DOWN');
  });
});

// The search against an independent brute force over every subset.
const rules: fc.Arbitrary<CouponRule> = fc.oneof(
  fc.record({
    type: fc.constant('threshold' as const),
    thresholdFen: fc.integer({ min: 1, max: 20_000 }),
    amountFen: fc.integer({ min: 1, max: 5_000 }),
    repeat: fc.boolean(),
    capFen: fc.constant(null),
  }),
  fc.record({
    type: fc.constant('percent' as const),
    payPermille: fc.integer({ min: 500, max: 990 }),
    maxDiscountFen: fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
    minSpendFen: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
  }),
  fc.record({
    type: fc.constant('voucher' as const),
    amountFen: fc.integer({ min: 1, max: 5_000 }),
    minSpendFen: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
  }),
  fc.record({
    type: fc.constant('item' as const),
    productId: fc.constantFrom('a', 'b', 'c'),
    maxUnits: fc.integer({ min: 1, max: 2 }),
    mode: fc.constant('percent' as const),
    priceFen: fc.constant(null),
    payPermille: fc.integer({ min: 500, max: 950 }),
  }),
);
const candidatesArb = (min: number, max: number) =>
  fc
    .array(
      fc.record({
        rule: rules,
        stackable: fc.boolean(),
        scope: fc.constantFrom<CouponScope[]>(
          { productIds: [], categories: [] },
          { productIds: ['a'], categories: [] },
          { productIds: [], categories: ['x'] },
        ),
        template: fc.constantFrom('t1', 't2', 't3', 't4'),
        usesLeft: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
      }),
      { minLength: min, maxLength: max },
    )
    .map((list) =>
      list.map((c, i): CombinationCandidate => ({
        coupon: { key: `K${i}`, rule: c.rule, scope: c.scope, stackable: c.stackable },
        templateId: c.template,
        // One limit per template, as the app reads it.
        usesLeft: list.find((other) => other.template === c.template)!.usesLeft,
      })),
    );
const linesArb = fc.array(
  fc.record({
    productId: fc.constantFrom('a', 'b', 'c'),
    qty: fc.integer({ min: 1, max: 3 }),
    unitPriceFen: fc.integer({ min: 100, max: 8_000 }),
  }),
  { minLength: 1, maxLength: 8 },
);
const toLines = (raw: { productId: string; qty: number; unitPriceFen: number }[]): PricingLine[] =>
  raw.map((l) => ({ ...l, category: l.productId === 'c' ? 'y' : 'x' }));

function isLegal(candidates: CombinationCandidate[], set: number[], lines: PricingLine[]) {
  const coupons: PricedCoupon[] = set.map((i) => candidates[i]!.coupon);
  if (coupons.filter((c) => !c.stackable).length > 1) return false;
  for (const i of set) {
    const { templateId, usesLeft } = candidates[i]!;
    const same = set.filter((j) => candidates[j]!.templateId === templateId).length;
    if (usesLeft !== null && same > usesLeft) return false;
  }
  return priceOrder(lines, coupons).coupons.every((c) => c.ok);
}

describe('searchBestCombination (fast-check)', () => {
  it('finds a legal set no worse than any legal subset (brute force)', () => {
    fc.assert(
      fc.property(linesArb, candidatesArb(1, 7), (raw, candidates) => {
        const lines = toLines(raw);
        const found = searchBestCombination(lines, candidates);
        expect(found.exhaustive).toBe(true);
        expect(isLegal(candidates, found.chosen, lines)).toBe(true);
        expect(
          priceOrder(
            lines,
            found.chosen.map((i) => candidates[i]!.coupon),
          ).payableFen,
        ).toBe(found.priced.payableFen);
        for (let mask = 0; mask < 1 << candidates.length; mask++) {
          const set = candidates.map((_, i) => i).filter((i) => mask & (1 << i));
          if (!isLegal(candidates, set, lines)) continue;
          const payable = priceOrder(
            lines,
            set.map((i) => candidates[i]!.coupon),
          ).payableFen;
          expect(found.priced.payableFen).toBeLessThanOrEqual(payable);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('above 10 usable codes, answers a legal set from a bounded search', () => {
    fc.assert(
      fc.property(linesArb, candidatesArb(EXHAUSTIVE_UP_TO + 1, 16), (raw, candidates) => {
        const lines = toLines(raw);
        const found = searchBestCombination(lines, candidates);
        expect(isLegal(candidates, found.chosen, lines)).toBe(true);
        // Never worse than the best single code.
        for (let i = 0; i < candidates.length; i++)
          if (isLegal(candidates, [i], lines))
            expect(found.priced.payableFen).toBeLessThanOrEqual(
              priceOrder(lines, [candidates[i]!.coupon]).payableFen,
            );
      }),
      { numRuns: 20 },
    );
  });
});
