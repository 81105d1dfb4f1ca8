import type { CSSProperties } from 'react';
import { formatFen } from '../../../src-shared/money';
import styles from './Money.module.css';

/** ¥12.34 from integer fen, in figures of equal width so columns line up. */
export function Money({
  fen,
  negative = false,
  className,
  style,
}: {
  fen: number;
  /** Shown as a deduction: -¥20.00. */
  negative?: boolean;
  className?: string;
  style?: CSSProperties;
}) {
  return (
    <span className={[styles.money, className].filter(Boolean).join(' ')} style={style}>
      {negative && fen > 0 ? '-' : ''}
      {formatFen(fen)}
    </span>
  );
}
