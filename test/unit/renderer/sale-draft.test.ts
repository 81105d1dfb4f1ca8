import { describe, expect, it } from 'vitest';
import type { Product } from '../../../src-shared/contract/products';
import {
  linePriceFen,
  newSaleDraft,
  subtotalFen,
  toSaleInput,
} from '../../../src-renderer/src/features/sales/sale-draft';

const product = (id: string, priceFen: number, memberPriceFen: number | null): Product => ({
  id,
  sku: id,
  barcodes: [],
  name: id,
  nameInitials: '',
  category: '',
  unit: '件',
  priceFen,
  costFen: null,
  memberPriceFen,
  active: true,
  createdAt: 0,
  updatedAt: 0,
});

describe('the sale screen’s member price', () => {
  const tea = product('0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a01', 2000, 1800);
  const milk = product('0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a02', 650, null);

  it('applies to a member’s sale where the cashier left the list price', () => {
    const draft = {
      ...newSaleDraft(),
      lines: [
        { product: tea, qty: 2, unitPriceFen: 2000 },
        { product: milk, qty: 1, unitPriceFen: 650 },
      ],
    };
    expect(subtotalFen(draft)).toBe(4650);
    expect(subtotalFen(draft, true)).toBe(4250);
    const input = toSaleInput(draft, 'store', true);
    expect('problem' in input ? input : input.lines.map((l) => l.unitPriceFen)).toEqual([
      1800, 650,
    ]);
  });

  it('leaves a price typed by hand as it is', () => {
    expect(linePriceFen({ product: tea, qty: 1, unitPriceFen: 1500 }, true)).toBe(1500);
    expect(linePriceFen({ product: tea, qty: 1, unitPriceFen: 2000 }, false)).toBe(2000);
  });
});
