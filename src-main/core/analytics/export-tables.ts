import type { OutputOf } from '../../../src-shared/contract';
import type { ExportReportName } from '../../../src-shared/contract/reports';
import type { StoreReport } from '../../../src-shared/contract/reports';
import type { Insight } from '../../../src-shared/contract/analytics';
import { interpolate, sharedMessages } from '../../../src-shared/i18n';

// Each chart's answer as a plain table (Chinese headers, yuan as numbers with two decimals),
// ready for CSV or a worksheet.

export interface Table {
  sheet: string;
  header: string[];
  rows: (string | number | null)[][];
}

const yuan = (fen: number) => Math.round(fen) / 100;
const pct = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 10_000) / 100);

/** Daily series side by side: one row per day, a daily and a cumulative column per series. */
function seriesTable(
  sheet: string,
  days: string[],
  series: { name: string; key: string; daily: number[]; cumulative: number[] }[],
): Table {
  return {
    sheet,
    header: [
      '日期',
      ...series.flatMap((s) => [`${s.name || '合计'} 当日`, `${s.name || '合计'} 累计`]),
    ],
    rows: days.map((day, i) => [day, ...series.flatMap((s) => [s.daily[i]!, s.cumulative[i]!])]),
  };
}

function storeReportTable(report: StoreReport): Table {
  const k = report.kpi;
  return {
    sheet: `${report.storeName} ${report.period}`.slice(0, 31),
    header: ['项目', '数值'],
    rows: [
      ['门店', report.storeName],
      ['地区', report.regionName],
      ['期间', `${report.from} ~ ${report.to}`],
      ['营业额（元）', yuan(k.revenueFen)],
      ['交易笔数', k.transactions],
      ['客单价（元）', yuan(k.avgTicketFen)],
      ['退款（元）', yuan(k.refundFen)],
      ['销售件数', k.itemsSold],
      ['会员交易笔数', k.identifiedSales],
      ['核销次数', k.redemptions],
      ['优惠金额（元）', yuan(k.discountFen)],
      ['返现笔数', k.cashbackPayouts],
      ['返现金额（元）', yuan(k.cashbackFen)],
      ['撤销核销', k.voids],
      [],
      ['日期', '营业额（元）', '交易笔数'],
      ...report.days.map((d) => [d.date, yuan(d.revenueFen), d.transactions]),
      [],
      ['热销商品', '数量', '销售额（元）'],
      ...report.topProducts.map((p) => [p.name, p.qty, yuan(p.revenueFen)]),
      [],
      ['券', '核销次数', '优惠金额（元）'],
      ...report.coupons.map((c) => [c.name, c.redeemed, yuan(c.costFen)]),
      [],
      ['收银员', '销售笔数', '销售额（元）', '核销', '撤销'],
      ...report.cashiers.map((c) => [c.name, c.sales, yuan(c.salesFen), c.redemptions, c.voids]),
    ],
  };
}

const insightRow = (label: string, i: Insight) => [
  label,
  i.storeName,
  i.productName,
  yuan(i.recentFen),
  yuan(i.baselineFen),
  pct(i.change),
  interpolate(sharedMessages['zh-CN'].insights[i.suggestion.key], i.suggestion.params),
];

type Outputs = {
  [R in ExportReportName]: R extends keyof OutputOfMap ? OutputOfMap[R] : never;
};
type OutputOfMap = {
  'analytics.redemptionsByRegion': OutputOf<'analytics.redemptionsByRegion'>;
  'analytics.redemptionsDaily': OutputOf<'analytics.redemptionsDaily'>;
  'analytics.consumer': OutputOf<'analytics.consumer'>;
  'analytics.topConsumers': OutputOf<'analytics.topConsumers'>;
  'analytics.storeTrend': OutputOf<'analytics.storeTrend'>;
  'analytics.products': OutputOf<'analytics.products'>;
  'analytics.cashiers': OutputOf<'analytics.cashiers'>;
  'analytics.couponEffect': OutputOf<'analytics.couponEffect'>;
  'analytics.insights': OutputOf<'analytics.insights'>;
  'reports.storeDaily': StoreReport;
  'reports.storeMonthly': StoreReport;
};

export const toTable: { [R in ExportReportName]: (data: Outputs[R]) => Table } = {
  'analytics.redemptionsByRegion': (data) => ({
    sheet: '核销地区分布',
    header: ['地区编码', '地区', '核销次数', '占比（%）'],
    rows: data.rows.map((r) => [r.code, r.name, r.count, pct(r.share)]),
  }),
  'analytics.redemptionsDaily': (data) => seriesTable('每日核销', data.days, data.series),
  'analytics.consumer': (data) =>
    seriesTable(`消费者 ${data.masked}`, data.days, [data.total, ...data.products]),
  'analytics.topConsumers': (data) => ({
    sheet: '核销最多的消费者',
    header: ['手机号', '核销次数', '金额（元）', '商品数', '首次', '最近'],
    rows: data.map((c) => [
      c.masked,
      c.count,
      yuan(c.rewardFen),
      c.products,
      c.firstDay,
      c.lastDay,
    ]),
  }),
  'analytics.storeTrend': (data) => ({
    sheet: '门店趋势',
    header: ['门店', '期间', '营业额（元）', '交易笔数', '客单价（元）', '回头客占比（%）'],
    rows: data.stores.flatMap((s) =>
      s.points.map((p) => [
        s.storeName,
        p.period,
        yuan(p.revenueFen),
        p.transactions,
        yuan(p.avgTicketFen),
        pct(p.repeatRate),
      ]),
    ),
  }),
  'analytics.products': (data) => ({
    sheet: '商品销售',
    header: ['SKU', '商品', '销售额（元）', '数量', '退货数量', '交易笔数', '核销次数'],
    rows: data.map((p) => [
      p.sku,
      p.name,
      yuan(p.revenueFen),
      p.qty,
      p.returnedQty,
      p.transactions,
      p.redemptions,
    ]),
  }),
  'analytics.cashiers': (data) => ({
    sheet: '收银员绩效',
    header: [
      '姓名',
      '销售笔数',
      '销售额（元）',
      '核销次数',
      '优惠金额（元）',
      '返现兑付',
      '撤销核销',
    ],
    rows: data.map((c) => [
      c.name,
      c.sales,
      yuan(c.salesFen),
      c.redemptions,
      yuan(c.discountFen),
      c.cashbackPayouts,
      c.voids,
    ]),
  }),
  'analytics.couponEffect': (data) => ({
    sheet: '券效果',
    header: [
      '券',
      '类型',
      '发放',
      '手机领取',
      '核销',
      '核销率（%）',
      '成本（元）',
      '带动销售（元）',
      '撤销',
    ],
    rows: data.map((t) => [
      t.name,
      t.type,
      t.issued,
      t.claimed,
      t.redeemed,
      pct(t.redemptionRate),
      yuan(t.costFen),
      yuan(t.orderRevenueFen),
      t.voided,
    ]),
  }),
  'analytics.insights': (data) => ({
    sheet: '经营提醒',
    header: ['类别', '门店', '商品', '近7天（元）', '基线周均（元）', '变化（%）', '建议'],
    rows: [
      ...data.declines.map((i) => insightRow('下滑', i)),
      ...data.best.map((i) => insightRow('领先', i)),
    ],
  }),
  'reports.storeDaily': storeReportTable,
  'reports.storeMonthly': storeReportTable,
};
