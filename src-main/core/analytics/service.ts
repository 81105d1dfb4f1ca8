import type { Methods, OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { Series } from '../../../src-shared/contract/analytics';
import { regionName } from '../../../src-shared/analytics/region-names';
import {
  cumulative,
  datesInRange,
  periodOf,
  periodsInRange,
  shareOf,
} from '../../../src-shared/analytics/rules';
import { maskPhone } from '../../../src-shared/phone';
import { addDays, localDate } from '../../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { ConsumerRanking, type RankedConsumer } from './consumer-ranking';
import { ALL_PRODUCTS } from './rollups';

// The charts' questions, answered from the rollup tables only (never the raw sales or
// redemptions), so they stay instant on years of data. Names of stores, products, staff and
// templates are looked up for the few rows that come back.

type Input<M extends `analytics.${string}` & keyof Methods> = ParsedInputOf<M>;
type Row = Record<string, number | string | null>;

/** `AND column IN (?, ?)` for a non-empty list, with its parameters. */
export function inList(column: string, values: readonly string[]): [string, string[]] {
  if (!values.length) return ['', []];
  return [` AND ${column} IN (${values.map(() => '?').join(', ')})`, [...values]];
}

const zeroSeries = (key: string, name: string, days: string[]): Series => ({
  key,
  name,
  total: 0,
  daily: days.map(() => 0),
  cumulative: days.map(() => 0),
});

/** Fills a series from day → count pairs (days outside the range are ignored). */
function seriesOf(key: string, name: string, days: string[], counts: Map<string, number>): Series {
  const daily = days.map((day) => counts.get(day) ?? 0);
  return {
    key,
    name,
    total: daily.reduce((a, b) => a + b, 0),
    daily,
    cumulative: cumulative(daily),
  };
}

export class AnalyticsService {
  private readonly ranking: ConsumerRanking;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {
    this.ranking = new ConsumerRanking(adb.sqlite);
  }

  /** Reads ahead in the background what the first top-consumer chart needs (see `warm`). */
  warmUp(signal: AbortSignal): Promise<void> {
    return this.ranking.warm(this.today(), signal);
  }

  private all<T = Row>(sql: string, params: unknown[]): T[] {
    return this.adb.sqlite.prepare(sql).all(...params) as T[];
  }

  /** The zone of the first store: what "today" means for the default range. */
  timeZone(): string {
    const row = this.adb.sqlite
      .prepare('SELECT timezone AS tz FROM stores ORDER BY created_at LIMIT 1')
      .get() as { tz: string } | undefined;
    return row?.tz ?? DEFAULT_TIME_ZONE;
  }

  today(): string {
    return localDate(this.clock.now(), this.timeZone());
  }

  /** Days with anything in the rollups. */
  coverage(): { firstDay: string | null; lastDay: string | null } {
    const row = this.adb.sqlite
      .prepare(
        `SELECT MIN(first) AS firstDay, MAX(last) AS lastDay FROM (
           SELECT MIN(day) AS first, MAX(day) AS last FROM rollup_store_day
           UNION ALL SELECT MIN(day), MAX(day) FROM rollup_region_day)`,
      )
      .get() as { firstDay: string | null; lastDay: string | null };
    return row;
  }

  redemptionsByRegion(
    input: Input<'analytics.redemptionsByRegion'>,
  ): OutputOf<'analytics.redemptionsByRegion'> {
    const column = input.level === 'province' ? 'province_code' : 'city_code';
    const [stores, storeParams] = inList('store_id', input.storeIds);
    const [kinds, kindParams] = inList('kind', input.kinds);
    const province = input.provinceCode ? ' AND province_code = ?' : '';
    const rows = this.all<{ code: string; n: number }>(
      `SELECT ${column} AS code, SUM(count) AS n FROM rollup_region_day
       WHERE product_id = ? AND day BETWEEN ? AND ?${kinds}${stores}${province}
       GROUP BY ${column} HAVING n > 0 ORDER BY n DESC, code`,
      [
        input.productId ?? ALL_PRODUCTS,
        input.from,
        input.to,
        ...kindParams,
        ...storeParams,
        ...(input.provinceCode ? [input.provinceCode] : []),
      ],
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    return {
      total,
      rows: rows.map((r) => ({
        code: r.code,
        name: regionName(r.code),
        count: r.n,
        share: shareOf(r.n, total),
      })),
    };
  }

  redemptionsDaily(
    input: Input<'analytics.redemptionsDaily'>,
  ): OutputOf<'analytics.redemptionsDaily'> {
    const days = datesInRange(input.from, input.to);
    const column =
      input.groupBy === 'province'
        ? 'province_code'
        : input.groupBy === 'city'
          ? 'city_code'
          : "'all'";
    const [stores, storeParams] = inList('store_id', input.storeIds);
    const [kinds, kindParams] = inList('kind', input.kinds);
    const province = input.provinceCode ? ' AND province_code = ?' : '';
    const rows = this.all<{ key: string; day: string; n: number }>(
      `SELECT ${column} AS key, day, SUM(count) AS n FROM rollup_region_day
       WHERE product_id = ? AND day BETWEEN ? AND ?${kinds}${stores}${province}
       GROUP BY key, day`,
      [
        input.productId ?? ALL_PRODUCTS,
        input.from,
        input.to,
        ...kindParams,
        ...storeParams,
        ...(input.provinceCode ? [input.provinceCode] : []),
      ],
    );
    const byKey = new Map<string, Map<string, number>>();
    for (const row of rows) {
      let counts = byKey.get(row.key);
      if (!counts) byKey.set(row.key, (counts = new Map()));
      counts.set(row.day, row.n);
    }
    if (input.groupBy === 'none') {
      const counts = byKey.get('all');
      return {
        days,
        series: [counts ? seriesOf('all', '', days, counts) : zeroSeries('all', '', days)],
      };
    }
    const series = [...byKey]
      .map(([key, counts]) => seriesOf(key, regionName(key), days, counts))
      .filter((s) => s.total !== 0)
      .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
      .slice(0, input.limit);
    return { days, series };
  }

  consumer(input: Input<'analytics.consumer'>): OutputOf<'analytics.consumer'> {
    const days = datesInRange(input.from, input.to);
    const [stores, storeParams] = inList('store_id', input.storeIds);
    const [kinds, kindParams] = inList('kind', input.kinds);
    const rows = this.all<{ productId: string; day: string; n: number; fen: number }>(
      `SELECT product_id AS productId, day, SUM(count) AS n, SUM(amount_fen) AS fen
       FROM rollup_consumer_day
       WHERE phone = ? AND day BETWEEN ? AND ?${kinds}${stores}
       GROUP BY product_id, day`,
      [input.phone, input.from, input.to, ...kindParams, ...storeParams],
    );
    const byProduct = new Map<string, Map<string, number>>();
    let rewardFen = 0;
    for (const row of rows) {
      let counts = byProduct.get(row.productId);
      if (!counts) byProduct.set(row.productId, (counts = new Map()));
      counts.set(row.day, row.n);
      if (row.productId === (input.productId ?? ALL_PRODUCTS)) rewardFen += row.fen;
    }
    const names = this.productNames([...byProduct.keys()].filter(Boolean));
    const products = [...byProduct]
      .filter(([id]) => id !== ALL_PRODUCTS && (!input.productId || id === input.productId))
      .map(([id, counts]) => seriesOf(id, names.get(id) ?? id, days, counts))
      .sort((a, b) => b.total - a.total);
    const totalCounts = byProduct.get(input.productId ?? ALL_PRODUCTS);
    return {
      phone: input.phone,
      masked: maskPhone(input.phone),
      rewardFen,
      days,
      total: totalCounts ? seriesOf('all', '', days, totalCounts) : zeroSeries('all', '', days),
      products,
    };
  }

  topConsumers(input: Input<'analytics.topConsumers'>): OutputOf<'analytics.topConsumers'> {
    const [stores, storeParams] = inList('store_id', input.storeIds);
    const [kinds, kindParams] = inList('kind', input.kinds);
    const productId = input.productId ?? ALL_PRODUCTS;
    // Over every product the ranking is summed in memory; one product's rows are few enough for
    // SQLite (a redemption has a row per product it names, most phones few of any one product).
    const rows: RankedConsumer[] = input.productId
      ? this.all<RankedConsumer>(
          `SELECT phone, SUM(count) AS count, SUM(amount_fen) AS amountFen FROM rollup_consumer_day
           WHERE product_id = ? AND day BETWEEN ? AND ?${kinds}${stores}
           GROUP BY phone HAVING count > 0 ORDER BY count DESC, phone LIMIT ?`,
          [productId, input.from, input.to, ...kindParams, ...storeParams, input.limit],
        )
      : this.ranking.top(input);
    // The few phones listed: their first and last day and their products, from their own rows.
    const details = this.adb.sqlite.prepare(
      `SELECT MIN(CASE WHEN product_id = ? THEN day END) AS firstDay,
         MAX(CASE WHEN product_id = ? THEN day END) AS lastDay,
         COUNT(DISTINCT NULLIF(product_id, '')) AS products
       FROM rollup_consumer_day
       WHERE phone = ? AND day BETWEEN ? AND ? AND count > 0${kinds}${stores}`,
    );
    return rows.map((r) => {
      const d = details.get(
        productId,
        productId,
        r.phone,
        input.from,
        input.to,
        ...kindParams,
        ...storeParams,
      ) as {
        firstDay: string;
        lastDay: string;
        products: number;
      };
      return {
        phone: r.phone,
        masked: maskPhone(r.phone),
        count: r.count,
        rewardFen: r.amountFen,
        products: d.products,
        firstDay: d.firstDay,
        lastDay: d.lastDay,
      };
    });
  }

  storeTrend(input: Input<'analytics.storeTrend'>): OutputOf<'analytics.storeTrend'> {
    const periods = periodsInRange(input.from, input.to, input.grain);
    const [stores, storeParams] = inList('store_id', input.storeIds);
    // One product: its revenue and the sales that had it; the repeat rate is a store's own.
    const rows = input.productId
      ? this.all<DayFigures>(
          `SELECT store_id AS storeId, day, sales, revenue_fen AS salesFen, refund_fen AS refundFen,
             0 AS identified, 0 AS returningSales
           FROM rollup_store_product_day WHERE product_id = ? AND day BETWEEN ? AND ?${stores}`,
          [input.productId, input.from, input.to, ...storeParams],
        )
      : this.all<DayFigures>(
          `SELECT store_id AS storeId, day, sales, sales_fen AS salesFen, refund_fen AS refundFen,
             identified_sales AS identified, returning_sales AS returningSales
           FROM rollup_store_day WHERE day BETWEEN ? AND ?${stores}`,
          [input.from, input.to, ...storeParams],
        );
    const storeNames = this.storeNames(input.storeIds);
    const sums = new Map<string, Map<string, Totals>>();
    const periodOfDay = new Map<string, string>();
    for (const row of rows) {
      let byPeriod = sums.get(row.storeId);
      if (!byPeriod) sums.set(row.storeId, (byPeriod = new Map()));
      let period = periodOfDay.get(row.day);
      if (!period) periodOfDay.set(row.day, (period = periodOf(row.day, input.grain)));
      byPeriod.set(period, addTotals(byPeriod.get(period) ?? emptyTotals(), row));
    }
    const ids = input.storeIds.length ? input.storeIds : [...storeNames.keys()];
    return {
      periods,
      stores: ids
        .filter((id) => storeNames.has(id))
        .map((storeId) => {
          const byPeriod = sums.get(storeId) ?? new Map<string, Totals>();
          let total = emptyTotals();
          const points = periods.map((period) => {
            const t = byPeriod.get(period) ?? emptyTotals();
            total = addTotals(total, t);
            return { period, ...pointOf(t, !!input.productId) };
          });
          return {
            storeId,
            storeName: storeNames.get(storeId)!,
            points,
            total: pointOf(total, !!input.productId),
          };
        }),
    };
  }

  products(input: Input<'analytics.products'>): OutputOf<'analytics.products'> {
    // Without a store filter the all-stores table answers with a fraction of the rows.
    const table = input.storeIds.length ? 'rollup_store_product_day' : 'rollup_product_day';
    const [stores, storeParams] = inList('r.store_id', input.storeIds);
    const product = input.productId ? ' AND r.product_id = ?' : '';
    // Summed first, then named: the join runs for the top rows only.
    return this.all<OutputOf<'analytics.products'>[number]>(
      `SELECT g.productId, p.sku, p.name, g.revenueFen, g.qty, g.returnedQty, g.transactions,
         g.redemptions
       FROM (
         SELECT r.product_id AS productId, SUM(r.revenue_fen) - SUM(r.refund_fen) AS revenueFen,
           SUM(r.qty) AS qty, SUM(r.returned_qty) AS returnedQty, SUM(r.sales) AS transactions,
           SUM(r.redemptions) AS redemptions
         FROM ${table} r
         WHERE r.day BETWEEN ? AND ?${stores}${product}
         GROUP BY r.product_id ORDER BY revenueFen DESC, r.product_id LIMIT ?
       ) g JOIN products p ON p.id = g.productId
       ORDER BY g.revenueFen DESC, p.sku`,
      [
        input.from,
        input.to,
        ...storeParams,
        ...(input.productId ? [input.productId] : []),
        input.limit,
      ],
    );
  }

  cashiers(input: Input<'analytics.cashiers'>): OutputOf<'analytics.cashiers'> {
    const [stores, storeParams] = inList('r.store_id', input.storeIds);
    return this.all<OutputOf<'analytics.cashiers'>[number]>(
      `SELECT r.staff_id AS staffId, s.name, s.role, SUM(r.sales) AS sales,
         SUM(r.sales_fen) AS salesFen, SUM(r.redemptions) AS redemptions,
         SUM(r.discount_fen) AS discountFen, SUM(r.cashback) AS cashbackPayouts, SUM(r.voids) AS voids
       FROM rollup_cashier_day r JOIN staff s ON s.id = r.staff_id
       WHERE r.day BETWEEN ? AND ?${stores}
       GROUP BY r.staff_id ORDER BY salesFen DESC, s.name`,
      [input.from, input.to, ...storeParams],
    );
  }

  couponEffect(input: Input<'analytics.couponEffect'>): OutputOf<'analytics.couponEffect'> {
    const storeParams = [...input.storeIds];
    const stores = storeParams.length
      ? ` AND (r.store_id = '' OR r.store_id IN (${storeParams.map(() => '?').join(', ')}))`
      : '';
    const template = input.templateId ? ' AND r.template_id = ?' : '';
    const templateParams = input.templateId ? [input.templateId] : [];
    // Issues belong to the merchant (store ''), redemptions to the store they happened in.
    const rows = this.all<{
      templateId: string;
      name: string;
      type: string;
      issued: number;
      claimed: number;
      redeemed: number;
      costFen: number;
      orderRevenueFen: number;
      voided: number;
    }>(
      // Summed first, from the covering day index, then named: the join runs once per template.
      `SELECT g.templateId, t.name, t.type, g.issued, g.claimed, g.redeemed, g.costFen,
         g.orderRevenueFen, g.voided
       FROM (
         SELECT r.template_id AS templateId,
           SUM(CASE WHEN r.store_id = '' THEN r.issued ELSE 0 END) AS issued,
           SUM(CASE WHEN r.store_id = '' THEN r.claimed ELSE 0 END) AS claimed,
           SUM(r.redeemed) AS redeemed, SUM(r.cost_fen) AS costFen,
           SUM(r.order_revenue_fen) AS orderRevenueFen, SUM(r.voided) AS voided
         FROM rollup_template_day r
         WHERE r.day BETWEEN ? AND ?${template}${stores}
         GROUP BY r.template_id
       ) g JOIN coupon_templates t ON t.id = g.templateId
       ORDER BY g.redeemed DESC, g.issued DESC, t.name`,
      [input.from, input.to, ...templateParams, ...storeParams],
    );
    return rows
      .filter((r) => r.issued || r.redeemed || r.voided)
      .map((r) => ({
        ...r,
        redemptionRate: r.issued > 0 ? shareOf(r.redeemed, r.issued) : null,
      }));
  }

  productNames(ids: string[]): Map<string, string> {
    if (!ids.length) return new Map();
    const rows = this.all<{ id: string; name: string }>(
      `SELECT id, name FROM products WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Store names, of the given stores or of every active store. */
  storeNames(ids: readonly string[]): Map<string, string> {
    const [filter, params] = inList('id', ids);
    const rows = this.all<{ id: string; name: string }>(
      `SELECT id, name FROM stores WHERE 1 = 1${filter || ' AND active = 1'} ORDER BY code`,
      params,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Yesterday in the shop's zone: the default end of the insights' recent week. */
  yesterday(): string {
    return addDays(this.today(), -1);
  }
}

interface DayFigures {
  storeId: string;
  day: string;
  sales: number;
  salesFen: number;
  refundFen: number;
  identified: number;
  returningSales: number;
}

type Totals = Omit<DayFigures, 'storeId' | 'day'>;

const emptyTotals = (): Totals => ({
  sales: 0,
  salesFen: 0,
  refundFen: 0,
  identified: 0,
  returningSales: 0,
});

function addTotals(a: Totals, b: Totals): Totals {
  return {
    sales: a.sales + b.sales,
    salesFen: a.salesFen + b.salesFen,
    refundFen: a.refundFen + b.refundFen,
    identified: a.identified + b.identified,
    returningSales: a.returningSales + b.returningSales,
  };
}

function pointOf(t: Totals, forProduct: boolean) {
  return {
    revenueFen: t.salesFen - t.refundFen,
    transactions: t.sales,
    avgTicketFen: t.sales ? Math.round(t.salesFen / t.sales) : 0,
    repeatRate: forProduct || !t.identified ? null : shareOf(t.returningSales, t.identified),
    identifiedSales: t.identified,
  };
}
