// The thresholds in force for a level, field by field: the product's own in this store, else its
// category's in this store, else its category's in every store. One text, used by the alert
// pass and the levels list, so both always agree.

/** LEFT JOINs for a query over `l` (stock_levels) joined to `p` (products). */
export const THRESHOLD_JOINS = `
  LEFT JOIN stock_thresholds tp ON tp.scope_key = 'p:' || l.product_id || ':' || l.store_id
  LEFT JOIN stock_thresholds ts ON ts.scope_key = 'c:' || p.category || ':' || l.store_id
  LEFT JOIN stock_thresholds ta ON ta.scope_key = 'c:' || p.category || ':*'`;

export const LOW_LEVEL = 'coalesce(tp.low_level, ts.low_level, ta.low_level)';
export const HIGH_LEVEL = 'coalesce(tp.high_level, ts.high_level, ta.high_level)';
export const SLOW_DAYS = 'coalesce(tp.slow_days, ts.slow_days, ta.slow_days)';

/** The scope key of a threshold target (unique per target). */
export function thresholdScopeKey(
  target: { productId: string; storeId: string } | { category: string; storeId: string | null },
): string {
  return 'productId' in target
    ? `p:${target.productId}:${target.storeId}`
    : `c:${target.category}:${target.storeId ?? '*'}`;
}
