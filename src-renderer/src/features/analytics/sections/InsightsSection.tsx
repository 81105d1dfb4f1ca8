import { FallOutlined, GiftOutlined, RiseOutlined } from '@ant-design/icons';
import { Button, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../../src-shared/contract';
import type { Insight } from '../../../../../src-shared/contract/analytics';
import { formatFen } from '../../../../../src-shared/money';
import { useCatalogue } from '../../../shop-data/catalogue';
import { changeText } from '../../../ui/charts/chart-format';
import { useTemplates } from '../../coupons/coupons-queries';
import type { TemplateValues } from '../../coupons/template-form';
import { TemplateFormDrawer } from '../../coupons/TemplateFormDrawer';
import type { AnalyticsFilters } from '../analytics-filters';
import { useChartData } from '../analytics-queries';
import { ChartCard } from '../ChartCard';
import { suggestedCoupon } from './insight-coupon';
import styles from '../AnalyticsPage.module.css';

/** Enough to read at a glance; the rest a page further. */
const INSIGHTS_PER_PAGE = 4;

/**
 * Stores and products slipping below their own usual week, and the ones doing best, each with
 * advice in plain words; where the advice is a coupon, one click opens it in the coupon form.
 */
export function InsightsSection({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const input: InputOf<'analytics.insights'> = {
    storeIds: filters.storeIds,
    productId: filters.productId,
  };
  const query = useChartData('analytics.insights', input);
  const templates = useTemplates();
  const catalogue = useCatalogue();
  const [coupon, setCoupon] = useState<TemplateValues | null>(null);
  const data = query.data;

  const renderItem = (insight: Insight, kind: 'decline' | 'best') => {
    const suggestion = suggestedCoupon(insight, templates.data ?? [], catalogue.data ?? []);
    return (
      <List.Item
        className={styles.insight}
        actions={
          suggestion
            ? [
                <Button
                  key="coupon"
                  type={kind === 'decline' ? 'primary' : 'default'}
                  icon={<GiftOutlined />}
                  onClick={() => setCoupon(suggestion)}
                >
                  {t('analytics.insights.useCoupon')}
                </Button>,
              ]
            : []
        }
      >
        <List.Item.Meta
          avatar={
            kind === 'decline' ? (
              <FallOutlined className={styles.declineIcon} />
            ) : (
              <RiseOutlined className={styles.bestIcon} />
            )
          }
          title={
            <span className={styles.insightTitle}>
              <span>{[insight.storeName, insight.productName].filter(Boolean).join(' · ')}</span>
              <Tag color={kind === 'decline' ? 'red' : 'green'}>{changeText(insight.change)}</Tag>
              <Typography.Text type="secondary" className={styles.insightFigures}>
                {t('analytics.insights.figures', {
                  recent: formatFen(insight.recentFen),
                  baseline: formatFen(insight.baselineFen),
                })}
              </Typography.Text>
            </span>
          }
          description={
            <span className={styles.insightText}>
              {t(`insights.${insight.suggestion.key}`, insight.suggestion.params)}
            </span>
          }
        />
      </List.Item>
    );
  };

  const column = (kind: 'decline' | 'best', items: Insight[]) => (
    <Col xs={24} xl={12}>
      <Typography.Title level={5} className={styles.insightHeading}>
        {t(`analytics.insights.${kind}Title`, { count: items.length })}
      </Typography.Title>
      <List
        aria-label={t(`analytics.insights.${kind}Title`, { count: items.length })}
        data-insights={kind}
        dataSource={items}
        pagination={
          items.length > INSIGHTS_PER_PAGE && { pageSize: INSIGHTS_PER_PAGE, size: 'small' }
        }
        renderItem={(insight) => renderItem(insight, kind)}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(`analytics.insights.${kind}Empty`)}
            />
          ),
        }}
      />
    </Col>
  );

  return (
    <ChartCard
      section="insights"
      title={t('analytics.insights.title')}
      note={
        data &&
        t('analytics.insights.rule', {
          recentFrom: data.recentFrom,
          asOf: data.asOf,
          days: data.rule.recentDays,
          weeks: data.rule.baselineWeeks,
          drop: Math.round(data.rule.dropRatio * 100),
          rise: Math.round(data.rule.riseRatio * 100),
          minStore: formatFen(data.rule.minStoreWeeklyFen),
          minTransactions: data.rule.minWeeklyTransactions,
        })
      }
      loading={query.isFetching}
      ready={!!data}
      error={query.error}
      exportRequest={{ report: 'analytics.insights', input }}
      exportDisabled={!data || data.declines.length + data.best.length === 0}
    >
      <Row gutter={[32, 8]}>
        {column('decline', data?.declines ?? [])}
        {column('best', data?.best ?? [])}
      </Row>
      {coupon && (
        <TemplateFormDrawer editing={null} prefill={coupon} onClose={() => setCoupon(null)} />
      )}
    </ChartCard>
  );
}
