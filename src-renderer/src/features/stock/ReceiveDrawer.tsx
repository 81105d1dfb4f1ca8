import { Col, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '../../../../src-shared/money';
import { fenToYuanText } from '../../forms/money';
import { YuanInput } from '../../forms/YuanInput';
import { Money } from '../../ui/Money';
import { ProductPicker } from '../../ui/ProductPicker';
import { StoreSelect } from '../../ui/StoreSelect';
import { LinesTable, QtyInput } from './LinesTable';
import { useProductLines } from './product-lines';
import { useReceive } from './stock-queries';
import { StockFormDrawer } from './StockFormDrawer';
import { LabeledField, NoteField } from './StockFormFields';
import styles from './StockPage.module.css';

interface ReceiveLine {
  qty: number | null;
  /** Typed yuan per unit; empty: cost not known. */
  costText: string;
}

/** 进货: goods arriving at a store, with what each unit cost. */
export function ReceiveDrawer({
  storeId: initialStoreId,
  onClose,
}: {
  storeId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const receive = useReceive();
  const [storeId, setStoreId] = useState(initialStoreId);
  const [supplier, setSupplier] = useState('');
  const [note, setNote] = useState('');
  const { lines, add, update, remove } = useProductLines<ReceiveLine>(
    (product) => ({ qty: 1, costText: fenToYuanText(product.costFen) }),
    (line) => ({ qty: (line.qty ?? 0) + 1 }),
  );
  const costOf = (line: ReceiveLine) => (line.costText.trim() ? parseYuan(line.costText) : null);
  const valid =
    !!storeId &&
    lines.length > 0 &&
    lines.every((line) => line.qty !== null && (!line.costText.trim() || costOf(line) !== null));
  const totalFen = lines.reduce((sum, line) => sum + (line.qty ?? 0) * (costOf(line) ?? 0), 0);

  const save = async () => {
    if (!storeId) throw new Error('saved without a store');
    await receive.mutateAsync({
      storeId,
      supplier,
      note,
      lines: lines.map((line) => ({
        productId: line.product.id,
        qty: line.qty ?? 0,
        unitCostFen: costOf(line),
      })),
    });
    return t('stock.receive.done', { count: lines.length });
  };

  return (
    <StockFormDrawer
      title={t('stock.receive.title')}
      submitText={t('stock.receive.submit', { count: lines.length })}
      submitting={receive.isPending}
      canSubmit={valid}
      save={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={8}>
          <LabeledField label={t('stock.receive.store')}>
            <StoreSelect
              value={storeId}
              onChange={setStoreId}
              aria-label={t('stock.receive.store')}
            />
          </LabeledField>
        </Col>
        <Col span={8}>
          <LabeledField label={t('stock.receive.supplier')}>
            <Input
              value={supplier}
              maxLength={60}
              placeholder={t('stock.optional')}
              onChange={(event) => setSupplier(event.target.value)}
            />
          </LabeledField>
        </Col>
        <Col span={8}>
          <NoteField value={note} onChange={setNote} />
        </Col>
      </Row>
      <ProductPicker onPick={add} />
      <LinesTable
        lines={lines}
        onRemove={remove}
        columns={[
          {
            key: 'qty',
            title: t('stock.receive.qty'),
            width: 120,
            render: (_, line) => (
              <QtyInput
                value={line.qty}
                onChange={(qty) => update(line.product.id, { qty })}
                label={t('stock.receive.qtyOf', { name: line.product.name })}
              />
            ),
          },
          {
            key: 'cost',
            title: t('stock.receive.unitCost'),
            width: 130,
            render: (_, line) => (
              <YuanInput
                value={line.costText}
                placeholder={t('stock.optional')}
                status={line.costText.trim() && costOf(line) === null ? 'error' : undefined}
                onChange={(event) => update(line.product.id, { costText: event.target.value })}
                aria-label={t('stock.receive.costOf', { name: line.product.name })}
              />
            ),
          },
          {
            key: 'amount',
            title: t('stock.receive.amount'),
            width: 110,
            align: 'right',
            render: (_, line) => {
              const cost = costOf(line);
              return cost === null || line.qty === null ? (
                t('common.empty')
              ) : (
                <Money fen={cost * line.qty} />
              );
            },
          },
        ]}
      />
      {lines.length > 0 && (
        <div className={styles.total}>
          {t('stock.receive.total')} <Money fen={totalFen} />
        </div>
      )}
    </StockFormDrawer>
  );
}
