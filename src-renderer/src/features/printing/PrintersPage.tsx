import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../../src-shared/contract/printing';
import { useErrorText } from '../../i18n/error-text';
import { useStores } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { DailySummaryModal } from './DailySummaryModal';
import { DefaultPrintersCard } from './DefaultPrintersCard';
import { LogoCard } from './LogoCard';
import { PrinterFormModal } from './PrinterFormModal';
import { PrintersTable, type PrinterAction } from './PrintersTable';
import { usePrinters, useUpdatePrinter } from './printing-queries';
import { PrintQueuePanel } from './PrintQueuePanel';
import { TestPageModal } from './TestPageModal';
import styles from './PrintersPage.module.css';

type OpenDialog =
  | { kind: 'form'; printer: Printer | null }
  | { kind: 'test'; printer: Printer }
  | { kind: 'summary' };

/** Receipt printers: how each is connected, the tills' defaults, the slip logo, the queue. */
export function PrintersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const printers = usePrinters();
  const stores = useStores();
  const update = useUpdatePrinter();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);

  const onAction = async (action: PrinterAction, printer: Printer) => {
    if (action === 'edit') return setDialog({ kind: 'form', printer });
    if (action === 'test') return setDialog({ kind: 'test', printer });
    try {
      await update.mutateAsync({ id: printer.id, active: action === 'activate' });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('printing.title')}
        subtitle={t('printing.subtitle')}
        extra={
          <Space>
            <Button
              size="large"
              icon={<FileTextOutlined />}
              disabled={!printers.data?.some((printer) => printer.active)}
              onClick={() => setDialog({ kind: 'summary' })}
            >
              {t('printing.summary.title')}
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'form', printer: null })}
            >
              {t('printing.add')}
            </Button>
          </Space>
        }
      />
      <div className={styles.page}>
        <Card size="small">
          {printers.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
          {printers.isError && <Alert type="error" showIcon title={errorText(printers.error)} />}
          {printers.data?.length === 0 && <Empty description={t('printing.empty')} />}
          {!!printers.data?.length && (
            <PrintersTable
              printers={printers.data}
              stores={stores.data ?? []}
              onAction={(action, printer) => void onAction(action, printer)}
            />
          )}
        </Card>
        <div className={styles.columns}>
          <DefaultPrintersCard stores={stores.data ?? []} printers={printers.data ?? []} />
          <LogoCard canEdit />
        </div>
        <PrintQueuePanel />
      </div>
      {dialog?.kind === 'form' && <PrinterFormModal editing={dialog.printer} onClose={close} />}
      {dialog?.kind === 'test' && <TestPageModal printer={dialog.printer} onClose={close} />}
      {dialog?.kind === 'summary' && (
        <DailySummaryModal stores={stores.data ?? []} onClose={close} />
      )}
    </>
  );
}
