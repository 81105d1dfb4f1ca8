import { Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { StocktakeLine } from '../../../../src-shared/contract/stocktake';
import { Money } from '../../ui/Money';
import { ProductName } from '../../ui/ProductName';
import styles from './StocktakePage.module.css';

/** Counted − books, signed: "+3", "-2", "0". */
export const signed = (qty: number) => (qty > 0 ? `+${qty}` : String(qty));

/**
 * The columns of a count sheet, on screen and in the result: the product, the books, what was
 * counted (the caller's cell: a field while counting, a figure after), the difference and its value.
 */
export function stocktakeColumns(
  t: TFunction,
  counted: TableColumnsType<StocktakeLine>[number],
): TableColumnsType<StocktakeLine> {
  return [
    {
      key: 'product',
      title: t('stocktake.sheet.product'),
      render: (_, line) => (
        <ProductName
          name={line.productName}
          detail={[line.sku, line.barcode].filter(Boolean).join(' · ')}
        />
      ),
    },
    {
      key: 'category',
      title: t('stocktake.sheet.category'),
      width: 110,
      render: (_, line) => line.category || t('stock.noCategory'),
    },
    {
      key: 'book',
      title: t('stocktake.sheet.book'),
      width: 90,
      align: 'right',
      render: (_, line) => (
        <span className={styles.number}>
          {line.bookQty} {line.unit}
        </span>
      ),
    },
    counted,
    {
      key: 'difference',
      title: t('stocktake.sheet.difference'),
      width: 90,
      align: 'right',
      render: (_, line) =>
        line.differenceQty === null ? (
          <Typography.Text type="secondary">{t('stocktake.sheet.uncounted')}</Typography.Text>
        ) : (
          <Typography.Text
            strong
            className={styles.number}
            type={
              line.differenceQty < 0 ? 'danger' : line.differenceQty > 0 ? 'success' : 'secondary'
            }
            data-testid="stocktake-difference"
          >
            {signed(line.differenceQty)}
          </Typography.Text>
        ),
    },
    {
      key: 'unitValue',
      title: t('stocktake.sheet.unitValue'),
      width: 130,
      align: 'right',
      render: (_, line) => (
        <span>
          <Money fen={line.unitValueFen} />{' '}
          <Tag color={line.valueBasis === 'cost' ? 'blue' : 'default'}>
            {line.valueBasis === 'cost'
              ? t('stocktake.sheet.atCost')
              : t('stocktake.sheet.atRetail')}
          </Tag>
        </span>
      ),
    },
    {
      key: 'value',
      title: t('stocktake.sheet.value'),
      width: 110,
      align: 'right',
      render: (_, line) =>
        line.valueFen === null || line.valueFen === 0 ? (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ) : (
          <Money fen={line.valueFen} className={line.valueFen < 0 ? styles.loss : styles.gain} />
        ),
    },
  ];
}
