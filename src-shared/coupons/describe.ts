import type { TemplateRule } from '../contract/coupons';
import { formatFen, formatZhe } from '../money';

const yuan = (fen: number) => formatFen(fen).replace(/\.00$/, '');

/**
 * The rule in a few Chinese words, as on a slip or a list: "满100减20", "每满100减10，最多减30",
 * "8.5折，最多减¥50", "苹果 1件免费". `productName` resolves product ids for item and gift rules.
 */
export function describeRule(
  rule: TemplateRule,
  productName: (id: string) => string = () => '商品',
): string {
  switch (rule.type) {
    case 'threshold': {
      const base = `${rule.repeat ? '每' : ''}满${yuan(rule.thresholdFen).slice(1)}减${yuan(rule.amountFen).slice(1)}`;
      return rule.capFen !== null ? `${base}，最多减${yuan(rule.capFen)}` : base;
    }
    case 'percent': {
      const parts = [formatZhe(rule.payPermille)];
      if (rule.minSpendFen !== null) parts.unshift(`满${yuan(rule.minSpendFen)}`);
      if (rule.maxDiscountFen !== null) parts.push(`最多减${yuan(rule.maxDiscountFen)}`);
      return parts.join('，');
    }
    case 'voucher':
      return rule.minSpendFen !== null
        ? `满${yuan(rule.minSpendFen)}抵${yuan(rule.amountFen)}`
        : `抵扣${yuan(rule.amountFen)}`;
    case 'item': {
      const name = productName(rule.productId);
      const deal =
        rule.mode === 'free'
          ? '免费'
          : rule.mode === 'price'
            ? `特价${yuan(rule.priceFen ?? 0)}`
            : formatZhe(rule.payPermille ?? 1000);
      return `${name} ${rule.maxUnits}件${deal}`;
    }
    case 'gift':
      return `满${yuan(rule.thresholdFen)}送${productName(rule.giftProductId)}×${rule.giftQty}`;
    case 'cashback':
      return `返现${yuan(rule.rewardFen)}`;
  }
}
