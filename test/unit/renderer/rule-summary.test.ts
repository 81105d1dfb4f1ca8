import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  couponRuleSchema,
  templateSchema,
  type CouponRuleInput,
  type CouponTemplate,
} from '../../../src-shared/contract/coupons';
import {
  budgetText,
  budgetUsed,
  ruleSummary,
  validityText,
} from '../../../src-renderer/src/features/coupons/rule-summary';
import { translator } from './translator';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

const APPLE = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';
const BAG = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c';
const names: Record<string, string> = { [APPLE]: '苹果', [BAG]: '环保购物袋' };
const productName = (id: string) => names[id] ?? '?';

/** A rule as the app answers it: the contract's defaults filled in. */
const summary = (t: TFunction, rule: CouponRuleInput) =>
  ruleSummary(t, couponRuleSchema.parse(rule), productName);

describe('a coupon rule in one line', () => {
  it('says 满减 as shops print it, with the cap only when the discount repeats', () => {
    const once = { type: 'threshold', thresholdFen: 10000, amountFen: 2000 } as const;
    expect(summary(zh, once)).toBe('满100减20');
    expect(summary(en, once)).toBe('¥20 off ¥100');
    const repeat = { ...once, amountFen: 1000, repeat: true, capFen: 3000 };
    expect(summary(zh, repeat)).toBe('每满100减10，最多减30');
    expect(summary(en, repeat)).toBe('¥10 off every ¥100, up to ¥30 off');
    expect(summary(zh, { ...repeat, capFen: null })).toBe('每满100减10');
  });

  it('writes yuan short: no trailing zeros, fen kept when there are any', () => {
    expect(summary(zh, { type: 'threshold', thresholdFen: 9950, amountFen: 1005 })).toBe(
      '满99.5减10.05',
    );
    expect(summary(zh, { type: 'voucher', amountFen: 7 })).toBe('抵扣0.07元');
    expect(summary(zh, { type: 'voucher', amountFen: 500, minSpendFen: 3000 })).toBe(
      '抵扣5元，满30可用',
    );
  });

  it('says 折 in Chinese and the share paid in English, with cap and minimum spend', () => {
    expect(summary(zh, { type: 'percent', payPermille: 850 })).toBe('8.5折');
    expect(summary(en, { type: 'percent', payPermille: 850 })).toBe('Pay 85%');
    expect(summary(zh, { type: 'percent', payPermille: 800 })).toBe('8折');
    expect(summary(zh, { type: 'percent', payPermille: 855 })).toBe('8.55折');
    expect(
      summary(zh, { type: 'percent', payPermille: 850, maxDiscountFen: 5000, minSpendFen: 10000 }),
    ).toBe('8.5折，最多减50，满100可用');
    expect(summary(en, { type: 'percent', payPermille: 1, maxDiscountFen: 5000 })).toBe(
      'Pay 0.1%, up to ¥50 off',
    );
  });

  it('names the product of an item coupon, in each of its modes', () => {
    const item = { type: 'item', productId: APPLE } as const;
    expect(summary(zh, { ...item, mode: 'free' })).toBe('苹果 第1件免费');
    expect(summary(en, { ...item, mode: 'free' })).toBe('苹果: first one free');
    expect(summary(zh, { ...item, mode: 'free', maxUnits: 3 })).toBe('苹果 前3件免费');
    expect(summary(zh, { ...item, mode: 'price', maxUnits: 2, priceFen: 990 })).toBe(
      '苹果 特价9.9元，限2件',
    );
    expect(summary(zh, { ...item, mode: 'price', priceFen: 0 })).toBe('苹果 特价0元，限1件');
    expect(summary(zh, { ...item, mode: 'percent', maxUnits: 2, payPermille: 500 })).toBe(
      '苹果 5折，限2件',
    );
    // A percent item without its 折 reads as paying it all, not as a crash.
    expect(summary(zh, { ...item, mode: 'percent' })).toBe('苹果 10折，限1件');
  });

  it('names the gift and says the cashback in yuan', () => {
    expect(summary(zh, { type: 'gift', thresholdFen: 5000, giftProductId: BAG, giftQty: 1 })).toBe(
      '满50送 环保购物袋×1',
    );
    expect(summary(zh, { type: 'cashback', rewardFen: 200 })).toBe('返现 ¥2');
    expect(summary(en, { type: 'cashback', rewardFen: 250 })).toBe('¥2.5 cashback');
  });
});

describe('a validity in words', () => {
  it('gives a fixed range by its dates, a relative one by its days', () => {
    const fixed = { kind: 'fixed', startDate: '2026-11-01', endDate: '2026-12-31' } as const;
    expect(validityText(zh, fixed)).toBe('2026-11-01 至 2026-12-31');
    expect(validityText(en, fixed)).toBe('2026-11-01 to 2026-12-31');
    expect(validityText(zh, { kind: 'relative', days: 30 })).toBe('领取后30天内有效');
  });
});

const template = (fields: Partial<CouponTemplate>): CouponTemplate =>
  templateSchema.parse({
    id: APPLE,
    type: 'voucher',
    status: 'active',
    version: 1,
    issuedCount: 0,
    redeemedCount: 0,
    redeemedFen: 0,
    claimedCount: 0,
    createdAt: 0,
    updatedAt: 0,
    name: '五元券',
    rule: { type: 'voucher', amountFen: 500 },
    validity: { kind: 'relative', days: 30 },
    ...fields,
  });

describe('a budget in use', () => {
  it('has no measure without a budget', () => {
    const unlimited = template({ redeemedCount: 12, redeemedFen: 6000 });
    expect(budgetUsed(unlimited)).toBeNull();
    expect(budgetText(zh, unlimited)).toBeNull();
  });

  it('counts coupons and money, the fuller of the two showing', () => {
    const both = template({
      budgetCount: 100,
      budgetFen: 100000,
      redeemedCount: 3,
      redeemedFen: 2000,
    });
    expect(budgetUsed(both)).toBe(0.03);
    expect(budgetText(zh, both)).toBe('3/100 张 · ¥20.00/¥1000.00');
    expect(budgetUsed(template({ budgetFen: 100000, redeemedFen: 50000, budgetCount: 1000 }))).toBe(
      0.5,
    );
    expect(budgetUsed(template({ budgetCount: 100 }))).toBe(0);
    expect(budgetText(zh, template({ budgetCount: 100 }))).toBe('0/100 张');
    expect(budgetText(zh, template({ budgetFen: 1 }))).toBe('¥0.00/¥0.01');
  });

  it('is full, never more, once spent past the budget', () => {
    expect(budgetUsed(template({ budgetCount: 10, redeemedCount: 12 }))).toBe(1);
  });
});
