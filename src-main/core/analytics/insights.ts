import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { Insight } from '../../../src-shared/contract/analytics';
import { INSIGHT_RULE, changeRatio } from '../../../src-shared/analytics/rules';
import { formatFen } from '../../../src-shared/money';
import { addDays } from '../../../src-shared/time';
import type { AppDatabase } from '../db/database';
import { inList, type AnalyticsService } from './service';

// Declines and best performers, by the rule in src-shared/analytics/rules.ts: the last 7 days
// against the mean of the same weekdays in the 4 weeks before, with a minimum volume. Read from
// the daily rollups only.

interface Figures {
  storeId: string;
  productId: string | null;
  recentFen: number;
  baseFen: number;
  recentSales: number;
  baseSales: number;
}

const percent = (ratio: number) => `${Math.round(Math.abs(ratio) * 100)}%`;

export class InsightsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly analytics: AnalyticsService,
  ) {}

  insights(input: ParsedInputOf<'analytics.insights'>): OutputOf<'analytics.insights'> {
    const rule = INSIGHT_RULE;
    const asOf = input.asOf ?? this.analytics.yesterday();
    const recentFrom = addDays(asOf, -(rule.recentDays - 1));
    const baselineFrom = addDays(recentFrom, -7 * rule.baselineWeeks);
    // sums() takes recentFrom four times, then the range.
    const range = [recentFrom, recentFrom, recentFrom, recentFrom, baselineFrom, asOf];
    const [stores, storeParams] = inList('store_id', input.storeIds);

    const storeFigures = input.productId
      ? []
      : this.figures(
          `SELECT store_id AS storeId, NULL AS productId, ${sums('sales_fen - refund_fen', 'sales')}
           FROM rollup_store_day WHERE day BETWEEN ? AND ?${stores} GROUP BY store_id`,
          [...range, ...storeParams],
        );
    const productFigures = this.figures(
      `SELECT store_id AS storeId, product_id AS productId, ${sums('revenue_fen - refund_fen', 'sales')}
       FROM rollup_store_product_day WHERE day BETWEEN ? AND ?${stores}
       ${input.productId ? 'AND product_id = ?' : ''} GROUP BY store_id, product_id`,
      [...range, ...storeParams, ...(input.productId ? [input.productId] : [])],
    );

    const judged = (figures: Figures[], minWeeklyFen: number) =>
      figures
        .map((f) => ({
          ...f,
          baselineFen: Math.round(f.baseFen / rule.baselineWeeks),
          change: changeRatio(f.recentFen, f.baseFen / rule.baselineWeeks),
        }))
        .filter(
          (f) =>
            f.baselineFen >= minWeeklyFen &&
            f.baseSales / rule.baselineWeeks >= rule.minWeeklyTransactions,
        );
    const stores_ = judged(storeFigures, rule.minStoreWeeklyFen);
    const products = judged(productFigures, rule.minProductWeeklyFen);
    const declining = <T extends { change: number }>(list: T[]) =>
      list.filter((f) => f.change <= -rule.dropRatio).sort((a, b) => a.change - b.change);
    const rising = <T extends { change: number }>(list: T[]) =>
      list.filter((f) => f.change >= rule.riseRatio).sort((a, b) => b.change - a.change);

    const storeNames = this.analytics.storeNames([]);
    const productNames = this.analytics.productNames([
      ...new Set(products.map((p) => p.productId!)),
    ]);
    // The store to learn from: the best grower, or else the strongest among the rest.
    const bestStore =
      rising(stores_)[0] ??
      [...stores_].filter((s) => s.change > -rule.dropRatio).sort((a, b) => b.change - a.change)[0];
    const bestCoupon = bestStore ? this.bestCoupon(bestStore.storeId, asOf) : null;

    const base = (f: (typeof stores_)[number]) => ({
      storeId: f.storeId,
      storeName: storeNames.get(f.storeId) ?? '',
      productId: f.productId,
      productName: f.productId ? (productNames.get(f.productId) ?? '') : null,
      recentFen: f.recentFen,
      baselineFen: f.baselineFen,
      change: f.change,
      recentTransactions: f.recentSales,
    });
    const money = (f: (typeof stores_)[number]) => ({
      store: storeNames.get(f.storeId) ?? '',
      product: f.productId ? (productNames.get(f.productId) ?? '') : '',
      recent: formatFen(f.recentFen),
      baseline: formatFen(f.baselineFen),
      drop: percent(f.change),
      rise: percent(f.change),
    });

    const declines: Insight[] = [
      ...declining(stores_).map((f): Insight => {
        const copy = bestCoupon && bestStore && bestStore.storeId !== f.storeId;
        return {
          kind: 'store',
          ...base(f),
          suggestion: copy
            ? {
                key: 'storeDeclineCopyCoupon',
                params: {
                  ...money(f),
                  bestStore: storeNames.get(bestStore.storeId) ?? '',
                  template: bestCoupon.name,
                  templateRevenue: formatFen(bestCoupon.revenueFen),
                },
              }
            : { key: 'storeDeclineCheck', params: money(f) },
          templateId: copy ? bestCoupon.templateId : null,
        };
      }),
      ...declining(products).map((f): Insight => ({
        kind: 'product',
        ...base(f),
        suggestion: {
          key: f.recentSales === 0 ? 'productDeclineCheck' : 'productDeclineDiscount',
          params: money(f),
        },
        templateId: null,
      })),
    ].slice(0, rule.maxItems);

    const best: Insight[] = [
      ...rising(stores_).map((f): Insight => ({
        kind: 'store',
        ...base(f),
        suggestion: {
          key: 'bestStoreShare',
          params: {
            ...money(f),
            template: f.storeId === bestStore?.storeId && bestCoupon ? bestCoupon.name : '—',
          },
        },
        templateId: f.storeId === bestStore?.storeId ? (bestCoupon?.templateId ?? null) : null,
      })),
      ...rising(products).map((f): Insight => ({
        kind: 'product',
        ...base(f),
        suggestion: { key: 'bestProductStock', params: money(f) },
        templateId: null,
      })),
    ].slice(0, rule.maxItems);

    return {
      asOf,
      recentFrom,
      baselineFrom,
      rule: {
        recentDays: rule.recentDays,
        baselineWeeks: rule.baselineWeeks,
        dropRatio: rule.dropRatio,
        riseRatio: rule.riseRatio,
        minStoreWeeklyFen: rule.minStoreWeeklyFen,
        minProductWeeklyFen: rule.minProductWeeklyFen,
        minWeeklyTransactions: rule.minWeeklyTransactions,
      },
      declines,
      best,
    };
  }

  /** The coupon whose orders brought the most revenue in a store over the last four weeks. */
  private bestCoupon(storeId: string, asOf: string) {
    return (
      (this.adb.sqlite
        .prepare(
          `SELECT r.template_id AS templateId, t.name, SUM(r.order_revenue_fen) AS revenueFen
           FROM rollup_template_day r JOIN coupon_templates t ON t.id = r.template_id
           WHERE r.store_id = ? AND r.day BETWEEN ? AND ? AND t.type != 'cashback'
           GROUP BY r.template_id HAVING SUM(r.redeemed) > 0 ORDER BY revenueFen DESC LIMIT 1`,
        )
        .get(storeId, addDays(asOf, -27), asOf) as
        { templateId: string; name: string; revenueFen: number } | undefined) ?? null
    );
  }

  private figures(sql: string, params: unknown[]): Figures[] {
    return this.adb.sqlite.prepare(sql).all(...params) as Figures[];
  }
}

/** Recent and baseline sums of an amount and a count; each `?` is recentFrom. */
function sums(amount: string, count: string): string {
  return `SUM(CASE WHEN day >= ? THEN ${amount} ELSE 0 END) AS recentFen,
    SUM(CASE WHEN day < ? THEN ${amount} ELSE 0 END) AS baseFen,
    SUM(CASE WHEN day >= ? THEN ${count} ELSE 0 END) AS recentSales,
    SUM(CASE WHEN day < ? THEN ${count} ELSE 0 END) AS baseSales`;
}
