import { Alert, App, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STOCKTAKE_PATH } from '../stocktake/StocktakePage';
import { ProductPicker } from '../../ui/ProductPicker';
import { StoreSelect } from '../../ui/StoreSelect';
import { LinesTable, QtyInput } from './LinesTable';
import { useProductLines, type ProductLine } from './product-lines';
import { useAdjust, useLevelsOf } from './stock-queries';
import { StockFormDrawer } from './StockFormDrawer';
import { LabeledField, NoteField } from './StockFormFields';

interface CountLine {
  counted: number | null;
}

/** Counted − expected, signed: "+3", "-2", "0". */
export const signed = (qty: number) => (qty > 0 ? `+${qty}` : String(qty));

/**
 * 盘点: count what is on the shelf; each line shows what the books expect and the difference,
 * and the stock is set to the count only after the differences are confirmed.
 */
export function StocktakeDrawer({
  storeId: initialStoreId,
  onClose,
}: {
  storeId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const adjust = useAdjust();
  const [storeId, setStoreId] = useState(initialStoreId);
  const [note, setNote] = useState('');
  // Scanning each item on the shelf counts it.
  const { lines, add, update, remove } = useProductLines<CountLine>(
    () => ({ counted: 1 }),
    (line) => ({ counted: (line.counted ?? 0) + 1 }),
  );
  const expected = useLevelsOf(
    storeId,
    lines.map((line) => line.product.id),
  );
  const differenceOf = (line: ProductLine<CountLine>) => {
    const books = expected.get(line.product.id);
    return books === undefined || line.counted === null ? null : line.counted - books;
  };
  const valid = !!storeId && lines.length > 0 && lines.every((line) => line.counted !== null);

  const confirm = (run: () => Promise<void>) => {
    const differences = lines.map(differenceOf);
    const gains = differences.filter((d) => d !== null && d > 0).length;
    const losses = differences.filter((d) => d !== null && d < 0).length;
    modal.confirm({
      title: t('stock.stocktake.confirmTitle'),
      content: t('stock.stocktake.confirmText', {
        count: lines.length,
        gains,
        losses,
        same: lines.length - gains - losses,
      }),
      okText: t('stock.stocktake.confirm'),
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const save = async () => {
    if (!storeId) throw new Error('saved without a store');
    const result = await adjust.mutateAsync({
      storeId,
      note,
      lines: lines.map((line) => ({ productId: line.product.id, countedQty: line.counted ?? 0 })),
    });
    const changed = result.lines.filter((line) => line.differenceQty !== 0).length;
    return t('stock.stocktake.done', { count: result.lines.length, changed });
  };

  return (
    <StockFormDrawer
      title={t('stock.stocktake.title')}
      submitText={t('stock.stocktake.submit', { count: lines.length })}
      submitting={adjust.isPending}
      canSubmit={valid}
      save={save}
      confirm={confirm}
      onClose={onClose}
    >
      {/* A few products here; a whole store or category on its count sheet (a draft kept). */}
      <Alert
        type="info"
        showIcon
        title={
          <>
            {t('stock.stocktake.wholeStore')}{' '}
            <Link to={STOCKTAKE_PATH}>{t('stock.stocktake.openSheet')}</Link>
          </>
        }
      />
      <Row gutter={16}>
        <Col span={10}>
          <LabeledField label={t('stock.stocktake.store')}>
            <StoreSelect
              value={storeId}
              onChange={setStoreId}
              aria-label={t('stock.stocktake.store')}
            />
          </LabeledField>
        </Col>
        <Col span={14}>
          <NoteField value={note} onChange={setNote} />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('stock.stocktake.hint')}</Typography.Text>
      <ProductPicker onPick={add} />
      <LinesTable
        lines={lines}
        onRemove={remove}
        columns={[
          {
            key: 'expected',
            title: t('stock.stocktake.expected'),
            width: 100,
            align: 'right',
            render: (_, line) => expected.get(line.product.id) ?? '…',
          },
          {
            key: 'counted',
            title: t('stock.stocktake.counted'),
            width: 120,
            render: (_, line) => (
              <QtyInput
                min={0}
                value={line.counted}
                onChange={(counted) => update(line.product.id, { counted })}
                label={t('stock.stocktake.countedOf', { name: line.product.name })}
              />
            ),
          },
          {
            key: 'difference',
            title: t('stock.stocktake.difference'),
            width: 100,
            align: 'right',
            render: (_, line) => {
              const difference = differenceOf(line);
              if (difference === null) return t('common.empty');
              return (
                <Typography.Text
                  strong
                  type={difference < 0 ? 'danger' : difference > 0 ? 'success' : 'secondary'}
                  data-testid="stocktake-difference"
                >
                  {signed(difference)}
                </Typography.Text>
              );
            },
          },
        ]}
      />
    </StockFormDrawer>
  );
}
