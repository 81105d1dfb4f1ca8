import { Alert, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../../../../src-shared/contract/members';
import { formatFen } from '../../../../src-shared/money';
import { useApiQuery } from '../../api/queries';
import { EChart } from '../../ui/charts/EChart';
import type { ChartOption } from '../../ui/charts/echarts';
import { Money } from '../../ui/Money';
import styles from './Members.module.css';

const SEGMENT_COLORS: Record<NonNullable<MemberProfile['rfm']>['segment'], string> = {
  champion: 'gold',
  loyal: 'green',
  new: 'blue',
  promising: 'cyan',
  atRisk: 'orange',
  hibernating: 'default',
  lost: 'red',
  regular: 'default',
};

/**
 * 消费画像: what the member buys, from the customer rollups — visits and spend, the last 12
 * months as bars, favourite stores and categories, coupon use, and the RFM scores with a segment
 * (only with the member's consent to profiling). Loaded with its chart only when a member is
 * opened, so the charts stay out of the app's first load.
 */
export default function MemberProfileCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const profile = useApiQuery('members.profile', { memberId });
  const p = profile.data;
  const option = useMemo<ChartOption | null>(
    () =>
      p
        ? {
            grid: { left: 48, right: 8, top: 16, bottom: 24 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: p.months.map((m) => m.month.slice(2)) },
            yAxis: { type: 'value', axisLabel: { formatter: (fen: number) => formatFen(fen) } },
            series: [
              {
                type: 'bar',
                name: t('members.profile.spend'),
                data: p.months.map((m) => m.spendFen),
                tooltip: { valueFormatter: (fen) => formatFen(Number(fen)) },
              },
            ],
          }
        : null,
    [p, t],
  );
  if (!p || !option) return <Skeleton active />;
  return (
    <div data-testid="member-profile">
      <Descriptions
        size="small"
        column={3}
        bordered
        items={[
          { key: 'visits', label: t('members.profile.visits'), children: p.visits },
          {
            key: 'spend',
            label: t('members.profile.spendAll'),
            children: <Money fen={p.spendFen} />,
          },
          {
            key: 'ticket',
            label: t('members.profile.averageTicket'),
            children: <Money fen={p.averageTicketFen} />,
          },
          { key: 'first', label: t('members.profile.first'), children: p.firstPurchase ?? '—' },
          { key: 'last', label: t('members.profile.last'), children: p.lastPurchase ?? '—' },
          {
            key: 'coupons',
            label: t('members.profile.couponUse'),
            children:
              p.coupons.usePermille === null
                ? '—'
                : t('members.profile.couponUseText', {
                    redeemed: p.coupons.redeemed,
                    received: p.coupons.received,
                    percent: (p.coupons.usePermille / 10).toFixed(1),
                  }),
          },
        ]}
      />
      <div className={styles.rfm}>
        {p.rfm ? (
          <Space wrap>
            <Tag color={SEGMENT_COLORS[p.rfm.segment]} data-testid="member-segment">
              {t(`members.profile.segments.${p.rfm.segment}`)}
            </Tag>
            <Typography.Text>
              {t('members.profile.rfm', {
                r: p.rfm.recency,
                f: p.rfm.frequency,
                m: p.rfm.monetary,
                days: p.rfm.daysSinceLast,
              })}
            </Typography.Text>
          </Space>
        ) : (
          <Alert
            type="info"
            showIcon
            title={
              p.profilingConsent ? t('members.profile.noRecent') : t('members.profile.noConsent')
            }
          />
        )}
      </div>
      <EChart option={option} height={180} emptyText={t('members.profile.noPurchases')} />
      <div className={styles.favourites}>
        <div>
          <Typography.Text strong>{t('members.profile.stores')}</Typography.Text>
          {p.stores.map((store) => (
            <div key={store.storeId}>
              {store.name} · {t('members.profile.visitsCount', { count: store.visits })} ·{' '}
              <Money fen={store.spendFen} />
            </div>
          ))}
        </div>
        <div>
          <Typography.Text strong>{t('members.profile.categories')}</Typography.Text>
          {p.categories.map((category) => (
            <div key={category.category}>
              {category.category || t('members.profile.uncategorised')} · {category.qty} ·{' '}
              <Money fen={category.spendFen} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
