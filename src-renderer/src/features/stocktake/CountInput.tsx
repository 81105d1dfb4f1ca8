import { Input } from 'antd';
import { useState } from 'react';
import { MAX_QTY } from '../../../../src-shared/bounds';
import styles from './StocktakePage.module.css';

/** A whole count or nothing; anything else is not a count (yet). */
const parseCount = (text: string): number | null | undefined => {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const qty = Number(trimmed);
  return qty <= MAX_QTY ? qty : undefined;
};

/**
 * The counted quantity of a line. A plain text field, not a number field: a scan that arrives
 * while it has the focus types its digits here first, and the scanner takes them back out
 * (scanning/typed-text.ts) only when the field still holds them as typed — a number field
 * would have clamped them into a count. Only whole numbers reach `onCount`.
 */
export function CountInput({
  value,
  onCount,
  label,
  placeholder,
}: {
  value: number | null;
  onCount: (qty: number | null) => void;
  label: string;
  placeholder: string;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  // A count from elsewhere (a scan, the saved answer) replaces what the field shows.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    if (parseCount(text) !== value) setText(value === null ? '' : String(value));
  }
  const parsed = parseCount(text);
  return (
    <Input
      value={text}
      inputMode="numeric"
      autoComplete="off"
      status={parsed === undefined ? 'error' : undefined}
      placeholder={placeholder}
      className={styles.qtyInput}
      aria-label={label}
      // Leaving a field that holds no count puts back the count it had.
      onBlur={() => {
        if (parsed === undefined) setText(value === null ? '' : String(value));
      }}
      onChange={(event) => {
        setText(event.target.value);
        const qty = parseCount(event.target.value);
        if (qty !== undefined) onCount(qty);
      }}
    />
  );
}
