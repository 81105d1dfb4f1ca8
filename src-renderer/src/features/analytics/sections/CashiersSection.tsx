import { Col, Row, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../../src-shared/contract';
import { compactYuan, formatFen } from '../../../ui/charts/chart-format';
import { EChart } from '../../../ui/charts/EChart';
import type { ChartOption } from '../../../ui/charts/echarts';
import type { AnalyticsFilters } from '../analytics-filters';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import { countColumn, moneyColumn } from './figure-columns';

type Cashier = OutputOf<'analytics.cashiers'>[number];

/** Who sold how much, redeemed how many coupons and paid how many cashbacks, and their voids. */
export function CashiersSection({ filters }: { filters: AnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const input: InputOf<'analytics.cashiers'> = filters;
  const query = useChartData('analytics.cashiers', input);
  const rows = useMemo(() => query.data ?? [], [query.data]);

  const option = useMemo<ChartOption>(() => {
    // Biggest at the top: a horizontal bar chart draws its first category at the bottom.
    const top = [...rows].sort((a, b) => a.salesFen - b.salesFen).slice(-12);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, left: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: [
        {
          type: 'value',
          axisLabel: { formatter: (fen: number) => compactYuan(fen, i18n.language) },
        },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      yAxis: { type: 'category', data: top.map((row) => row.name) },
      series: [
        {
          type: 'bar',
          name: t('analytics.cashiers.salesFen'),
          xAxisIndex: 0,
          barMaxWidth: 16,
          data: top.map((row) => row.salesFen),
          tooltip: { valueFormatter: (value) => formatFen(Number(value)) },
        },
        {
          type: 'bar',
          name: t('analytics.cashiers.redemptions'),
          xAxisIndex: 1,
          barMaxWidth: 16,
          data: top.map((row) => row.redemptions),
        },
      ],
    };
  }, [rows, t, i18n.language]);

  const columns: TableColumnsType<Cashier> = [
    { key: 'name', title: t('analytics.cashiers.name'), dataIndex: 'name', fixed: 'left' },
    countColumn(
      { key: 'sales', title: t('analytics.cashiers.sales'), value: (row) => row.sales },
      i18n.language,
    ),
    moneyColumn({
      key: 'salesFen',
      title: t('analytics.cashiers.salesFen'),
      value: (row) => row.salesFen,
      sortFirst: true,
    }),
    countColumn(
      {
        key: 'redemptions',
        title: t('analytics.cashiers.redemptions'),
        value: (row) => row.redemptions,
      },
      i18n.language,
    ),
    moneyColumn({
      key: 'discount',
      title: t('analytics.cashiers.discount'),
      value: (row) => row.discountFen,
    }),
    countColumn(
      {
        key: 'cashback',
        title: t('analytics.cashiers.cashbackPayouts'),
        value: (row) => row.cashbackPayouts,
      },
      i18n.language,
    ),
    countColumn(
      { key: 'voids', title: t('analytics.cashiers.voids'), value: (row) => row.voids },
      i18n.language,
    ),
  ];

  return (
    <ChartCard
      section="cashiers"
      title={t('analytics.cashiers.title')}
      note={t('analytics.cashiers.note')}
      loading={query.isFetching}
      ready={!!query.data}
      error={query.error}
      exportRequest={{ report: 'analytics.cashiers', input }}
      exportDisabled={rows.length === 0}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <EChart option={option} height={Math.max(240, 40 + Math.min(rows.length, 12) * 36)} />
        </Col>
        <Col xs={24} xxl={14}>
          <Table
            rowKey="staffId"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        </Col>
      </Row>
    </ChartCard>
  );
}
