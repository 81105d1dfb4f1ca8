import { HeartOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { navItemsFor, type NavItem, type PageKey } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import styles from './HomePage.module.css';

/** One line on what each page is for. */
const PAGE_TEXTS = {
  redeem: 'home.redeemText',
  cashback: 'home.cashbackText',
  sale: 'home.saleText',
  till: 'home.tillText',
  products: 'home.productsText',
  stock: 'home.stockText',
  alerts: 'home.alertsText',
  strategies: 'home.strategiesText',
  coupons: 'home.couponsText',
  redemptions: 'home.redemptionsText',
  staff: 'home.staffText',
  stores: 'home.storesText',
  printers: 'home.printersText',
  audit: 'home.auditText',
  scanner: 'home.scannerText',
  analytics: 'home.analyticsText',
  reports: 'home.reportsText',
  sync: 'home.syncText',
} as const satisfies Record<Exclude<PageKey, 'home'>, string>;

const SECTIONS = [
  { group: 'till', title: 'home.tillTitle' },
  { group: 'manage', title: 'home.manageTitle' },
] as const satisfies { group: NavItem['group']; title: string }[];

const UPCOMING = [
  { key: 'members', icon: <HeartOutlined />, title: 'nav.members', text: 'home.membersText' },
] as const;

/** After login: who and where you are, the pages you can open, and what is still to come. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff, storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const pages = navItemsFor(staff.role);

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

      {SECTIONS.map((section) => {
        const items = pages.filter((item) => item.group === section.group);
        if (items.length === 0) return null;
        return (
          <section key={section.group}>
            <Typography.Title level={4} className={styles.sectionTitle}>
              {t(section.title)}
            </Typography.Title>
            <Row gutter={[16, 16]}>
              {items.map((item) => (
                <Col key={item.path} xs={24} md={12} xl={8}>
                  <Card hoverable className={styles.manageCard} onClick={() => navigate(item.path)}>
                    <div className={styles.manageIcon}>{item.icon}</div>
                    <div className={styles.manageBody}>
                      <Typography.Text strong className={styles.cardTitle}>
                        {t(item.label)}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {t(PAGE_TEXTS[item.key as keyof typeof PAGE_TEXTS])}
                      </Typography.Text>
                    </div>
                    <RightOutlined className={styles.arrow} />
                  </Card>
                </Col>
              ))}
            </Row>
          </section>
        );
      })}

      <section>
        <Typography.Title level={4} className={styles.sectionTitle}>
          {t('home.upcomingTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.upcomingText')}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {UPCOMING.map((feature) => (
            <Col key={feature.key} xs={24} md={12} xl={8}>
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
