import type { z } from 'zod';
import { describeRule } from '../coupons/describe';
import type { couponRuleSchema, TemplateRule } from '../contract/coupons';

/** A rule as the cloud sends it: its optional fields may be left out (the schema's input). */
export type WireRule = z.input<typeof couponRuleSchema>;

/**
 * The rule in plain words, with the product names the cloud sent along. Missing optional
 * amounts are the schema's defaults (null: no cap, no minimum), so "最多减" never reads undefined.
 */
export function ruleText(rule: WireRule, productNames: Record<string, string>): string {
  const filled = {
    repeat: false,
    capFen: null,
    maxDiscountFen: null,
    minSpendFen: null,
    ...Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined)),
  } as unknown as TemplateRule;
  return describeRule(filled, (id) => productNames[id] ?? '商品');
}
