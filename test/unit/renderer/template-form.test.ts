import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { templateFieldsSchema } from '../../../src-shared/contract/coupons';
import {
  emptyTemplateForm,
  templateFormField,
  toTemplateFields,
  toTemplateForm,
  type TemplateFormValues,
  type TemplateValues,
} from '../../../src-renderer/src/features/coupons/template-form';

const APPLE = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';
const BAG = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c';
const STORE = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6d';

/** A form as a manager fills it in: a template of type `type` with the given rule fields. */
const form = (
  type: TemplateFormValues['type'],
  rule: TemplateFormValues['rule'],
  rest: Partial<TemplateFormValues> = {},
): TemplateFormValues => ({
  ...emptyTemplateForm,
  name: '测试券',
  type,
  rule: { ...emptyTemplateForm.rule, ...rule },
  ...rest,
});

const ruleOf = (values: TemplateFormValues) => toTemplateFields(values).rule;

describe('the template form → the contract', () => {
  it('turns typed yuan into fen and typed 折 into per mille paid', () => {
    expect(ruleOf(form('threshold', { threshold: '100', amount: '20' }))).toEqual({
      type: 'threshold',
      thresholdFen: 10000,
      amountFen: 2000,
      repeat: false,
      capFen: null,
    });
    expect(ruleOf(form('percent', { zhe: '8.5', maxDiscount: '50', minSpend: '' }))).toEqual({
      type: 'percent',
      payPermille: 850,
      maxDiscountFen: 5000,
      minSpendFen: null,
    });
    expect(ruleOf(form('percent', { zhe: '0.01' }))).toMatchObject({ payPermille: 1 });
    expect(ruleOf(form('percent', { zhe: '9.99' }))).toMatchObject({ payPermille: 999 });
    expect(ruleOf(form('voucher', { amount: '0.5', minSpend: '  ' }))).toEqual({
      type: 'voucher',
      amountFen: 50,
      minSpendFen: null,
    });
    expect(ruleOf(form('cashback', { reward: '2' }))).toEqual({ type: 'cashback', rewardFen: 200 });
  });

  it('keeps a cap only on a discount that repeats', () => {
    expect(ruleOf(form('threshold', { threshold: '100', amount: '10', cap: '30' }))).toMatchObject({
      repeat: false,
      capFen: null,
    });
    expect(
      ruleOf(form('threshold', { threshold: '100', amount: '10', repeat: true, cap: '30' })),
    ).toMatchObject({ repeat: true, capFen: 3000 });
    expect(
      ruleOf(form('threshold', { threshold: '100', amount: '10', repeat: true, cap: '' })),
    ).toMatchObject({ repeat: true, capFen: null });
  });

  it("reads only the chosen mode's field of an item coupon", () => {
    const fields = { productId: APPLE, maxUnits: 2, price: '9.9', zhe: '5' };
    expect(ruleOf(form('item', { ...fields, mode: 'free' }))).toEqual({
      type: 'item',
      productId: APPLE,
      maxUnits: 2,
      mode: 'free',
      priceFen: null,
      payPermille: null,
    });
    expect(ruleOf(form('item', { ...fields, mode: 'price' }))).toMatchObject({
      priceFen: 990,
      payPermille: null,
    });
    expect(ruleOf(form('item', { ...fields, mode: 'percent' }))).toMatchObject({
      priceFen: null,
      payPermille: 500,
    });
    // A special price of ¥0 is a price (the item is free), not a missing one.
    expect(ruleOf(form('item', { ...fields, mode: 'price', price: '0' }))).toMatchObject({
      priceFen: 0,
    });
  });

  it('never rounds a typed amount: the form refuses it before, and saving it throws', () => {
    expect(() => toTemplateFields(form('voucher', { amount: '12.345' }))).toThrow(RangeError);
    expect(() => toTemplateFields(form('voucher', { amount: '' }))).toThrow(RangeError);
  });

  it('sends dates as local dates, limits left empty as none, and no share allowance without sharing', () => {
    const fields = toTemplateFields(
      form(
        'gift',
        { threshold: '50', giftProductId: BAG, giftQty: 2 },
        {
          validity: { kind: 'fixed', range: [dayjs('2026-11-01'), dayjs('2026-12-31')] },
          budget: '1000',
          issueOnSpend: '',
          share: { mode: 'none', maxShares: 5 },
          storeIds: [STORE],
        },
      ),
    );
    expect(fields).toEqual({
      name: '测试券',
      description: '',
      rule: { type: 'gift', thresholdFen: 5000, giftProductId: BAG, giftQty: 2 },
      scope: { productIds: [], categories: [] },
      validity: { kind: 'fixed', startDate: '2026-11-01', endDate: '2026-12-31' },
      storeIds: [STORE],
      perCustomerLimit: null,
      totalIssueLimit: null,
      budgetCount: null,
      budgetFen: 100000,
      stackable: false,
      share: { mode: 'none', maxShares: null, maxHops: 2 },
      issueOnSpendFen: null,
      codeFormat: 'numeric',
    });
    expect(templateFieldsSchema.safeParse(fields).success).toBe(true);
    // Sharing by copy keeps its allowance; a relative validity without days is one day.
    const copied = toTemplateFields(
      form(
        'cashback',
        { reward: '1' },
        {
          share: { mode: 'copy', maxShares: 3 },
          validity: { kind: 'relative' },
        },
      ),
    );
    expect(copied.share).toEqual({ mode: 'copy', maxShares: 3, maxHops: 2 });
    expect(copied.validity).toEqual({ kind: 'relative', days: 1 });
  });
});

