import { describe, expect, it } from 'vitest';
import {
  addToLines,
  emptyOrder,
  hasGoods,
  lineDiscounts,
  orderTotals,
  toOrderInput,
  type OrderDraft,
  type OrderLine,
} from '../../../src-renderer/src/features/redemption/order';

const APPLE = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';
const MILK = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c';

const line = (key: string, productId: string, qty: number, unitPriceFen: number): OrderLine => ({
  key,
  productId,
  name: productId === APPLE ? '苹果' : '牛奶',
  sku: productId === APPLE ? '1001' : '1002',
  qty,
  unitPriceFen,
});

const quick = (subtotalText: string, phoneText = ''): OrderDraft => ({
  ...emptyOrder,
  subtotalText,
  phoneText,
});

describe('the order the cashier typed, as the contract takes it', () => {
  it('reads the subtotal in yuan to the fen', () => {
    expect(toOrderInput(quick('128'))).toEqual({ subtotalFen: 12800, customerPhone: undefined });
    expect(toOrderInput(quick('12.5'))).toEqual({ subtotalFen: 1250, customerPhone: undefined });
    expect(toOrderInput(quick(' 0.07 '))).toEqual({ subtotalFen: 7, customerPhone: undefined });
    expect(toOrderInput(quick('0'))).toEqual({ subtotalFen: 0, customerPhone: undefined });
  });

  it('never rounds a typed amount: a third decimal or a sign is a typo', () => {
    expect(toOrderInput(quick('12.345'))).toEqual({ problem: 'subtotal' });
    expect(toOrderInput(quick('-5'))).toEqual({ problem: 'subtotal' });
    expect(toOrderInput(quick('¥12'))).toEqual({ problem: 'subtotal' });
  });

  it('checks a coupon before the amount is known: nothing typed is a zero subtotal', () => {
    expect(toOrderInput(emptyOrder)).toEqual({ subtotalFen: 0, customerPhone: undefined });
    expect(toOrderInput(quick('   '))).toEqual({ subtotalFen: 0, customerPhone: undefined });
    expect(hasGoods(emptyOrder)).toBe(false);
    expect(hasGoods(quick('0'))).toBe(true);
  });

  it('sends the goods line by line in full entry, and a zero subtotal before the first line', () => {
    const lines = [line('a', APPLE, 3, 550), line('b', MILK, 1, 1280)];
    const full: OrderDraft = { ...emptyOrder, mode: 'full', lines, subtotalText: '999' };
    expect(toOrderInput(full)).toEqual({
      lines: [
        { productId: APPLE, qty: 3, unitPriceFen: 550 },
        { productId: MILK, qty: 1, unitPriceFen: 1280 },
      ],
      customerPhone: undefined,
    });
    expect(hasGoods(full)).toBe(true);
    // The quick subtotal left over from before the switch is not the order.
    const noLines: OrderDraft = { ...full, lines: [] };
    expect(toOrderInput(noLines)).toEqual({ subtotalFen: 0, customerPhone: undefined });
    expect(hasGoods(noLines)).toBe(false);
  });

  it('normalizes the customer phone, and refuses one that is no mainland mobile', () => {
    expect(toOrderInput(quick('50', '138 1234 5678'))).toEqual({
      subtotalFen: 5000,
      customerPhone: '+8613812345678',
    });
    expect(toOrderInput(quick('50', '12345'))).toEqual({ problem: 'phone' });
    // The phone is checked first: both wrong, the phone is said.
    expect(toOrderInput(quick('1.234', '12345'))).toEqual({ problem: 'phone' });
  });
});

describe('what the order comes to', () => {
  it('takes every discount off the subtotal', () => {
    expect(orderTotals(12800, [{ discountFen: 2000 }, { discountFen: 1234 }])).toEqual({
      subtotalFen: 12800,
      discountFen: 3234,
      payableFen: 9566,
    });
  });

  it('is the subtotal when no coupon applies yet, and nothing on an empty order', () => {
    expect(orderTotals(5000, [])).toEqual({ subtotalFen: 5000, discountFen: 0, payableFen: 5000 });
    expect(orderTotals(0, [{ discountFen: 0 }])).toEqual({
      subtotalFen: 0,
      discountFen: 0,
      payableFen: 0,
    });
  });

  it('pays nothing when the coupons take the whole order off', () => {
    expect(orderTotals(1999, [{ discountFen: 1000 }, { discountFen: 999 }]).payableFen).toBe(0);
  });

  it("sums each line's share over the coupons, and a line a coupon does not price gets 0", () => {
    const verdicts = [
      {
        lines: [
          { productId: APPLE, name: '苹果', qty: 3, unitPriceFen: 550, discountFen: 550 },
          { productId: MILK, name: '牛奶', qty: 1, unitPriceFen: 1280, discountFen: 0 },
        ],
      },
      // Priced before the milk was added: it knows one line only.
      { lines: [{ productId: APPLE, name: '苹果', qty: 3, unitPriceFen: 550, discountFen: 33 }] },
    ];
    expect(lineDiscounts(2, verdicts)).toEqual([583, 0]);
    expect(lineDiscounts(3, [])).toEqual([0, 0, 0]);
    expect(lineDiscounts(0, verdicts)).toEqual([]);
  });
});

describe('goods added to the order', () => {
  let next = 0;
  const newKey = () => `new-${++next}`;

  it('adds a new product as a line at the end, with a fresh key', () => {
    const lines = [line('a', APPLE, 1, 550)];
    const added = addToLines(
      lines,
      { productId: MILK, name: '牛奶', sku: '1002', qty: 2, unitPriceFen: 1280 },
      newKey,
    );
    expect(added).toEqual([lines[0], line('new-1', MILK, 2, 1280)]);
    // The order drawn before stays as it was.
    expect(lines).toHaveLength(1);
  });

  it("adds a product already on the order to its line's quantity, at the line's own price", () => {
    const lines = [line('a', APPLE, 1, 500), line('b', MILK, 1, 1280)];
    const added = addToLines(lines, line('x', APPLE, 2, 550), newKey);
    expect(added).toEqual([line('a', APPLE, 3, 500), lines[1]]);
    expect(lines[0]!.qty).toBe(1);
  });
});
