import { Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductPicker } from '../../ui/ProductPicker';
import { StoreSelect } from '../../ui/StoreSelect';
import { TargetStoreLevel } from './ChainLevels';
import { LinesTable, QtyInput } from './LinesTable';
import { useProductLines } from './product-lines';
import { useLevelsOf, useTransfer } from './stock-queries';
import { StockFormDrawer } from './StockFormDrawer';
import { LabeledField, NoteField } from './StockFormFields';
import styles from './StockPage.module.css';

interface TransferLine {
  qty: number | null;
}

/** 调拨: goods leave one store and arrive at another in the same moment. */
export function TransferDrawer({
  storeId: initialStoreId,
  onClose,
}: {
  storeId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const transfer = useTransfer();
  const [fromStoreId, setFromStoreId] = useState(initialStoreId);
  const [toStoreId, setToStoreId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const { lines, add, update, remove } = useProductLines<TransferLine>(
    () => ({ qty: 1 }),
    (line) => ({ qty: (line.qty ?? 0) + 1 }),
  );
  const available = useLevelsOf(
    fromStoreId,
    lines.map((line) => line.product.id),
  );
  const valid =
    !!fromStoreId &&
    !!toStoreId &&
    fromStoreId !== toStoreId &&
    lines.length > 0 &&
    lines.every((line) => line.qty !== null);

  const save = async () => {
    if (!fromStoreId || !toStoreId) throw new Error('saved without both stores');
    await transfer.mutateAsync({
      fromStoreId,
      toStoreId,
      note,
      lines: lines.map((line) => ({ productId: line.product.id, qty: line.qty ?? 0 })),
    });
    return t('stock.transfer.done', { count: lines.length });
  };

  return (
    <StockFormDrawer
      title={t('stock.transfer.title')}
      submitText={t('stock.transfer.submit', { count: lines.length })}
      submitting={transfer.isPending}
      canSubmit={valid}
      save={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={8}>
          <LabeledField label={t('stock.transfer.from')}>
            <StoreSelect
              value={fromStoreId}
              onChange={(storeId) => {
                setFromStoreId(storeId);
                // The target list leaves the source out: a target that became the source goes.
                if (storeId === toStoreId) setToStoreId(undefined);
              }}
              aria-label={t('stock.transfer.from')}
            />
          </LabeledField>
        </Col>
        <Col span={8}>
          <LabeledField label={t('stock.transfer.to')}>
            <StoreSelect
              value={toStoreId}
              onChange={setToStoreId}
              exclude={fromStoreId}
              aria-label={t('stock.transfer.to')}
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
            key: 'available',
            title: t('stock.transfer.available'),
            width: 110,
            align: 'right',
            render: (_, line) => available.get(line.product.id) ?? '…',
          },
          {
            key: 'target',
            title: t('stock.transfer.target'),
            width: 130,
            align: 'right',
            render: (_, line) => (
              <TargetStoreLevel productId={line.product.id} storeId={toStoreId} />
            ),
          },
          {
            key: 'qty',
            title: t('stock.transfer.qty'),
            width: 150,
            render: (_, line) => {
              const left = available.get(line.product.id);
              const short = left !== undefined && line.qty !== null && line.qty > left;
              return (
                <>
                  <QtyInput
                    value={line.qty}
                    onChange={(qty) => update(line.product.id, { qty })}
                    label={t('stock.transfer.qtyOf', { name: line.product.name })}
                  />
                  {short && (
                    <Typography.Text type="warning" className={styles.lineNote}>
                      {t('stock.transfer.short')}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
        ]}
      />
    </StockFormDrawer>
  );
}
