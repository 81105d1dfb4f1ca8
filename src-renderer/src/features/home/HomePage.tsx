import { AlertOutlined, CloudSyncOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { StoreToday } from '../../../../src-shared/contract/home';
import { useApiQuery, useInvalidateOnEvent } from '../../api/queries';
import {
  NAV_ITEMS,
  navItemsFor,
  UPCOMING_NAV_ITEMS,
  type PageKey,
} from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { Money } from '../../ui/Money';
import { useSyncStatus } from '../sync/sync-queries';
import styles from './HomePage.module.css';

/** The till's work, one click from the home page. */
const TILL_ACTIONS = ['redeem', 'sale', 'cashback', 'till'] as const satisfies PageKey[];

/**
 * After login: today at a glance. Per store the user may see (their own; every store for the
 * owner): takings, redemptions, open stock alerts; the cloud sync state; each with a link to
 * where it is handled.
 */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff, storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const pages = new Set(navItemsFor(staff.role).map((item) => item.key));
  const today = useApiQuery('home.today', {}, { refetchInterval: 60_000 });
  // Figures move with every sale and redemption, at this till or another.
  useInvalidateOnEvent('redemption.changed', ['home.today']);
  useInvalidateOnEvent('sales.changed', ['home.today']);
  const sync = useSyncStatus();
  const linkTo = (key: PageKey) => (pages.has(key) ? NAV_ITEMS[key].path : null);

  return (
    <div className={styles.page}>
      <div className={styles.welcome}>
        <div>
          <Typography.Title level={3} className={styles.greeting}>
            {t('home.greeting', { name: staff.name })}
          </Typography.Title>
          <Typography.Text className={styles.today}>
            {t('home.today', { date: dayjs().tz(timeZone).format(t('formats.longDate')) })}
          </Typography.Text>
        </div>
        <div className={styles.actions}>
          {TILL_ACTIONS.filter((key) => pages.has(key)).map((key) => (
            <Button
              key={key}
              size="large"
              icon={NAV_ITEMS[key].icon}
              onClick={() => navigate(NAV_ITEMS[key].path)}
            >
              {t(NAV_ITEMS[key].label)}
            </Button>
          ))}
        </div>
      </div>

      <section aria-label={t('home.todayTitle')}>
        <Typography.Title level={4} className={styles.sectionTitle}>
          {t('home.todayTitle')}
        </Typography.Title>
        {today.isPending && <Skeleton active />}
        {today.data && today.data.stores.length === 0 && <Empty description={t('home.noStores')} />}
        <Row gutter={[16, 16]}>
          {today.data?.stores.map((store) => (
            <Col key={store.storeId} xs={24} lg={today.data.stores.length > 1 ? 12 : 24}>
              <StoreTodayCard
                store={store}
                salesLink={linkTo('reports') ?? linkTo('sale')}
                redemptionsLink={linkTo('redemptions') ?? linkTo('redeem')}
                alertsLink={linkTo('alerts')}
              />
            </Col>
          ))}
        </Row>
      </section>

      <Card size="small" className={styles.syncCard} data-testid="home-sync">
        <CloudSyncOutlined className={styles.syncIcon} />
        <Typography.Text strong>{t('home.syncTitle')}</Typography.Text>
        {sync.data && (
          <>
            <Tag
              color={
                sync.data.state === 'idle'
                  ? 'success'
                  : sync.data.state === 'unpaired'
                    ? 'default'
                    : 'warning'
              }
            >
              {t(`sync.states.${sync.data.state}`)}
            </Tag>
            <Typography.Text type="secondary">
              {sync.data.state === 'unpaired'
                ? t('home.syncUnpaired')
                : t('home.syncLine', {
                    pending: sync.data.pendingCount,
                    last: sync.data.lastSyncAt
                      ? dayjs(sync.data.lastSyncAt).tz(timeZone).format('MM-DD HH:mm')
                      : t('home.never'),
                  })}
            </Typography.Text>
          </>
        )}
        {linkTo('sync') && (
          <Link to={NAV_ITEMS.sync.path} className={styles.more}>
            {t('home.open')} <RightOutlined />
          </Link>
        )}
      </Card>

      {UPCOMING_NAV_ITEMS.length > 0 && (
        <Typography.Text type="secondary" className={styles.upcoming}>
          {t('home.upcomingLine', {
            names: UPCOMING_NAV_ITEMS.map((item) => t(item.label)).join('、'),
          })}
        </Typography.Text>
      )}
    </div>
  );
}

function StoreTodayCard({
  store,
  salesLink,
  redemptionsLink,
  alertsLink,
}: {
  store: StoreToday;
  salesLink: string | null;
  redemptionsLink: string | null;
  alertsLink: string | null;
}) {
  const { t } = useTranslation();
  const figure = (title: string, value: React.ReactNode, link: string | null, testId: string) => {
    const body = <Statistic title={title} value={0} formatter={() => value} />;
    return (
      <Col span={8} data-testid={testId}>
        {link ? (
          <Link to={link} className={styles.figureLink}>
            {body}
          </Link>
        ) : (
          body
        )}
      </Col>
    );
  };
  return (
    <Card
      title={store.storeName}
      extra={
        <Typography.Text type="secondary">
          {t('home.businessDay', { date: store.date })}
        </Typography.Text>
      }
      data-testid="home-store"
      data-store={store.storeName}
    >
      <Row gutter={16}>
        {figure(
          t('home.takings'),
          <span>
            <Money fen={store.takingsFen} />
            <Typography.Text type="secondary" className={styles.sub}>
              {t('home.tickets', { count: store.tickets })}
            </Typography.Text>
          </span>,
          salesLink,
          'home-takings',
        )}
        {figure(
          t('home.redemptions'),
          <span>
            {store.redemptions}
            <Typography.Text type="secondary" className={styles.sub}>
              {t('home.discount')} <Money fen={store.discountFen} />
            </Typography.Text>
          </span>,
          redemptionsLink,
          'home-redemptions',
        )}
        {figure(
          t('home.openAlerts'),
          <span className={store.newAlerts > 0 ? styles.alerting : undefined}>
            <AlertOutlined /> {store.openAlerts}
            {store.newAlerts > 0 && (
              <Typography.Text type="danger" className={styles.sub}>
                {t('home.newAlerts', { count: store.newAlerts })}
              </Typography.Text>
            )}
          </span>,
          alertsLink,
          'home-alerts',
        )}
      </Row>
    </Card>
  );
}
