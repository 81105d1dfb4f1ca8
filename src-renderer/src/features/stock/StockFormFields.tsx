import { Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './StockPage.module.css';

/** A caption above its control, as the stock forms lay out their header fields. */
export function LabeledField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className={styles.field}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** The optional note every stock document (receipt, stocktake, transfer) carries. */
export function NoteField({
  value,
  onChange,
}: {
  value: string;
  onChange: (note: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <LabeledField label={t('stock.note')}>
      <Input
        value={value}
        maxLength={200}
        placeholder={t('stock.optional')}
        onChange={(event) => onChange(event.target.value)}
      />
    </LabeledField>
  );
}
