import { DatePicker, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../../src-shared/contract/stores';
import { ProductSelect } from '../../ui/ProductSelect';
import {
  presetOf,
  presetRange,
  RANGE_PRESETS,
  type AnalyticsFilters,
  type RangePreset,
} from './analytics-filters';
import styles from './AnalyticsPage.module.css';

interface AnalyticsFiltersBarProps {
  filters: AnalyticsFilters;
  onChange: (filters: AnalyticsFilters) => void;
  stores: Store[];
  /** Today in the shop's time zone: where the presets end. */
  today: string;
}

/** The dates, stores and product every chart on the page is drawn for. */
export function AnalyticsFiltersBar({
  filters,
  onChange,
  stores,
  today,
}: AnalyticsFiltersBarProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<AnalyticsFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className={styles.filters} role="search" aria-label={t('analytics.filters.label')}>
      <Radio.Group
        optionType="button"
        value={presetOf(filters, today) ?? null}
        onChange={(event) => set(presetRange(event.target.value as RangePreset, today))}
        options={RANGE_PRESETS.map((preset) => ({
          value: preset,
          label: t(`analytics.filters.presets.${preset}`),
        }))}
      />
      <DatePicker.RangePicker
        aria-label={t('analytics.filters.dates')}
        allowClear={false}
        value={[dayjs(filters.from), dayjs(filters.to)]}
        disabledDate={(day) => day.format('YYYY-MM-DD') > today}
        onChange={(days) => {
          const [first, last] = days ?? [];
          if (first && last)
            set({ from: first.format('YYYY-MM-DD'), to: last.format('YYYY-MM-DD') });
        }}
      />
      <Select
        className={styles.storeFilter}
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('analytics.filters.stores')}
        placeholder={t('analytics.filters.allStores')}
        value={filters.storeIds}
        onChange={(storeIds: string[]) => set({ storeIds })}
        options={stores.map((store) => ({ value: store.id, label: store.name }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <ProductSelect
        className={styles.productFilter}
        allowClear
        aria-label={t('analytics.filters.product')}
        placeholder={t('analytics.filters.allProducts')}
        value={filters.productId}
        onChange={(productId) => set({ productId: (productId as string | undefined) ?? undefined })}
      />
    </div>
  );
}
