import type { TemplateFields } from '../../src-shared/contract/coupons';
import { initializedShop } from './core';

export const CASHIER_PIN = '135790';

/** A shop with products, a cashier, and helpers to set up and issue coupons. */
export async function couponShop(options: Parameters<typeof initializedShop>[0] = {}) {
  const shop = await initializedShop(options);
  const { ok, ownerToken } = shop;
  const apple = await ok(
    'products.create',
    {
      sku: 'APL-1',
      barcodes: ['6901234567892'],
      name: '红富士苹果',
      category: '水果',
      unit: '斤',
      priceFen: 1299,
    },
    ownerToken,
  );
  const milk = await ok(
    'products.create',
    { sku: 'MLK-1', name: '纯牛奶 250ml', category: '乳品', priceFen: 650 },
    ownerToken,
  );
  const bag = await ok(
    'products.create',
    { sku: 'BAG-1', name: '环保购物袋', category: '赠品', priceFen: 200 },
    ownerToken,
  );
  const cashier = await ok(
    'staff.create',
    { name: '李收银', role: 'cashier', pin: CASHIER_PIN },
    ownerToken,
  );
  const { token: cashierToken } = await ok('auth.login', { staffId: cashier.id, pin: CASHIER_PIN });

  async function activeTemplate(fields: Partial<TemplateFields> = {}) {
    const template = await ok(
      'coupons.createTemplate',
      {
        name: '满100减20',
        rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
        validity: { kind: 'relative', days: 30 },
        ...fields,
      },
      ownerToken,
    );
    return ok('coupons.setTemplateStatus', { id: template.id, status: 'active' }, ownerToken);
  }

  async function issueOne(templateId: string, phone?: string) {
    const { codes } = await ok(
      'coupons.issue',
      { templateId, count: 1, ...(phone ? { phone } : {}) },
      ownerToken,
    );
    return codes[0]!;
  }

  return {
    ...shop,
    products: { apple, milk, bag },
    cashier,
    cashierToken,
    activeTemplate,
    issueOne,
  };
}
