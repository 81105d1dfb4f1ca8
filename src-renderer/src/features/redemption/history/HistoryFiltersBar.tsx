import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CouponTemplate } from '../../../../../src-shared/contract/coupons';
import type { Staff } from '../../../../../src-shared/contract/staff';
import type { Store } from '../../../../../src-shared/contract/stores';
import { FiltersBar, NamedFilter } from '../../../ui/FiltersBar';
import type { RedemptionFilters } from '../redemption-queries';
import styles from './RedemptionHistoryPage.module.css';

interface HistoryFiltersBarProps {
  filters: RedemptionFilters;
  onChange: (filters: RedemptionFilters) => void;
  stores: Store[];
  staff: Staff[];
  templates: CouponTemplate[];
  timeZone: string;
}

/** Narrow the history by dates, store, cashier, coupon, status or one code. */
export function HistoryFiltersBar({
  filters,
  onChange,
  stores,
  staff,
  templates,
  timeZone,
}: HistoryFiltersBarProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<RedemptionFilters>) => onChange({ ...filters, ...patch });
  return (
    <FiltersBar
      range={filters}
      onRangeChange={set}
      timeZone={timeZone}
      rangeLabel={t('history.dateRange')}
      onReset={() => onChange({})}
      resetLabel={t('history.reset')}
    >
      <NamedFilter
        items={stores}
        value={filters.storeId}
        onChange={(storeId) => set({ storeId })}
        placeholder={t('history.allStores')}
      />
      <NamedFilter
        items={staff}
        value={filters.staffId}
        onChange={(staffId) => set({ staffId })}
        placeholder={t('history.allStaff')}
      />
      <NamedFilter
        items={templates}
        value={filters.templateId}
        onChange={(templateId) => set({ templateId })}
        placeholder={t('history.allTemplates')}
      />
      <Select
        className={styles.status}
        allowClear
        placeholder={t('history.allStatuses')}
        value={filters.status}
        onChange={(status?: RedemptionFilters['status']) => set({ status })}
        options={(['completed', 'voided'] as const).map((status) => ({
          value: status,
          label: t(`history.status.${status}`),
        }))}
      />
      <Input.Search
        className={styles.code}
        allowClear
        placeholder={t('history.codePlaceholder')}
        defaultValue={filters.code}
        key={filters.code ?? ''}
        onSearch={(code) => set({ code: code.trim() || undefined })}
        aria-label={t('history.code')}
      />
    </FiltersBar>
  );
}
