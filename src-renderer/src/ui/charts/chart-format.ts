import { formatFen } from '../../../../src-shared/money';

/** '2026-11-21' → '11-21' on a day axis; weeks ('YYYY-MM-DD' Mondays) likewise, months stay. */
export const periodLabel = (period: string): string =>
  period.length === 10 ? period.slice(5) : period;

/** Axis figures short enough to read: ¥1.2万 / ¥12K, from fen. */
export function compactYuan(fen: number, language: string): string {
  const yuan = fen / 100;
  return `¥${new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(yuan)}`;
}

export const compactCount = (count: number, language: string): string =>
  new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(count);

/** 0.1234 → '12.3%'; null (nothing to divide by) → '—'. */
export const percentText = (ratio: number | null, digits = 1): string =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(digits)}%`;

/** −0.25 → '-25.0%', 0.1 → '+10.0%'. */
export const changeText = (ratio: number): string =>
  `${ratio > 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;

export { formatFen };
