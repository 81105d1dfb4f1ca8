import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { sharedMessages } from '../../../../src-shared/i18n';
import type { Staff } from '../../../../src-shared/contract/staff';
import type { Store } from '../../../../src-shared/contract/stores';
import { FiltersBar, NamedFilter } from '../../ui/FiltersBar';
import type { AuditFilters } from './audit-queries';
import styles from './AuditPage.module.css';

// Every action the app records has a name in the shared messages.
const ACTIONS = Object.keys(sharedMessages['zh-CN'].actions);

interface AuditFiltersBarProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  staff: Staff[];
  stores: Store[];
  /** Days start and end in the store's time zone, not the PC's. */
  timeZone: string;
}

/** Narrow the log by dates, staff member, action and till. */
export function AuditFiltersBar({
  filters,
  onChange,
  staff,
  stores,
  timeZone,
}: AuditFiltersBarProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });

  return (
    <FiltersBar
      range={filters}
      onRangeChange={set}
      timeZone={timeZone}
      rangeLabel={t('audit.dateRange')}
      onReset={() => onChange({})}
      resetLabel={t('audit.reset')}
    >
      <NamedFilter
        items={staff}
        value={filters.staffId}
        onChange={(staffId) => set({ staffId })}
        placeholder={t('audit.allStaff')}
      />
      <Select
        className={styles.filter}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.allActions')}
        value={filters.action}
        onChange={(action?: string) => set({ action })}
        options={ACTIONS.map((action) => ({ value: action, label: t(`actions.${action}`) }))}
      />
      <Select
        className={styles.filter}
        allowClear
        placeholder={t('audit.allTerminals')}
        value={filters.terminalId}
        onChange={(terminalId?: string) => set({ terminalId })}
        // Grouped by store: every store has its own T01.
        options={stores.map((store) => ({
          label: store.name,
          options: store.terminals.map((terminal) => ({
            value: terminal.id,
            label: `${terminal.code} · ${terminal.name}`,
          })),
        }))}
      />
    </FiltersBar>
  );
}
