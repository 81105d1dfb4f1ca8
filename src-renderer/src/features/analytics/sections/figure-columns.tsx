import type { TableColumnType } from 'antd';
import { percentText } from '../../../ui/charts/chart-format';
import { Money } from '../../../ui/Money';

// The analytics tables' figure columns: right-aligned, sortable by their value, and shown as a
// count, an amount in yuan or a percentage.

interface Figure<T, V> {
  key: string;
  title: string;
  value: (row: T) => V;
  /** The column the table starts sorted by, biggest first. */
  sortFirst?: boolean;
}

function figureColumn<T, V extends number | null>(
  { key, title, value, sortFirst }: Figure<T, V>,
  show: (value: V) => React.ReactNode,
): TableColumnType<T> {
  return {
    key,
    title,
    align: 'right',
    // An empty figure (a rate of nothing) sorts below every real one.
    sorter: (a, b) => (value(a) ?? -1) - (value(b) ?? -1),
    ...(sortFirst ? { defaultSortOrder: 'descend' as const } : {}),
    render: (_, row) => show(value(row)),
  };
}

/** A whole number, grouped as the language writes it. */
export const countColumn = <T,>(figure: Figure<T, number>, language: string) =>
  figureColumn(figure, (n) => n.toLocaleString(language));

/** An amount in fen, shown in yuan. */
export const moneyColumn = <T,>(figure: Figure<T, number>) =>
  figureColumn(figure, (fen) => <Money fen={fen} />);

/** A ratio shown as a percentage; none shows a dash. */
export const percentColumn = <T,>(figure: Figure<T, number | null>) =>
  figureColumn(figure, (ratio) => percentText(ratio));
