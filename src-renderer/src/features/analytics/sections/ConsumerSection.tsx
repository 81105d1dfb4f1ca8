import { Button, Col, Input, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../../src-shared/contract';
import { normalizeMainlandMobile } from '../../../../../src-shared/phone';
import { compactCount } from '../../../ui/charts/chart-format';
import { EChart } from '../../../ui/charts/EChart';
import { timeSeriesOption } from '../../../ui/charts/time-series-option';
import { Money } from '../../../ui/Money';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import type { RedemptionScope } from './redemption-scope';
import styles from '../AnalyticsPage.module.css';

type TopConsumer = OutputOf<'analytics.topConsumers'>[number];

const TOP_CONSUMERS = 20;

/**
 * One consumer's redemptions (by phone): day by day with the running total, and per product.
 * The consumers with the most redemptions are listed beside it; the first is shown to start with.
 */
export function ConsumerSection({ scope }: { scope: RedemptionScope }) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState(false);

  const topInput: InputOf<'analytics.topConsumers'> = { ...scope, limit: TOP_CONSUMERS };
  const top = useChartData('analytics.topConsumers', topInput);
  const shownPhone = phone ?? top.data?.[0]?.phone ?? null;
  const consumerInput: InputOf<'analytics.consumer'> = { ...scope, phone: shownPhone ?? '' };
  const consumer = useChartData('analytics.consumer', consumerInput, { enabled: !!shownPhone });
  const data = consumer.data;

  const [byDay, byProduct] = useMemo(() => {
    const texts = {
      valueText: (count: number) => t('analytics.units.redemptions', { count }),
      axisText: (count: number) => compactCount(count, i18n.language),
      integer: true,
    };
    return [
      timeSeriesOption({
        periods: data?.days ?? [],
        series: data
          ? [
              { name: t('analytics.consumer.cumulative'), values: data.total.cumulative },
              { name: t('analytics.consumer.daily'), values: data.total.daily },
            ]
          : [],
        ...texts,
      }),
      timeSeriesOption({
        periods: data?.days ?? [],
        series: (data?.products ?? []).map((product) => ({
          name: product.name,
          values: product.cumulative,
        })),
        ...texts,
      }),
    ];
  }, [data, t, i18n.language]);

  const lookUp = (text: string) => {
    const normalized = normalizeMainlandMobile(text);
    setPhoneError(text.trim() !== '' && !normalized);
    if (normalized) setPhone(normalized);
    if (text.trim() === '') setPhone(null);
  };

  const columns: TableColumnsType<TopConsumer> = [
    { key: 'phone', title: t('analytics.consumer.phone'), dataIndex: 'masked' },
    {
      key: 'count',
      title: t('analytics.consumer.count'),
      dataIndex: 'count',
      align: 'right',
      width: 80,
    },
    {
      key: 'reward',
      title: t('analytics.consumer.reward'),
      align: 'right',
      width: 100,
      render: (_, row) => <Money fen={row.rewardFen} />,
    },
    {
      key: 'show',
      title: t('common.actions'),
      width: 72,
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          disabled={row.phone === shownPhone}
          onClick={() => {
            setTyped('');
            setPhoneError(false);
            setPhone(row.phone);
          }}
        >
          {t('analytics.consumer.show')}
        </Button>
      ),
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={16}>
        <ChartCard
          section="consumer"
          title={t('analytics.consumer.title')}
          note={
            data
              ? t('analytics.consumer.summary', {
                  phone: data.masked,
                  count: data.total.total,
                  products: data.products.length,
                })
              : t('analytics.consumer.none')
          }
          extra={
            <div className={styles.phoneSearch}>
              <Input.Search
                allowClear
                value={typed}
                status={phoneError ? 'error' : undefined}
                onChange={(event) => setTyped(event.target.value)}
                onSearch={lookUp}
                placeholder={t('analytics.consumer.placeholder')}
                aria-label={t('analytics.consumer.phone')}
                enterButton={t('analytics.consumer.search')}
              />
              {phoneError && (
                <Typography.Text type="danger" className={styles.phoneError}>
                  {t('validation.phone')}
                </Typography.Text>
              )}
            </div>
          }
          loading={consumer.isFetching}
          ready={!!top.data && (!shownPhone || !!data)}
          error={consumer.error}
          exportRequest={
            shownPhone ? { report: 'analytics.consumer', input: consumerInput } : undefined
          }
          exportDisabled={!data?.total.total}
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Typography.Text strong>{t('analytics.consumer.byDay')}</Typography.Text>
              <EChart option={byDay} height={280} emptyText={t('analytics.consumer.noData')} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Text strong>{t('analytics.consumer.byProduct')}</Typography.Text>
              <EChart option={byProduct} height={280} emptyText={t('analytics.consumer.noData')} />
            </Col>
          </Row>
        </ChartCard>
      </Col>
      <Col xs={24} xxl={8}>
        <ChartCard
          section="top-consumers"
          title={t('analytics.consumer.topTitle')}
          loading={top.isFetching}
          ready={!!top.data}
          error={top.error}
          exportRequest={{ report: 'analytics.topConsumers', input: topInput }}
          exportDisabled={!top.data?.length}
        >
          <Table
            rowKey="phone"
            size="small"
            columns={columns}
            dataSource={top.data ?? []}
            pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
            rowClassName={(row) => (row.phone === shownPhone ? (styles.selectedRow ?? '') : '')}
          />
        </ChartCard>
      </Col>
    </Row>
  );
}
