import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../../src-shared/contract/printing';
import type { Store } from '../../../../src-shared/contract/stores';
import { addressOf } from './printer-status';
import { PrinterStatusTag } from './PrinterStatusTag';

export type PrinterAction = 'edit' | 'test' | 'deactivate' | 'activate';

interface PrintersTableProps {
  printers: Printer[];
  stores: Store[];
  onAction: (action: PrinterAction, printer: Printer) => void;
}

/** Every printer: how it is connected, its paper, what it says now, the tills using it. */
export function PrintersTable({ printers, stores, onAction }: PrintersTableProps) {
  const { t } = useTranslation();
  const terminalCode = new Map(
    stores.flatMap((store) => store.terminals.map((terminal) => [terminal.id, terminal.code])),
  );
  const columns: TableColumnsType<Printer> = [
    {
      key: 'name',
      title: t('printing.name'),
      render: (_, printer) => <Typography.Text strong>{printer.name}</Typography.Text>,
    },
    {
      key: 'address',
      title: t('printing.transport'),
      render: (_, printer) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{t(`printing.kind.${printer.transport.kind}`)}</Typography.Text>
          <Typography.Text type="secondary" copyable>
            {addressOf(printer)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'paper',
      title: t('printing.paper'),
      width: 150,
      render: (_, printer) =>
        t('printing.paperText', {
          mm: printer.widthMm,
          copies: printer.copies,
          cut: t(`printing.cutMode.${printer.cut}`),
        }),
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 110,
      render: (_, printer) => <PrinterStatusTag printer={printer} />,
    },
    {
      key: 'default',
      title: t('printing.defaultFor'),
      width: 160,
      render: (_, printer) =>
        printer.defaultFor.length === 0
          ? t('common.empty')
          : printer.defaultFor.map((id) => <Tag key={id}>{terminalCode.get(id) ?? '?'}</Tag>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 300,
      render: (_, printer) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => onAction('test', printer)} disabled={!printer.active}>
            {t('printing.testPage')}
          </Button>
          <Button type="link" onClick={() => onAction('edit', printer)}>
            {t('common.edit')}
          </Button>
          {printer.active ? (
            <Button type="link" danger onClick={() => onAction('deactivate', printer)}>
              {t('printing.deactivate')}
            </Button>
          ) : (
            <Button type="link" onClick={() => onAction('activate', printer)}>
              {t('printing.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table rowKey="id" size="middle" columns={columns} dataSource={printers} pagination={false} />
  );
}