/** A saved template of each type, every field as the app answers it. */
const saved = (
  rule: TemplateValues['rule'],
  rest: Partial<TemplateValues> = {},
): TemplateValues => ({
  name: '店庆券',
  description: '每单限用一张',
  rule,
  scope: { productIds: [APPLE], categories: ['水果'] },
  validity: { kind: 'relative', days: 30 },
  storeIds: [STORE],
  perCustomerLimit: 2,
  totalIssueLimit: 500,
  budgetCount: 100,
  budgetFen: 123456,
  stackable: true,
  share: { mode: 'transfer', maxShares: 1, maxHops: 3 },
  issueOnSpendFen: 8800,
  codeFormat: 'base32',
  ...rest,
});

const SAVED: TemplateValues[] = [
  saved({ type: 'threshold', thresholdFen: 10000, amountFen: 2000, repeat: false, capFen: null }),
  saved({ type: 'threshold', thresholdFen: 9950, amountFen: 1005, repeat: true, capFen: 3001 }),
  saved({ type: 'percent', payPermille: 855, maxDiscountFen: 5000, minSpendFen: null }),
  saved({ type: 'percent', payPermille: 1, maxDiscountFen: null, minSpendFen: 1 }),
  saved({ type: 'voucher', amountFen: 7, minSpendFen: 3000 }),
  saved({
    type: 'item',
    productId: APPLE,
    maxUnits: 1,
    mode: 'free',
    priceFen: null,
    payPermille: null,
  }),
  saved({
    type: 'item',
    productId: APPLE,
    maxUnits: 3,
    mode: 'price',
    priceFen: 0,
    payPermille: null,
  }),
  saved({
    type: 'item',
    productId: APPLE,
    maxUnits: 99,
    mode: 'percent',
    priceFen: null,
    payPermille: 500,
  }),
  saved({ type: 'gift', thresholdFen: 5000, giftProductId: BAG, giftQty: 1 }),
  saved(
    { type: 'cashback', rewardFen: 250 },
    {
      validity: { kind: 'fixed', startDate: '2026-02-28', endDate: '2028-02-29' },
      perCustomerLimit: null,
      totalIssueLimit: null,
      budgetCount: null,
      budgetFen: null,
      share: { mode: 'none', maxShares: null, maxHops: 2 },
      issueOnSpendFen: null,
    },
  ),
];

describe('a saved template → the form', () => {
  it('shows fen as yuan and per mille as 折, as a manager would type them', () => {
    const threshold = toTemplateForm(SAVED[1]!);
    expect(threshold.rule).toMatchObject({
      threshold: '99.50',
      amount: '10.05',
      repeat: true,
      cap: '30.01',
    });
    expect(threshold.budget).toBe('1234.56');
    expect(threshold.issueOnSpend).toBe('88.00');
    expect(toTemplateForm(SAVED[2]!).rule).toMatchObject({ zhe: '8.55', minSpend: '' });
    expect(toTemplateForm(SAVED[3]!).rule).toMatchObject({ zhe: '0.01', minSpend: '0.01' });
    expect(toTemplateForm(SAVED[6]!).rule).toMatchObject({ mode: 'price', price: '0.00', zhe: '' });
  });

  it('holds a fixed validity as the two days of a range picker', () => {
    const { validity } = toTemplateForm(SAVED[9]!);
    expect(validity.kind).toBe('fixed');
    expect(validity.range!.map((day) => day.format('YYYY-MM-DD'))).toEqual([
      '2026-02-28',
      '2028-02-29',
    ]);
  });

  it("starts the other types' rule fields at their defaults, so switching type is clean", () => {
    expect(toTemplateForm(SAVED[4]!).rule).toEqual({
      repeat: false,
      maxUnits: 1,
      mode: 'free',
      giftQty: 1,
      amount: '0.07',
      minSpend: '30.00',
    });
  });
});

describe('there and back', () => {
  it.each(SAVED.map((template, i) => [`${template.rule.type} (#${i})`, template] as const))(
    'a saved %s template comes back from its form unchanged',
    (_, template) => {
      const fields = toTemplateFields(toTemplateForm(template));
      expect(fields).toEqual(template);
      expect(templateFieldsSchema.parse(fields)).toEqual(template);
    },
  );
});

describe("the app's field paths on the form", () => {
  it('points a refused amount at the field where it was typed', () => {
    expect(templateFormField(['rule', 'thresholdFen'])).toEqual(['rule', 'threshold']);
    expect(templateFormField(['rule', 'payPermille'])).toEqual(['rule', 'zhe']);
    expect(templateFormField(['budgetFen'])).toEqual(['budget']);
    expect(templateFormField(['share', 'maxShares'])).toEqual(['share', 'maxShares']);
  });

  it('points either end of a fixed validity at the range picker', () => {
    expect(templateFormField(['validity', 'startDate'])).toEqual(['validity', 'range']);
    expect(templateFormField(['validity', 'endDate'])).toEqual(['validity', 'range']);
  });

  it('points an item of a list at the list, and knows no field for the rest', () => {
    expect(templateFormField(['scope', 'productIds', 3])).toEqual(['scope', 'productIds']);
    expect(templateFormField(['storeIds', 0])).toEqual(['storeIds']);
    expect(templateFormField(['codeFormat'])).toBeNull();
    expect(templateFormField([])).toBeNull();
  });
});
