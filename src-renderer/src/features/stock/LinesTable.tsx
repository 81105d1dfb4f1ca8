import { DeleteOutlined } from '@ant-design/icons';
import { Button, InputNumber, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProductName } from '../../ui/ProductName';
import type { ProductLine } from './product-lines';
import styles from './StockPage.module.css';

/** A whole quantity field for a line (stock is counted in the product's units). */
export function QtyInput({
  value,
  min = 1,
  onChange,
  label,
}: {
  value: number | null;
  min?: number;
  onChange: (value: number | null) => void;
  label: string;
}) {
  return (
    <InputNumber
      min={min}
      max={1_000_000}
      precision={0}
      value={value}
      onChange={onChange}
      status={value === null ? 'error' : undefined}
      className={styles.qtyInput}
      aria-label={label}
    />
  );
}

/** The lines of a stock form: the product first, the form's own columns, then a remove button. */
export function LinesTable<T extends object>({
  lines,
  columns,
  onRemove,
}: {
  lines: ProductLine<T>[];
  columns: TableColumnsType<ProductLine<T>>;
  onRemove: (productId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<ProductLine<T>>
      rowKey={(line) => line.product.id}
      size="small"
      pagination={false}
      dataSource={lines}
      locale={{ emptyText: t('stock.lines.empty') }}
      columns={[
        {
          key: 'product',
          title: t('stock.columns.product'),
          render: (_, line) => (
            <ProductName
              name={line.product.name}
              detail={`${line.product.sku} · ${line.product.unit}`}
            />
          ),
        },
        ...columns,
        {
          key: 'remove',
          width: 48,
          render: (_, line) => (
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('stock.lines.remove', { name: line.product.name })}
              onClick={() => onRemove(line.product.id)}
            />
          ),
        },
      ]}
    />
  );
}
