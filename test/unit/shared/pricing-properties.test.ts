// Properties of stacked coupons (issue 29), over random orders and random sets of stackable
// coupons of every type and scope. The run count keeps this file to a few seconds in CI;
// FC_RUNS=5000 npx vitest run test/unit/shared/pricing-properties.test.ts looks harder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineTotal,
  priceOrder,
  STAGE,
  subtotalOnlyLines,
  type CouponRule,
  type CouponScope,
  type PricedCoupon,
  type PricingLine,
  type PricingResult,
} from '../../../src-shared/coupons/pricing';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const PRODUCTS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const CATEGORIES = ['c0', 'c1', 'c2'];
/** Each product has one category, as in the catalogue. */
const categoryOf = (productId: string) => CATEGORIES[Number(productId.slice(1)) % 3]!;

const fen = (max: number) => fc.integer({ min: 1, max });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const lineArb: fc.Arbitrary<PricingLine> = fc
  .record({
    productId: fc.constantFrom(...PRODUCTS),
    qty: fc.integer({ min: 1, max: 5 }),
    unitPriceFen: fen(20_000),
  })
  .map((line) => ({ ...line, category: categoryOf(line.productId) }));

const linesArb: fc.Arbitrary<PricingLine[]> = fc.oneof(
  { weight: 9, arbitrary: fc.array(lineArb, { minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fen(100_000).map(subtotalOnlyLines) },
);

const scopeArb: fc.Arbitrary<CouponScope> = fc.oneof(
  fc.constant<CouponScope>({ productIds: [], categories: [] }),
  fc
    .subarray(PRODUCTS, { minLength: 1, maxLength: 3 })
    .map((productIds): CouponScope => ({ productIds, categories: [] })),
  fc
    .subarray(CATEGORIES, { minLength: 1, maxLength: 2 })
    .map((categories): CouponScope => ({ productIds: [], categories })),
);

const ruleArb: fc.Arbitrary<CouponRule> = fc.oneof(
  fc.record({
    type: fc.constant('threshold' as const),
    thresholdFen: fen(60_000),
    amountFen: fen(15_000),
    repeat: fc.boolean(),
    capFen: maybe(fen(30_000)),
  }),
  fc.record({
    type: fc.constant('percent' as const),
    payPermille: fc.integer({ min: 100, max: 990 }),
    maxDiscountFen: maybe(fen(10_000)),
    minSpendFen: maybe(fen(60_000)),
  }),
  fc.record({
    type: fc.constant('voucher' as const),
    amountFen: fen(20_000),
    minSpendFen: maybe(fen(60_000)),
  }),
  fc.oneof(
    fc.record({
      type: fc.constant('item' as const),
      productId: fc.constantFrom(...PRODUCTS),
      maxUnits: fc.integer({ min: 1, max: 3 }),
      mode: fc.constant('free' as const),
      priceFen: fc.constant(null),
      payPermille: fc.constant(null),
    }),
    fc.record({
      type: fc.constant('item' as const),
      productId: fc.constantFrom(...PRODUCTS),
      maxUnits: fc.integer({ min: 1, max: 3 }),
      mode: fc.constant('price' as const),
      priceFen: fc.integer({ min: 0, max: 15_000 }),
      payPermille: fc.constant(null),
    }),
    fc.record({
      type: fc.constant('item' as const),
      productId: fc.constantFrom(...PRODUCTS),
      maxUnits: fc.integer({ min: 1, max: 3 }),
      mode: fc.constant('percent' as const),
      priceFen: fc.constant(null),
      payPermille: fc.integer({ min: 100, max: 990 }),
    }),
  ),
  fc.record({
    type: fc.constant('gift' as const),
    thresholdFen: fen(60_000),
    giftProductId: fc.constant('bag'),
    giftQty: fc.constant(1),
  }),
);

/** Up to 5 stackable coupons with distinct keys (codes are unique). */
const couponsArb = (min: number): fc.Arbitrary<PricedCoupon[]> =>
  fc
    .array(fc.record({ rule: ruleArb, scope: scopeArb }), { minLength: min, maxLength: 5 })
    .map((list) => list.map((c, i) => ({ key: `K${i}`, stackable: true, ...c })));

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** What each coupon came to, by key: comparable whatever order they were given in. */
const byKey = (result: PricingResult) =>
  Object.fromEntries(
    result.coupons.map((c) => [
      c.key,
      c.ok ? { ok: true, discountFen: c.discountFen, lines: c.lineDiscountsFen } : { ok: false },
    ]),
  );

const inScope = (line: PricingLine, scope: CouponScope) =>
  (!scope.productIds.length && !scope.categories.length) ||
  (line.productId !== null && scope.productIds.includes(line.productId)) ||
  (line.category !== null && scope.categories.includes(line.category));

/** The threshold or minimum spend a rule has, if any. */
function requiredFen(rule: CouponRule): number | null {
  if (rule.type === 'threshold' || rule.type === 'gift') return rule.thresholdFen;
  if (rule.type === 'percent' || rule.type === 'voucher') return rule.minSpendFen;
  return null;
}

describe('stacked coupons, properties (fast-check)', () => {
  it('(a) every scan order gives the same payable and the same discount per coupon', () => {
    fc.assert(
      fc.property(linesArb, couponsArb(1), (lines, coupons) => {
        const first = priceOrder(lines, coupons);
        for (const order of permutations(coupons)) {
          const other = priceOrder(lines, order);
          expect(other.payableFen).toBe(first.payableFen);
          expect(other.lineDiscountsFen).toEqual(first.lineDiscountsFen);
          expect(byKey(other)).toEqual(byKey(first));
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('(b) line discounts add up to the total to the fen and no line goes below zero', () => {
    fc.assert(
      fc.property(linesArb, couponsArb(1), (lines, coupons) => {
        const result = priceOrder(lines, coupons);
        const sum = (fens: number[]) => fens.reduce((a, b) => a + b, 0);
        expect(sum(result.lineDiscountsFen)).toBe(result.discountFen);
        expect(result.payableFen).toBe(result.subtotalFen - result.discountFen);
        expect(result.subtotalFen).toBe(sum(lines.map(lineTotal)));
        result.lineDiscountsFen.forEach((d, i) => {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(lineTotal(lines[i]!));
        });
        const perLine = lines.map(() => 0);
        for (const outcome of result.coupons) {
          if (!outcome.ok) continue;
          expect(sum(outcome.lineDiscountsFen)).toBe(outcome.discountFen);
          outcome.lineDiscountsFen.forEach((d, i) => {
            expect(d).toBeGreaterThanOrEqual(0);
            perLine[i]! += d;
          });
        }
        expect(perLine).toEqual(result.lineDiscountsFen);
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) adding a coupon never raises the payable, unless it takes away a later threshold', () => {
    fc.assert(
      fc.property(
        linesArb,
        couponsArb(0),
        fc.record({ rule: ruleArb, scope: scopeArb }),
        (lines, coupons, extra) => {
          const added: PricedCoupon = { key: 'NEW', stackable: true, ...extra };
          const before = priceOrder(lines, coupons);
          const after = priceOrder(lines, [...coupons, added]);
          if (after.payableFen <= before.payableFen) return;
          // The payable rose: only because the new coupon, applying in an earlier stage, left a
          // later coupon's threshold unmet or met fewer times (每满). The till's best
          // combination (redemption.bestCombination) then leaves one of them out.
          const was = byKey(before);
          const now = byKey(after);
          const lost = coupons.filter((c) => {
            if (requiredFen(c.rule) === null || STAGE[c.rule.type] <= STAGE[added.rule.type])
              return false;
            const a = was[c.key]!;
            const b = now[c.key]!;
            if (a.ok && !b.ok) return true;
            return (
              c.rule.type === 'threshold' &&
              c.rule.repeat &&
              a.ok &&
              b.ok &&
              b.discountFen! < a.discountFen!
            );
          });
          expect(lost.map((c) => c.key)).not.toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('(d) a threshold is met exactly when its verdict says so, on what is left at its stage', () => {
    fc.assert(
      fc.property(linesArb, couponsArb(1), (lines, coupons) => {
        const result = priceOrder(lines, coupons);
        const quick = lines.length === 1 && lines[0]!.productId === null;
        for (const coupon of coupons) {
          const required = requiredFen(coupon.rule);
          const outcome = result.coupons.find((c) => c.key === coupon.key)!;
          if (required === null) continue;
          const scoped = coupon.scope.productIds.length + coupon.scope.categories.length > 0;
          if (quick && scoped) {
            expect(outcome).toMatchObject({ ok: false, reason: 'ITEM_NOT_IN_ORDER' });
            continue;
          }
          // What is left of its eligible goods after the coupons of earlier stages.
          const stage = STAGE[coupon.rule.type];
          const eligibleFen = lines.reduce((sum, line, i) => {
            if (!inScope(line, coupon.scope)) return sum;
            const earlier = result.coupons.reduce((taken, c) => {
              const other = coupons.find((x) => x.key === c.key)!;
              return c.ok && STAGE[other.rule.type] < stage
                ? taken + c.lineDiscountsFen[i]!
                : taken;
            }, 0);
            return sum + lineTotal(line) - earlier;
          }, 0);
          if (eligibleFen >= required) expect(outcome.ok).toBe(true);
          else
            expect(outcome).toMatchObject({
              ok: false,
              reason: 'MIN_SPEND_NOT_MET',
              details: { requiredFen: required, eligibleFen, shortFen: required - eligibleFen },
            });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
