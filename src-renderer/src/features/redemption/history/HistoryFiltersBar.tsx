import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CouponTemplate } from '../../../../../src-shared/contract/coupons';
import type { Staff } from '../../../../../src-shared/contract/staff';
import type { Store } from '../../../../../src-shared/contract/stores';
import { DayRangePicker } from '../../../ui/DayRangePicker';
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
    <div className={styles.filters}>
      <DayRangePicker
        className={styles.dates}
        from={filters.from}
        to={filters.to}
        onChange={set}
        timeZone={timeZone}
        aria-label={t('history.dateRange')}
      />
      <Select
        className={styles.filter}
        allowClear
        placeholder={t('history.allStores')}
        value={filters.storeId}
        onChange={(storeId?: string) => set({ storeId })}
        options={stores.map((store) => ({ value: store.id, label: store.name }))}
      />
      <Select
        className={styles.filter}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('history.allStaff')}
        value={filters.staffId}
        onChange={(staffId?: string) => set({ staffId })}
        options={staff.map((person) => ({ value: person.id, label: person.name }))}
      />
      <Select
        className={styles.filter}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('history.allTemplates')}
        value={filters.templateId}
        onChange={(templateId?: string) => set({ templateId })}
        options={templates.map((template) => ({ value: template.id, label: template.name }))}
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
      <Button icon={<ClearOutlined />} onClick={() => onChange({})}>
        {t('history.reset')}
      </Button>
    </div>
  );
}
