import { App, Card, Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../../src-shared/contract/printing';
import type { Store, Terminal } from '../../../../src-shared/contract/stores';
import { useErrorText } from '../../i18n/error-text';
import { useSetDefaultPrinter } from './printing-queries';

interface TillRow {
  store: Store;
  terminal: Terminal;
}

/** Which printer each till prints on when nobody names one (after issuing, at the till). */
export function DefaultPrintersCard({
  stores,
  printers,
}: {
  stores: Store[];
  printers: Printer[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const setDefault = useSetDefaultPrinter();
  const rows: TillRow[] = stores.flatMap((store) =>
    store.terminals.filter((terminal) => terminal.active).map((terminal) => ({ store, terminal })),
  );
  const options = printers
    .filter((printer) => printer.active)
    .map((printer) => ({ value: printer.id, label: printer.name }));

  const choose = async (terminal: Terminal, printerId: string) => {
    try {
      await setDefault.mutateAsync({ terminalId: terminal.id, printerId });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const columns: TableColumnsType<TillRow> = [
    {
      key: 'till',
      title: t('printing.till'),
      render: (_, { store, terminal }) => `${store.name} · ${terminal.code} ${terminal.name}`,
    },
    {
      key: 'printer',
      title: t('printing.defaultPrinter'),
      width: 220,
      render: (_, { terminal }) => (
        <Select
          style={{ width: '100%' }}
          value={printers.find((printer) => printer.defaultFor.includes(terminal.id))?.id}
          placeholder={t('printing.noDefault')}
          options={options}
          aria-label={t('printing.defaultForTerminal', { code: terminal.code })}
          onChange={(printerId: string) => void choose(terminal, printerId)}
        />
      ),
    },
  ];
  return (
    <Card title={t('printing.defaultsTitle')} size="small">
      <Table
        rowKey={(row) => row.terminal.id}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </Card>
  );
}
