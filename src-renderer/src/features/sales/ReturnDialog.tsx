import { App, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TENDER_KINDS,
  type Sale,
  type SaleLine,
  type TenderKind,
} from '../../../../src-shared/contract/sales';
import { formatFen } from '../../../../src-shared/money';
import { useErrorText } from '../../i18n/error-text';
import { Money } from '../../ui/Money';
import { useReturnSale } from './sales-queries';

/** Goods of a sale coming back: how many of each line; the app works out the refund. */
export function ReturnDialog({ sale, onClose }: { sale: Sale; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const returnSale = useReturnSale();
  const [qtys, setQtys] = useState<Record<string, number | null>>({});
  const [reason, setReason] = useState('');
  // By the sale's own tenders unless the cashier picks one (the customer's card is not here...).
  const [refundTo, setRefundTo] = useState<TenderKind | undefined>();
  const lines = Object.entries(qtys)
    .filter(([, qty]) => !!qty)
    .map(([saleLineId, qty]) => ({ saleLineId, qty: qty ?? 0 }));

  const submit = async () => {
    try {
      const result = await returnSale.mutateAsync({ saleId: sale.id, lines, reason, refundTo });
      message.success(
        `${t('sale.returns.done', { refund: formatFen(result.refundFen) })} · ${t('till.refunds', {
          list: result.refunds
            .map((r) => `${t(`till.kinds.${r.kind}`)} ${formatFen(r.amountFen)}`)
            .join('，'),
        })}`,
      );
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('sale.returns.title')}
      okText={t('sale.returns.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: lines.length === 0 }}
      confirmLoading={returnSale.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Table<SaleLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={sale.lines}
        columns={[
          { key: 'name', title: t('sale.product'), dataIndex: 'name' },
          {
            key: 'paid',
            title: t('sale.returns.paid'),
            width: 150,
            align: 'right',
            render: (_, line) => <Money fen={line.amountFen - line.discountFen} />,
          },
          {
            key: 'left',
            title: t('sale.returns.returnable'),
            width: 90,
            align: 'right',
            render: (_, line) => line.qty - line.returnedQty,
          },
          {
            key: 'qty',
            title: t('sale.returns.qty'),
            width: 120,
            render: (_, line) => (
              <InputNumber
                min={0}
                max={line.qty - line.returnedQty}
                precision={0}
                disabled={line.qty === line.returnedQty}
                value={qtys[line.id] ?? null}
                onChange={(qty) => setQtys((current) => ({ ...current, [line.id]: qty }))}
                aria-label={t('sale.returns.qtyOf', { name: line.name })}
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('sale.returns.hint')}
      </Typography.Paragraph>
      <Select<TenderKind | 'original'>
        style={{ width: '100%', marginBottom: 12 }}
        value={refundTo ?? 'original'}
        onChange={(value) => setRefundTo(value === 'original' ? undefined : value)}
        options={[
          { value: 'original', label: t('till.refundOriginal') },
          ...TENDER_KINDS.map((kind) => ({ value: kind, label: t(`till.kinds.${kind}`) })),
        ]}
        aria-label={t('till.refundTo')}
      />
      <Input
        value={reason}
        maxLength={200}
        placeholder={t('sale.returns.reason')}
        onChange={(event) => setReason(event.target.value)}
        aria-label={t('sale.returns.reason')}
      />
    </Modal>
  );
}
