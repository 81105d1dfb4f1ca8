import { Badge, Button, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Terminal } from '../../../../src-shared/contract/stores';

export type TerminalAction = 'rename' | 'keys' | 'deactivate' | 'activate';

interface TerminalsTableProps {
  terminals: Terminal[];
  onAction: (action: TerminalAction, terminal: Terminal) => void;
}

/** The tills of one store with what can be done to each. */
export function TerminalsTable({ terminals, onAction }: TerminalsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Terminal> = [
    {
      key: 'code',
      title: t('stores.terminalCode'),
      width: 100,
      render: (_, terminal) => <Typography.Text strong>{terminal.code}</Typography.Text>,
    },
    { key: 'name', title: t('stores.terminalName'), dataIndex: 'name' },
    {
      key: 'status',
      title: t('common.status'),
      width: 140,
      render: (_, terminal) =>
        terminal.active ? (
          <Badge status="success" text={t('stores.terminalActive')} />
        ) : (
          <Badge status="default" text={t('stores.terminalInactive')} />
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 320,
      render: (_, terminal) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => onAction('keys', terminal)}>
            {t('stores.apiKeys')}
          </Button>
          <Button type="link" onClick={() => onAction('rename', terminal)}>
            {t('stores.renameTerminal')}
          </Button>
          {terminal.active ? (
            <Popconfirm
              title={t('stores.confirmDeactivateTerminal', { code: terminal.code })}
              okText={t('stores.deactivateTerminal')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => onAction('deactivate', terminal)}
            >
              <Button type="link" danger>
                {t('stores.deactivateTerminal')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" onClick={() => onAction('activate', terminal)}>
              {t('stores.activateTerminal')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table rowKey="id" size="middle" columns={columns} dataSource={terminals} pagination={false} />
  );
}
