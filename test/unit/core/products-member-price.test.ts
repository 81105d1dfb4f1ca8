import { describe, expect, it } from 'vitest';
import { couponShop } from '../../support/coupons';

describe("a product's member price", () => {
  it('is kept, left alone by an edit that does not name it, and never above the price', async () => {
    const { ok, fails, ownerToken } = await couponShop();
    const tea = await ok(
      'products.create',
      { sku: 'TEA-1', name: '百花茶', priceFen: 2000, memberPriceFen: 1800 },
      ownerToken,
    );
    expect(tea.memberPriceFen).toBe(1800);
    // A rename keeps it; a price cut below it is refused, saying both prices.
    expect(
      (await ok('products.update', { id: tea.id, name: '茉莉花茶' }, ownerToken)).memberPriceFen,
    ).toBe(1800);
    const refused = await fails('products.update', { id: tea.id, priceFen: 1500 }, ownerToken);
    expect(refused.code).toBe('MEMBER_PRICE_ABOVE_PRICE');
    expect(refused.message).toBe('会员价（¥18.00）不能高于售价（¥15.00）');
    expect((await ok('products.list', { search: 'TEA-1' }, ownerToken))[0]!.priceFen).toBe(2000);
    // Cleared: members pay the price like anyone.
    expect(
      (await ok('products.update', { id: tea.id, memberPriceFen: null }, ownerToken))
        .memberPriceFen,
    ).toBeNull();
    expect(
      (
        await fails(
          'products.create',
          { sku: 'TEA-2', name: '红茶', priceFen: 1000, memberPriceFen: 1200 },
          ownerToken,
        )
      ).code,
    ).toBe('MEMBER_PRICE_ABOVE_PRICE');
  });
});
