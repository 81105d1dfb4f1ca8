import { z } from 'zod';
import { boundedMonthSchema } from '../bounds';
import { MANAGERS, OWNER, method } from './define';
import { analyticsInputs, localDateSchema, rebuildJobSchema } from './analytics';
import { idSchema } from '../validation';

const monthSchema = boundedMonthSchema;

/** Which chart's data an export writes: the same input as the chart's own method. */
export const exportRequestSchema = z.discriminatedUnion('report', [
  z.object({
    report: z.literal('analytics.redemptionsByRegion'),
    input: analyticsInputs.redemptionsByRegion,
  }),
  z.object({
    report: z.literal('analytics.redemptionsDaily'),
    input: analyticsInputs.redemptionsDaily,
  }),
  z.object({ report: z.literal('analytics.consumer'), input: analyticsInputs.consumer }),
  z.object({ report: z.literal('analytics.topConsumers'), input: analyticsInputs.topConsumers }),
  z.object({ report: z.literal('analytics.storeTrend'), input: analyticsInputs.storeTrend }),
  z.object({ report: z.literal('analytics.products'), input: analyticsInputs.products }),
  z.object({ report: z.literal('analytics.cashiers'), input: analyticsInputs.cashiers }),
  z.object({ report: z.literal('analytics.couponEffect'), input: analyticsInputs.couponEffect }),
  z.object({ report: z.literal('analytics.insights'), input: analyticsInputs.insights }),
  z.object({
    report: z.literal('reports.storeDaily'),
    input: z.object({ storeId: idSchema, date: localDateSchema }),
  }),
  z.object({
    report: z.literal('reports.storeMonthly'),
    input: z.object({ storeId: idSchema, month: monthSchema }),
  }),
]);
export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportReportName = ExportRequest['report'];

const kpiSchema = z.object({
  revenueFen: z.number().int(),
  transactions: z.number().int(),
  avgTicketFen: z.number().int(),
  refundFen: z.number().int(),
  itemsSold: z.number().int(),
  /** Sales with a customer phone. */
  identifiedSales: z.number().int(),
  redemptions: z.number().int(),
  discountFen: z.number().int(),
  cashbackPayouts: z.number().int(),
  cashbackFen: z.number().int(),
  voids: z.number().int(),
});

/** One printable page for a store: a day or a month, with the comparison period beside it. */
/**
 * The days a figure covers, both ends included (local dates of the store). Plain strings as
 * `from`/`to` are: the day before 2000-01-01 is a fair thing to compare with.
 */
const dateRangeSchema = z.object({ from: z.string(), to: z.string() });

export const storeReportSchema = z.object({
  storeId: idSchema,
  storeName: z.string(),
  regionName: z.string(),
  /** '2026-11-21' or '2026-11'. */
  period: z.string(),
  from: z.string(),
  to: z.string(),
  kpi: kpiSchema,
  /** The day before (daily) or the month before (monthly). */
  previous: kpiSchema,
  previousRange: dateRangeSchema,
  /** Same weekday last week (daily) or same month last year (monthly). */
  lastYearOrWeek: kpiSchema,
  lastYearOrWeekRange: dateRangeSchema,
  /** Per day of the month through `to` (monthly; the month under way ends today) or the one day. */
  days: z.array(
    z.object({ date: z.string(), revenueFen: z.number().int(), transactions: z.number().int() }),
  ),
  topProducts: z.array(
    z.object({
      productId: idSchema,
      name: z.string(),
      qty: z.number().int(),
      revenueFen: z.number().int(),
    }),
  ),
  coupons: z.array(
    z.object({
      templateId: idSchema,
      name: z.string(),
      redeemed: z.number().int(),
      costFen: z.number().int(),
    }),
  ),
  cashiers: z.array(
    z.object({
      staffId: idSchema,
      name: z.string(),
      sales: z.number().int(),
      salesFen: z.number().int(),
      redemptions: z.number().int(),
      voids: z.number().int(),
    }),
  ),
});
export type StoreReport = z.infer<typeof storeReportSchema>;

export const reportsMethods = {
  'reports.export': method({
    summary:
      "Write any chart's data (or a store report) as CSV or XLSX into the exports folder (GET /api/exports/:file)",
    input: z.object({
      request: exportRequestSchema,
      format: z.enum(['csv', 'xlsx']).default('xlsx'),
    }),
    output: z.object({ fileName: z.string(), path: z.string(), rows: z.number().int() }),
    access: MANAGERS,
  }),
  'reports.storeDaily': method({
    summary:
      "One store's day on one page: takings, tickets, coupons, cashiers, against the day before and last week",
    input: z.object({ storeId: idSchema, date: localDateSchema }),
    output: storeReportSchema,
    access: MANAGERS,
  }),
  'reports.storeMonthly': method({
    summary: "One store's month on one page, day by day, against the month before and last year",
    input: z.object({ storeId: idSchema, month: monthSchema }),
    output: storeReportSchema,
    access: MANAGERS,
  }),
} as const;

export const demoMethods = {
  'demo.generate': method({
    summary:
      'Fill an empty shop with a realistic demo merchant (stores in several provinces, 180 days of sales, coupons, cashback); runs in a worker',
    input: z.object({
      days: z.number().int().min(14).max(1100).default(180),
      seed: z
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1)
        .default(20261121),
    }),
    output: rebuildJobSchema,
    access: OWNER,
  }),
} as const;
