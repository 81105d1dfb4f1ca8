import type { TFunction } from 'i18next';
import type {
  CouponTemplate,
  TemplateRule,
  TemplateType,
} from '../../../../src-shared/contract/coupons';
import { formatFen, formatZhe } from '../../../../src-shared/money';
import { shortYuan } from '../../forms/money';

export const TEMPLATE_TYPES: readonly TemplateType[] = [
  'threshold',
  'percent',
  'voucher',
  'item',
  'gift',
  'cashback',
];

export const TYPE_COLORS: Record<TemplateType, string> = {
  threshold: 'red',
  percent: 'orange',
  voucher: 'gold',
  item: 'green',
  gift: 'magenta',
  cashback: 'cyan',
};

/** A 折 figure as people read it: 850 → "8.5折" in Chinese, "pay 85%" in English. */
const zheParams = (payPermille: number) => ({
  zhe: formatZhe(payPermille),
  percent: payPermille / 10,
});

/**
 * The rule in one line, as a shop would print it: "满100减20", "每满100减10，最多减30",
 * "8.5折，最多减50", "苹果 第1件免费", "满50送 环保购物袋×1", "返现 ¥2".
 */
export function ruleSummary(
  t: TFunction,
  rule: TemplateRule,
  productName: (id: string) => string,
): string {
  const extras: string[] = [];
  let main: string;
  switch (rule.type) {
    case 'threshold':
      main = t(rule.repeat ? 'coupons.summary.thresholdRepeat' : 'coupons.summary.threshold', {
        threshold: shortYuan(rule.thresholdFen),
        amount: shortYuan(rule.amountFen),
      });
      if (rule.capFen !== null)
        extras.push(t('coupons.summary.cap', { cap: shortYuan(rule.capFen) }));
      break;
    case 'percent':
      main = t('coupons.summary.percent', zheParams(rule.payPermille));
      if (rule.maxDiscountFen !== null)
        extras.push(t('coupons.summary.cap', { cap: shortYuan(rule.maxDiscountFen) }));
      if (rule.minSpendFen !== null)
        extras.push(t('coupons.summary.minSpend', { min: shortYuan(rule.minSpendFen) }));
      break;
    case 'voucher':
      main = t('coupons.summary.voucher', { amount: shortYuan(rule.amountFen) });
      if (rule.minSpendFen !== null)
        extras.push(t('coupons.summary.minSpend', { min: shortYuan(rule.minSpendFen) }));
      break;
    case 'item': {
      const product = productName(rule.productId);
      const units = rule.maxUnits;
      if (rule.mode === 'free')
        main = t(units === 1 ? 'coupons.summary.itemFreeOne' : 'coupons.summary.itemFree', {
          product,
          units,
        });
      else if (rule.mode === 'price')
        main = t('coupons.summary.itemPrice', {
          product,
          units,
          price: shortYuan(rule.priceFen ?? 0),
        });
      else
        main = t('coupons.summary.itemPercent', {
          product,
          units,
          ...zheParams(rule.payPermille ?? 1000),
        });
      break;
    }
    case 'gift':
      main = t('coupons.summary.gift', {
        threshold: shortYuan(rule.thresholdFen),
        product: productName(rule.giftProductId),
        qty: rule.giftQty,
      });
      break;
    case 'cashback':
      main = t('coupons.summary.cashback', { reward: `¥${shortYuan(rule.rewardFen)}` });
      break;
  }
  return main + extras.join('');
}

/** "2026-11-01 至 2026-12-31", or "领取后30天内有效". */
export function validityText(t: TFunction, validity: CouponTemplate['validity']): string {
  return validity.kind === 'fixed'
    ? t('coupons.validity.fixedRange', { start: validity.startDate, end: validity.endDate })
    : t('coupons.validity.relativeDays', { days: validity.days });
}

/** How much of the budget is spent, as a fraction (0–1), or null when there is no budget. */
export function budgetUsed(template: CouponTemplate): number | null {
  const parts: number[] = [];
  if (template.budgetCount !== null) parts.push(template.redeemedCount / template.budgetCount);
  if (template.budgetFen !== null) parts.push(template.redeemedFen / template.budgetFen);
  return parts.length ? Math.min(1, Math.max(...parts)) : null;
}

/** "3/100 张 · ¥20.00/¥1000.00": the budget's use in words. */
export function budgetText(t: TFunction, template: CouponTemplate): string | null {
  const parts: string[] = [];
  if (template.budgetCount !== null)
    parts.push(
      t('coupons.budget.count', { used: template.redeemedCount, total: template.budgetCount }),
    );
  if (template.budgetFen !== null)
    parts.push(`${formatFen(template.redeemedFen)}/${formatFen(template.budgetFen)}`);
  return parts.length ? parts.join(' · ') : null;
}
