import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Segmented, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AnalyticsJob } from '../../../../src-shared/contract/analytics';
import { useApiMutation } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { useCatalogue } from '../../shop-data/catalogue';
import { useStores } from '../../shop-data/stores';
import { FullPageSpinner } from '../../ui/FullPageSpinner';
import { PageHeader } from '../../ui/PageHeader';
import { defaultFilters, type AnalyticsFilters } from './analytics-filters';
import { useAnalyticsStatus, useFreshCharts } from './analytics-queries';
import { AnalyticsFiltersBar } from './AnalyticsFiltersBar';
import { DemoDataPanel } from './DemoDataPanel';
import { JobProgress } from './JobProgress';
import { CashiersSection } from './sections/CashiersSection';
import { ChainTakingsSection } from './sections/ChainTakingsSection';
import { ConsumerSection } from './sections/ConsumerSection';
import { CouponEffectSection } from './sections/CouponEffectSection';
import { DailyRedemptionsSection } from './sections/DailyRedemptionsSection';
import { InsightsSection } from './sections/InsightsSection';
import type { RedemptionKind } from './sections/redemption-scope';
import { RegionShareSection } from './sections/RegionShareSection';
import { RegionTrendSection } from './sections/RegionTrendSection';
import { StoreTrendSection } from './sections/StoreTrendSection';
import styles from './AnalyticsPage.module.css';

const TABS = ['stores', 'redemptions', 'consumers'] as const;
type Tab = (typeof TABS)[number];
const KIND_CHOICES = {
  all: ['coupon', 'cashback'],
  coupon: ['coupon'],
  cashback: ['cashback'],
} as const;
type KindChoice = keyof typeof KIND_CHOICES;

/**
 * The owner's evening read, offline: which store slips and what to do, how stores, cashiers and
 * coupons did, and where coupons and cashback codes are redeemed. Empty shop: demo data.
 */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useAnalyticsStatus();
  useFreshCharts();
  if (status.isError) return <Alert type="error" showIcon title={errorText(status.error)} />;
  if (!status.data) return <FullPageSpinner />;
  const { job } = status.data;
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('analytics.title')}
        subtitle={t('analytics.subtitle')}
        extra={status.data.hasData && <RebuildButton job={job} />}
      />
      {status.data.hasData ? (
        <>
          {job?.task === 'rebuild' && job.status !== 'done' && (
            <Card>
              <JobProgress job={job} />
            </Card>
          )}
          <Dashboard today={status.data.today} />
        </>
      ) : (
        <DemoDataPanel job={job} />
      )}
    </div>
  );
}

function Dashboard({ today }: { today: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AnalyticsFilters>(() => defaultFilters(today));
  const [kinds, setKinds] = useState<KindChoice>('all');
  const [searchParams, setSearchParams] = useSearchParams();
  const stores = useStores();
  const catalogue = useCatalogue();
  const tab = TABS.find((one) => one === searchParams.get('tab')) ?? 'stores';
  const productName =
    catalogue.data?.find((product) => product.id === filters.productId)?.name ?? null;
  const scope = { ...filters, kinds: [...KIND_CHOICES[kinds]] as RedemptionKind[] };

  return (
    <>
      <Card className={styles.filtersCard}>
        <AnalyticsFiltersBar
          filters={filters}
          onChange={setFilters}
          stores={stores.data ?? []}
          today={today}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'stores' satisfies Tab,
            label: t('analytics.tabs.stores'),
            children: (
              <div className={styles.sections}>
                <InsightsSection filters={filters} />
                <StoreTrendSection filters={filters} />
                <ChainTakingsSection filters={filters} />
                <CashiersSection filters={filters} />
                <CouponEffectSection filters={filters} />
              </div>
            ),
          },
          {
            key: 'redemptions' satisfies Tab,
            label: t('analytics.tabs.redemptions'),
            children: (
              <div className={styles.sections}>
                <KindSwitch value={kinds} onChange={setKinds} />
                <RegionShareSection scope={scope} />
                <RegionTrendSection scope={scope} />
                <DailyRedemptionsSection scope={scope} productName={productName} />
              </div>
            ),
          },
          {
            key: 'consumers' satisfies Tab,
            label: t('analytics.tabs.consumers'),
            children: (
              <div className={styles.sections}>
                <KindSwitch value={kinds} onChange={setKinds} />
                <ConsumerSection scope={scope} />
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

/** Coupons redeemed at a till, cashback codes paid out, or both. */
function KindSwitch({ value, onChange }: { value: KindChoice; onChange: (v: KindChoice) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented
      className={styles.kinds}
      value={value}
      onChange={onChange}
      options={(Object.keys(KIND_CHOICES) as KindChoice[]).map((choice) => ({
        value: choice,
        label: t(`analytics.kinds.${choice}`),
      }))}
    />
  );
}

/** Recomputes every rollup from the raw sales and redemptions, in a worker (rarely needed). */
function RebuildButton({ job }: { job: AnalyticsJob | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rebuild = useApiMutation('analytics.rebuildRollups', { invalidates: ['analytics.status'] });
  const running = job?.status === 'running';
  return (
    <Popconfirm
      title={t('analytics.rebuild.confirmTitle')}
      description={t('analytics.rebuild.confirmText')}
      okText={t('analytics.rebuild.button')}
      cancelText={t('common.cancel')}
      onConfirm={() => rebuild.mutateAsync({}).catch((error) => message.error(errorText(error)))}
    >
      <Button icon={<ReloadOutlined />} loading={rebuild.isPending || running}>
        {t('analytics.rebuild.button')}
      </Button>
    </Popconfirm>
  );
}
