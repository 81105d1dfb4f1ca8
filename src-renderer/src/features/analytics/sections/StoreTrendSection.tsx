import { Segmented, Space, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodGrain } from '../../../../../src-shared/analytics/rules';
import type { InputOf, OutputOf } from '../../../../../src-shared/contract';
import type { StorePoint } from '../../../../../src-shared/contract/analytics';
import { compactCount, compactYuan, formatFen, percentText } from '../../../ui/charts/chart-format';
import { EChart } from '../../../ui/charts/EChart';
import { timeSeriesOption } from '../../../ui/charts/time-series-option';
import type { AnalyticsFilters } from '../analytics-filters';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import { countColumn, moneyColumn, percentColumn } from './figure-columns';
import styles from '../AnalyticsPage.module.css';

const METRICS = ['revenue', 'transactions', 'avgTicket', 'repeatRate'] as const;
type Metric = (typeof METRICS)[number];
const GRAINS = ['day', 'week', 'month'] as const satisfies readonly PeriodGrain[];

type StoreRow = OutputOf<'analytics.storeTrend'>['stores'][number];

const METRIC_VALUE: Record<Metric, (point: Omit<StorePoint, 'period'>) => number | null> = {
  revenue: (point) => point.revenueFen,
  transactions: (point) => point.transactions,
  avgTicket: (point) => point.avgTicketFen,
  repeatRate: (point) => point.repeatRate,
};

/** Each store's revenue, transactions, average ticket or repeat-purchase rate over time. */
export function StoreTrendSection({ filters }: { filters: AnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const [metric, setMetric] = useState<Metric>('revenue');
  const [grain, setGrain] = useState<PeriodGrain>('day');
  const input: InputOf<'analytics.storeTrend'> = { ...filters, grain };
  const query = useChartData('analytics.storeTrend', input);

  const option = useMemo(() => {
    const money = metric === 'revenue' || metric === 'avgTicket';
    return timeSeriesOption({
      periods: query.data?.periods ?? [],
      series: (query.data?.stores ?? []).map((store) => ({
        name: store.storeName,
        values: store.points.map(METRIC_VALUE[metric]),
      })),
      valueText: money
        ? formatFen
        : metric === 'repeatRate'
          ? (ratio) => percentText(ratio)
          : (count) => t('analytics.units.transactions', { count }),
      axisText: money
        ? (fen) => compactYuan(fen, i18n.language)
        : metric === 'repeatRate'
          ? (ratio) => percentText(ratio, 0)
          : (count) => compactCount(count, i18n.language),
      integer: metric === 'transactions',
    });
  }, [query.data, metric, t, i18n.language]);

  const columns: TableColumnsType<StoreRow> = [
    { key: 'store', title: t('analytics.store.store'), dataIndex: 'storeName' },
    moneyColumn({
      key: 'revenue',
      title: t('analytics.store.metrics.revenue'),
      value: (row) => row.total.revenueFen,
    }),
    countColumn(
      {
        key: 'transactions',
        title: t('analytics.store.metrics.transactions'),
        value: (row) => row.total.transactions,
      },
      i18n.language,
    ),
    moneyColumn({
      key: 'avgTicket',
      title: t('analytics.store.metrics.avgTicket'),
      value: (row) => row.total.avgTicketFen,
    }),
    percentColumn({
      key: 'repeatRate',
      title: t('analytics.store.metrics.repeatRate'),
      value: (row) => row.total.repeatRate,
    }),
    countColumn(
      {
        key: 'identifiedSales',
        title: t('analytics.store.identifiedSales'),
        value: (row) => row.total.identifiedSales,
      },
      i18n.language,
    ),
  ];

  return (
    <ChartCard
      section="store-trend"
      title={t('analytics.store.title')}
      note={t(`analytics.store.notes.${metric}`)}
      extra={
        <Space wrap>
          <Segmented
            value={metric}
            onChange={setMetric}
            options={METRICS.map((value) => ({
              value,
              label: t(`analytics.store.metrics.${value}`),
            }))}
          />
          <Segmented
            value={grain}
            onChange={setGrain}
            options={GRAINS.map((value) => ({ value, label: t(`analytics.grains.${value}`) }))}
          />
        </Space>
      }
      loading={query.isFetching}
      ready={!!query.data}
      error={query.error}
      exportRequest={{ report: 'analytics.storeTrend', input }}
      exportDisabled={!query.data?.stores.length}
    >
      <EChart option={option} height={340} />
      <Table
        className={styles.totals}
        rowKey="storeId"
        size="small"
        columns={columns}
        dataSource={query.data?.stores ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </ChartCard>
  );
}
