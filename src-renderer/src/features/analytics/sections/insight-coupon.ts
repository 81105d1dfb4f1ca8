import type { Insight } from '../../../../../src-shared/contract/analytics';
import type { CouponTemplate } from '../../../../../src-shared/contract/coupons';
import type { Product } from '../../../../../src-shared/contract/products';
import { discountCouponDrafts } from '../../../../../src-shared/inventory/alert-rules';
import type { TemplateValues } from '../../coupons/template-form';

/** A first product discount to suggest for a slipping product: 9折, which the form can change. */
const PRODUCT_DECLINE_PAY_PERMILLE = 900;
const TEMPLATE_NAME_MAX = 40;

/**
 * The coupon an insight suggests, ready for the template form: the best store's coupon for a
 * declining store (or for every store, from a best performer), a 单品 discount for a declining
 * product. Null where the advice is not a coupon.
 */
export function suggestedCoupon(
  insight: Insight,
  templates: readonly CouponTemplate[],
  products: readonly Product[],
): TemplateValues | null {
  const template = templates.find((one) => one.id === insight.templateId);
  const { key } = insight.suggestion;
  if (template && key === 'storeDeclineCopyCoupon')
    return copyOf(template, `${template.name}（${insight.storeName}）`, [insight.storeId]);
  if (template && key === 'bestStoreShare') return copyOf(template, template.name, []);
  const product = products.find((one) => one.id === insight.productId);
  if (product && key === 'productDeclineDiscount')
    return discountCouponDrafts({
      productId: product.id,
      productName: product.name,
      storeId: insight.storeId,
      priceFen: product.priceFen,
      payPermille: PRODUCT_DECLINE_PAY_PERMILLE,
    }).itemTemplate;
  return null;
}

/** A new template with a saved one's rule, for other stores (none listed: every store). */
function copyOf(template: CouponTemplate, name: string, storeIds: string[]): TemplateValues {
  return { ...template, name: name.slice(0, TEMPLATE_NAME_MAX), storeIds };
}
