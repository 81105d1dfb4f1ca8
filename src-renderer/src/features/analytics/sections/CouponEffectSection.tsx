import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../../src-shared/contract';
import type { AnalyticsFilters } from '../analytics-filters';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import { countColumn, moneyColumn, percentColumn } from './figure-columns';

type CouponEffect = OutputOf<'analytics.couponEffect'>[number];

const COUPON_TYPES = ['threshold', 'percent', 'voucher', 'item', 'gift', 'cashback'] as const;
const isCouponType = (type: string): type is (typeof COUPON_TYPES)[number] =>
  (COUPON_TYPES as readonly string[]).includes(type);

/**
 * Per coupon template: issued (of them, claimed by phone), redeemed, the rate, what it cost and
 * the takings it came with.
 */
export function CouponEffectSection({ filters }: { filters: AnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const input: InputOf<'analytics.couponEffect'> = filters;
  const query = useChartData('analytics.couponEffect', input);

  const columns: TableColumnsType<CouponEffect> = [
    { key: 'name', title: t('analytics.coupons.name'), dataIndex: 'name', fixed: 'left' },
    {
      key: 'type',
      title: t('analytics.coupons.type'),
      width: 80,
      render: (_, row) => (
        <Tag>{isCouponType(row.type) ? t(`coupons.types.${row.type}`) : row.type}</Tag>
      ),
    },
    countColumn(
      { key: 'issued', title: t('analytics.coupons.issued'), value: (row) => row.issued },
      i18n.language,
    ),
    countColumn(
      { key: 'claimed', title: t('analytics.coupons.claimed'), value: (row) => row.claimed },
      i18n.language,
    ),
    countColumn(
      {
        key: 'redeemed',
        title: t('analytics.coupons.redeemed'),
        value: (row) => row.redeemed,
        sortFirst: true,
      },
      i18n.language,
    ),
    percentColumn({
      key: 'rate',
      title: t('analytics.coupons.rate'),
      value: (row) => row.redemptionRate,
    }),
    moneyColumn({ key: 'cost', title: t('analytics.coupons.cost'), value: (row) => row.costFen }),
    moneyColumn({
      key: 'revenue',
      title: t('analytics.coupons.revenue'),
      value: (row) => row.orderRevenueFen,
    }),
    {
      key: 'perYuan',
      title: t('analytics.coupons.perYuan'),
      align: 'right',
      sorter: (a, b) => returnPerYuan(a) - returnPerYuan(b),
      render: (_, row) =>
        row.costFen > 0 && row.orderRevenueFen > 0
          ? `¥${returnPerYuan(row).toFixed(2)}`
          : t('common.empty'),
    },
    countColumn(
      { key: 'voided', title: t('analytics.coupons.voided'), value: (row) => row.voided },
      i18n.language,
    ),
  ];

  return (
    <ChartCard
      section="coupon-effect"
      title={t('analytics.coupons.title')}
      note={t('analytics.coupons.note')}
      loading={query.isFetching}
      ready={!!query.data}
      error={query.error}
      exportRequest={{ report: 'analytics.couponEffect', input }}
      exportDisabled={!query.data?.length}
    >
      <Table
        rowKey="templateId"
        size="small"
        columns={columns}
        dataSource={query.data ?? []}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
    </ChartCard>
  );
}

/** Takings of the orders that used the coupon, per yuan it cost. */
const returnPerYuan = (row: CouponEffect) =>
  row.costFen > 0 ? row.orderRevenueFen / row.costFen : 0;
