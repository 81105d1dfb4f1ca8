import { GiftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutputOf } from '../../../../src-shared/contract';
import type { StrategyKind } from '../../../../src-shared/contract/alerts';
import { formatZhe } from '../../../../src-shared/money';
import { useErrorText } from '../../i18n/error-text';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { StoreSelect, useDefaultStoreId } from '../../ui/StoreSelect';
import { useStrategies } from './alerts-queries';
import { PublishSwitch } from './PublishSwitch';
import styles from './AlertsPage.module.css';

type Strategies = OutputOf<'strategies.list'>;

/**
 * A store's advice, as customers and the merchant will see it once published: what is on
 * discount (slow sellers) and what may cost more soon (running low).
 */
export function StrategiesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useCurrentSession();
  const defaultStoreId = useDefaultStoreId(session.storeId);
  const [chosen, setChosen] = useState<string | undefined>();
  const storeId = chosen ?? defaultStoreId;
  const timeZone = useStoreTimeZone(storeId);
  const strategies = useStrategies(storeId);
  const since = (at: number) => dayjs(at).tz(timeZone).format('YYYY-MM-DD');
  const product = (item: { productName: string; sku: string; category: string }) => (
    <div className={styles.cell}>
      <Typography.Text strong>{item.productName}</Typography.Text>
      <Typography.Text type="secondary">
        {item.sku}
        {item.category && ` · ${item.category}`}
      </Typography.Text>
    </div>
  );

  const publishColumn = (kind: StrategyKind) => ({
    key: 'publish',
    title: t('strategies.publish'),
    width: 96,
    render: (_: unknown, item: { productId: string; publishedAt: number | null }) =>
      storeId && (
        <PublishSwitch
          storeId={storeId}
          productId={item.productId}
          kind={kind}
          publishedAt={item.publishedAt}
          timeZone={timeZone}
        />
      ),
  });

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('strategies.title')}
        subtitle={t('strategies.subtitle')}
        extra={
          <StoreSelect
            value={storeId}
            onChange={setChosen}
            className={styles.store}
            aria-label={t('stock.filters.store')}
          />
        }
      />
      {strategies.isError && <Alert type="error" showIcon title={errorText(strategies.error)} />}
      <Row gutter={16}>
        <Col span={13}>
          <Card
            title={t('strategies.discounted')}
            extra={<Tag color="blue">{t('alertKinds.slow_moving')}</Tag>}
          >
            <Table<Strategies['discounted'][number]>
              rowKey="productId"
              size="small"
              loading={strategies.isPending && !!storeId}
              dataSource={strategies.data?.discounted}
              pagination={false}
              locale={{ emptyText: <Empty description={t('strategies.noDiscounted')} /> }}
              columns={[
                {
                  key: 'product',
                  title: t('stock.columns.product'),
                  render: (_, item) => product(item),
                },
                {
                  key: 'price',
                  title: t('strategies.price'),
                  width: 170,
                  render: (_, item) => (
                    <div className={styles.cell}>
                      <span>
                        <Tag color="red">{formatZhe(item.payPermille)}</Tag>
                        <Money fen={item.discountedPriceFen} className={styles.advice} />
                      </span>
                      <Typography.Text type="secondary" delete>
                        <Money fen={item.priceFen} />
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  key: 'qty',
                  title: t('strategies.stock'),
                  width: 110,
                  render: (_, item) => (
                    <div className={styles.cell}>
                      <span>{item.qty}</span>
                      <Typography.Text type="secondary" className={styles.small}>
                        {t('strategies.since', { date: since(item.since) })}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  key: 'coupon',
                  title: t('strategies.coupon'),
                  width: 100,
                  render: (_, item) =>
                    item.couponTemplateId ? (
                      <Link to={NAV_ITEMS.coupons.path}>
                        <GiftOutlined /> {t('strategies.couponMade')}
                      </Link>
                    ) : (
                      <Link to={NAV_ITEMS.alerts.path}>{t('strategies.makeCoupon')}</Link>
                    ),
                },
                publishColumn('discounted'),
              ]}
            />
          </Card>
        </Col>
        <Col span={11}>
          <Card
            title={t('strategies.priceMayRise')}
            extra={<Tag color="volcano">{t('alerts.priceMayRise')}</Tag>}
          >
            <Table<Strategies['priceMayRise'][number]>
              rowKey="productId"
              size="small"
              loading={strategies.isPending && !!storeId}
              dataSource={strategies.data?.priceMayRise}
              pagination={false}
              locale={{ emptyText: <Empty description={t('strategies.noPriceMayRise')} /> }}
              columns={[
                {
                  key: 'product',
                  title: t('stock.columns.product'),
                  render: (_, item) => product(item),
                },
                {
                  key: 'price',
                  title: t('strategies.currentPrice'),
                  width: 90,
                  align: 'right',
                  render: (_, item) => <Money fen={item.priceFen} />,
                },
                {
                  key: 'qty',
                  title: t('strategies.stock'),
                  width: 160,
                  render: (_, item) => (
                    <div className={styles.cell}>
                      <span>{t('strategies.left', { qty: item.qty, low: item.lowLevel })}</span>
                      <Typography.Text type="secondary" className={styles.small}>
                        {t('strategies.since', { date: since(item.since) })}
                      </Typography.Text>
                    </div>
                  ),
                },
                publishColumn('priceMayRise'),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
