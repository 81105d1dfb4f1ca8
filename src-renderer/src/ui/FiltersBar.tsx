import { ClearOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import type { ReactNode } from 'react';
import { DayRangePicker } from './DayRangePicker';
import styles from './FiltersBar.module.css';

type DayRange = { from?: number; to?: number };

interface FiltersBarProps {
  range: DayRange;
  onRangeChange: (range: DayRange) => void;
  /** Days start and end in the store's time zone, not the PC's. */
  timeZone: string;
  rangeLabel: string;
  /** Clears every filter at once. */
  onReset: () => void;
  resetLabel: string;
  /** The page's own filters, between the dates and the reset button. */
  children: ReactNode;
}

/** The row above a log or history table: a day range, the page's filters, and a reset. */
export function FiltersBar({
  range,
  onRangeChange,
  timeZone,
  rangeLabel,
  onReset,
  resetLabel,
  children,
}: FiltersBarProps) {
  return (
    <div className={styles.bar}>
      <DayRangePicker
        className={styles.dates}
        from={range.from}
        to={range.to}
        onChange={onRangeChange}
        timeZone={timeZone}
        aria-label={rangeLabel}
      />
      {children}
      <Button icon={<ClearOutlined />} onClick={onReset}>
        {resetLabel}
      </Button>
    </div>
  );
}

interface NamedFilterProps {
  items: { id: string; name: string }[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** Shown when nothing is chosen: "all staff", "all stores"… */
  placeholder: string;
}

/** One clearable, searchable filter over a list of named things (staff, stores, templates). */
export function NamedFilter({ items, value, onChange, placeholder }: NamedFilterProps) {
  return (
    <Select
      className={styles.select}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      value={value}
      onChange={(id?: string) => onChange(id)}
      options={items.map((item) => ({ value: item.id, label: item.name }))}
    />
  );
}
