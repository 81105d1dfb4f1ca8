import {
  BarChartOutlined,
  BarcodeOutlined,
  GiftOutlined,
  InboxOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NAV_ITEMS, navItemsFor } from '../../app/layout/navigation';
import { useCurrentSession } from '../../app/session/session-context';
import { useStoreTimeZone } from '../stores/stores-queries';
import styles from './HomePage.module.css';

const MANAGE_TEXTS = {
  [NAV_ITEMS.staff.path]: 'home.staffText',
  [NAV_ITEMS.stores.path]: 'home.storesText',
  [NAV_ITEMS.audit.path]: 'home.auditText',
} as const;

const UPCOMING = [
  { key: 'coupons', icon: <GiftOutlined />, title: 'nav.coupons', text: 'home.couponsText' },
  {
    key: 'redemption',
    icon: <BarcodeOutlined />,
    title: 'nav.redemption',
    text: 'home.redemptionText',
  },
  { key: 'inventory', icon: <InboxOutlined />, title: 'nav.inventory', text: 'home.inventoryText' },
  {
    key: 'analytics',
    icon: <BarChartOutlined />,
    title: 'home.analyticsTitle',
    text: 'home.analyticsText',
  },
] as const;

/** After login: who and where you are, what you can manage, and what is still to come. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff, storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const manageItems = navItemsFor(staff.role).filter((item) => item.path in MANAGE_TEXTS);

  return (
    <div className={styles.page}>
      <Card className={styles.welcome}>
        <Typography.Title level={2} className={styles.greeting}>
          {t('home.greeting', { name: staff.name })}
        </Typography.Title>
        <Typography.Text className={styles.today}>
          {t('home.today', { date: dayjs().tz(timeZone).format(t('formats.longDate')) })}
        </Typography.Text>
      </Card>

      {manageItems.length > 0 && (
        <section>
          <Typography.Title level={4} className={styles.sectionTitle}>
            {t('home.manageTitle')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {manageItems.map((item) => (
              <Col key={item.path} xs={24} md={8}>
                <Card hoverable className={styles.manageCard} onClick={() => navigate(item.path)}>
                  <div className={styles.manageIcon}>{item.icon}</div>
                  <div className={styles.manageBody}>
                    <Typography.Text strong className={styles.cardTitle}>
                      {t(item.label)}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t(MANAGE_TEXTS[item.path as keyof typeof MANAGE_TEXTS])}
                    </Typography.Text>
                  </div>
                  <RightOutlined className={styles.arrow} />
                </Card>
              </Col>
            ))}
          </Row>
        </section>
      )}

      <section>
        <Typography.Title level={4} className={styles.sectionTitle}>
          {t('home.upcomingTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.upcomingText')}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {UPCOMING.map((feature) => (
            <Col key={feature.key} xs={24} md={12} xl={6}>
              <Card className={styles.upcomingCard}>
                <div className={styles.upcomingIcon}>{feature.icon}</div>
                <div className={styles.upcomingTitle}>
                  <Typography.Text strong className={styles.cardTitle}>
                    {t(feature.title)}
                  </Typography.Text>
                  <Tag>{t('common.comingSoon')}</Tag>
                </div>
                <Typography.Text type="secondary">{t(feature.text)}</Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      </section>
    </div>
  );
}
