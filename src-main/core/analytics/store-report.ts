import type { StoreReport } from '../../../src-shared/contract/reports';
import { datesInRange } from '../../../src-shared/analytics/rules';
import { regionLabel } from '../../../src-shared/regions';
import { addDays, localDate } from '../../../src-shared/time';
import type { Clock } from '../../../src-node/clock';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';

// The one-page store reports (a day, a month) from the rollups, with the period to compare with.

type Kpi = StoreReport['kpi'];

const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};
/** The month's days 1..`day` (or all of them when it has fewer): like with like. */
const monthThrough = (month: string, day: number | null): [string, string] => {
  const last = lastDayOfMonth(month);
  const upTo = day === null ? last : `${month}-${String(day).padStart(2, '0')}`;
  return [`${month}-01`, upTo < last ? upTo : last];
};

export class StoreReports {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {}

  daily(storeId: string, date: string): StoreReport {
    return this.report(
      storeId,
      date,
      date,
      date,
      [addDays(date, -1), addDays(date, -1)],
      [addDays(date, -7), addDays(date, -7)],
    );
  }

  /**
   * A month against the month before and the same month last year. The month under way is
   * compared month to date with the same days of those months (1–7 against 1–7), never a
   * week against a whole month.
   */
  monthly(storeId: string, month: string): StoreReport {
    const today = localDate(this.clock.now(), this.timeZoneOf(storeId));
    const through = today.slice(0, 7) === month ? Number(today.slice(8)) : null;
    const [from, to] = monthThrough(month, through);
    return this.report(
      storeId,
      month,
      from,
      to,
      monthThrough(shiftMonth(month, -1), through),
      monthThrough(shiftMonth(month, -12), through),
    );
  }

  private timeZoneOf(storeId: string): string {
    const row = this.adb.sqlite.prepare('SELECT timezone FROM stores WHERE id = ?').get(storeId) as
      { timezone: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', { entity: 'store', id: storeId });
    return row.timezone;
  }

  private report(
    storeId: string,
    period: string,
    from: string,
    to: string,
    previous: [string, string],
    lastYearOrWeek: [string, string],
  ): StoreReport {
    const sqlite = this.adb.sqlite;
    const store = sqlite
      .prepare('SELECT id, name, district_code AS districtCode FROM stores WHERE id = ?')
      .get(storeId) as { id: string; name: string; districtCode: string } | undefined;
    if (!store) throw new AppError('NOT_FOUND', { entity: 'store', id: storeId });

    const byDay = new Map(
      (
        sqlite
          .prepare(
            `SELECT day, sales_fen - refund_fen AS revenueFen, sales AS transactions
             FROM rollup_store_day WHERE store_id = ? AND day BETWEEN ? AND ?`,
          )
          .all(storeId, from, to) as { day: string; revenueFen: number; transactions: number }[]
      ).map((r) => [r.day, r]),
    );
    return {
      storeId,
      storeName: store.name,
      regionName: regionLabel(store.districtCode),
      period,
      from,
      to,
      kpi: this.kpi(storeId, from, to),
      previous: this.kpi(storeId, ...previous),
      previousRange: { from: previous[0], to: previous[1] },
      lastYearOrWeek: this.kpi(storeId, ...lastYearOrWeek),
      lastYearOrWeekRange: { from: lastYearOrWeek[0], to: lastYearOrWeek[1] },
      days: datesInRange(from, to).map((date) => ({
        date,
        revenueFen: byDay.get(date)?.revenueFen ?? 0,
        transactions: byDay.get(date)?.transactions ?? 0,
      })),
      topProducts: sqlite
        .prepare(
          `SELECT r.product_id AS productId, p.name, SUM(r.qty) AS qty,
             SUM(r.revenue_fen) - SUM(r.refund_fen) AS revenueFen
           FROM rollup_store_product_day r JOIN products p ON p.id = r.product_id
           WHERE r.store_id = ? AND r.day BETWEEN ? AND ?
           GROUP BY r.product_id HAVING SUM(r.qty) > 0 ORDER BY revenueFen DESC LIMIT 10`,
        )
        .all(storeId, from, to) as StoreReport['topProducts'],
      coupons: sqlite
        .prepare(
          `SELECT r.template_id AS templateId, t.name, SUM(r.redeemed) AS redeemed, SUM(r.cost_fen) AS costFen
           FROM rollup_template_day r JOIN coupon_templates t ON t.id = r.template_id
           WHERE r.store_id = ? AND r.day BETWEEN ? AND ?
           GROUP BY r.template_id HAVING SUM(r.redeemed) != 0 ORDER BY redeemed DESC LIMIT 10`,
        )
        .all(storeId, from, to) as StoreReport['coupons'],
      cashiers: sqlite
        .prepare(
          `SELECT r.staff_id AS staffId, s.name, SUM(r.sales) AS sales, SUM(r.sales_fen) AS salesFen,
             SUM(r.redemptions) AS redemptions, SUM(r.voids) AS voids
           FROM rollup_cashier_day r JOIN staff s ON s.id = r.staff_id
           WHERE r.store_id = ? AND r.day BETWEEN ? AND ?
           GROUP BY r.staff_id ORDER BY salesFen DESC`,
        )
        .all(storeId, from, to) as StoreReport['cashiers'],
    };
  }

  private kpi(storeId: string, from: string, to: string): Kpi {
    const row = this.adb.sqlite
      .prepare(
        `SELECT COALESCE(SUM(sales_fen) - SUM(refund_fen), 0) AS revenueFen,
           COALESCE(SUM(sales_fen), 0) AS salesFen, COALESCE(SUM(sales), 0) AS transactions,
           COALESCE(SUM(refund_fen), 0) AS refundFen, COALESCE(SUM(items), 0) AS itemsSold,
           COALESCE(SUM(identified_sales), 0) AS identifiedSales,
           COALESCE(SUM(redemptions), 0) AS redemptions, COALESCE(SUM(discount_fen), 0) AS discountFen,
           COALESCE(SUM(cashback), 0) AS cashbackPayouts, COALESCE(SUM(cashback_fen), 0) AS cashbackFen,
           COALESCE(SUM(voids), 0) AS voids
         FROM rollup_store_day WHERE store_id = ? AND day BETWEEN ? AND ?`,
      )
      .get(storeId, from, to) as Kpi & { salesFen: number };
    const { salesFen, ...kpi } = row;
    return {
      ...kpi,
      avgTicketFen: row.transactions ? Math.round(salesFen / row.transactions) : 0,
    };
  }
}
